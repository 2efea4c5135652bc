/**
 * The page's only script, served from the bot itself: it listens to the page's event stream and
 * updates the numbers and the chart in place. The page is complete without it.
 */
export const LIVE_SCRIPT = `(function () {
  var url = document.body.getAttribute('data-live');
  if (!url || typeof EventSource === 'undefined') return;
  function set(id, text) {
    var el = document.getElementById(id);
    if (el && el.textContent !== text) el.textContent = text;
  }
  var source = new EventSource(url);
  source.addEventListener('state', function (event) {
    var s = JSON.parse(event.data);
    set('drive-count', String(s.driveCount));
    set('drive-count-label', s.countLabel);
    set('total', s.totalText);
    set('updated', s.updated);
    if (s.goalText) set('goal', s.goalText);
    var bar = document.getElementById('progress');
    if (bar) bar.value = Math.min(s.driveCount, Number(bar.max));
    var chart = document.getElementById('chart');
    if (chart && s.svg) chart.innerHTML = s.svg;
    Object.keys(s.html || {}).forEach(function (id) {
      var el = document.getElementById(id);
      if (el && el.innerHTML !== s.html[id]) el.innerHTML = s.html[id];
    });
  });
})();
`;
