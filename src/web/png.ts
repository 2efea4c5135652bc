// Chart PNGs through resvg with the bundled fonts, loaded on first use.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Resvg from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/** The bundled DejaVu fonts: charts never depend on the host's fonts, and nothing is fetched. */
export function chartFontFiles(): string[] {
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => join(dir, file));
}

export type PngRenderer = (svg: string) => Promise<Uint8Array>;

/**
 * Loads resvg without stopping the bot. Its loader asks `process.report` whether the C library is
 * musl, and a report by default looks up the host name of every open socket's addresses, one after
 * another, with the event loop stopped: behind a listener on `::` (Bolt's default) each lookup of
 * `::ffff:127.0.0.1` or a member's address can wait seconds on DNS (seen during a Slack burst).
 * Leaving the network out of the report keeps it short.
 */
export async function loadResvg(): Promise<typeof Resvg> {
  // excludeNetwork is Node 20.13+ and not yet in @types/node.
  const report = process.report as NodeJS.ProcessReport & { excludeNetwork: boolean };
  const before = report.excludeNetwork;
  report.excludeNetwork = true;
  try {
    return await import('@resvg/resvg-js');
  } finally {
    report.excludeNetwork = before;
  }
}

/**
 * SVG to PNG with resvg, at `width` pixels wide. resvg is loaded on the first render only, so a bot
 * that never draws a chart never maps the native library; the render runs off the event loop.
 */
export function pngRenderer(width = 1200): PngRenderer {
  let resvg: Promise<typeof Resvg> | undefined;
  const fontFiles = chartFontFiles();
  return async (svg) => {
    resvg ??= loadResvg();
    const { renderAsync } = await resvg;
    const image = await renderAsync(svg, {
      fitTo: { mode: 'width', value: width },
      font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
      background: '#ffffff',
    });
    return new Uint8Array(image.asPng());
  };
}
