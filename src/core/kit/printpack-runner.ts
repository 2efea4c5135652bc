// Makes print packs in a worker thread, one at a time, with a time budget and a bounded queue.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserInputError } from '../errors.js';
import { throughTsx } from '../import-worker/runner.js';
import type { PrintPackInput } from './printpack.js';
import type { PackAnswer, PackRequest } from './printpack-worker.js';

type Waiting = { input: PrintPackInput; resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void };

/** Beside the bundle (`dist/printpack-worker.js`, scripts/build.js), or the TypeScript source through tsx. */
function workerFile(): { url: URL; typescript: boolean } {
  const bundled = new URL('./printpack-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return { url: bundled, typescript: false };
  return { url: new URL('./printpack-worker.ts', import.meta.url), typescript: true };
}

/**
 * A pack of ten cases with their fonts takes a second or more of CPU (src/core/kit/README.md): made
 * in one worker thread, the event loop keeps answering every member meanwhile. More than `maxWaiting`
 * packs in line are refused ("busy"); one over `budgetMs` ends its thread.
 */
export class PrintPackRunner {
  private worker: Worker | undefined;
  private readonly queue: Waiting[] = [];
  private running: (Waiting & { id: number; timer: NodeJS.Timeout }) | undefined;
  private nextId = 1;
  private closed = false;
  /** Thread ids that made a pack, in order (tests check the work left the main thread). */
  readonly threads: number[] = [];

  constructor(private readonly options: { budgetMs?: number; maxWaiting?: number } = {}) {}

  run(input: PrintPackInput): Promise<Uint8Array> {
    if (this.closed || this.queue.length >= (this.options.maxWaiting ?? 3)) return Promise.reject(new UserInputError('pack_busy'));
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.reject(new UserInputError('pack_busy'));
    if (this.running) this.finish(new UserInputError('pack_busy'));
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private next(): void {
    if (this.running || this.queue.length === 0) return;
    const waiting = this.queue.shift()!;
    const id = this.nextId++;
    const timer = setTimeout(() => {
      const worker = this.worker;
      this.worker = undefined;
      void worker?.terminate();
      this.finish(new UserInputError('pack_timeout'));
    }, this.options.budgetMs ?? 60_000);
    this.running = { ...waiting, id, timer };
    const worker = this.thread();
    worker.ref();
    worker.postMessage({ id, input: waiting.input } satisfies PackRequest);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const { url, typescript } = workerFile();
    const worker = typescript ? new Worker(throughTsx(url), { eval: true }) : new Worker(url);
    worker.on('message', (answer: PackAnswer) => {
      if (this.running?.id !== answer.id) return;
      this.threads.push(worker.threadId);
      this.finish(answer.pdf ?? new UserInputError('pack_failed'));
    });
    const lost = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.running) this.finish(new UserInputError('pack_failed'));
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.worker = worker;
    return worker;
  }

  private finish(result: Uint8Array | Error): void {
    const running = this.running!;
    clearTimeout(running.timer);
    this.running = undefined;
    // An idle thread must not keep a stopping process alive.
    this.worker?.unref();
    if (result instanceof Error) running.reject(result);
    else running.resolve(result);
    this.next();
  }
}
