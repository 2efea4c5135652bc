import { BUNDLED_APPEALS } from '../src/app/app.js';
import { loadAppealFiles } from '../src/core/appeals.js';
import { driveChartSvg } from '../src/core/chart/drive-chart.js';
import type { SeriesPoint } from '../src/core/chart/series.js';
import { driveSchema, METHODS } from '../src/core/drive.js';
import { translator } from '../src/core/i18n/index.js';
import { renderPage } from '../src/web/page/html.js';
import { loadView, type PageSource } from '../src/web/page/view.js';
import { pngRenderer } from '../src/web/png.js';
import { emit, summarize, type BenchLine } from './lib.js';

/**
 * The drive page and its chart on a 30-day drive with actions in every hour by every method (the
 * largest series a month-long drive gives). Page render: read the counters from an in-memory source,
 * draw the SVG, write the HTML. PNG render: resvg on the same SVG, after one warm-up render.
 */
export async function benchWeb(pages = 300, pngs = 30): Promise<BenchLine[]> {
  const from = Date.parse('2026-11-01T00:00:00Z');
  const points: SeriesPoint[] = [];
  for (let h = 0; h < 30 * 24; h++) {
    const hour = new Date(from + h * 3_600_000).toISOString().slice(0, 13);
    for (const method of METHODS) points.push({ hour, method, count: 1 + ((h * 7 + method.length) % 5) });
  }
  const total = points.reduce((s, p) => s + p.count, 0);
  const drive = driveSchema.parse({ id: 'bench', appealId: 'ua-34-25', space: 'telegram:-1', goal: 20_000, deadline: '2026-12-15', timezone: 'Europe/Paris', status: 'active', startedAt: new Date(from).toISOString(), page: true, pageId: 'bench-page-id-0123456789' });
  const { appeals } = await loadAppealFiles(BUNDLED_APPEALS);
  const now = new Date(from + 30 * 86_400_000);
  const source: PageSource = {
    drives: { byPage: async () => drive },
    appeals: { viewFor: () => ({ getWithOwnCopy: async (id) => appeals.find((a) => a.id === id) }) },
    ledger: {
      tally: async () => ({ appealId: 'ua-34-25', actions: total, members: total, byMethod: { email: total }, bySpace: { 'telegram:-1': total }, byPlatform: { telegram: total } }),
      series: async () => points,
    },
    clock: { now: () => now },
  };
  const link = (path: string) => `https://drives.example.org${path}`;
  const latencies: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < pages; i++) {
    const t0 = performance.now();
    const html = renderPage((await loadView(source, 'bench-page-id-0123456789'))!, { link, embed: false });
    latencies.push(performance.now() - t0);
    bytes = Buffer.byteLength(html);
  }
  const page = emit(summarize('web.page.render', latencies, performance.now() - started, { html_bytes: bytes, series_points: points.length }));

  const render = pngRenderer();
  const svg = driveChartSvg(drive, points, { t: translator('en'), locale: 'en', now });
  await render(svg);
  const pngLatencies: number[] = [];
  let pngBytes = 0;
  const pngStarted = performance.now();
  for (let i = 0; i < pngs; i++) {
    const t0 = performance.now();
    pngBytes = (await render(svg)).byteLength;
    pngLatencies.push(performance.now() - t0);
  }
  const png = emit(summarize('web.chart.png', pngLatencies, performance.now() - pngStarted, { png_bytes: pngBytes, svg_bytes: svg.length }));
  return [page, png];
}
