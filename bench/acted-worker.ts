// One version of actionbot (a source tree: this checkout, or the release's) in its own process:
// `acted-worker.ts ROOT STORE_URL PREFIX COUNT IN_FLIGHT RELAY`. It opens the real app on the store, starts a
// drive in a group, then for each `round N` line on standard input has COUNT new members type
// `/acted email` there as platform deliveries (IN_FLIGHT at once) through the whole pipeline, and
// prints one JSON line. With RELAY=1 a loop takes the outbox's pending events and marks them done
// while the members act, as the app's relay keeps the backlog short (without posting anything);
// with RELAY=0 the backlog grows during a round. Either way it is emptied between rounds, untimed.
// Only node built-ins are imported statically: the version's own modules are
// loaded from ROOT, so two versions never share a module.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, storeUrl, prefix, count, inFlight, relayOn] = process.argv.slice(2) as [string, string, string, string, string, string];
const from = (path: string) => import(pathToFileURL(join(root, path)).href);

// The release has src/app.ts; this tree has src/app/app.ts. Both take (config, { storePrefix }).
const appModule = await from(existsSync(join(root, 'src/app/app.ts')) ? 'src/app/app.ts' : 'src/app.ts');
const { handleOnce } = await from('src/commands/index.ts');
const guard = await from('src/core/guard.ts');
const claims = await from('src/core/claims.ts');

// Locks are counted by wrapping the version's own classes: every Mutex.run holds one shared lock
// (SharedMutex over SqliteLocks or RedisLocks, on both versions); `acquire` counts the attempts.
// Locks taken by the relay loop (below) are counted apart: they are not the /acted path's.
const inRelay = new AsyncLocalStorage<true>();
const held = new Map<string, number>();
let attempts = 0;
let relayLocks = 0;
const run = guard.SharedMutex.prototype.run;
guard.SharedMutex.prototype.run = function (name: string, fn: () => Promise<unknown>) {
  if (inRelay.getStore()) {
    relayLocks++;
    return run.call(this, name, fn);
  }
  // A lock's name without the ids in it (`drives:telegram:-1001` -> `drives`), to say which kind it is.
  const kind = name.split(/[:{]/)[0]!;
  held.set(kind, (held.get(kind) ?? 0) + 1);
  return run.call(this, name, fn);
};
for (const locks of [claims.SqliteLocks, claims.RedisLocks]) {
  const acquire = locks.prototype.acquire;
  locks.prototype.acquire = function (...args: unknown[]) {
    if (!inRelay.getStore()) attempts++;
    return acquire.apply(this, args);
  };
}

const dataDir = await mkdtemp(join(tmpdir(), 'actionbot-bench-acted-'));
const url = storeUrl === 'sqlite' ? `sqlite://${join(dataDir, 'bench.sqlite')}` : storeUrl;
const app = await appModule.createApp(
  { storeUrl: url, dataDir, appealsDir: appModule.BUNDLED_APPEALS, memberKeySecret: 'bench-secret-0123456789abcdef-0123456789', moderatorIds: [], defaultTimezone: 'UTC' },
  { storePrefix: storeUrl === 'sqlite' ? undefined : prefix },
);
const quiet = { error: (context: object, message: string) => process.stderr.write(`${message} ${JSON.stringify(context)}\n`), warn: () => undefined, info: () => undefined };
const SPACE = { id: 'telegram:-1009', kind: 'group' as const };
const APPEAL = 'ua-34-25';
let update = 0;
const invoke = (userId: string, line: string, isModerator: boolean) => {
  const [name, ...rest] = line.split(' ');
  return handleOnce(
    { name, text: rest.join(' '), actor: { platform: 'telegram', userId, locale: 'en' }, space: SPACE, isModerator: async () => isModerator, delivery: `telegram:update:${++update}` },
    app.deps,
    quiet,
  );
};

const started = JSON.stringify(await invoke('1', `drive start ${APPEAL} goal=100000 deadline=2030-01-31`, true));
if (!started.includes('Drive started')) throw new Error(`the drive did not start: ${started.slice(0, 300)}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Marks the pending events done, a hundred at a time, until `until()` says stop and none is left. */
const relay = (until: () => boolean) =>
  inRelay.run(true, async () => {
    let taken = 0;
    for (;;) {
      const pending = (await app.deps.outbox.pending(100)) as Array<{ id: string }>;
      if (pending.length === 0) {
        if (until()) return taken;
        await sleep(5);
        continue;
      }
      // As each version's relay finishes a drained batch: in one call where the outbox has one (this
      // tree's doneMany), else an event at a time (the release's outbox grouped those itself).
      if (typeof app.deps.outbox.doneMany === 'function') await app.deps.outbox.doneMany(pending.map((event) => event.id));
      else await Promise.all(pending.map((event) => app.deps.outbox.done(event.id)));
      taken += pending.length;
    }
  });

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
const n = Number(count);
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const round = /^round (\d+)$/.exec(line);
  if (!round) break;
  const first = 100_000 + Number(round[1]) * n;
  const before = (await app.deps.ledger.tally(APPEAL)).members;
  held.clear();
  attempts = 0;
  relayLocks = 0;
  let finished = false;
  const relaying = relayOn === '1' ? relay(() => finished) : undefined;
  const latencies: number[] = [];
  let next = 0;
  let unexpected = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Number(inFlight) }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        const reply = JSON.stringify(await invoke(String(first + i), 'acted email', false));
        latencies.push(performance.now() - t);
        if (!reply.includes('is counted')) unexpected++;
        if (process.env.BENCH_DEBUG && i === 0) process.stderr.write(`${reply}\n`);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  // This process's CPU time (the relay loop's included): steadier than ops/s on a shared machine.
  const cpu = process.cpuUsage(cpu0);
  const backlog = await app.deps.outbox.count();
  finished = true;
  // What the relay had not taken yet is taken now, outside the timing, so every round starts alike.
  const relayed = await (relaying ?? relay(() => true));
  const counted = (await app.deps.ledger.tally(APPEAL)).members - before;
  latencies.sort((a, b) => a - b);
  const locks = Object.fromEntries([...held].map(([kind, times]) => [kind, Number((times / n).toFixed(2))]));
  const result = {
    n,
    ops_per_s: Number(((n / wallMs) * 1000).toFixed(1)),
    p50_ms: Number(percentile(latencies, 50).toFixed(3)),
    p99_ms: Number(percentile(latencies, 99).toFixed(3)),
    cpu_ms_per_acted: Number(((cpu.user + cpu.system) / 1000 / n).toFixed(3)),
    counted,
    unexpected,
    locks_per_acted: Number(([...held.values()].reduce((a, b) => a + b, 0) / n).toFixed(2)),
    lock_attempts_per_acted: Number((attempts / n).toFixed(2)),
    locks,
    outbox_backlog: backlog,
    relayed,
    relay_locks: relayLocks,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
await app.close();
await rm(dataDir, { recursive: true, force: true });
