import { afterEach, describe, expect, it } from 'vitest';
import { idSealer } from '../../../src/core/news/followers.js';
import { SharedPacer } from '../../../src/core/news/pacer.js';
import { memberKeyer } from '../../../src/core/member-key.js';
import { testApp, type TestApp } from '../../support/app.js';
import { filesHolding, redisHolding } from '../../privacy/bytes.js';

const REDIS_URL = process.env.REDIS_URL;
const stores = [{ name: 'SQLite' }, ...(REDIS_URL ? [{ name: 'Redis', redisUrl: REDIS_URL }] : [])];

describe.each(stores)('followers on $name', ({ redisUrl }) => {
  let app: TestApp;
  afterEach(() => app.close());
  const now = new Date('2026-12-01T10:00:00Z');
  const request = (member: string, userId: string, appealId = 'ua-34-25', lastDeadline = new Date('2026-12-20T00:00:00Z')) => ({
    appealId,
    member,
    space: 'telegram:-100111',
    platform: 'telegram',
    userId,
    locale: 'en',
    lastDeadline,
  });

  it('keeps the platform id sealed, pages in key order, forgets a member and purges at expiry', async () => {
    app = await testApp({ redisUrl, now: now.toISOString() });
    const { followers } = app.deps;
    expect((await followers.follow(request('m-b', '700000000001'), now)).created).toBe(true);
    await followers.follow(request('m-a', '700000000002'), now);
    await followers.follow(request('m-c', '700000000003'), now);
    await followers.follow(request('m-a', '700000000002', 'other-appeal', new Date('2027-03-01T00:00:00Z')), now);
    // Following again never moves the expiry earlier.
    const again = await followers.follow(request('m-b', '700000000001', 'ua-34-25', new Date('2026-12-10T00:00:00Z')), now);
    expect(again).toEqual({ created: false, expires: new Date('2027-01-19T00:00:00Z') });
    const first = await followers.store.page('ua-34-25', '', 2, now);
    expect(first.map((f) => f.member)).toEqual(['m-a', 'm-b']);
    expect((await followers.store.page('ua-34-25', 'm-b', 2, now)).map((f) => f.member)).toEqual(['m-c']);
    expect(followers.userIdOf(first[1]!)).toBe('700000000001');
    expect(JSON.stringify(first)).not.toContain('700000000001');
    const bytes = redisUrl ? await redisHolding(redisUrl, 'test-', ['700000000001']) : await filesHolding(app.dataDir, ['700000000001']);
    expect(bytes).toEqual([]);
    expect((await followers.store.forMember('m-a', now)).map((f) => f.appealId)).toEqual(['other-appeal', 'ua-34-25']);
    expect(await followers.store.forget('m-a')).toBe(2);
    expect(await followers.store.forMember('m-a', now)).toEqual([]);
    expect(await followers.store.purge(new Date('2027-01-19T00:00:00Z'))).toBe(2);
    expect(await followers.store.page('ua-34-25', '', 10, now)).toEqual([]);
  });

  it('two pacers on one store never take the same slot', async () => {
    app = await testApp({ redisUrl, now: now.toISOString() });
    const at = 1_000_000;
    const slept: number[] = [];
    const sleep = async (ms: number) => void slept.push(ms);
    const a = new SharedPacer(app.deps.claims, () => at, sleep, { telegram: 30 });
    const b = new SharedPacer(app.deps.claims, () => at, sleep, { telegram: 30 });
    for (let i = 0; i < 15; i++) {
      await a.turn('telegram');
      await b.turn('telegram');
    }
    // 30 messages in 30 distinct slots of 1/30 s, one after the other: the last waits about a second.
    const waits = [...slept].sort((x, y) => x - y);
    for (let i = 1; i < waits.length; i++) expect(waits[i]! - waits[i - 1]!).toBeGreaterThan(33);
    expect(waits.at(-1)).toBeGreaterThan(950);
  });
});

describe('a hold after a 429', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('makes another process wait it out before its next turn', async () => {
    app = await testApp();
    const slept: number[] = [];
    const sleep = async (ms: number) => void slept.push(ms);
    const a = new SharedPacer(app.deps.claims, () => 1_000_000, sleep, { telegram: 30 });
    const b = new SharedPacer(app.deps.claims, () => 1_000_000, sleep, { telegram: 30 });
    await a.hold('telegram', 2000);
    // A shorter hold asked later does not shorten it.
    await a.hold('telegram', 500);
    await b.turn('telegram');
    expect(slept[0]).toBe(2000);
  });
});

describe('sealed ids', () => {
  it('open only with the same secret and the same platform', () => {
    const sealed = idSealer(memberKeyer('secret-one-0123456789abcdef-0123456789')).seal('telegram', '12345');
    expect(idSealer(memberKeyer('secret-one-0123456789abcdef-0123456789')).open('telegram', sealed)).toBe('12345');
    expect(() => idSealer(memberKeyer('secret-two-0123456789abcdef-0123456789')).open('telegram', sealed)).toThrow();
    expect(() => idSealer(memberKeyer('secret-one-0123456789abcdef-0123456789')).open('slack', sealed)).toThrow();
  });
});
