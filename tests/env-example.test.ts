import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

describe('.env.example', () => {
  it('lists every variable config.ts reads', async () => {
    const config = await readFile('src/app/config.ts', 'utf8');
    const example = await readFile('.env.example', 'utf8');
    const read = [...config.matchAll(/^\s+([A-Z][A-Z_]+): /gm)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(15);
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z_]+)=/gm)].map((m) => m[1]!));
    expect(read.filter((name) => !listed.has(name))).toEqual([]);
  });
});
