import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands, handle, splitCommandLine, type Invocation } from '../../src/commands/index.js';
import { enforceScope } from '../../src/commands/pipeline/walls.js';
import { isGroup, type Command } from '../../src/commands/types.js';
import { communityAppealId } from '../../src/core/appeal-view.js';
import { stripMarkdown } from '../../src/core/markdown.js';
import { replyToPlainText, type Reply } from '../../src/core/reply.js';
import { testApp, type TestApp } from '../support/app.js';
import { memberButton } from '../support/buttons.js';
import { RecordingLogger } from '../support/logger.js';
import { dumpStore, floodClaims } from '../support/store-dump.js';

const UA = readFileSync('tests/fixtures/ua/ua-34-25.txt', 'utf8');
/** The same UA with the official's address replaced by the attacker's, as tried on 2026-12-06. */
const HOSTILE = UA.replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, 'stranger@evil.example');

type Who = { platform: string; userId: string; moderator?: boolean };
type Where = { id: string; kind: 'group' | 'private' };

const GROUP_A: Where = { id: 'discord:100/1', kind: 'group' };
const GROUP_A2: Where = { id: 'discord:100/2', kind: 'group' };
const GROUP_B: Where = { id: 'discord:200/3', kind: 'group' };
const MOD_A: Who = { platform: 'discord', userId: '11', moderator: true };
const ANA: Who = { platform: 'discord', userId: '12' };
/** Admin of his own server (200), member of no other. */
const STRANGER: Who = { platform: 'discord', userId: '66', moderator: true };
const STRANGER_DM: Where = { id: 'discord:dm/66', kind: 'private' };

const every = (list: readonly (Command | { subcommands: readonly Command[] })[]) => list.flatMap((c) => ('subcommands' in c ? [...c.subcommands] : [c]));

describe('walls between groups', () => {
  let app: TestApp;
  let run: (who: Who, where: Where, line: string) => Promise<Reply & { plain: string }>;
  const store = () => join(app.dataDir, 'test.sqlite');

  beforeEach(async () => {
    app = await testApp();
    run = async (who, where, line) => {
      const { name, text } = splitCommandLine(line.replace(/^\//, ''));
      const invocation: Invocation = { name, text, actor: { platform: who.platform, userId: who.userId }, space: where, isModerator: async () => who.moderator === true };
      const reply = await handle(invocation, app.deps, new RecordingLogger());
      return { ...reply, plain: replyToPlainText(reply, stripMarkdown) };
    };
  });
  afterEach(() => app.close());

  it('declares a scope on every command, and every moderator command acts beyond the member', () => {
    for (const command of every(commands)) {
      expect(['member', 'space', 'instance'], command.name).toContain(command.scope);
      if (command.permission === 'moderator') expect(command.scope, command.name).not.toBe('member');
    }
    expect(every(commands).length).toBeGreaterThan(10);
  });

  it('refuses a command that declares no scope, whoever calls it', async () => {
    const undeclared = { ...(every(commands).find((c) => c.name === 'report') as Command), scope: undefined } as unknown as Command;
    for (const operator of [false, true]) {
      const call = { invocation: { name: 'report', actor: { platform: 'discord', userId: '1' }, space: GROUP_A, isModerator: async () => true }, walls: { operator, community: 'discord:100' } };
      await expect(enforceScope(undeclared, 'report', call as never, async () => true)).rejects.toMatchObject({ code: 'operator_only' });
    }
    expect(commands.every((c) => (isGroup(c) ? c.subcommands.every((s) => s.scope) : c.scope))).toBe(true);
  });

  it('gives a stranger in a private chat neither a report, nor an import, nor a count, nor a reminder, and writes nothing', async () => {
    await run(MOD_A, GROUP_A, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
    await run(ANA, GROUP_A, '/acted email');
    const [drive] = await app.deps.drives.openIn(GROUP_A.id);
    const before = dumpStore(store(), floodClaims([app.deps.memberKey('discord', STRANGER.userId)], app.clock.now()));
    const report = await run(STRANGER, STRANGER_DM, '/report ua-34-25');
    expect(report.plain).toContain('a private chat makes nobody a moderator');
    expect(report.attachments).toEqual([]);
    expect((await run(STRANGER, STRANGER_DM, `/import ${HOSTILE}`)).plain).toContain('a private chat makes nobody a moderator');
    expect((await run(STRANGER, STRANGER_DM, `/acted email drive=${drive!.id}`)).plain).toBe('This button or id does not work here: it was not made for you in this place, or it names nothing.');
    // A foreign id and an id that does not exist get the same line: nothing tells which ids exist.
    expect((await run(STRANGER, STRANGER_DM, '/acted email drive=AAAAAAAA')).plain).toBe((await run(STRANGER, STRANGER_DM, `/undo email drive=${drive!.id}`)).plain);
    expect((await run(STRANGER, STRANGER_DM, `/remind schedule 7d,1d drive=${drive!.id}`)).plain).toContain('does not work here');
    expect((await run(STRANGER, STRANGER_DM, '/remind schedule 7d,1d')).plain).toContain('a private chat makes nobody a moderator');
    expect((await run(STRANGER, GROUP_B, `/remind schedule 7d,1d drive=${drive!.id}`)).plain).toContain('does not work here');
    expect(dumpStore(store(), floodClaims([app.deps.memberKey('discord', STRANGER.userId)], app.clock.now()))).toEqual(before);
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it("keeps an admin of another server to his own: his report names no other space, his import replaces no shared appeal", async () => {
    await run(MOD_A, GROUP_A, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
    await run(ANA, GROUP_A, '/acted email');
    await run(STRANGER, GROUP_B, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
    await run(STRANGER, GROUP_B, '/acted post');
    const report = await run(STRANGER, GROUP_B, '/report ua-34-25');
    expect(report.plain).toContain('2 actions');
    expect(report.plain).toContain('discord:200/3: 1');
    expect(report.plain).not.toContain('discord:100');
    const csv = Buffer.from(report.attachments.find((a) => a.name.endsWith('.csv'))!.data).toString('utf8');
    expect(csv.split('\r\n').filter((l) => l.includes('discord:'))).toEqual([expect.stringContaining('discord:200/3')]);

    const shared = await app.deps.appeals.get('ua-34-25');
    const preview = await run(STRANGER, GROUP_B, `/import ${HOSTILE}`);
    const ownId = communityAppealId('ua-34-25', 'discord:200');
    expect(preview.plain).toContain(`Saved for this community as ${ownId}`);
    const save = preview.buttons.find((b) => b.type === 'action' && b.label === 'Save this appeal')!;
    expect((await run(STRANGER, GROUP_B, (save as { command: string }).command)).plain).toContain(`Saved ${ownId} for this community`);
    expect(await app.deps.appeals.get('ua-34-25')).toEqual(shared);
    // The letter in the other server still goes to the official.
    const letter = await run(ANA, GROUP_A, '/letter');
    expect(letter.plain).not.toContain('stranger@evil.example');
    // His own community's appeal is his alone: unknown elsewhere, with the unknown id's answer.
    expect((await run(MOD_A, GROUP_A, `/drive start ${ownId} deadline=2030-01-31`)).plain).toContain(`There is no appeal "${ownId}"`);
    expect(await app.catalog.scopes.history(ownId)).toEqual([expect.objectContaining({ id: ownId, who: app.deps.memberKey('discord', '66'), where: GROUP_B.id, action: 'saved', community: 'discord:200' })]);
  });

  it('refuses every button and every drive id replayed from a foreign space, a foreign community or a private chat, and the store stays the same', async () => {
    const buttons: string[] = [];
    const collect = (reply: Reply) => {
      for (const b of reply.buttons) if (b.type !== 'link') buttons.push(b.command);
      return reply;
    };
    collect(await run(MOD_A, GROUP_A, '/drive start ua-34-25 goal=10 deadline=2030-01-31'));
    collect(await run(ANA, GROUP_A, '/letter'));
    collect(await run(ANA, GROUP_A, '/acted'));
    await run(ANA, GROUP_A, '/acted email');
    await run(ANA, GROUP_A, '/acted post');
    collect(await run(ANA, GROUP_A, '/undo'));
    collect(await run(ANA, GROUP_A, '/forgetme'));
    collect(await run(MOD_A, GROUP_A, `/import ${UA}`));
    collect(await run(MOD_A, GROUP_A, '/import'));
    const [drive] = await app.deps.drives.openIn(GROUP_A.id);
    const typed = ['acted', 'undo', 'letter', 'remindme'].map((c) => `${c} email drive=${drive!.id}`.replace(/^(letter|remindme) email/, '$1'));
    typed.push(`remind schedule 7d drive=${drive!.id}`, `remind now drive=${drive!.id}`, `drive end drive=${drive!.id}`);
    expect(new Set(buttons.map((b) => b.split(/[ ~]/)[0])).size).toBeGreaterThanOrEqual(6);

    // Attackers: another member of the same server in another channel (a moderator there), the
    // admin of another server, and someone in a private chat with the bot.
    const attackers: Array<[Who, Where]> = [
      [{ platform: 'discord', userId: '13', moderator: true }, GROUP_A2],
      [STRANGER, GROUP_B],
      [STRANGER, STRANGER_DM],
      [{ platform: 'telegram', userId: '77' }, { id: 'telegram:77', kind: 'private' }],
    ];
    const ignored = floodClaims(attackers.map(([who]) => app.deps.memberKey(who.platform, who.userId)), app.clock.now());
    const before = dumpStore(store(), ignored);
    const tally = await app.deps.ledger.tally('ua-34-25');
    for (const [who, where] of attackers) {
      for (const line of [...buttons, ...typed]) {
        const reply = await run(who, where, line);
        expect(reply.plain, `${line} by ${who.userId} in ${where.id}`).toMatch(/does not work here|nobody a moderator|Only moderators|This preview has expired|no drive|There is no/);
      }
    }
    expect(dumpStore(store(), ignored)).toEqual(before);
    expect(await app.deps.ledger.tally('ua-34-25')).toEqual(tally);
  });

  it('refuses an altered button, and a button pressed by another member than the one it was made for', async () => {
    await run(MOD_A, GROUP_A, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
    const letter = await run(ANA, GROUP_A, '/letter');
    const email = letter.buttons.find((b) => b.type === 'action' && b.command.startsWith('acted email'));
    const line = (email as { command: string }).command;
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(64);
    expect((await run({ platform: 'discord', userId: '14' }, GROUP_A, line)).plain).toContain('does not work here');
    expect((await run(ANA, GROUP_A, line.replace('acted email', 'acted phone'))).plain).toContain('does not work here');
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(0);
    // Ana's own press, even from her private chat, counts: the button is hers.
    expect((await run(ANA, { id: 'discord:dm/12', kind: 'private' }, line)).plain).toContain('1 action');
  });

  it("shows a member, in her private chat, her actions on her community's own appeal (/privacy sees all of her own data)", async () => {
    const preview = await run(MOD_A, GROUP_A, `/import ${UA}`);
    const save = preview.buttons.find((b) => b.type === 'action' && b.label === 'Save this appeal') as { command: string };
    await run(MOD_A, GROUP_A, save.command);
    const own = communityAppealId('ua-34-25', 'discord:100');
    await run(MOD_A, GROUP_A, `/drive start ${own} deadline=2030-01-31`);
    await run(ANA, GROUP_A, '/acted post');
    const privacy = await run(ANA, { id: 'discord:dm/12', kind: 'private' }, '/privacy');
    expect(privacy.plain).toMatch(/UA 34\.25: (Post|post|a letter)/i);
  });

  it("does not let a moderator's own private button act on a drive from another group he moderates", async () => {
    await run(MOD_A, GROUP_A, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
    const [drive] = await app.deps.drives.openIn(GROUP_A.id);
    // A button of a private answer, made for him: it acts for himself, not as a moderator elsewhere.
    const line = memberButton(app.deps, 'discord', MOD_A.userId, `remind schedule 7d drive=${drive!.id}`);
    expect((await run(MOD_A, GROUP_B, line)).plain).toContain('does not work here');
    expect((await app.deps.drives.get(drive!.id))!.reminders).toBeNull();
    expect((await run(MOD_A, GROUP_A, line)).plain).toContain('Reminders scheduled');
  });

  it('gives the operator (MODERATOR_IDS) every group, even from a private chat', async () => {
    const operated = await testApp({ moderatorIds: ['telegram:9000'] });
    try {
      const type = async (who: Who, where: Where, line: string) => {
        const { name, text } = splitCommandLine(line.replace(/^\//, ''));
        const reply = await handle({ name, text, actor: { platform: who.platform, userId: who.userId }, space: where, isModerator: async () => who.moderator === true }, operated.deps, new RecordingLogger());
        return replyToPlainText(reply, stripMarkdown);
      };
      await type(MOD_A, GROUP_A, '/drive start ua-34-25 deadline=2030-01-31');
      await type(ANA, GROUP_A, '/acted email');
      await type(STRANGER, GROUP_B, '/drive start ua-34-25 deadline=2030-01-31');
      await type(STRANGER, GROUP_B, '/acted post');
      const report = await type({ platform: 'telegram', userId: '9000' }, { id: 'telegram:9000', kind: 'private' }, '/report ua-34-25');
      expect(report).toContain('discord:100/1: 1');
      expect(report).toContain('discord:200/3: 1');
    } finally {
      await operated.close();
    }
  });

  it("adds a moderator's translation of a shared appeal to the community's own copy, and the shared appeal keeps its letters", async () => {
    const spanish = readFileSync('tests/fixtures/ua/corpus/es-2025-usa-detener-expulsiones-el-salvador.txt', 'utf8');
    const shared = await app.deps.appeals.get('ua-34-25');
    const preview = await run(MOD_A, GROUP_A, `/import ${spanish}`);
    const add = preview.buttons.find((b) => b.type === 'action' && b.label === 'Add as translation (es)') as { command: string };
    const own = communityAppealId('ua-34-25', 'discord:100');
    expect((await run(MOD_A, GROUP_A, add.command)).plain).toContain(`/letter ${own} lang=es`);
    expect(await app.deps.appeals.get('ua-34-25')).toEqual(shared);
    expect((await app.deps.appeals.get(own))!.translations.map((l) => l.lang)).toContain('es');
    expect(await app.catalog.scopes.history(own)).toEqual([expect.objectContaining({ action: 'translation', community: 'discord:100' })]);
  });
});
