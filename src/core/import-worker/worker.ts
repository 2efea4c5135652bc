// The importer's worker thread: reads one Urgent Action text at a time, off the loop that answers
// members.
import { parentPort } from 'node:worker_threads';
import { importUrgentAction, type ImportOptions, type ImportResult } from '../importer/index.js';
import type { JobAnswer, JobMessage } from '../worker-queue.js';

/** One text to read, answered with the same `ImportResult` the function returns. */
export type ImportJob = { text: string; options: ImportOptions };

parentPort?.on('message', ({ id, job }: JobMessage<ImportJob>) => {
  parentPort!.postMessage({ id, result: importUrgentAction(job.text, job.options) } satisfies JobAnswer<ImportResult>);
});
