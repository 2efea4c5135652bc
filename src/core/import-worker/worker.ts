// The importer's worker thread: reads one Urgent Action text at a time, off the loop that answers
// members.
import { parentPort } from 'node:worker_threads';
import { importUrgentAction, type ImportOptions } from '../importer/index.js';

/** The importer's thread: one text at a time, answered with the same `ImportResult` the function returns. */
export type ImportRequest = { id: number; text: string; options: ImportOptions };
export type ImportAnswer = { id: number; result: ReturnType<typeof importUrgentAction> };

parentPort?.on('message', (request: ImportRequest) => {
  const answer: ImportAnswer = { id: request.id, result: importUrgentAction(request.text, request.options) };
  parentPort!.postMessage(answer);
});
