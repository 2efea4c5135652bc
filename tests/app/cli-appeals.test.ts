import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../src/app/cli.js';
import { warnReplacedAppeals } from '../../src/app/cli-appeals.js';
import { handle } from '../../src/commands/index.js';
import { communityAppealId } from '../../src/core/appeal-view.js';
import { importUrgentAction } from '../../src/core/importer/index.js';
import { stripMarkdown } from '../../src/core/markdown.js';
import { replyToPlainText } from '../../src/core/reply.js';
import { testApp, type TestApp } from '../support/app.js';
import { RecordingLogger } from '../support/logger.js';

const SECRET = 'test-secret-0123456789abcdef-0123456789';
const GROUP = { id: 'telegram:-100', kind: 'group' as const };
const HONDURAS = importUrgentAction(readFileSync('tests/fixtures/ua/honduras-ua-60-16-2017.txt', 'utf8'));

describe('appeals after the walls: upgrade and the operator CLI', () => {
  let app: TestApp;
  let dataDir: string;
  const env = () => ({ STORE_URL: `sqlite://${join(dataDir, 'test.sqlite')}`, DATA_DIR: dataDir, MEMBER_KEY_SECRET: SECRET });
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await cli(['appeals', ...args], { out: (s) => void out.push(s), err: (s) => void err.push(s), env: env() });
    return { code, out: out.join(''), err: err.join('') };
  };
  const type = async (userId: string, line: string, moderator = false) => {
    const [name = '', ...rest] = line.split(' ');
    const reply = await handle({ name, text: rest.join(' '), actor: { platform: 'telegram', userId }, space: GROUP, isModerator: async () => moderator }, app.deps, new RecordingLogger());
    return replyToPlainText(reply, stripMarkdown);
  };

  beforeEach(async () => {
    app = await testApp();
    dataDir = app.dataDir;
    // As the release before the walls left it: an import saved for the whole instance, and one over the bundled file.
    if (!HONDURAS.ok) throw new Error('fixture');
    await app.catalog.save(HONDURAS.appeal, undefined, app.clock.now());
    const bundled = (await app.catalog.get('ua-34-25'))!;
    await app.catalog.save({ ...bundled, targets: bundled.targets.map((tg) => ({ ...tg, emails: ['someone@elsewhere.example'] })) }, undefined, app.clock.now());
  });
  afterEach(() => app.close());

  it('keeps earlier imports working where drives run on them, and names an import that replaced a bundled appeal, at start and in the CLI', async () => {
    await type('1', 'drive start ua-60-16 deadline=2030-01-31', true);
    expect(await type('2', 'letter ua-60-16')).toContain('UA 60/16');
    expect(await type('2', 'acted email ua-60-16')).toContain('1 action');

    const logger = new RecordingLogger();
    await warnReplacedAppeals(app.catalog, logger);
    expect(logger.entries).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('replace their bundled file for every group: ua-34-25') })]);

    const diff = await run(['diff']);
    expect(diff.out).toContain('ua-34-25: the saved appeal differs from the bundled file in targets');
    expect((await run(['revert', 'ua-34-25'])).code).toBe(0);
    expect((await app.catalog.get('ua-34-25'))!.targets[0]!.emails).not.toContain('someone@elsewhere.example');
    expect((await run(['diff'])).out).toContain('every saved appeal matches');
    expect((await run(['history', 'ua-34-25'])).out).toMatch(/ua-34-25 {2}reverted {2}by cli in cli \(shared\)/);
  });

  it('lets the operator keep an earlier replacement: recorded, and no longer named at start', async () => {
    expect((await run(['keep', 'ua-34-25'])).code).toBe(0);
    const logger = new RecordingLogger();
    await warnReplacedAppeals(app.catalog, logger);
    expect(logger.entries).toEqual([]);
    expect((await run(['history'])).out).toContain('ua-34-25  kept  by cli in cli (shared): targets');
  });

  it("lists a community's appeal with its community, and publishes it to the shared catalog", async () => {
    if (!HONDURAS.ok) throw new Error('fixture');
    const id = communityAppealId('ua-60-16', 'telegram:-100');
    await app.catalog.saveFor('telegram:-100', { ...HONDURAS.appeal, id }, { who: 'member-key', where: 'telegram:-100' }, new Date());
    expect((await run(['list'])).out).toContain(`${id}\ttelegram:-100\tUA 60/16`);
    const elsewhere = app.deps.appeals.viewFor({ community: 'slack:T9', member: 'm', operator: false, where: 'slack:T9/C1' });
    expect(await elsewhere.get(id)).toBeUndefined();
    expect((await run(['publish', id])).out).toContain('is in the shared catalog now');
    expect(await elsewhere.get(id)).toBeDefined();
    expect((await run(['history', id])).out).toMatch(/saved {2}by member-key in telegram:-100 \(community telegram:-100\)[\s\S]*published {2}by cli/);
    expect((await run(['publish', 'ua-34-25'])).code).toBe(1);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});
