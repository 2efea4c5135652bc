// Runs the importer in its worker thread: one queue, a time budget per text, a size cap, a bounded
// wait.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportOptions, ImportResult } from '../importer/index.js';
import { MAX_INPUT_BYTES } from '../importer/normalize.js';
import { refuse } from '../importer/types.js';
import type { ImportAnswer, ImportRequest } from './worker.js';

export type ImportRunnerOptions = {
  /** How long one text may take before its thread is ended and the member told (default 20 s). */
  budgetMs?: number;
  /** Texts waiting behind the one being read; past it, "busy" (default 4). */
  maxWaiting?: number;
  /** Texts over this many bytes are refused before they reach the thread (default: the importer's own cap). */
  maxBytes?: number;
};

type Waiting = { text: string; options: ImportOptions; resolve: (result: ImportResult) => void };

/**
 * The worker's file: beside the bundle's entries (`dist/import-worker.js`, built by scripts/build.js),
 * or, run from the sources, `worker.ts` beside this file (loaded through tsx).
 */
function workerFile(): { url: URL; typescript: boolean } {
  const bundled = new URL('./import-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return { url: bundled, typescript: false };
  return { url: new URL('./worker.ts', import.meta.url), typescript: true };
}

/**
 * A thread that loads a TypeScript file (run from the sources, in development and tests): tsx's
 * loader, registered in the main thread, does not reach worker threads on Node 20, so the thread
 * imports the file through tsx's API.
 */
export function throughTsx(file: URL): string {
  const api = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/esm/api')), 'index.mjs')).href;
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(file.href)}))`;
}

/**
 * Reads Urgent Action texts in one worker thread, one at a time: a hostile paste (a megabyte of
 * nonsense takes the importer seconds) costs the one thread and its queue, never the event loop that
 * answers every member. A text over `budgetMs` ends the thread (a fresh one takes the next); more
 * than `maxWaiting` texts in line are refused at once, so many accounts cannot pile work up.
 */
export class ImportRunner {
  private worker: Worker | undefined;
  private readonly queue: Waiting[] = [];
  private running: (Waiting & { id: number; timer: NodeJS.Timeout }) | undefined;
  private nextId = 1;
  private closed = false;
  private readonly budgetMs: number;
  private readonly maxWaiting: number;
  private readonly maxBytes: number;
  /** Thread ids that read a text, in order (tests check the work left the main thread). */
  readonly threads: number[] = [];

  constructor(options: ImportRunnerOptions = {}) {
    this.budgetMs = options.budgetMs ?? 20_000;
    this.maxWaiting = options.maxWaiting ?? 4;
    this.maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  }

  /** `importUrgentAction(text, options)`, read in the worker thread; refusals are values, as there. */
  run(text: string, options: ImportOptions = {}): Promise<ImportResult> {
    if (this.closed) return Promise.resolve(refuse('import_busy', 'The bot is stopping; import the text again in a minute.'));
    // Counting UTF-16 units first: a huge string is refused without being copied to the thread.
    if (text.length > this.maxBytes || Buffer.byteLength(text, 'utf8') > this.maxBytes) {
      return Promise.resolve(refuse('import_too_large', `The text is larger than ${Math.round(this.maxBytes / 1024 / 1024)} MB, far more than any Urgent Action; paste only the appeal.`));
    }
    if (this.queue.length >= this.maxWaiting) return Promise.resolve(refuse('import_busy', 'Other texts are being imported right now; try again in a minute.'));
    return new Promise((resolve) => {
      this.queue.push({ text, options, resolve });
      this.next();
    });
  }

  /** Ends the thread; texts still waiting are answered "busy". */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.resolve(refuse('import_busy', 'The bot is stopping; import the text again in a minute.'));
    if (this.running) this.finish(refuse('import_busy', 'The bot is stopping; import the text again in a minute.'));
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private next(): void {
    if (this.running || this.queue.length === 0) return;
    const waiting = this.queue.shift()!;
    const id = this.nextId++;
    const timer = setTimeout(() => this.timedOut(), this.budgetMs);
    this.running = { ...waiting, id, timer };
    const worker = this.thread();
    worker.ref();
    worker.postMessage({ id, text: waiting.text, options: waiting.options } satisfies ImportRequest);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const { url, typescript } = workerFile();
    const worker = typescript ? new Worker(throughTsx(url), { eval: true }) : new Worker(url);
    worker.on('message', (answer: ImportAnswer) => {
      if (this.running?.id !== answer.id) return;
      this.threads.push(worker.threadId);
      this.finish(answer.result);
    });
    worker.on('error', () => this.lost(worker));
    worker.on('exit', () => this.lost(worker));
    this.worker = worker;
    return worker;
  }

  private finish(result: ImportResult): void {
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
    this.finish(refuse('import_timeout', `This text took more than ${Math.round(this.budgetMs / 1000)} s to read; paste only the appeal.`));
  }

  private lost(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (this.running) this.finish(refuse('import_failed', 'The importer stopped on this text; try again, or paste only the appeal.'));
  }
}
