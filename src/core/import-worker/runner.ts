// Runs the importer in its worker thread: one queue, a time budget per text, a size cap, a bounded
// wait.
import type { ImportOptions, ImportResult } from '../importer/index.js';
import { MAX_INPUT_BYTES } from '../importer/normalize.js';
import { refuse } from '../importer/types.js';
import { WorkerQueue } from '../worker-queue.js';
import type { ImportJob } from './worker.js';

export type ImportRunnerOptions = {
  /** How long one text may take before its thread is ended and the member told (default 20 s). */
  budgetMs?: number;
  /** Texts waiting behind the one being read; past it, "busy" (default 4). */
  maxWaiting?: number;
  /** Texts over this many bytes are refused before they reach the thread (default: the importer's own cap). */
  maxBytes?: number;
};

/**
 * Reads Urgent Action texts in one worker thread, one at a time: a hostile paste (a megabyte of
 * nonsense takes the importer seconds) costs the one thread and its queue, never the event loop that
 * answers every member. A text over `budgetMs` ends the thread (a fresh one takes the next); more
 * than `maxWaiting` texts in line are refused at once, so many accounts cannot pile work up.
 */
export class ImportRunner {
  private readonly queue: WorkerQueue<ImportJob, ImportResult>;
  private readonly maxBytes: number;

  constructor(options: ImportRunnerOptions = {}) {
    this.maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
    const budgetMs = options.budgetMs ?? 20_000;
    const stopping = () => refuse('import_busy', 'The bot is stopping; import the text again in a minute.');
    this.queue = new WorkerQueue<ImportJob, ImportResult>({
      // Beside the bundle's entries (`dist/import-worker.js`), or, run from the sources, `worker.ts` beside this file.
      bundled: new URL('./import-worker.js', import.meta.url),
      source: new URL('./worker.ts', import.meta.url),
      budgetMs,
      maxWaiting: options.maxWaiting ?? 4,
      refusals: {
        busy: () => refuse('import_busy', 'Other texts are being imported right now; try again in a minute.'),
        stopping,
        timeout: () => refuse('import_timeout', `This text took more than ${Math.round(budgetMs / 1000)} s to read; paste only the appeal.`),
        lost: () => refuse('import_failed', 'The importer stopped on this text; try again, or paste only the appeal.'),
      },
    });
  }

  /** Thread ids that read a text, in order (tests check the work left the main thread). */
  get threads(): readonly number[] {
    return this.queue.threads;
  }

  /** `importUrgentAction(text, options)`, read in the worker thread; refusals are values, as there. */
  run(text: string, options: ImportOptions = {}): Promise<ImportResult> {
    // Counting UTF-16 units first: a huge string is refused without being copied to the thread.
    if (text.length > this.maxBytes || Buffer.byteLength(text, 'utf8') > this.maxBytes) {
      return Promise.resolve(refuse('import_too_large', `The text is larger than ${Math.round(this.maxBytes / 1024 / 1024)} MB, far more than any Urgent Action; paste only the appeal.`));
    }
    return this.queue.run({ text, options });
  }

  /** Ends the thread; texts still waiting are answered "busy". */
  close(): Promise<void> {
    return this.queue.close();
  }
}
