import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectRows } from '../../../src/core/ledger/ledger.js';
import { openStore } from '../../../src/core/store.js';
import { aDrive } from '../../support/drives.js';

// What release 0.1 reported for the fixture (tests/fixtures/store/make-release-0.1.ts, run at 4bb5751).
const RELEASE_TALLIES = {
  'ua-34-25': {
    appealId: 'ua-34-25',
    actions: 1196,
    members: 700,
    byMethod: { email: 239, post: 239, phone: 239, social: 240, other: 239 },
    bySpace: { 'slack:T1/C1': 399, 'telegram:-100': 797 },
    byPlatform: { slack: 399, telegram: 797 },
  },
  'ua-7-26': { appealId: 'ua-7-26', actions: 29, members: 29, byMethod: { email: 29 }, bySpace: { 'discord:1/2': 29 }, byPlatform: { discord: 29 } },
};

describe('a data folder written by release 0.1', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-upgrade-'));
    file = join(dir, 'actionbot.sqlite');
    await copyFile('tests/fixtures/store/release-0.1.sqlite', file);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('opens with the same tallies, rows and documents, and the old ledger documents gone', async () => {
    const store = await openStore(`sqlite://${file}`);
    try {
      expect(await store.ledger.tally('ua-34-25')).toEqual(RELEASE_TALLIES['ua-34-25']);
      expect(await store.ledger.tally('ua-7-26')).toEqual(RELEASE_TALLIES['ua-7-26']);
      const rows = await collectRows(store.ledger.exportRows('ua-34-25'));
      expect(rows).toHaveLength(1196);
      expect(rows.map((r) => r.at)).toEqual(rows.map((r) => r.at).sort());
      // The forgotten member stayed forgotten, the undone methods stayed undone.
      expect(rows.some((r) => r.member === 'member-4')).toBe(false);
      expect(await store.ledger.methodsOf('ua-34-25', 'member-1')).not.toContain('post');
      const series = await store.ledger.series('ua-34-25');
      expect(series.reduce((sum, p) => sum + p.count, 0)).toBe(1196);
      expect(await store.profiles.get('member-9')).toEqual({ name: 'Fixture Person', town: 'Lyon', country: 'FR' });
      expect(await store.kv.get('profile:member-9')).toBeUndefined();
      expect(await store.kv.get('ledger:appeals')).toBeUndefined();
      expect(await store.kv.get('ledger:ua-34-25:tally')).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('is migrated once: reopened and written to, the counts go on from the release counts', async () => {
    const first = await openStore(`sqlite://${file}`);
    const drive = aDrive({ appealId: 'ua-34-25', space: 'telegram:-100' });
    const at = new Date('2026-06-02T10:00:00Z');
    await first.ledger.record({ drive, member: 'new-member', method: 'email', at });
    expect((await first.ledger.record({ drive, member: 'member-0', method: 'email', at })).created).toBe(false);
    await first.close();
    const second = await openStore(`sqlite://${file}`);
    try {
      expect(await second.ledger.tally('ua-34-25')).toMatchObject({ actions: 1197, members: 701, byMethod: { email: 240 } });
      expect(await second.ledger.export('ua-34-25')).toHaveLength(1197);
    } finally {
      await second.close();
    }
    // The release's member records are gone from the bytes too, not only from the keys.
    const bytes = await readFile(file);
    expect(bytes.includes('"acts":{')).toBe(false);
  });
});
