// Runs a TypeScript file on a worker thread: tsx's loader hooks are per thread, so the thread
// registers them before it imports the file named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.file);
