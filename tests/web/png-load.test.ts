import { describe, expect, it } from 'vitest';
import { runWorker } from '../support/spawn.js';

describe('loading the chart renderer in a busy bot', () => {
  it('never has a process report look up the addresses of open sockets (which stops the event loop for seconds)', async () => {
    const out = JSON.parse(await runWorker('tests/support/workers/load-resvg.ts', [])) as { calls: boolean[]; loaded: boolean; after: boolean };
    expect(out.loaded).toBe(true);
    // resvg asks for a report to learn the C library; each one it asks for leaves the network out.
    expect(out.calls.length).toBeGreaterThan(0);
    expect(out.calls.every((excluded) => excluded)).toBe(true);
    // The setting is put back for whoever asks for a report later.
    expect(out.after).toBe(false);
  }, 30_000);
});
