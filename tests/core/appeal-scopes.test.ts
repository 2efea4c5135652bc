import { afterEach, describe, expect, it } from 'vitest';
import { communityAppealId } from '../../src/core/appeal-view.js';
import { testApp, type TestApp } from '../support/app.js';

const REDIS = process.env.REDIS_URL;
const stores: Array<[string, string | undefined]> = [['SQLite', undefined], ...(REDIS ? [['Redis', REDIS] as [string, string]] : [])];

describe.each(stores)('appeal scopes and history on %s', (_name, redisUrl) => {
  let app: TestApp;
  afterEach(() => app.close());

  it("keeps a community's appeal to it, records each change, and publishes it to everyone", async () => {
    app = await testApp(redisUrl ? { redisUrl } : {});
    const shared = (await app.catalog.get('ua-34-25'))!;
    const id = communityAppealId('ua-34-25', 'telegram:-100');
    const view = (community: string) => app.deps.appeals.viewFor({ community, member: 'm1', operator: false, where: `${community}/x` });
    await view('telegram:-100').save({ ...shared, id, title: 'Ours' }, undefined, app.clock.now());
    await view('telegram:-100').save({ ...shared, id, title: 'Ours, again' }, undefined, app.clock.now());
    expect((await view('telegram:-100').get(id))?.title).toBe('Ours, again');
    expect(await view('slack:T1').get(id)).toBeUndefined();
    expect((await view('slack:T1').list()).map((a) => a.id)).toEqual(['ua-34-25']);
    // Never over the shared appeal, never over another community's.
    await expect(view('telegram:-100').save({ ...shared, title: 'Replaced' }, undefined, app.clock.now())).rejects.toMatchObject({ code: 'appeal_not_yours' });
    await expect(view('slack:T1').save({ ...shared, id, title: 'Theirs' }, undefined, app.clock.now())).rejects.toMatchObject({ code: 'appeal_not_yours' });
    expect(await app.catalog.get('ua-34-25')).toEqual(shared);
    const history = await app.catalog.scopes.history(id);
    expect(history.map((h) => [h.action, h.changed])).toEqual([
      ['saved', expect.arrayContaining(['id', 'title', 'targets'])],
      ['replaced', ['title']],
    ]);
    await app.catalog.publish(id, { who: 'cli', where: 'cli' }, new Date());
    expect((await view('slack:T1').get(id))?.title).toBe('Ours, again');
  });
});
