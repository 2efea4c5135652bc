import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/** Every `<name>/package.json` under `dir`, at any depth of nested node_modules. */
async function installed(dir: string, name: string): Promise<Array<{ path: string; version: string }>> {
  const found: Array<{ path: string; version: string }> = [];
  const visit = async (modules: string): Promise<void> => {
    const entries = await readdir(modules, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const packages = entry.name.startsWith('@') ? (await readdir(join(modules, entry.name), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(entry.name, e.name)) : [entry.name];
      for (const pkg of packages) {
        if (pkg === name) {
          const { version } = JSON.parse(await readFile(join(modules, pkg, 'package.json'), 'utf8')) as { version: string };
          found.push({ path: join(modules, pkg), version });
        }
        await visit(join(modules, pkg, 'node_modules'));
      }
    }
  };
  await visit(join(dir, 'node_modules'));
  return found;
}

// Two undici copies in one process share undici's global dispatcher (a Symbol.for slot), and a body one
// copy built reaches the other: every Discord upload failed while Slack's Socket Mode was loaded.
// package.json's `overrides` gives every package the one undici; this fails when an install brings two.
it('installs exactly one undici for every package', async () => {
  const copies = await installed(process.cwd(), 'undici');
  expect(copies.map((c) => `${c.path} ${c.version}`)).toHaveLength(1);
});
