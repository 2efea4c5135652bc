// The drive page's HTML: server-rendered tally, chart, milestones and how to act, complete without
// JavaScript.
import { mainTargets } from '../../core/appeal.js';
import { METHODS } from '../../core/drive.js';
import { renderLetter } from '../../core/letter.js';
import { mailLinksWithin } from '../../core/kit/webmail.js';
import { longDate, tallyText, timeLeftText } from '../../commands/shared.js';
import { PLATFORM_NAMES } from '../../commands/progress.js';
import { escapeXml as esc } from '../../core/chart/svg.js';
import type { LiveState, PageView } from './view.js';

export const MILESTONES = [25, 50, 75, 100] as const;

/** Small enough to inline: one request for the page, none for styles. Contrast 7:1 or more. */
const STYLE = `:root{color-scheme:light;--ink:#111;--muted:#444;--line:#ccc;--accent:#0b5394}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
main{max-width:46rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.ref,.small{color:var(--muted);font-size:.9rem}.count{font-size:3rem;font-weight:700;line-height:1}.tally{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline}
progress{width:100%;height:1rem;accent-color:var(--accent)}figure{margin:0}svg{max-width:100%;height:auto}table{border-collapse:collapse}th,td{text-align:left;padding:.2rem .8rem .2rem 0;border-bottom:1px solid var(--line)}
a{color:var(--accent)}pre{white-space:pre-wrap;background:#f4f4f4;padding:.75rem;border-radius:4px;font:inherit}ul{padding-left:1.2rem}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}`;

function milestoneList(view: PageView): string {
  const { t, drive } = view;
  const reached = drive.goal ? MILESTONES.filter((p) => view.driveCount >= (drive.goal! * p) / 100) : [];
  return reached.length > 0 ? `<ul>${reached.map((p) => `<li>${esc(t('page_milestone', { percent: p }))}</li>`).join('')}</ul>` : `<p>${esc(t('page_no_milestone'))}</p>`;
}

function methodRows(view: PageView): string {
  const { t } = view;
  return METHODS.filter((m) => view.tally.byMethod[m]).map((m) => `<tr><th scope="row">${esc(t(`method_${m}`))}</th><td>${view.tally.byMethod[m]}</td></tr>`).join('');
}

/**
 * A campaign's cases (or a drive's table letters): each case's members' actions here and letters
 * written at event tables, as counts. Never an entry's note.
 */
function casesSection(view: PageView): string {
  const { t } = view;
  if (view.cases.length < 2 && view.table === 0) return '';
  return `<section aria-labelledby="h-cases"><h2 id="h-cases">${esc(t('page_cases'))}</h2><p id="table-count">${tableCount(view)}</p>
<table id="cases"><thead><tr><th scope="col">${esc(t('page_cases'))}</th><th scope="col">${esc(t('page_count'))}</th><th scope="col">${esc(t('page_table_column'))}</th><th scope="col"></th></tr></thead><tbody id="cases-rows">${caseRows(view)}</tbody></table></section>`;
}

/** A case's goal counts its members' actions in this space, as the drive's goal does. */
function caseRows(view: PageView): string {
  const { t } = view;
  return view.cases
    .map((c) => `<tr><th scope="row">${c.number}. ${esc(c.title)}</th><td>${c.actions}</td><td>${c.table}</td><td>${c.goal ? esc(t('progress_case_goal', { percent: Math.floor((c.actions / c.goal) * 100), goal: c.goal })) : ''}</td></tr>`)
    .join('');
}

const tableCount = (view: PageView) => esc(view.t('page_table', { count: view.table }));

function platformItems(view: PageView): string {
  return Object.entries(view.tally.byPlatform).map(([p, n]) => `<li>${esc(PLATFORM_NAMES[p] ?? p)}: ${n}</li>`).join('');
}

/** What a page update changes, built the same for the first render and for the live stream. */
export function liveState(view: PageView): LiveState {
  const { t } = view;
  const time = new Intl.DateTimeFormat(view.locale, { timeStyle: 'short', dateStyle: 'medium', timeZone: view.drive.timezone }).format(view.now);
  return {
    driveCount: view.driveCount,
    countLabel: t('page_drive_count', { count: view.driveCount }),
    percent: view.percent,
    ...(view.drive.goal ? { goalText: t('page_goal', { goal: view.drive.goal, percent: view.percent ?? 0 }) } : {}),
    total: view.tally.actions,
    members: view.tally.members,
    svg: view.svg,
    totalText: t('page_total', { tally: tallyText(t, view.tally) }),
    updated: t('page_updated', { time }),
    html: { milestones: milestoneList(view), 'by-method-rows': methodRows(view), 'by-platform': platformItems(view), 'cases-rows': caseRows(view), 'table-count': tableCount(view) },
  };
}

function goalLine(view: PageView): string {
  const { t, drive } = view;
  if (!drive.goal) return `<p id="goal">${esc(t('page_no_goal'))}</p>`;
  return `<p id="goal">${esc(liveState(view).goalText ?? '')}</p><progress id="progress" max="${drive.goal}" value="${Math.min(view.driveCount, drive.goal)}" aria-labelledby="goal"></progress>`;
}

function milestones(view: PageView): string {
  const { t, drive } = view;
  if (!drive.goal) return '';
  return `<section aria-labelledby="h-milestones"><h2 id="h-milestones">${esc(t('page_milestones'))}</h2><div id="milestones">${milestoneList(view)}</div></section>`;
}

function byMethodTable(view: PageView): string {
  const { t } = view;
  return `<h2>${esc(t('progress_by_method'))}</h2><table id="by-method"><caption class="small">${esc(t('page_table_caption'))}</caption><thead><tr><th scope="col">${esc(t('page_method'))}</th><th scope="col">${esc(t('page_count'))}</th></tr></thead><tbody id="by-method-rows">${methodRows(view)}</tbody></table>
<h2>${esc(t('progress_by_platform'))}</h2><ul id="by-platform">${platformItems(view)}</ul>`;
}

function howToAct(view: PageView): string {
  const { t, appeal, drive } = view;
  const officials = mainTargets(appeal).map((target, i) => {
    const letter = renderLetter(appeal, { target: String(i + 1), now: view.now, timezone: drive.timezone });
    const mail = mailLinksWithin(letter, 8000).find((l) => l.client === 'mailto');
    const who = [target.name, target.title].filter(Boolean).join(', ');
    const address = [target.organisation, ...target.address, target.country].filter(Boolean).join(', ');
    return `<li><strong>${esc(who)}</strong>${address ? `<br><span class="small">${esc(address)}</span>` : ''}${mail ? `<br><a href="${esc(mail.url)}">${esc(t('page_email_to', { name: target.name }))}</a>` : ''}</li>`;
  });
  const letter = renderLetter(appeal, { now: view.now, timezone: drive.timezone });
  return `<section aria-labelledby="h-how"><h2 id="h-how">${esc(t('page_how'))}</h2><p>${esc(t('page_how_text'))}</p>
<h3>${esc(t('page_officials'))}</h3><ul>${officials.join('')}</ul>
<details><summary>${esc(t('page_letter'))}</summary><pre lang="${esc(letter.lang)}">${esc(letter.text)}</pre></details></section>`;
}

/** What became of the appeal, newest first: the news its moderators (or the operator) posted. */
function newsSection(view: PageView): string {
  if (view.news.length === 0) return '';
  const { t } = view;
  const items = view.news.map((n) => {
    const what = t(n.outcome === 'good' ? 'page_news_good' : n.outcome === 'closed' ? 'page_news_closed' : 'page_news_update');
    const deadline = n.deadline ? ` ${t('news_new_deadline', { deadline: longDate(n.deadline, view.locale, true) })}` : '';
    return `<li><strong>${esc(longDate(n.at.slice(0, 10), view.locale, true))}, ${esc(what)}:</strong> ${esc(n.text)}${esc(deadline)}</li>`;
  });
  return `<section aria-labelledby="h-news"><h2 id="h-news">${esc(t('page_news'))}</h2><ul>${items.join('')}</ul></section>`;
}

/**
 * The drive page: complete without JavaScript; `live.js` then keeps the numbers and the chart
 * current. `embed` drops everything but the tally and the chart, for a group's own site.
 */
export function renderPage(view: PageView, options: { link: (path: string) => string; embed: boolean }): string {
  const { t, appeal, drive } = view;
  const title = view.title;
  const state = liveState(view);
  const base = `/d/${view.pageId}`;
  const description = `${view.cases.length > 1 ? title : appeal.reference}. ${tallyText(t, view.tally)}`;
  const deadline = t('page_deadline', { date: longDate(drive.deadline, view.locale, true), timezone: drive.timezone });
  const head = `<!doctype html><html lang="${view.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><meta name="description" content="${esc(description)}"><link rel="icon" href="data:,">
<meta property="og:type" content="website"><meta property="og:title" content="${esc(title)}"><meta property="og:description" content="${esc(description)}">
<meta property="og:url" content="${esc(options.link(base))}"><meta property="og:image" content="${esc(options.link(`${base}/chart.png`))}"><meta property="og:image:alt" content="${esc(t('chart_png_alt'))}"><meta name="twitter:card" content="summary_large_image">
<style>${STYLE}</style><script src="/assets/live.js" defer></script></head>`;
  const tally = `<section aria-labelledby="h-tally"><h2 id="h-tally" class="small">${esc(view.cases.length > 1 ? title : appeal.reference)}</h2>
<div class="tally" aria-live="polite"><span class="count" id="drive-count">${state.driveCount}</span><span id="drive-count-label">${esc(state.countLabel)}</span></div>
${goalLine(view)}<p id="total">${esc(state.totalText)}</p></section>
<section aria-labelledby="h-chart"><h2 id="h-chart">${esc(t('page_chart_heading'))}</h2><figure id="chart">${state.svg}</figure></section>`;
  // The same honest wording as /report: what the count is, and what it is not.
  const footer = `<p class="small" id="honest">${esc(t('report_honest'))}</p><p class="small"><span id="updated">${esc(state.updated)}</span> ${esc(t('page_live'))}</p>`;
  if (options.embed) {
    return `${head}<body data-live="${base}/events"><main><h1>${esc(title)}</h1>${tally}${footer}<p class="small"><a href="${esc(options.link(base))}" target="_top">${esc(t('page_how'))}</a></p></main></body></html>`;
  }
  // A campaign's page lists its cases; each case's letter is had with /letter CASE in the group.
  const campaign = view.cases.length > 1;
  return `${head}<body data-live="${base}/events"><main><p class="ref">${esc(campaign ? '' : appeal.reference)}</p><h1>${esc(title)}</h1>
${!campaign && appeal.summary ? `<p>${esc(appeal.summary)}</p>` : ''}<p><strong>${esc(deadline)}</strong> ${esc(timeLeftText(t, drive, view.now, view.locale))}.</p>
${newsSection(view)}${tally}${casesSection(view)}${milestones(view)}${byMethodTable(view)}${campaign ? '' : howToAct(view)}${footer}</main></body></html>`;
}
