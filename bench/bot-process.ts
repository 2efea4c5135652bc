import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src/core/store.js';

/** actionbot as `npm start` runs it (the compiled bundle), or the bare-SDK bot of bench/bare/. */
export type BotKind = 'actionbot' | 'bare';

export type BotProcess = {
  kind: BotKind;
  pid: number;
  /** performance.now() when the process was spawned, and when it said it was up. */
  spawnedAt: number;
  readyAt: number;
  /** Members counted for the bundled appeal (actionbot: read from its store) or by the bare bot. */
  counted(platform: string): Promise<number>;
  /** Resident memory of the bot process now, in MB. */
  rssMb(): Promise<number>;
  stop(): Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const APPEAL = 'ua-34-25';

/** Spawns a bot with this environment and waits until it says it is running (30 s at most). */
export async function startBot(kind: BotKind, env: Record<string, string>): Promise<BotProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), `actionbot-bench-${kind}-`));
  // BENCH_CPU_PROF=<folder>: each bot writes a V8 CPU profile there when it stops (for finding where time goes).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // BENCH_NODE_ARGS: more node options for both bots (space-separated), e.g. `--import ./trace.mjs`.
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const args = [...profile, ...extra, ...(kind === 'actionbot' ? ['dist/main.js'] : ['--import', 'tsx', 'bench/bare/main.ts'])];
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const bare = new Map<string, number>();
  let err = '';
  let buffered = '';
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const counted = /^counted (\w+) (\d+)$/.exec(line);
        if (counted) bare.set(counted[1]!, Math.max(bare.get(counted[1]!) ?? 0, Number(counted[2])));
        else if (line === 'ready') resolve(performance.now());
      }
    });
    // actionbot logs (pino, JSON lines) to standard error.
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (err.includes('"actionbot is running"')) resolve(performance.now());
    });
    child.once('exit', (code) => reject(new Error(`${kind} bot exited ${code}: ${err.slice(0, 500)}`)));
    setTimeout(() => reject(new Error(`${kind} bot did not start within 30 s: ${err.slice(0, 500)}`)), 30_000).unref();
  });
  const readyAt = await ready;
  let store: Store | undefined;
  return {
    kind,
    pid: child.pid!,
    spawnedAt,
    readyAt,
    async counted(platform) {
      if (kind === 'bare') return bare.get(platform) ?? 0;
      store ??= await openStore(`sqlite://${join(dataDir, 'actionbot.sqlite')}`);
      return (await store.ledger.tally(APPEAL)).members;
    },
    async rssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
    },
    async stop() {
      await store?.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `read` is true (every 5 ms); returns when it became true. */
export async function until(read: () => Promise<boolean> | boolean, timeoutMs = 60_000, what = 'the condition'): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (!(await read())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now();
}
