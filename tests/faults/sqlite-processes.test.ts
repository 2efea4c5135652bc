import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/store.js';
import { aDrive } from '../support/drives.js';
import { runWorker } from '../support/spawn.js';

const at = new Date('2026-06-01T12:00:00Z');

/** Starts the streaming recorder and kills it with SIGKILL once it has answered `after` members. */
function recordUntilKilled(url: string, first: number, count: number, after: number): Promise<{ counted: string[]; already: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/workers/record-stream.ts', url, String(first), String(count), '40'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const counted: string[] = [];
    const already: string[] = [];
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) (line.startsWith('+') ? counted : already).push(line.slice(1));
      if (counted.length + already.length >= after) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', () => resolve({ counted, already }));
  });
}

describe('kill -9 in the middle of ledger batches on SQLite', () => {
  it('keeps every member told "counted" or "already counted", and after everyone retries tally = audit rows = members', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'actionbot-crash-'));
    const url = `sqlite://${join(dir, 'crash.sqlite')}`;
    try {
      const told = new Set<string>();
      // Three crashes, each at a different point, over overlapping members.
      for (const [first, after] of [[0, 97], [60, 151], [200, 233]] as const) {
        const { counted, already } = await recordUntilKilled(url, first, 400, after);
        for (const member of [...counted, ...already]) told.add(member);
        const store = await openStore(url);
        try {
          const audit = new Set((await store.ledger.export('ua-crash')).map((r) => r.member));
          expect([...told].filter((m) => !audit.has(m))).toEqual([]);
          expect((await store.ledger.tally('ua-crash')).actions).toBe(audit.size);
        } finally {
          await store.close();
        }
      }
      const store = await openStore(url);
      try {
        const members = Array.from({ length: 600 }, (_, i) => `m${i}`);
        await Promise.all(members.map((member) => store.ledger.record({ drive: aDrive({ appealId: 'ua-crash' }), member, method: 'email', at })));
        const rows = await store.ledger.export('ua-crash');
        expect(new Set(rows.map((r) => r.member)).size).toBe(600);
        expect(rows).toHaveLength(600);
        expect(await store.ledger.tally('ua-crash')).toMatchObject({ actions: 600, members: 600 });
      } finally {
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('two OS processes on one SQLite file', () => {
  it('count 300 + 300 distinct members and 50 members both record exactly once: tally = audit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'actionbot-two-'));
    const url = `sqlite://${join(dir, 'two.sqlite')}`;
    try {
      // Worker arguments: URL PREFIX FIRST COUNT SHARED (m0..m49 are recorded by both).
      const outputs = await Promise.all([
        runWorker('tests/support/workers/record.ts', [url, '', '1000', '300', '50']),
        runWorker('tests/support/workers/record.ts', [url, '', '2000', '300', '50']),
      ]);
      const created = outputs.map((o) => (JSON.parse(o) as { created: number }).created);
      expect(created.reduce((a, b) => a + b, 0)).toBe(650);
      const store = await openStore(url);
      try {
        const rows = await store.ledger.export('ua-race');
        expect(rows).toHaveLength(650);
        expect(new Set(rows.map((r) => r.member)).size).toBe(650);
        expect(await store.ledger.tally('ua-race')).toMatchObject({ actions: 650, members: 650, byMethod: { email: 650 } });
      } finally {
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
