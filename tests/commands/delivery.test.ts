import { afterEach, describe, expect, it } from 'vitest';
import { handleOnce, type Invocation } from '../../src/commands/index.js';
import { deliveryKey, DELIVERY_LEASE_MS } from '../../src/commands/pipeline/index.js';
import { testApp, type TestApp } from '../support/app.js';
import { RecordingLogger } from '../support/logger.js';

const REDIS = process.env.REDIS_URL;
const stores: Array<[string, string | undefined]> = [['SQLite', undefined], ...(REDIS ? [['Redis', REDIS] as [string, string]] : [])];

function invocation(userId: string, line: string, delivery: string, isModerator = async () => true): Invocation {
  const [name, ...rest] = line.split(' ');
  return { name: name!, text: rest.join(' '), actor: { platform: 'telegram', userId, locale: 'en' }, space: { id: 'telegram:-1001', kind: 'group' }, isModerator, delivery };
}

describe.each(stores)('a delivery of a command that writes no ledger, on %s', (_name, redisUrl) => {
  const apps: TestApp[] = [];
  afterEach(async () => Promise.all(apps.splice(0).map((a) => a.close())));
  const open = async () => {
    const app = await testApp({ now: '2026-12-01T10:00:00Z', redisUrl });
    apps.push(app);
    return app;
  };

  it('runs once and answers once when it arrives twice at the same moment; a redelivery after answers nothing', async () => {
    const app = await open();
    const line = 'drive start ua-34-25 goal=10 deadline=2026-12-31';
    const twins = await Promise.all([handleOnce(invocation('mod', line, 'telegram:update:1'), app.deps, new RecordingLogger()), handleOnce(invocation('mod', line, 'telegram:update:1'), app.deps, new RecordingLogger())]);
    expect(twins.filter((r) => r !== undefined)).toHaveLength(1);
    expect(JSON.stringify(twins.find(Boolean))).toContain('Drive started');
    expect(await handleOnce(invocation('mod', line, 'telegram:update:1'), app.deps, new RecordingLogger())).toBeUndefined();
    // Marked done for the day, not for the lease.
    expect(await app.deps.claims.remaining(deliveryKey('telegram:update:1'))).toBeGreaterThan(DELIVERY_LEASE_MS);
  });

  it('is free again when its work failed: the redelivery runs and answers', async () => {
    const app = await open();
    const failing = async () => {
      throw new Error('the platform did not answer');
    };
    const first = await handleOnce(invocation('mod', 'drive start ua-34-25 goal=10 deadline=2026-12-31', 'telegram:update:2', failing), app.deps, new RecordingLogger());
    expect(JSON.stringify(first)).not.toContain('Drive started');
    expect(await app.deps.claims.remaining(deliveryKey('telegram:update:2'))).toBe(0);
    const again = await handleOnce(invocation('mod', 'drive start ua-34-25 goal=10 deadline=2026-12-31', 'telegram:update:2'), app.deps, new RecordingLogger());
    expect(JSON.stringify(again)).toContain('Drive started');
  });
});
