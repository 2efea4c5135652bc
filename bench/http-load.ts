import { spawn } from 'node:child_process';

export type HttpRequest = { url: string; headers: Record<string, string>; body: string };
export type HttpResult = { ms: number; status: number; body: string };

/**
 * Fires the requests at once from a separate process, so that the load generator does not share
 * the event loop of the server it measures (a platform's servers would not either).
 */
export function loadFromAnotherProcess(requests: HttpRequest[]): Promise<{ results: HttpResult[]; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/http-load-worker.ts'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as { results: HttpResult[]; wallMs: number }) : reject(new Error(`load worker exited ${code}: ${err}`))));
    child.stdin.end(JSON.stringify({ requests }));
  });
}
