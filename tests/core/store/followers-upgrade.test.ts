import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store.js';
import { aDrive } from '../../support/drives.js';

describe('a SQLite file of schema 2 (before followers)', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('gains the followers table at the next start, its counts unchanged', async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-followers-upgrade-'));
    const url = `sqlite://${join(dir, 'actionbot.sqlite')}`;
    const first = await openStore(url);
    await first.ledger.record({ drive: aDrive(), member: 'm1', method: 'email', at: new Date('2026-12-01T10:00:00Z') });
    await first.close();
    // As the release before this one left it.
    const db = new Database(join(dir, 'actionbot.sqlite'));
    db.exec('DROP TABLE followers');
    db.pragma('user_version = 2');
    db.close();

    const second = await openStore(url);
    expect((await second.ledger.tally(aDrive().appealId)).actions).toBe(1);
    await second.followers.put({ appealId: 'ua-1-25', member: 'm1', space: 'telegram:-1', platform: 'telegram', sealed: 'x', locale: 'en', expires: '2027-01-01T00:00:00.000Z' });
    expect(await second.followers.get('ua-1-25', 'm1')).toMatchObject({ sealed: 'x' });
    await second.close();
    const check = new Database(join(dir, 'actionbot.sqlite'));
    expect(check.pragma('user_version', { simple: true })).toBe(3);
    check.close();
  });
});
