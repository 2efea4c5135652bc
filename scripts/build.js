// `npm run build`: bundles our TypeScript into dist/ with esbuild (npm packages stay external, so
// native modules and their files load from node_modules as usual). `--if-stale` builds only when
// dist/ is missing or older than src/, and does nothing where there is no src/ (a built image).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = { main: 'src/main.ts', cli: 'src/cli.ts' };

async function newestIn(dir) {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestIn(path) : (await stat(path)).mtimeMs);
  }
  return newest;
}

async function mtime(path) {
  return stat(path).then((s) => s.mtimeMs, () => undefined);
}

/** True when dist/ is missing or older than src/ or package.json; false where there is no src/. */
export async function isStale() {
  const sources = await mtime(join(root, 'src'));
  if (sources === undefined) return false;
  const built = Math.min(...(await Promise.all(Object.keys(ENTRIES).map((name) => mtime(join(root, 'dist', `${name}.js`))))).map((t) => t ?? 0));
  const inputs = Math.max(await newestIn(join(root, 'src')), (await mtime(join(root, 'package.json'))) ?? 0);
  return built < inputs;
}

/** Bundles src/main.ts and src/cli.ts into dist/; returns the milliseconds it took. */
export async function build({ outdir = 'dist' } = {}) {
  const { build: esbuild } = await import('esbuild');
  const started = performance.now();
  await esbuild({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return Math.round(performance.now() - started);
}

/** Builds when stale (or always, with `force`); says so on standard error. */
export async function ensureBuilt({ force = false, outdir = 'dist' } = {}) {
  if (!force && !(await isStale())) return;
  const ms = await build({ outdir });
  process.stderr.write(`actionbot: built ${outdir}/ in ${ms} ms\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--outdir');
  await ensureBuilt({ force: !process.argv.includes('--if-stale'), ...(at > 0 ? { outdir: process.argv[at + 1] } : {}) });
}
