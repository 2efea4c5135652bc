import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fileURLToPath } from 'node:url';

// pdfjs reads the metrics of the standard 14 fonts from here; without it, it warns on every page.
const standardFontDataUrl = fileURLToPath(new URL('../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

export type PdfRead = { pages: string[]; title?: string; sizes: Array<[number, number]> };

/** Each page's text as lines (items joined with spaces, a line per end-of-line), the title and page sizes. */
export async function readPdf(data: Uint8Array): Promise<PdfRead> {
  const pdf = await getDocument({ data: new Uint8Array(data), standardFontDataUrl, verbosity: 0 }).promise;
  const pages: string[] = [];
  const sizes: Array<[number, number]> = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    const [, , w, h] = page.view;
    sizes.push([Math.round(w!), Math.round(h!)]);
  }
  const info = (await pdf.getMetadata()).info as { Title?: string };
  await pdf.destroy();
  return { pages, title: info.Title, sizes };
}

/**
 * What each page shows, line by line: the text items on one baseline in the order they stand from
 * left to right (pdfjs gives each right-to-left item's letters in reading order), joined as pdfjs
 * reads them (a gap between items becomes a space item), spaces collapsed.
 */
export async function visualLines(data: Uint8Array): Promise<string[][]> {
  const pdf = await getDocument({ data: new Uint8Array(data), standardFontDataUrl, verbosity: 0 }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const rows = new Map<number, Array<{ x: number; str: string }>>();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = Math.round(item.transform[5] as number);
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4] as number, str: item.str }]);
    }
    pages.push(
      [...rows.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, items]) => items.sort((a, b) => a.x - b.x).map((i) => i.str).join('').replace(/\s+/g, ' ').trim())
        .filter(Boolean),
    );
  }
  await pdf.destroy();
  return pages;
}
