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
 * SVG to PNG with resvg, at `width` pixels wide. resvg is loaded on the first render only, so a bot
 * that never draws a chart never maps the native library; the render runs off the event loop.
 */
export function pngRenderer(width = 1200): PngRenderer {
  let resvg: Promise<typeof Resvg> | undefined;
  const fontFiles = chartFontFiles();
  return async (svg) => {
    resvg ??= import('@resvg/resvg-js');
    const { renderAsync } = await resvg;
    const image = await renderAsync(svg, {
      fitTo: { mode: 'width', value: width },
      font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
      background: '#ffffff',
    });
    return new Uint8Array(image.asPng());
  };
}
