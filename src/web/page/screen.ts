// The projector view of a drive page (`?screen=1`): the total and each case, large enough to read from the back of a room.
import { escapeXml as esc } from '../../core/chart/svg.js';
import { liveState } from './html.js';
import type { LiveState, PageView } from './view.js';

/** One case as the screen shows it: counts and the appeal's public title only, never a member or a note. */
export type ScreenCase = { number: number; appealId: string; title: string; count: number; goal: number | null };

/**
 * The drive's cases, each counted as the room sees it: members' actions in this space and letters
 * entered for the case at event tables together. A case without a goal of its own, in a drive of
 * one case, is measured against the drive's.
 */
export function screenCases(view: PageView): ScreenCase[] {
  const only = view.cases.length === 1;
  return view.cases.map((c) => ({ number: c.number, appealId: c.appealId, title: c.title, count: c.actions + c.table, goal: c.goal ?? (only ? view.drive.goal : null) }));
}

/**
 * Dark ground and light type (a projector washes out pale colours): white on #111 is 18:1, the yellow
 * total 13:1. Sizes follow the viewport's height, so the same page fits a 1280x720 beamer and a
 * 1920x1080 screen; more cases take smaller type and two columns.
 */
const STYLE = `:root{color-scheme:dark}*{box-sizing:border-box}
html,body{margin:0;height:100%;background:#111;color:#fff;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
body{display:flex;flex-direction:column;padding:3vh 4vw}
header{flex:none}h1{margin:0;font-size:5vh;line-height:1.15;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
main{flex:1;display:flex;flex-direction:column;min-height:0}
.total{display:flex;align-items:baseline;flex-wrap:wrap;gap:0 3vw;margin:1vh 0}
#screen-count{font-size:22vh;font-weight:800;line-height:1;color:#ffd54f;font-variant-numeric:tabular-nums}
.label{font-size:5vh}#screen-table,#goal,#total{font-size:3.2vh;margin:.5vh 0;color:#e0e0e0}
h2{font-size:3.6vh;margin:2vh 0 1vh;color:#e0e0e0}
ol{list-style:none;margin:0;padding:0;display:grid;gap:1vh 4vw}
li{display:flex;align-items:baseline;gap:2vw;font-size:var(--case);line-height:1.2;min-width:0}
.n{flex:none;color:#e0e0e0}.title{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.count{flex:none;font-weight:700;font-variant-numeric:tabular-nums}
footer{flex:none;font-size:2.8vh;color:#e0e0e0;display:flex;justify-content:space-between;gap:4vw;flex-wrap:wrap}
footer p{margin:0}.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}`;

/** Type for the cases by how many there are: a few in one column, up to ten and more in two. */
function caseLayout(count: number): string {
  if (count <= 3) return '--case:6vh';
  if (count <= 5) return '--case:4.6vh';
  return '--case:3.8vh;grid-template-columns:1fr 1fr';
}

function caseItems(cases: readonly ScreenCase[], view: PageView): string {
  return cases
    .map((c) => {
      const goal = c.goal ? ` <span class="goal">${esc(view.t('screen_goal', { goal: c.goal }))}</span>` : '';
      return `<li><span class="n">${c.number}.</span><span class="title" lang="${esc(c.appealId === view.appeal.id ? view.appeal.letter.lang : view.locale)}">${esc(c.title)}</span><span class="count">${c.count}${goal}</span></li>`;
    })
    .join('');
}

/** The live state with the screen's case list, rebuilt on the server like the page's other parts. */
/**
 * The live state with the screen's parts, rebuilt on the server like the page's others: the case list,
 * and the big number, which is what the room did (members' actions here and letters entered at the
 * tables together: the sum of the cases' counts), with the tables' share said beneath it. The page's
 * own count is left as it is: every open page of the drive gets this same state.
 */
export function screenState(view: PageView, cases: readonly ScreenCase[] = screenCases(view)): LiveState {
  const state = liveState(view);
  const tables = view.table > 0 ? esc(view.t('page_table', { count: view.table })) : '';
  return { ...state, html: { ...state.html, 'screen-cases': caseItems(cases, view), 'screen-count': String(state.driveCount + view.table), 'screen-table': tables } };
}

/**
 * The projector view: the drive's count huge, then each case and its count, then how to take part;
 * the page's live script keeps it current (or reads the state every few seconds when the room's
 * shared address is over the live-update cap). No member, note or name of anyone who acted.
 */
export function renderScreen(view: PageView, cases: readonly ScreenCase[] = screenCases(view)): string {
  const { t } = view;
  const state = screenState(view, cases);
  const base = `/d/${view.pageId}`;
  return `<!doctype html><html lang="${view.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(t('screen_title', { title: view.title }))}</title><link rel="icon" href="data:,"><style>${STYLE}</style><script src="/assets/live.js" defer></script></head>
<body data-live="${base}/events"><header><h1>${esc(view.title)}</h1></header>
<main><section aria-labelledby="h-total"><h2 id="h-total" class="vh">${esc(t('screen_total'))}</h2>
<div class="total" aria-live="polite"><span id="screen-count">${state.html['screen-count']}</span><span class="label">${esc(t('screen_total'))}</span></div>
<p id="screen-table">${state.html['screen-table']}</p>${state.goalText ? `<p id="goal">${esc(state.goalText)}</p>` : ''}<p id="total">${esc(state.totalText)}</p></section>
<section aria-labelledby="h-cases"><h2 id="h-cases">${esc(t('screen_cases'))}</h2><ol id="screen-cases" style="${caseLayout(cases.length)}">${state.html['screen-cases']}</ol></section></main>
<footer><p>${esc(t('screen_how'))}</p><p id="updated">${esc(state.updated)}</p></footer></body></html>`;
}
