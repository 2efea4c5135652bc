// The print pack's worker thread: makes one pack at a time, off the loop that answers members.
import { parentPort } from 'node:worker_threads';
import { printPackPdf, type PrintPackInput } from './printpack.js';

export type PackRequest = { id: number; input: PrintPackInput };
export type PackAnswer = { id: number; pdf?: Uint8Array; error?: string };

parentPort?.on('message', (request: PackRequest) => {
  printPackPdf(request.input).then(
    (pdf) => parentPort!.postMessage({ id: request.id, pdf } satisfies PackAnswer, [pdf.buffer as ArrayBuffer]),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: String(error) } satisfies PackAnswer),
  );
});
