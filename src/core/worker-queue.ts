// One worker thread that takes jobs one at a time: a time budget per job, a bounded line, refusals as values.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What the thread is sent, and what it answers: `{ id, job }` in, `{ id, result }` out. */
export type JobMessage<I> = { id: number; job: I };
export type JobAnswer<O> = { id: number; result: O };

export type WorkerQueueOptions<O> = {
  /** The thread's file beside the bundle's entries (dist/, built by scripts/build.js), and its TypeScript source. */
  bundled: URL;
  source: URL;
  /** How long one job may take before its thread is ended (a fresh one takes the next). */
  budgetMs: number;
  /** Jobs waiting behind the one under way; past it, `busy`. */
  maxWaiting: number;
  /** The answers that are not the thread's: too many waiting, stopping, over the budget, the thread gone. */
  refusals: { busy: () => O; stopping: () => O; timeout: () => O; lost: () => O };
};

type Waiting<I, O> = { job: I; resolve: (result: O) => void };

/**
 * A thread that loads a TypeScript file (run from the sources, in development and tests): tsx's
 * loader, registered in the main thread, does not reach worker threads on Node 20, so the thread
 * imports the file through tsx's API.
 */
function throughTsx(file: URL): string {
  const api = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/esm/api')), 'index.mjs')).href;
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(file.href)}))`;
}

/**
 * Work that would hold the event loop for seconds (a hostile paste to read, a PDF of ten cases) runs
 * here, in one thread, one job at a time: the loop that answers every member stays free. A job over
 * its budget ends the thread; more than `maxWaiting` in line are refused at once, so many accounts
 * cannot pile work up. Every job gets an answer, refusals included.
 */
export class WorkerQueue<I, O> {
  private worker: Worker | undefined;
  private readonly queue: Array<Waiting<I, O>> = [];
  private running: (Waiting<I, O> & { id: number; timer: NodeJS.Timeout }) | undefined;
  private nextId = 1;
  private closed = false;
  /** Thread ids that answered a job, in order (tests check the work left the main thread). */
  readonly threads: number[] = [];

  constructor(private readonly options: WorkerQueueOptions<O>) {}

  run(job: I): Promise<O> {
    if (this.closed) return Promise.resolve(this.options.refusals.stopping());
    if (this.queue.length >= this.options.maxWaiting) return Promise.resolve(this.options.refusals.busy());
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.next();
    });
  }

  /** Ends the thread; jobs still waiting are answered `stopping`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.resolve(this.options.refusals.stopping());
    if (this.running) this.finish(this.options.refusals.stopping());
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private next(): void {
    if (this.running || this.queue.length === 0) return;
    const waiting = this.queue.shift()!;
    const id = this.nextId++;
    const timer = setTimeout(() => this.timedOut(), this.options.budgetMs);
    this.running = { ...waiting, id, timer };
    const worker = this.thread();
    worker.ref();
    worker.postMessage({ id, job: waiting.job } satisfies JobMessage<I>);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const { bundled, source } = this.options;
    const worker = existsSync(fileURLToPath(bundled)) ? new Worker(bundled) : new Worker(throughTsx(source), { eval: true });
    worker.on('message', (answer: JobAnswer<O>) => {
      if (this.running?.id !== answer.id) return;
      this.threads.push(worker.threadId);
      this.finish(answer.result);
    });
    worker.on('error', () => this.lost(worker));
    worker.on('exit', () => this.lost(worker));
    this.worker = worker;
    return worker;
  }

  private finish(result: O): void {
    const running = this.running!;
    clearTimeout(running.timer);
    this.running = undefined;
    // An idle thread must not keep a stopping process alive.
    this.worker?.unref();
    running.resolve(result);
    this.next();
  }

  private timedOut(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.finish(this.options.refusals.timeout());
  }

  private lost(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (this.running) this.finish(this.options.refusals.lost());
  }
}
