// `npm run build`: bundles our TypeScript and the pure-JavaScript npm packages into dist/ with
// esbuild. One file to load starts much faster than resolving and reading the
// thousands of files of discord.js, Bolt and their dependencies. Packages with native code, data
// files read at run time, or worker threads stay in node_modules (EXTERNAL). `--if-stale` builds
// only when dist/ is missing or older than src/, and does nothing where there is no src/ (an image).
import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The importer's worker thread is an entry of its own: src/core/import-worker/runner.ts loads
// `import-worker.js` from beside the chunk it is bundled into (dist/).
const ENTRIES = {
  main: 'src/app/main.ts',
  cli: 'src/app/cli.ts',
  'import-worker': 'src/core/import-worker/worker.ts',
  // Beside it, the print pack's worker thread (src/core/kit/printpack-runner.ts).
  'printpack-worker': 'src/core/kit/printpack-worker.ts',
};

/** Loaded from node_modules at run time: native modules, packages that read their own files, grammY (its bundle does not start). */
const EXTERNAL = [
  'better-sqlite3',
  '@resvg/resvg-js',
  'pdfkit',
  'dejavu-fonts-ttf',
  'pino',
  'grammy',
  '@grammyjs/*',
  'zlib-sync',
  'bufferutil',
  'utf-8-validate',
  'erlpack',
];

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

/** Bundles src/app/main.ts and src/app/cli.ts into dist/; returns the milliseconds it took. */
export async function build({ outdir = 'dist' } = {}) {
  // esbuild is a dev dependency: a checkout installed with --omit=dev cannot rebuild, and says so.
  const { build: esbuild } = await import('esbuild').catch(() => {
    throw new Error('dist/ needs building and esbuild is not installed: run `npm install` (dev dependencies included), then start again');
  });
  const started = performance.now();
  // Chunk names carry a hash: without this, every build would leave the last one's chunks behind.
  await rm(resolve(root, outdir), { recursive: true, force: true });
  await esbuild({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // The CommonJS packages inside the bundle call require(); ESM output has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // main and cli share one chunk instead of two copies.
    splitting: true,
    // Chunks beside the entries: code that finds files relative to itself (appeals/) sits at the same depth as in src/.
    chunkNames: '[name]-[hash]',
    // Whitespace and syntax only: names stay (stack traces read as they are), and V8, which keeps
    // every script's source in memory, holds less.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    sourcesContent: false,
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
