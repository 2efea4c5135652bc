import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_APPEALS } from '../../src/app/app.js';
import { handle, splitCommandLine, type Invocation } from '../../src/commands/index.js';
import { communityAppealId } from '../../src/core/appeal-view.js';
import { AppealCatalog, loadAppealFiles } from '../../src/core/appeals.js';
import { stripMarkdown } from '../../src/core/markdown.js';
import { replyToPlainText } from '../../src/core/reply.js';
import { testApp, type TestApp } from '../support/app.js';
import { RecordingLogger } from '../support/logger.js';

const GROUP_A = { id: 'discord:100/1', kind: 'group' } as const;
const MOD_A = { platform: 'discord', userId: '11', moderator: true };
const ANA = { platform: 'discord', userId: '12', moderator: false };
const OWN_ID = communityAppealId('ua-34-25', 'discord:100');
const BY = { who: 'operator', where: 'test' };

/** The real store's repository with every call of `methods` noted as "method id", as the store was asked. */
function counting<T extends object>(repository: T, methods: readonly string[], reads: string[]): T {
  return new Proxy(repository, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (!methods.includes(String(name))) return bound;
      return (...args: unknown[]) => {
        reads.push(`${String(name)} ${String(args[0])}`);
        return bound(...args);
      };
    },
  });
}

describe("a community's own copy of a shared appeal, as the store is asked for it", () => {
  let app: TestApp;
  let reads: string[];
  const run = async (who: typeof ANA, line: string) => {
    const { name, text } = splitCommandLine(line.replace(/^\//, ''));
    const invocation: Invocation = { name, text, actor: { platform: who.platform, userId: who.userId }, space: GROUP_A, isModerator: async () => who.moderator };
    const reply = await handle(invocation, app.deps, new RecordingLogger());
    return replyToPlainText(reply, stripMarkdown);
  };

  beforeEach(async () => {
    app = await testApp();
    reads = [];
    // The commands' catalog over the very same store, its appeal and scope reads noted.
    const scopes = counting(app.store.appealScopes, ['scopeOf', 'scopedIds'], reads);
    const saved = counting(app.store.savedAppeals, ['get', 'ids'], reads);
    app.deps.appeals = new AppealCatalog(app.store.kv, (await loadAppealFiles(BUNDLED_APPEALS)).appeals, { scopes, saved });
  });
  afterEach(() => app.close());

  it('/acted in a community without copies reads the appeal once and no copy: two scopes and one appeal', async () => {
    await run(MOD_A, '/drive start ua-34-25 deadline=2026-12-20');
    reads.length = 0;
    expect(await run(ANA, '/acted email')).toMatch(/1 member/);
    expect(reads.sort()).toEqual([`scopeOf ${OWN_ID}`, 'get ua-34-25', 'scopeOf ua-34-25'].sort());
  });

  it("never reads a copy under the community's tag that was saved for another community (a colliding tag)", async () => {
    const shared = (await app.catalog.get('ua-34-25'))!;
    const official = shared.targets[0]!.name;
    // Community 200 has the same tag as 100 in this story: its copy lands on the id 100's would have.
    await app.catalog.saveFor('discord:200', { ...shared, id: OWN_ID, targets: [{ ...shared.targets[0]!, name: 'Colliding Official' }] }, BY, app.clock.now());
    await run(MOD_A, '/drive start ua-34-25 deadline=2026-12-20');
    reads.length = 0;
    const letter = await run(ANA, '/letter');
    expect(letter).toContain(official);
    expect(letter).not.toContain('Colliding Official');
    expect(reads).not.toContain(`get ${OWN_ID}`);

    // Saved for community 100 itself, the same copy stands in: the test above can tell the two apart.
    await app.catalog.saveFor('discord:100', { ...shared, id: OWN_ID, targets: [{ ...shared.targets[0]!, name: 'Own Official' }] }, BY, app.clock.now());
    expect(await run(ANA, '/letter')).toContain('Own Official');
  });

  it("finds nothing for another community's own appeal, nor stands its copy in", async () => {
    const shared = (await app.catalog.get('ua-34-25'))!;
    await app.catalog.saveFor('discord:200', { ...shared, id: 'theirs-1' }, BY, app.clock.now());
    const view = app.deps.appeals.viewFor({ community: 'discord:100', member: 'm', operator: false, where: GROUP_A.id });
    expect(await view.getWithOwnCopy('theirs-1')).toBeUndefined();
    expect((await view.getWithOwnCopy('ua-34-25'))?.targets[0]?.name).toBe(shared.targets[0]!.name);
  });
});
