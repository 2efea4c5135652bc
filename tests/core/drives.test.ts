import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appeal } from '../../src/core/appeal.js';
import { isOpen } from '../../src/core/drive.js';
import { testApp, type TestApp } from '../support/app.js';

describe('drives', () => {
  let app: TestApp;
  let appeal: Appeal;
  beforeEach(async () => {
    app = await testApp({ now: '2026-11-28T10:00:00Z' });
    appeal = (await app.deps.appeals.get('ua-34-25'))!;
  });
  afterEach(() => app.close());

  it('starts with the default time zone and computes open or closed from the deadline', async () => {
    const drive = await app.deps.drives.start(appeal, 'telegram:-1', { deadline: '2026-12-01', goal: 50 });
    expect(drive).toMatchObject({ timezone: 'UTC', goal: 50, status: 'active', deadline: '2026-12-01' });
    expect(isOpen(drive, new Date('2026-12-01T23:59:59Z'))).toBe(true);
    expect(isOpen(drive, new Date('2026-12-02T00:00:00Z'))).toBe(false);
  });

  it('refuses a second open drive for the same appeal in a space, but not in another space', async () => {
    await app.deps.drives.start(appeal, 'telegram:-1', { deadline: '2026-12-01' });
    await expect(app.deps.drives.start(appeal, 'telegram:-1', { deadline: '2026-12-05' })).rejects.toMatchObject({ code: 'drive_exists' });
    await expect(app.deps.drives.start(appeal, 'telegram:-2', { deadline: '2026-12-05' })).resolves.toMatchObject({ space: 'telegram:-2' });
  });

  it('starts only one drive when two moderators start it at once', async () => {
    const results = await Promise.allSettled([1, 2, 3].map(() => app.deps.drives.start(appeal, 'slack:T/C', { deadline: '2026-12-01' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('restarts an appeal after its drive closed, and resolves the space drive', async () => {
    await app.deps.drives.start(appeal, 'shell:local', { deadline: '2026-11-30' });
    app.clock.set('2026-12-02T00:00:00Z');
    expect(await app.deps.drives.resolve('shell:local')).toBeUndefined();
    const again = await app.deps.drives.start(appeal, 'shell:local', { deadline: '2027-01-31' });
    expect(await app.deps.drives.resolve('shell:local')).toEqual(again);
    expect((await app.deps.drives.listIn('shell:local')).map((d) => d.deadline)).toEqual(['2027-01-31', '2026-11-30']);
  });

  it('asks which appeal when several drives run in the space', async () => {
    const other = { ...appeal, id: 'ua-1-26' };
    await app.deps.appeals.save(other, undefined, app.clock.now());
    await app.deps.drives.start(appeal, 'shell:local', { deadline: '2026-12-31' });
    await app.deps.drives.start(other, 'shell:local', { deadline: '2026-12-31' });
    await expect(app.deps.drives.resolve('shell:local')).rejects.toMatchObject({ code: 'which_appeal' });
    expect((await app.deps.drives.resolve('shell:local', 'ua-1-26'))?.cases[0]?.appealId).toBe('ua-1-26');
  });

  it('ends and updates a drive, and tells listeners', async () => {
    const seen: string[] = [];
    app.deps.drives.onChange((d) => void seen.push(`${d.status}:${d.deadline}:${d.goal}`));
    const drive = await app.deps.drives.start(appeal, 'shell:local', { deadline: '2026-12-31' });
    const updated = await app.deps.drives.update(drive, { goal: 20, timezone: 'Europe/Madrid' });
    expect(updated).toMatchObject({ goal: 20, timezone: 'Europe/Madrid', deadline: '2026-12-31' });
    await expect(app.deps.drives.update(drive, { timezone: 'Nowhere/City' })).rejects.toMatchObject({ code: 'bad_timezone' });
    const ended = await app.deps.drives.end(updated);
    expect(isOpen(ended, app.clock.now())).toBe(false);
    expect(seen).toEqual(['active:2026-12-31:null', 'active:2026-12-31:20', 'ended:2026-12-31:20']);
    expect(await app.deps.drives.allActive()).toEqual([]);
  });

  it('lists active drives from an index that ended drives leave (a store written before it is migrated: tests/core/store/release-migration.test.ts)', async () => {
    const a = await app.deps.drives.start(appeal, 'telegram:-1', { deadline: '2026-12-01' });
    const b = await app.deps.drives.start(appeal, 'telegram:-2', { deadline: '2026-12-01' });
    await app.deps.drives.end(a);
    expect((await app.deps.drives.allActive()).map((d) => d.id)).toEqual([b.id]);
    const c = await app.deps.drives.start(appeal, 'telegram:-3', { deadline: '2026-12-01' });
    expect((await app.deps.drives.allActive()).map((d) => d.id).sort()).toEqual([b.id, c.id].sort());
    await app.deps.drives.end(b);
    expect((await app.deps.drives.allActive()).map((d) => d.id)).toEqual([c.id]);
    expect((await app.deps.drives.all()).map((d) => d.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect((await app.store.drives.runningAppeal(appeal.id)).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it('opens a case\'s next round: a later deadline becomes the drive\'s (a closed drive takes actions again), an earlier one leaves it, a past one is refused; an ended case opens none', async () => {
    const drive = await app.deps.drives.start(appeal, 'telegram:-1', { deadline: '2026-11-30' });
    app.clock.set('2026-12-02T00:00:00Z');
    expect(isOpen(drive, app.clock.now())).toBe(false);
    await expect(app.deps.drives.openRound(drive, 'ua-34-25', '2026-12-01')).rejects.toMatchObject({ code: 'deadline_past' });
    expect((await app.deps.drives.get(drive.id))!.cases[0]!.round).toBe(1);
    const two = (await app.deps.drives.openRound(drive, 'ua-34-25', '2027-01-31'))!;
    expect(two).toMatchObject({ deadline: '2027-01-31', cases: [{ round: 2 }] });
    expect(isOpen(two, app.clock.now())).toBe(true);
    const three = (await app.deps.drives.openRound(two, 'ua-34-25', '2026-12-20'))!;
    expect(three).toMatchObject({ deadline: '2027-01-31', cases: [{ round: 3 }] });
    await app.deps.drives.endCase(three, 'ua-34-25');
    expect(await app.deps.drives.openRound(three, 'ua-34-25', '2027-02-28')).toBeUndefined();
    expect((await app.deps.drives.get(drive.id))!.cases[0]!.round).toBe(3);
  });
});
