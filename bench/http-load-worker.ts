// Sends HTTP requests concurrently from its own process, as a platform's servers would, and prints
// each one's latency, status and body. Input (stdin): { requests: [{ url, headers, body }] }.
import { text } from 'node:stream/consumers';
import type { HttpRequest } from './http-load.js';

const { requests } = JSON.parse(await text(process.stdin)) as { requests: HttpRequest[] };
const started = performance.now();
const results = await Promise.all(
  requests.map(async (r) => {
    const t0 = performance.now();
    const response = await fetch(r.url, { method: 'POST', headers: r.headers, body: r.body });
    const body = await response.text();
    return { ms: performance.now() - t0, status: response.status, body };
  }),
);
process.stdout.write(JSON.stringify({ results, wallMs: performance.now() - started }));
