import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Operators read where to go in the bot's own messages ("restore a backup (docs/store.md, "Restoring
 * the store")"): a section that moved or was renamed would send them nowhere at the worst moment.
 */
async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

/** The headings of a Markdown page, without their leading #s. */
async function headings(page: string): Promise<string[]> {
  const text = await readFile(page, 'utf8');
  return [...text.matchAll(/^#{1,6} +(.+?) *$/gm)].map((m) => m[1]!);
}

describe("the documents src/ points operators to", () => {
  it('names a page in docs/ and a heading that page has, never a section of the README', async () => {
    const pointers: string[] = [];
    const broken: string[] = [];
    for (const file of await sources('src')) {
      const text = await readFile(file, 'utf8');
      if (/README(, |'s )"/.test(text)) broken.push(`${file}: points to a section of the README`);
      for (const m of text.matchAll(/(docs\/[a-z-]+\.md), "([^"]+)"/g)) {
        pointers.push(`${m[1]} ${m[2]}`);
        if (!(await headings(m[1]!).catch((): string[] => [])).includes(m[2]!)) broken.push(`${file}: ${m[1]} has no heading "${m[2]}"`);
      }
    }
    expect(pointers).toContain('docs/store.md Restoring the store');
    expect(broken).toEqual([]);
  });
});
