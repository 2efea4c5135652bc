import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../../src/app/cli.js';
import { StoreError } from '../../../src/core/errors.js';
import { openStore } from '../../../src/core/store.js';
import { aDrive } from '../../support/drives.js';

const at = new Date('2026-06-01T12:00:00Z');

async function fill(file: string, n: number): Promise<void> {
  const store = await openStore(`sqlite://${file}`);
  await Promise.all(Array.from({ length: n }, (_, i) => store.ledger.record({ drive: aDrive(), member: `member-${i}`, method: 'email', at })));
  await store.close();
}

function capture(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), env }, out, err };
}

describe('a damaged SQLite store', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-damage-'));
    file = join(dir, 'store.sqlite');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('still opens fast, then makes health not ok with one line naming the file, and never records', async () => {
    await fill(file, 3000);
    // Every page but the schema's (page 1 and, the schema having grown, its leaves) becomes garbage,
    // as a bad disk would leave it.
    const db = new Database(file, { readonly: true });
    const schemaPages = new Set((db.prepare("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'").pluck().all() as number[]).concat(1));
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const { size } = await stat(file);
    const handle = await open(file, 'r+');
    for (let page = 2; page * pageSize <= size; page++) {
      if (!schemaPages.has(page)) await handle.write(Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
    }
    await handle.close();
    const lines: string[] = [];
    const store = await openStore(`sqlite://${file}`, { onFault: (line) => lines.push(line) });
    try {
      const errors = await Promise.all([
        store.ledger.record({ drive: aDrive(), member: 'new', method: 'post', at }).catch((e: unknown) => e),
        store.ledger.tally(aDrive().appealId).catch((e: unknown) => e),
      ]);
      // Stopped: members are told the organisers know, not "try again in a minute" for ever.
      for (const error of errors) expect(error).toMatchObject({ constructor: StoreError, stopped: true });
      expect(await store.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/damaged/) });
      // The reason is what the public /readyz says: no path; the path is in the detail, for the log.
      expect(await store.health()).toMatchObject({ reason: expect.not.stringContaining(dir), detail: expect.stringContaining(file) });
      await store.ledger.tally(aDrive().appealId).catch(() => undefined);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toContain('npx actionbot check');
      expect(lines[0]).not.toContain('\n');
    } finally {
      await store.close();
    }
    const { io, out, err } = capture({ STORE_URL: `sqlite://${file}`, DATA_DIR: dir });
    expect(await cli(['check'], io)).toBe(1);
    expect(out.join('') + err.join('')).toMatch(/damaged|corrupt|malformed|not a database/i);
  });

  it('a healthy store passes the check, and a backup made while it is open reads back with the same tally', async () => {
    await fill(file, 500);
    const store = await openStore(`sqlite://${file}`);
    try {
      expect(await store.health()).toEqual({ ok: true });
      const { io, out } = capture({ STORE_URL: `sqlite://${file}`, DATA_DIR: dir });
      expect(await cli(['check'], io)).toBe(0);
      expect(out.join('')).toContain('ok');
      const copy = join(dir, 'backup.sqlite');
      expect(await cli(['backup', copy], io)).toBe(0);
      expect(await cli(['backup', copy], capture({ STORE_URL: `sqlite://${file}`, DATA_DIR: dir }).io)).toBe(1);
      const restored = await openStore(`sqlite://${copy}`);
      try {
        expect(await restored.ledger.tally(aDrive().appealId)).toEqual(await store.ledger.tally(aDrive().appealId));
      } finally {
        await restored.close();
      }
    } finally {
      await store.close();
    }
  });
});
