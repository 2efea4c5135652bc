import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_APPEALS } from '../../src/app/app.js';
import { loadCampaignFiles } from '../../src/core/campaign.js';
import { driveAppealIds, driveSchema, type Drive } from '../../src/core/drive.js';
import { openStore } from '../../src/core/store.js';
import type { TallyBook } from '../../src/core/tally-book.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { dropPrefix } from '../support/redis.js';

const mod = { userId: 'volunteer', moderator: true };

describe('the drive model', () => {
  it('reads a drive stored before campaigns (appealId, no cases) as a campaign of one, in round 1', () => {
    const stored = { id: 'd1', appealId: 'ua-34-25', space: 'shell:local', goal: 50, deadline: '2030-01-31', timezone: 'UTC', status: 'active', startedAt: '2026-11-01T00:00:00.000Z' };
    const drive = driveSchema.parse(stored);
    expect(drive.cases).toEqual([{ appealId: 'ua-34-25', goal: null, status: 'active', round: 1 }]);
    expect(driveAppealIds(drive)).toEqual(['ua-34-25']);
    expect('appealId' in drive).toBe(false);
    expect(drive.goal).toBe(50);
  });

  it('refuses a drive without any case', () => {
    expect(() => driveSchema.parse({ id: 'd1', cases: [], space: 's', goal: null, deadline: '2030-01-31', timezone: 'UTC', status: 'active', startedAt: 'x' })).toThrow();
  });
});

describe('campaign drives in the store', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(() => app.close());

  it('opens a drive written by the current release unchanged, and acts on it', async () => {
    const legacy = { id: 'old1', appealId: 'ua-34-25', space: 'shell:local', goal: 5, deadline: '2030-01-31', timezone: 'UTC', status: 'active', startedAt: '2026-11-01T00:00:00.000Z', milestones: true, reminders: null, locale: 'en', page: false, pageId: null };
    // As the migration of a release's keyv documents leaves it: the release's drive as its row's JSON.
    await app.store.drives.put(legacy as unknown as Drive);
    expect(await app.store.drives.runningAppeal('ua-34-25')).toEqual(['old1']);
    const type = typer(app.deps);
    expect((await type({ userId: 'ana' }, '/acted email')).plain).toContain('1 action by 1 member');
    expect((await type({ userId: 'ana' }, '/progress')).plain).toContain('(20% of the goal of 5)');
  });

  it('ends one case on its own; the drive ends with its last case', async () => {
    const base = (await app.deps.appeals.get('ua-34-25'))!;
    const other = { ...base, id: 'ua-1-26', deadline: '2030-01-31' };
    await app.deps.appeals.save(other, undefined, app.clock.now());
    const drive = await app.deps.drives.start([base, other], 'shell:local', { deadline: '2030-01-31' });
    const one = await app.deps.drives.endCase(drive, 'ua-34-25');
    expect(one.status).toBe('active');
    expect(one.cases.map((c) => c.status)).toEqual(['ended', 'active']);
    const type = typer(app.deps);
    expect((await type({ userId: 'ana' }, '/acted email 1')).plain).toContain('ended');
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(0);
    expect((await type({ userId: 'ana' }, '/acted email 2')).plain).toContain('1 action by 1 member');
    const both = await app.deps.drives.endCase(one, 'ua-1-26');
    expect(both.status).toBe('ended');
    await expect(app.deps.drives.endCase(both, 'ua-9-99')).rejects.toMatchObject({ code: 'unknown_case' });
  });

  it('refuses a second drive with an appeal already running here in a campaign', async () => {
    const base = (await app.deps.appeals.get('ua-34-25'))!;
    const other = { ...base, id: 'ua-1-26' };
    await app.deps.appeals.save(other, undefined, app.clock.now());
    await app.deps.drives.start([base, other], 'shell:local', { deadline: '2030-01-31' });
    await expect(app.deps.drives.start(other, 'shell:local', { deadline: '2030-01-31' })).rejects.toMatchObject({ code: 'drive_exists' });
  });
});

describe('campaign files', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-campaigns-'));
    await copyFile(join(BUNDLED_APPEALS, 'ua-34-25.json'), join(dir, 'ua-34-25.json'));
    await writeFile(join(dir, 'ua-1-26.json'), JSON.stringify({ ...(await import(join(BUNDLED_APPEALS, 'ua-34-25.json'), { with: { type: 'json' } })).default, id: 'ua-1-26', reference: 'UA 1.26' }));
    await mkdir(join(dir, 'campaigns'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('loads a YAML campaign and reports a bad one by path and field', async () => {
    await writeFile(join(dir, 'campaigns', 'w4r-2026.yaml'), 'id: w4r-2026\ntitle: Write for Rights 2026\nappeals: [ua-34-25, ua-1-26]\ndeadline: 2030-01-31\ngoal: 1000\n');
    await writeFile(join(dir, 'campaigns', 'bad.yaml'), 'id: bad\ntitle: Bad\nappeals: []\n');
    const { campaigns, problems } = await loadCampaignFiles(dir);
    expect(campaigns).toEqual([{ id: 'w4r-2026', title: 'Write for Rights 2026', appeals: ['ua-34-25', 'ua-1-26'], deadline: '2030-01-31', goal: 1000 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toContain('bad.yaml');
    expect(problems[0]!.message).toMatch(/^appeals:/);
  });

  it('starts a campaign by its id, with its title, goal and deadline', async () => {
    await writeFile(join(dir, 'campaigns', 'w4r-2026.json'), JSON.stringify({ id: 'w4r-2026', title: 'Write for Rights 2026', appeals: ['ua-1-26', 'ua-34-25'], deadline: '2030-01-31', goal: 1000 }));
    const app = await testApp({ appealsDir: dir });
    try {
      const type = typer(app.deps);
      const started = await type(mod, '/drive start w4r-2026');
      expect(started.plain).toContain('Campaign started: Write for Rights 2026 (2 cases)');
      const drive = (await app.deps.drives.resolve('shell:local'))!;
      expect(drive).toMatchObject({ title: 'Write for Rights 2026', goal: 1000, deadline: '2030-01-31' });
      expect(driveAppealIds(drive)).toEqual(['ua-1-26', 'ua-34-25']);
      expect((await type(mod, '/drive start w4r-2027')).plain).toContain('No appeal or campaign is called "w4r-2027"');
    } finally {
      await app.close();
    }
  });
});

function tallyBookContract(name: string, open: () => Promise<{ book: TallyBook; close: () => Promise<void> }>): void {
  describe(`${name} tally book`, () => {
    let book: TallyBook;
    let close: () => Promise<void>;
    beforeEach(async () => ({ book, close } = await open()));
    afterEach(() => close());

    const at = new Date('2026-12-10T20:00:00Z');
    const entry = (over: Partial<Parameters<TallyBook['add']>[0]> = {}) => ({
      driveId: 'd1', space: 'telegram:-1', appealId: 'ua-1-26', count: 37, method: 'post' as const, note: 'Library', moderator: 'mod-key', date: '2026-12-10', ...over,
    });

    it('adds, gets, lists in entry order, sums and removes entries', async () => {
      const a = await book.add(entry(), at);
      const b = await book.add(entry({ appealId: 'ua-2-26', count: 5, method: 'card', note: null, moderator: null }), new Date(at.getTime() + 1000));
      await book.add(entry({ driveId: 'd2', count: 100 }), at);
      expect(a.id).toMatch(/^[A-Za-z0-9]{8}$/);
      expect(await book.get(a.id)).toEqual(a);
      expect(await book.get(b.id)).toEqual(b);
      expect((await book.list('d1')).map((e) => e.id)).toEqual([a.id, b.id]);
      expect(await book.totals('d1')).toEqual({ total: 42, byAppeal: { 'ua-1-26': 37, 'ua-2-26': 5 }, byMethod: { post: 37, card: 5 } });
      expect(await book.remove(a.id, at)).toBe(true);
      expect(await book.remove(a.id, at)).toBe(false);
      expect(await book.get(a.id)).toBeUndefined();
      expect(await book.totals('d1')).toEqual({ total: 5, byAppeal: { 'ua-2-26': 5 }, byMethod: { card: 5 } });
    });

    it("takes a moderator's key off their entries and keeps the counts", async () => {
      const a = await book.add(entry(), at);
      await book.add(entry({ moderator: 'other' }), at);
      expect(await book.forgetModerator('mod-key')).toBe(1);
      expect(await book.get(a.id)).toMatchObject({ moderator: null, count: 37, note: 'Library' });
      expect((await book.list('d1')).map((e) => e.moderator).sort()).toEqual([null, 'other']);
      expect((await book.totals('d1')).total).toBe(74);
      expect(await book.forgetModerator('mod-key')).toBe(0);
    });

    it("lists the entries still carrying a moderator's key, and none after their /forgetme", async () => {
      const a = await book.add(entry(), at);
      const b = await book.add(entry({ driveId: 'd2', count: 3 }), new Date(at.getTime() + 1000));
      await book.add(entry({ moderator: 'other' }), at);
      expect((await book.ofModerator('mod-key')).map((e) => e.id)).toEqual([a.id, b.id]);
      await book.forgetModerator('mod-key');
      expect(await book.ofModerator('mod-key')).toEqual([]);
    });

    it("deletes a drive's entries for one case, keeping their counts in the drive's totals", async () => {
      const a = await book.add(entry(), at);
      await book.add(entry({ count: 3, method: 'card' }), at);
      const other = await book.add(entry({ appealId: 'ua-2-26', count: 5 }), at);
      const elsewhere = await book.add(entry({ driveId: 'd2', count: 100 }), at);
      expect(await book.purge('d1', 'ua-1-26')).toBe(2);
      expect(await book.get(a.id)).toBeUndefined();
      expect((await book.list('d1')).map((e) => e.id)).toEqual([other.id]);
      expect(await book.ofModerator('mod-key')).toEqual(expect.not.arrayContaining([expect.objectContaining({ id: a.id })]));
      expect(await book.get(elsewhere.id)).toEqual(elsewhere);
      expect(await book.totals('d1')).toEqual({ total: 45, byAppeal: { 'ua-1-26': 40, 'ua-2-26': 5 }, byMethod: { post: 42, card: 3 } });
      // A second purge finds nothing, and leaves the kept counts as they are.
      await book.add(entry({ count: 1 }), at);
      expect(await book.purge('d1', 'ua-1-26')).toBe(1);
      expect((await book.totals('d1')).byAppeal).toEqual({ 'ua-1-26': 41, 'ua-2-26': 5 });
      expect(await book.purge('d1', 'ua-1-26')).toBe(0);
    });
  });
}

tallyBookContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'actionbot-tally-'));
  const store = await openStore(`sqlite://${join(dir, 'test.sqlite')}`);
  return { book: store.tallyBook, close: async () => { await store.close(); await rm(dir, { recursive: true, force: true }); } };
});

describe('a SQLite file migrated before tally_archived (migration 10)', () => {
  it('gains the table when opened, sums its entries, and its retention purge keeps the counts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'actionbot-tally-'));
    const file = join(dir, 'test.sqlite');
    try {
      const at = new Date('2026-12-10T20:00:00Z');
      const entry = { driveId: 'd1', space: 'telegram:-1', appealId: 'ua-1-26', count: 37, method: 'post' as const, note: null, moderator: 'mod-key', date: '2026-12-10' };
      const first = await openStore(`sqlite://${file}`);
      await first.tallyBook.add(entry, at);
      await first.close();
      const db = new Database(file);
      db.exec('DROP TABLE tally_archived');
      db.pragma('user_version = 10');
      db.close();
      const store = await openStore(`sqlite://${file}`);
      try {
        const opened = new Database(file, { readonly: true });
        expect(opened.pragma('user_version', { simple: true })).toBe(11);
        expect(opened.prepare("SELECT name FROM sqlite_master WHERE name = 'tally_archived'").get()).toEqual({ name: 'tally_archived' });
        opened.close();
        expect((await store.tallyBook.totals('d1')).total).toBe(37);
        expect(await store.tallyBook.purge('d1', 'ua-1-26')).toBe(1);
        expect(await store.tallyBook.list('d1')).toEqual([]);
        expect((await store.tallyBook.totals('d1')).total).toBe(37);
      } finally {
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const url = process.env.REDIS_URL;
if (url) {
  tallyBookContract('Redis', async () => {
    const prefix = `test-${randomUUID()}:`;
    const store = await openStore(url, { prefix });
    return { book: store.tallyBook, close: async () => { await store.close(); await dropPrefix(url, prefix); } };
  });
} else {
  describe('Redis tally book', () => {
    it.skip('runs when REDIS_URL is set', () => undefined);
  });
}
