import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph, type Edge } from './support/import-graph.js';

const edge = (to: string, typeOnly = false): Edge => ({ to, typeOnly, dynamic: false });

describe('the shape of src/', () => {
  it('finds a circle when there is one (the check itself)', () => {
    const graph = new Map([
      ['a.ts', [edge('b.ts')]],
      ['b.ts', [edge('c.ts', true)]],
      ['c.ts', [edge('a.ts')]],
      ['d.ts', [edge('a.ts'), edge('d.ts')]],
    ]);
    expect(importCircles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
    expect(importCircles(new Map([['a.ts', [edge('b.ts')]], ['b.ts', []]]))).toEqual([]);
  });

  it('has no import circle, type-only and lazy imports included', async () => {
    const graph = await importGraph('src');
    // The parser sees imports of every form: a static one, a type-only one, a lazy one.
    expect(graph.get('src/commands/pipeline/dispatch.ts')).toContainEqual(edge('src/commands/list.ts'));
    expect(graph.get('src/core/store/redis-store.ts')).toContainEqual(edge('src/core/store/types.ts', true));
    expect(graph.get('src/app/cli-commands.ts')).toContainEqual({ to: 'src/app/main.ts', typeOnly: false, dynamic: true });
    expect(importCircles(graph)).toEqual([]);
  });

  it('keeps the root of src/ for folders (an index at most): the wiring lives in src/app/', async () => {
    const files = (await readdir('src', { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    expect(files.filter((name) => !/^index\.ts$/.test(name))).toEqual([]);
  });

  it('opens every source file with a comment that says what it is for', async () => {
    const files = (await readdir('src', { withFileTypes: true, recursive: true })).filter((e) => e.isFile() && e.name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(100);
    const silent: string[] = [];
    for (const file of files) {
      const path = join(file.parentPath, file.name);
      const first = (await readFile(path, 'utf8')).split('\n').find((line) => line.trim() !== '') ?? '';
      if (!/^(\/\/|\/\*)/.test(first)) silent.push(path);
    }
    expect(silent).toEqual([]);
  });
});
