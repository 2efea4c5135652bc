import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appeal } from '../../src/core/appeal.js';
import { testApp, type TestApp } from '../support/app.js';
import { buttonCommand, typer } from '../support/invoke.js';

const mod = { userId: 'volunteer', moderator: true };
const ana = { userId: 'ana' };
const bob = { userId: 'bob' };

const CASES = ['ua-34-25', 'ua-1-26', 'ua-2-26'];

/** Two more cases beside the bundled one; the second has a solidarity card (a test fixture, not a real case). */
async function addCases(app: TestApp): Promise<void> {
  const base = (await app.deps.appeals.get('ua-34-25'))!;
  const withCard: Appeal = {
    ...base,
    id: 'ua-1-26',
    reference: 'UA 1.26',
    title: 'Free the fixture defender',
    deadline: '2030-01-31',
    solidarity: {
      to: 'Maria Example',
      address: ['c/o Example Section', 'PO Box 1', 'Madrid'],
      hashtags: ['#FreeMaria'],
      message: 'Write a few words of hope.',
      languages: ['es'],
      advice: ['Do not write your own home address on the card.'],
    },
  };
  await app.deps.appeals.save(withCard, undefined, app.clock.now());
  await app.deps.appeals.save({ ...base, id: 'ua-2-26', reference: 'UA 2.26', title: 'Stop the fixture expulsion', deadline: '2030-01-31' }, undefined, app.clock.now());
}

/** The CSV's rows as objects, by its header. */
function csvRows(csv: string): Array<Record<string, string>> {
  const [header, ...lines] = csv.split('\r\n').filter(Boolean);
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i]!, cell])));
}

describe('a Write for Rights evening: a campaign of three cases in the terminal', () => {
  let app: TestApp;
  let type: ReturnType<typeof typer>;

  beforeEach(async () => {
    app = await testApp();
    await addCases(app);
    type = typer(app.deps);
  });
  afterEach(() => app.close());

  it('starts a campaign of three cases and has members pick a case privately, letter and card', async () => {
    const started = await type(mod, `/drive start ${CASES.join(',')} goal=500 deadline=2030-01-31`);
    expect(started.plain).toContain('Campaign started');
    expect(started.plain).toContain('2. UA 1.26: Free the fixture defender');
    const drive = (await app.deps.drives.resolve('shell:local'))!;
    expect(drive.cases.map((c) => c.appealId)).toEqual(CASES);

    // /letter without a case: one line a case, short numbered buttons, privately.
    const pick = await type(ana, '/letter');
    expect(pick.visibility).toBe('private');
    expect(pick.plain).toContain('3. UA 2.26: Stop the fixture expulsion');
    expect(pick.buttons.map((b) => b.label)).toEqual(['1', '2', '3']);
    const letter = await type(ana, buttonCommand(pick, '2'));
    expect(letter.visibility).toBe('private');
    expect(letter.plain).toContain('UA 1.26: Free the fixture defender');
    expect(letter.plain).toContain('Write a card too');
    expect(letter.plain).toContain('Do not write your own home address');
    expect(letter.plain).toContain('#FreeMaria');
    // The card is its own method, for this case.
    const card = buttonCommand(letter, 'I wrote a card');
    expect(card).toMatch(/^\/acted card 2 drive=/);
    expect((await type(ana, card)).plain).toContain('2. UA 1.26: 1 action by 1 member');
    // /letter CASE goes straight to one; the bundled case has no card.
    const direct = await type(bob, '/letter 1');
    expect(direct.plain).toContain('UA 34.25');
    expect(direct.plain).not.toContain('Write a card too');
    expect(direct.buttons.some((b) => b.label === 'I wrote a card')).toBe(false);
  });

  it('asks privately which case an /acted without one is for, and counts each case and cards apart', async () => {
    await type(mod, `/drive start ${CASES.join(',')} goal=500 deadline=2030-01-31`);
    const ask = await type(ana, '/acted email');
    expect(ask.visibility).toBe('private');
    expect(ask.buttons.map((b) => b.label)).toEqual(['1. Stop illegal expulsions to El Salvador', '2. Free the fixture defender', '3. Stop the fixture expulsion']);
    expect(await app.deps.ledger.tally('ua-1-26')).toMatchObject({ actions: 0 });
    await type(ana, buttonCommand(ask, /^2\./));
    await type(bob, '/acted post 3');
    await type(bob, '/acted email ua-1-26');
    await type(ana, '/acted card 2');
    expect(await app.deps.ledger.tally('ua-1-26')).toMatchObject({ actions: 3, members: 2, byMethod: { email: 2, card: 1 } });
    expect(await app.deps.ledger.tally('ua-2-26')).toMatchObject({ actions: 1, byMethod: { post: 1 } });
    expect(await app.deps.ledger.tally('ua-34-25')).toMatchObject({ actions: 0 });
    // /undo takes back one's own action on the case named.
    await type(bob, '/acted email 3');
    expect((await type(bob, '/undo email 3')).plain).toContain('1 action by 1 member');
    expect(await app.deps.ledger.tally('ua-2-26')).toMatchObject({ actions: 1, byMethod: { post: 1 } });
    // A case the drive does not have is refused, naming its cases; nothing is written.
    expect((await type(ana, '/acted email 4')).plain).toContain('This drive has no case "4". Its cases: 1 ua-34-25, 2 ua-1-26, 3 ua-2-26.');

    const progress = await type(bob, '/progress');
    expect(progress.visibility).toBe('public');
    expect(progress.plain).toContain('4 actions on 3 cases (0% of the goal of 500)');
    expect(progress.plain).toContain('By case');
    expect(progress.plain).toContain('2. UA 1.26: 3 actions');
    expect(progress.plain).toContain('solidarity card');
    // A case's own goal.
    expect((await type(mod, '/drive set goal=10 case=2')).plain).toContain('Case 2 (ua-1-26) now has a goal of 10.');
    expect((await type(bob, '/progress 2')).plain).toContain('3 actions by 2 members (30% of the goal of 10)');
  });

  it("enters a table's letters, refuses bad counts writing nothing, asks again over 10,000, lists, undoes", async () => {
    await type(mod, `/drive start ${CASES.join(',')} deadline=2030-01-31`);
    const drive = (await app.deps.drives.resolve('shell:local'))!;
    expect((await type(ana, '/tally add 5 post 1')).plain).toBe('Only moderators can use /tally add.');
    for (const bad of ['0', '-3', '2.5', 'many']) {
      expect((await type(mod, `/tally add ${bad} post 1`)).plain).toContain('A count is a whole number from 1 up. Nothing was entered.');
    }
    expect((await type(mod, `/tally add 5 post 1 note="${'x'.repeat(201)}"`)).plain).toContain('The note is over 200 characters');
    expect((await type(mod, '/tally add 5 post 1 date=2026-11-29')).plain).toContain('cannot be written after today');
    expect(await app.deps.tallyBook.list(drive.id)).toEqual([]);

    const added = await type(mod, '/tally add 37 post 2 note="Library table, counted by Eva" date=2026-11-26');
    expect(added.plain).toMatch(/Entered (\w+): 37 × posted letter for case 2 \(UA 1\.26\), written 2026-11-26/);
    await type(mod, '/tally add 4 card ua-1-26');
    // Without a case in a campaign: numbered buttons, privately.
    const which = await type(mod, '/tally add 6 email');
    expect(which.visibility).toBe('private');
    await type(mod, buttonCommand(which, /^3\./));
    // Over 10,000 is asked again; the button enters it.
    const large = await type(mod, '/tally add 12000 post 1');
    expect(large.plain).toContain('That is 12000 letters');
    expect((await app.deps.tallyBook.totals(drive.id)).total).toBe(47);
    await type(mod, buttonCommand(large, 'Yes, enter 12000'));
    expect(await app.deps.tallyBook.totals(drive.id)).toEqual({ total: 12047, byAppeal: { 'ua-34-25': 12000, 'ua-1-26': 41, 'ua-2-26': 6 }, byMethod: { post: 12037, card: 4, email: 6 } });

    const list = await type(mod, '/tally list');
    expect(list.visibility).toBe('private');
    expect(list.plain).toContain('Library table, counted by Eva');
    // Members' own reports and table letters stay apart; no note in /progress.
    const progress = await type(bob, '/progress');
    expect(progress.plain).toContain('12047 letters at events');
    expect(progress.plain).toContain('0 actions on 3 cases');
    expect(progress.plain).not.toContain('Library');

    const id = /Entered (\w+): 12000/.exec((await type(mod, '/tally list')).plain) ?? /(\w+): 12000 ×/.exec(list.plain);
    const undone = await type(mod, `/tally undo ${id![1]}`);
    expect(undone.plain).toContain('Taken back');
    expect((await app.deps.tallyBook.totals(drive.id)).total).toBe(47);
    expect((await type(mod, `/tally undo ${id![1]}`)).plain).toContain('There is no table count');
  });

  it("reports members' actions and table entries apart, per case, in one CSV whose rows add up to the totals", async () => {
    await type(mod, `/drive start ${CASES.join(',')} deadline=2030-01-31`);
    await type(ana, '/acted email 1');
    await type(ana, '/acted card 2');
    await type(bob, '/acted post 2');
    await type(bob, '/acted post 3');
    await type(mod, '/tally add 37 post 2 note="Library"');
    await type(mod, '/tally add 8 card 2');
    await type(mod, '/tally add 3 email 1');
    const report = await type({ ...mod, operator: true }, '/report');
    expect(report.visibility).toBe('private');
    expect(report.plain).toContain('4 actions on 3 cases');
    expect(report.plain).toContain('48 letters at events');
    expect(report.plain).toContain('By case (members / at events)');
    const rows = csvRows(new TextDecoder().decode(report.attachments.find((a) => a.name.endsWith('.csv'))!.data));
    const sum = (kind: string, appeal?: string) => rows.filter((r) => r.kind === kind && (!appeal || r.appeal === appeal)).reduce((n, r) => n + Number(r.count), 0);
    expect(sum('member')).toBe(4);
    expect(sum('table')).toBe(48);
    for (const appeal of CASES) {
      expect(sum('member', appeal)).toBe((await app.deps.ledger.tally(appeal)).actions);
    }
    expect(sum('table', 'ua-1-26')).toBe(45);
    const library = rows.find((r) => r.note === 'Library')!;
    expect(library).toMatchObject({ kind: 'table', method: 'post', count: '37', member_key: app.deps.memberKey('shell', 'volunteer') });
    expect(rows.filter((r) => r.kind === 'member' && r.method === 'card')).toHaveLength(1);
    // One case: that case's rows only.
    const one = await type({ ...mod, operator: true }, '/report 2');
    const caseRows = csvRows(new TextDecoder().decode(one.attachments.find((a) => a.name.endsWith('.csv'))!.data));
    expect(new Set(caseRows.map((r) => r.appeal))).toEqual(new Set(['ua-1-26']));
    expect(caseRows.reduce((n, r) => n + Number(r.count), 0)).toBe(2 + 45);
  });

  it("forgets a member's actions, and a moderator's key on their entries while keeping the counts", async () => {
    await type(mod, `/drive start ${CASES.join(',')} deadline=2030-01-31`);
    const drive = (await app.deps.drives.resolve('shell:local'))!;
    await type(ana, '/acted email 1');
    await type(ana, '/acted card 2');
    await type(mod, '/tally add 37 post 2 note="Library"');
    await type(mod, '/acted post 3');
    expect((await type(ana, '/forgetme yes')).plain).toContain('2 actions deleted');
    expect((await app.deps.ledger.tally('ua-1-26')).actions).toBe(0);
    expect((await type(mod, '/forgetme yes')).plain).toContain('1 action deleted');
    const [entry] = await app.deps.tallyBook.list(drive.id);
    expect(entry).toMatchObject({ count: 37, moderator: null, note: 'Library' });
    expect((await app.deps.tallyBook.totals(drive.id)).total).toBe(37);
    const report = await type({ ...mod, operator: true }, '/report');
    const csv = new TextDecoder().decode(report.attachments.find((a) => a.name.endsWith('.csv'))!.data);
    expect(csv).not.toContain(app.deps.memberKey('shell', 'volunteer'));
    expect(csv).not.toContain(app.deps.memberKey('shell', 'ana'));
  });

  it('keeps table entries within their community: another group cannot list or undo them', async () => {
    await type(mod, `/drive start ${CASES.join(',')} deadline=2030-01-31`);
    const added = await type(mod, '/tally add 9 post 1');
    const id = /Entered (\w+):/.exec(added.plain)![1]!;
    const other = typer(app.deps, 'telegram:-200');
    const stranger = { userId: '99', moderator: true, platform: 'telegram' };
    expect((await other(stranger, `/tally undo ${id}`)).plain).toContain(`There is no table count "${id}"`);
    expect((await other(stranger, '/tally add 5 post 1')).plain).not.toContain('Entered');
    const drive = (await app.deps.drives.resolve('shell:local'))!;
    // Naming the other group's drive by id is refused too.
    expect((await other(stranger, `/tally add 5 post 1 drive=${drive.id}`)).plain).not.toContain('Entered');
    expect((await other(stranger, `/tally list drive=${drive.id}`)).plain).not.toContain('Table counts');
    expect((await app.deps.tallyBook.totals(drive.id)).total).toBe(9);
  });

  it('refuses a campaign naming an appeal twice or one this space cannot use, starting nothing', async () => {
    expect((await type(mod, '/drive start ua-34-25,ua-34-25 deadline=2030-01-31')).plain).toContain('named twice');
    expect((await type(mod, '/drive start ua-34-25,ua-9-99 deadline=2030-01-31')).plain).toContain('ua-9-99');
    expect(await app.deps.drives.listIn('shell:local')).toEqual([]);
  });
});
