// `npm run bench -- acted`: the /acted path through the whole pipeline, this tree against the current
// release, in the same run, on SQLite and on Redis. Each version runs in a process of its own
// (bench/acted-worker.ts) on a store of its own; the rounds alternate which version goes first.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dropPrefix } from '../tests/support/redis.js';
import { emit, type BenchLine } from './lib.js';

/** The last commit landed before the exactly-once work (issue 31): what "the current release" means here. */
export const RELEASE = process.env.BENCH_RELEASE ?? '19a4872';
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MEMBERS = Number(process.env.BENCH_ACTED_MEMBERS ?? 2_000);
// Eight kept rounds, so each version goes first in half of them; two warm-up rounds, because one
// left the JIT still warming (round 1 was the slowest of both versions in most runs).
const ROUNDS = Number(process.env.BENCH_ACTED_ROUNDS ?? 8);
const WARMUP = Number(process.env.BENCH_ACTED_WARMUP ?? 2);
const IN_FLIGHT = 100;
// Two ways of running: the app's relay emptying the outbox as members act (`acted.<store>`), and the
// backlog growing through a round and emptied after it (`acted.<store>.backlog`): on Redis the release
// keeps its outbox as one list, so the two differ. BENCH_ACTED_RELAY=1 or 0 runs only one.
const MODES: Array<'relay' | 'backlog'> = process.env.BENCH_ACTED_RELAY === '1' ? ['relay'] : process.env.BENCH_ACTED_RELAY === '0' ? ['backlog'] : ['relay', 'backlog'];

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * The release's source tree, extracted once into the temporary folder (a `git archive`, which leaves
 * the repository's worktree list alone) and reusing this checkout's node_modules. A reason instead
 * when there is no git or no such commit (a tarball without history).
 */
export async function releaseTree(): Promise<{ root: string; commit: string } | { skipped: string }> {
  let commit: string;
  try {
    commit = git('rev-parse', '--verify', '--short', `${RELEASE}^{commit}`);
  } catch (error) {
    return { skipped: `no git history with the release ${RELEASE} here (${(error as Error).message.split('\n')[0]})` };
  }
  const root = join(tmpdir(), `actionbot-release-${commit}`);
  if (!existsSync(join(root, '.extracted'))) {
    try {
      await rm(root, { recursive: true, force: true });
      await mkdir(root, { recursive: true });
      execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C '${root}'`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      if (!existsSync(join(root, 'src/commands/index.ts'))) throw new Error('no src/commands/index.ts in it');
      await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
      await mkdir(join(root, '.extracted'));
    } catch (error) {
      return { skipped: `the release ${commit} could not be extracted into ${root} (${(error as Error).message.split('\n')[0]})` };
    }
  }
  return { root, commit };
}

type Round = { n: number; ops_per_s: number; cpu_ms_per_acted: number; p50_ms: number; p99_ms: number; counted: number; unexpected: number; locks_per_acted: number; lock_attempts_per_acted: number; locks: Record<string, number> };

/** One version's worker: asked for a round, it answers with that round's line. */
async function startWorker(root: string, store: string, prefix: string, relay: boolean) {
  // BENCH_CPU_PROF=<folder>: each worker writes a V8 CPU profile there when it stops, as the versus bots do.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [...profile, '--import', 'tsx', join(ROOT, 'bench/acted-worker.ts'), root, store, prefix, String(MEMBERS), String(IN_FLIGHT), relay ? '1' : '0'], { cwd: ROOT });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the worker for ${root} exited ${code}: ${err.slice(0, 800)}`))));
  // A worker that dies between rounds is reported by the next round, not as an unhandled rejection.
  exited.catch(() => undefined);
  const nextLine = () => Promise.race([lines.next().then((r) => String(r.value)), exited]);
  if ((await nextLine()) !== 'ready') throw new Error(`the worker for ${root} did not start: ${err.slice(0, 800)}`);
  return {
    async round(i: number): Promise<Round> {
      child.stdin.write(`round ${i}\n`);
      return JSON.parse(await nextLine()) as Round;
    },
    async close() {
      const done = new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      child.stdin.end('close\n');
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

const median = (rounds: Round[]) => [...rounds].sort((a, b) => a.ops_per_s - b.ops_per_s)[Math.floor((rounds.length - 1) / 2)]!;

/** Both versions on one store kind, rounds alternating; the median round of each, and their ratio. */
async function compare(store: 'sqlite' | 'redis', url: string, release: { root: string; commit: string }, mode: 'relay' | 'backlog'): Promise<BenchLine[]> {
  const run = randomUUID();
  const measure = `${store}${mode === 'backlog' ? '.backlog' : ''}`;
  const sides = [
    { name: `acted.${measure}`, root: ROOT, prefix: `bench-acted-${run}-this:` },
    { name: `acted.${measure}.release`, root: release.root, prefix: `bench-acted-${run}-release:` },
  ];
  const workers: Array<Awaited<ReturnType<typeof startWorker>>> = [];
  const rounds = new Map<string, Round[]>(sides.map((s) => [s.name, []]));
  try {
    for (const side of sides) workers.push(await startWorker(side.root, store === 'sqlite' ? 'sqlite' : url, side.prefix, mode === 'relay'));
    // The first WARMUP rounds warm each version up (its JIT, the store's caches): printed, not kept.
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        const result = await workers[i]!.round(round);
        process.stdout.write(`${JSON.stringify({ name: sides[i]!.name, ...result, round, ...(round < WARMUP ? { warmup: true } : {}) })}\n`);
        if (round >= WARMUP) rounds.get(sides[i]!.name)!.push(result);
      }
    }
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    if (store === 'redis') await Promise.all(sides.map((s) => dropPrefix(url, s.prefix)));
  }
  const [ours, theirs] = sides.map((s) => {
    const all = rounds.get(s.name)!;
    const kept = median(all);
    return emit({ ...kept, name: s.name, rounds: all.length, in_flight: IN_FLIGHT, relay: mode === 'relay', counted_all: all.every((r) => r.counted === r.n && r.unexpected === 0), ...(s.root === ROOT ? {} : { release: release.commit }) });
  }) as [BenchLine, BenchLine];
  const ratio = Number((ours.ops_per_s / theirs.ops_per_s).toFixed(3));
  // The same judged round by round (the two versions of one round run one after the other), for
  // reading next to it: a machine that slows for a while slows both halves of a pair.
  const [ourRounds, theirRounds] = sides.map((s) => rounds.get(s.name)!);
  const pairs = ourRounds!.map((r, i) => r.ops_per_s / theirRounds![i]!.ops_per_s).sort((a, b) => a - b);
  const paired = Number(((pairs[Math.floor((pairs.length - 1) / 2)]! + pairs[Math.ceil((pairs.length - 1) / 2)]!) / 2).toFixed(3));
  // "No slower" within the spread one version shows between its own rounds on a shared machine.
  const target = { name: `target.acted_vs_release.${measure}`, ok: ratio >= 0.95 && ours.counted_all === true, ratio, paired_ratio: paired, this_ops_per_s: ours.ops_per_s, release_ops_per_s: theirs.ops_per_s, release: release.commit, locks_per_acted: ours.locks_per_acted, release_locks_per_acted: theirs.locks_per_acted, cpu_ms_per_acted: ours.cpu_ms_per_acted, release_cpu_ms_per_acted: theirs.cpu_ms_per_acted, relay: mode === 'relay' };
  process.stdout.write(`${JSON.stringify(target)}\n`);
  return [ours, theirs];
}

export async function benchActed(): Promise<BenchLine[]> {
  const release = await releaseTree();
  if ('skipped' in release) {
    process.stdout.write(`${JSON.stringify({ name: 'acted.skipped', skipped: true, reason: release.skipped })}\n`);
    return [];
  }
  const lines: BenchLine[] = [];
  // BENCH_ACTED_STORE=sqlite (or redis) runs only that store's half.
  const only = process.env.BENCH_ACTED_STORE;
  for (const mode of MODES) {
    if (only !== 'redis') lines.push(...(await compare('sqlite', '', release, mode)));
    if (process.env.REDIS_URL && only !== 'sqlite') lines.push(...(await compare('redis', process.env.REDIS_URL, release, mode)));
  }
  return lines;
}
