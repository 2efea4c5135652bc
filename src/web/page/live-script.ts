/**
 * The page's only script, served from the bot itself: it listens to the page's event stream and
 * updates the numbers and the chart in place. The page is complete without it. When the bot refuses
 * a stream (its cap per address or in all: a room whose phones share one address), it reads the
 * page's state every 5 s instead, so the total still moves.
 */
export const LIVE_SCRIPT = `(function () {
  var url = document.body.getAttribute('data-live');
  if (!url || typeof EventSource === 'undefined') return;
  function set(id, text) {
    var el = document.getElementById(id);
    if (el && el.textContent !== text) el.textContent = text;
  }
  function apply(s) {
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
  }
  var source = new EventSource(url);
  source.addEventListener('state', function (event) {
    apply(JSON.parse(event.data));
  });
  var polling = false;
  source.onerror = function () {
    // CLOSED: the stream was refused (429 or 503), not merely dropped (the browser retries those itself).
    if (source.readyState !== 2 || polling) return;
    polling = true;
    var stateUrl = url.slice(0, url.lastIndexOf('/')) + '/state';
    setInterval(function () {
      fetch(stateUrl, { cache: 'no-store' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) { if (s) apply(s); })
        .catch(function () {});
    }, 5000);
  };
})();
`;
