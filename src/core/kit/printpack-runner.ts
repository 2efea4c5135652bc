// Makes print packs in a worker thread, one at a time, with a time budget and a bounded line.
import { UserInputError } from '../errors.js';
import { WorkerQueue } from '../worker-queue.js';
import type { PrintPackInput } from './printpack.js';
import type { PackResult } from './printpack-worker.js';

/**
 * A pack of ten cases takes half a second of CPU warm, two seconds cold (src/core/kit/README.md): made
 * in a worker thread, the event loop keeps answering every member meanwhile. More than `maxWaiting`
 * packs in line are refused ("busy"); one over `budgetMs` ends its thread.
 */
export class PrintPackRunner {
  private readonly queue: WorkerQueue<PrintPackInput, PackResult>;

  constructor(options: { budgetMs?: number; maxWaiting?: number } = {}) {
    this.queue = new WorkerQueue<PrintPackInput, PackResult>({
      // Beside the bundle (`dist/printpack-worker.js`, scripts/build.js), or the TypeScript source through tsx.
      bundled: new URL('./printpack-worker.js', import.meta.url),
      source: new URL('./printpack-worker.ts', import.meta.url),
      budgetMs: options.budgetMs ?? 60_000,
      maxWaiting: options.maxWaiting ?? 3,
      refusals: { busy: () => ({ refused: 'pack_busy' }), stopping: () => ({ refused: 'pack_busy' }), timeout: () => ({ refused: 'pack_timeout' }), lost: () => ({ refused: 'pack_failed' }) },
    });
  }

  /** Thread ids that made a pack, in order (tests check the work left the main thread). */
  get threads(): readonly number[] {
    return this.queue.threads;
  }

  /** The pack's PDF; a refusal is a user error with its message key (busy, too slow, failed). */
  async run(input: PrintPackInput): Promise<Uint8Array> {
    const result = await this.queue.run(input);
    if ('refused' in result) throw new UserInputError(result.refused);
    return result.pdf;
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
