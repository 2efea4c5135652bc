import { spawn } from 'node:child_process';
/** One benchmark result: printed as one JSON line by `npm run bench`. */
export type BenchLine = {
  name: string;
  n: number;
  ops_per_s: number;
  p50_ms: number;
  p99_ms: number;
  [extra: string]: unknown;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Latencies (ms, one per operation) and the wall time of the whole run -> a bench line. */
export function summarize(name: string, latenciesMs: number[], wallMs: number, extra: Record<string, unknown> = {}): BenchLine {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    name,
    n: latenciesMs.length,
    ops_per_s: round((latenciesMs.length / wallMs) * 1000, 1),
    p50_ms: round(percentile(sorted, 50)),
    p99_ms: round(percentile(sorted, 99)),
    ...extra,
  };
}

export function emit(line: BenchLine): BenchLine {
  process.stdout.write(`${JSON.stringify(line)}\n`);
  return line;
}

/** Runs `count` operations with at most `inFlight` at once; returns each one's latency in ms. */
export async function runConcurrent(count: number, inFlight: number, op: (i: number) => Promise<unknown>): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies = new Array<number>(count);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await op(i);
      latencies[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
  return { latencies, wallMs: performance.now() - started };
}

/** Runs a worker in its own Node process and returns the one JSON line it printed on standard output. */
export function runJsonWorker<T>(args: string[], env: Record<string, string> = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', () => {
      try {
        resolve(JSON.parse(out) as T);
      } catch {
        reject(new Error(`${args.join(' ')} said: ${out}`));
      }
    });
  });
}
