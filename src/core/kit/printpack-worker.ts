// The print pack's worker thread: makes one pack at a time, off the loop that answers members.
import { parentPort } from 'node:worker_threads';
import type { JobAnswer, JobMessage } from '../worker-queue.js';
import { printPackPdf, type PrintPackInput } from './printpack.js';

/** The pack's bytes, or why there are none (a message key). */
export type PackResult = { pdf: Uint8Array } | { refused: 'pack_busy' | 'pack_timeout' | 'pack_failed' };

parentPort?.on('message', ({ id, job }: JobMessage<PrintPackInput>) => {
  printPackPdf(job).then(
    (pdf) => parentPort!.postMessage({ id, result: { pdf } } satisfies JobAnswer<PackResult>, [pdf.buffer as ArrayBuffer]),
    () => parentPort!.postMessage({ id, result: { refused: 'pack_failed' } } satisfies JobAnswer<PackResult>),
  );
});
