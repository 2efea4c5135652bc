import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handle } from '../../src/commands/index.js';
import { stripMarkdown } from '../../src/core/markdown.js';
import { replyToPlainText } from '../../src/core/reply.js';
import { testApp, type TestApp } from '../support/app.js';
import { RecordingLogger } from '../support/logger.js';
import { addCampaignCases } from '../support/campaign.js';
import { buttonCommand, typer } from '../support/invoke.js';

// A new moderator's Write for Rights evening, with only /help and docs/write-for-rights.md: each
// rough edge met on the way, fixed.
const mod = { userId: '10', moderator: true, platform: 'telegram' };
const ana = { userId: '11', platform: 'telegram' };

describe('a Write for Rights evening as a new moderator', () => {
  let app: TestApp;
  let type: ReturnType<typeof typer>;

  beforeEach(async () => {
    app = await testApp();
    await addCampaignCases(app.deps, app.clock.now());
    type = typer(app.deps, 'telegram:-100');
    expect((await type(mod, '/drive start ua-34-25,ua-1-26,ua-2-26 goal=500 deadline=2030-01-31')).plain).toContain('Campaign started');
  });
  afterEach(() => app.close());

  it("lists the moderators' commands in a moderator's /help in the group, and says where they are in a private chat", async () => {
    const help = (await type(mod, '/help')).plain;
    expect(help).toContain('For moderators');
    for (const command of ['/tally add COUNT', '/tally undo ID', '/drive start', '/report', '/printpack']) expect(help).toContain(command);
    const member = (await type(ana, '/help')).plain;
    expect(member).not.toContain('For moderators');
    expect(member).not.toContain('/tally add');
    // A private chat makes nobody a moderator; the answer says where the list is.
    const reply = await handle({ name: 'help', text: '', actor: { platform: 'telegram', userId: '10' }, space: { id: 'telegram:10', kind: 'private' }, isModerator: async () => true }, app.deps, new RecordingLogger());
    const privately = replyToPlainText(reply, stripMarkdown);
    expect(privately).not.toContain('/tally add COUNT');
    expect(privately).toContain("/help typed in your group also lists the moderators' commands");
  });

  it('asks which case a table count is for in words about letters, not about acting', async () => {
    const ask = await type(mod, '/tally add 37 post');
    expect(ask.visibility).toBe('private');
    expect(ask.plain).toBe('Which case were these 37 letters for?');
    const entered = await type(mod, buttonCommand(ask, /^2\./));
    expect(entered.plain).toContain('37 × posted letter for case 2 (UA 1.26)');
  });

  it('takes the plural words a volunteer types at a table, and names card among the methods when refusing', async () => {
    expect((await type(mod, '/tally add 37 letters 2')).plain).toContain('37 × posted letter for case 2');
    expect((await type(mod, '/tally add 12 cards 2')).plain).toContain('12 × solidarity card for case 2');
    const refused = await type(mod, '/tally add 5 pigeons 2');
    expect(refused.plain).toContain('expected one of email, post, phone, social, other, card');
    const drive = (await app.deps.drives.resolve('telegram:-100'))!;
    expect(await app.deps.tallyBook.totals(drive.id)).toMatchObject({ total: 49, byMethod: { post: 37, card: 12 } });
  });

  it('"Tell me what happens" after /acted through the private case picker follows the case acted on', async () => {
    const ask = await type(ana, '/acted email');
    const acted = await type(ana, buttonCommand(ask, /^2\./));
    expect(acted.plain).toContain('2. UA 1.26: 1 action');
    const followed = await typer(app.deps, 'telegram:11')(ana, buttonCommand(acted, 'Tell me what happens'));
    expect(followed.plain).toContain('what becomes of UA 1.26');
    const mine = await app.deps.followers.store.forMember(app.deps.memberKey('telegram', '11'), app.clock.now());
    expect(mine.map((f) => [f.appealId, f.space])).toEqual([['ua-1-26', 'telegram:-100']]);
    // The third case, typed in the group, follows the third.
    const third = await type(ana, '/acted post 3');
    await type(ana, buttonCommand(third, 'Tell me what happens'));
    const now = await app.deps.followers.store.forMember(app.deps.memberKey('telegram', '11'), app.clock.now());
    expect(now.map((f) => f.appealId).sort()).toEqual(['ua-1-26', 'ua-2-26']);
  });

  it('refuses a table date well before the drive started (a mistyped year), writing nothing, and takes a late report', async () => {
    const drive = (await app.deps.drives.resolve('telegram:-100'))!;
    const started = drive.startedAt.slice(0, 10);
    const year = Number(started.slice(0, 4));
    const typo = `${year - 1}${started.slice(4)}`;
    expect((await type(mod, `/tally add 12 card 2 date=${typo}`)).plain).toBe(`That date is more than 30 days before this drive started (${started}): check the year. Nothing was entered.`);
    expect(await app.deps.tallyBook.list(drive.id)).toEqual([]);
    // Days later, the evening's date: taken.
    app.clock.advance(3 * 86_400_000);
    expect((await type(mod, `/tally add 12 card 2 date=${started} note="Café"`)).plain).toContain(`written ${started}`);
    expect((await app.deps.tallyBook.list(drive.id)).map((e) => e.date)).toEqual([started]);
  });

  it("offers /appeal's cases to read about, not to get a letter", async () => {
    const pick = await type(ana, '/appeal');
    expect(pick.plain).toContain('This drive runs 3 cases. Pick one to read about it:');
    expect(pick.plain).not.toContain('get its letter');
    expect((await type(ana, buttonCommand(pick, '2'))).plain).toContain('Second case');
  });

  it('sets a reminder for the whole campaign with /remindme, no case needed', async () => {
    const set = await type(ana, '/remindme');
    expect(set.plain).not.toContain('Add the case');
    const drive = (await app.deps.drives.resolve('telegram:-100'))!;
    expect(await app.deps.memberReminders.get(drive.id, app.deps.memberKey('telegram', '11'))).toBeDefined();
    // A case the drive does not have is still refused, naming its cases.
    expect((await type(ana, '/remindme 7')).plain).toContain('This drive has no case "7"');
  });

  it("gives the moderator who turns the page on its projector link (?screen=1); members' /progress only the page", async () => {
    const web = { ...app.deps, pageLink: (id: string) => `https://drives.example.org/d/${id}` };
    const on = (await typer(web, 'telegram:-100')(mod, '/drive set page=on')).plain;
    const drive = (await app.deps.drives.resolve('telegram:-100'))!;
    expect(on).toContain(`Live page: https://drives.example.org/d/${drive.pageId}`);
    expect(on).toContain(`On the projector, full screen: https://drives.example.org/d/${drive.pageId}?screen=1`);
    const progress = (await typer(web, 'telegram:-100')(ana, '/progress')).plain;
    expect(progress).toContain('Live page:');
    expect(progress).not.toContain('screen=1');
  });

  it("names a campaign's chart after its cases, like its report's CSV, not after its first case", async () => {
    await type(ana, '/acted email 2');
    const progress = await type(ana, '/progress 2');
    expect(progress.attachments.map((a) => a.name)).toEqual(['ua-34-25+ua-1-26+ua-2-26-chart.png']);
    const report = await type(mod, '/report');
    expect(report.attachments.map((a) => a.name).sort()).toEqual(['ua-34-25+ua-1-26+ua-2-26-actions.csv', 'ua-34-25+ua-1-26+ua-2-26-chart.png']);
  });
});
