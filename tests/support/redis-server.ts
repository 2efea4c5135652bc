import { spawn, type ChildProcess } from 'node:child_process';
/** One helper for a free port, tests/support/ports.ts; kept importable from here. */
export { freePort } from './ports.js';

/**
 * A redis-server of a test's own, to stop and start again. With `dir`, an append-only file synced on
 * every write keeps the data across a kill (what docs/store.md, "Keep the count", asks of production); without, it comes
 * back empty.
 */
export function startRedisServer(port: number, dir?: string): Promise<ChildProcess> {
  const persistence = dir ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir] : ['--appendonly', 'no'];
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Ready to accept connections')) resolve(child);
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`redis-server exited ${code}: ${out}`)));
  });
}
