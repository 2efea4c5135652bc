import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../../src/commands/index.js';
import { autocomplete, interact, slash, startHarness, textOf, type Harness } from './harness.js';

type Json = Record<string, unknown>;
const MODERATOR = { userId: '3000000000000000001', moderator: true };
const MEMBER = { userId: '3000000000000000002' };
const dataOf = (body: Json | undefined) => (body?.data ?? {}) as Json;
const ephemeral = (body: Json | undefined) => ((Number(dataOf(body).flags ?? 0) & 64) === 64);

describe('Discord slash commands', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ moderatorIds: ['discord:3000000000000000009'] });
  });
  afterAll(async () => h.close());

  it('refuses /drive start to a member without Manage Server, privately, and starts nothing', async () => {
    const answer = await interact(h.fake, slash('drive', { appeal: 'ua-34-25', goal: 500, deadline: '2030-01-31' }, MEMBER, 'start'));
    expect(answer.body?.type).toBe(4);
    expect(ephemeral(answer.body)).toBe(true);
    expect(textOf(answer.body)).toMatch(/moderator/i);
    expect(await h.app.deps.drives.listIn(`discord:1000000000000000001/1000000000000000002`)).toHaveLength(0);
  });

  it('lets a member with Manage Server start a drive, announced publicly with a letter button', async () => {
    const answer = await interact(h.fake, slash('drive', { appeal: 'ua-34-25', goal: 500, deadline: '2030-01-31', timezone: 'Europe/Paris', milestones: 'on' }, MODERATOR, 'start'));
    expect(ephemeral(answer.body)).toBe(false);
    expect(textOf(answer.body)).toContain('Stop illegal expulsions');
    expect(dataOf(answer.body).allowed_mentions).toEqual({ parse: [] });
    const drives = await h.app.deps.drives.listIn('discord:1000000000000000001/1000000000000000002');
    expect(drives).toHaveLength(1);
    expect(drives[0]).toMatchObject({ goal: 500, deadline: '2030-01-31', timezone: 'Europe/Paris' });
  });

  it('lets an operator listed in MODERATOR_IDS run moderator commands without the permission', async () => {
    const answer = await interact(h.fake, slash('drive', {}, { userId: '3000000000000000009' }, 'list'));
    expect(textOf(answer.body)).toContain('ua-34-25');
  });

  it.each([
    ['letter', {}, undefined, 'Dear Secretary Noem'],
    ['acted', { method: 'post' }, undefined, '1'],
    ['undo', { method: 'post' }, undefined, ''],
    ['progress', {}, undefined, 'Stop illegal expulsions'],
    ['appeal', { appeal: 'ua-34-25' }, undefined, 'El Salvador'],
    ['help', {}, undefined, '/letter'],
    ['privacy', {}, undefined, ''],
    ['forgetme', {}, undefined, ''],
    ['report', {}, undefined, 'UA 34.25'],
    ['remind', { message: 'Write today' }, 'now', 'Write today'],
    ['drive', { goal: 600 }, 'set', '600'],
  ] as const)('answers /%s', async (name, options, sub, expected) => {
    const answer = await interact(h.fake, slash(name, options, MODERATOR, sub));
    expect(answer.body?.type).toBe(4);
    const text = textOf(answer.body);
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text).not.toMatch(/something went wrong|unknown command/i);
    expect(text).toContain(expected);
  });

  it('sends the /report CSV and the chart as files on the same ephemeral reply', async () => {
    const answer = await interact(h.fake, slash('report', {}, MODERATOR));
    expect(ephemeral(answer.body)).toBe(true);
    expect(answer.files).toEqual(['ua-34-25-actions.csv', 'ua-34-25-chart.png']);
  });

  it('answers in Spanish to a member whose Discord is in Spanish', async () => {
    const answer = await interact(h.fake, slash('help', {}, { ...MEMBER, locale: 'es-ES' }));
    expect(textOf(answer.body)).toMatch(/carta|Carta/);
  });

  it('treats a direct message as a private space with no moderators', async () => {
    const answer = await interact(h.fake, slash('drive', { appeal: 'ua-34-25' }, { ...MEMBER, moderator: true, dm: true }, 'start'));
    expect(textOf(answer.body)).toMatch(/moderator/i);
  });

  it('autocompletes appeals from what is typed, at most 25', async () => {
    const answer = await interact(h.fake, autocomplete('letter', 'appeal', 'salv'));
    expect(answer.body).toMatchObject({ type: 8, data: { choices: [{ value: 'ua-34-25' }] } });
    const none = await interact(h.fake, autocomplete('letter', 'appeal', 'zzzz'));
    expect((dataOf(none.body).choices as unknown[]).length).toBe(0);
  });
});

describe('Discord slow commands', () => {
  let h: Harness;
  beforeAll(async () => {
    // Every command looks its appeal up: a slow catalog makes every command slow.
    const slow = <T>(work: () => Promise<T>) => new Promise((resolve) => setTimeout(resolve, 200)).then(work);
    h = await startHarness({
      deferAfterMs: 30,
      wrapDeps: (deps: Deps): Deps => ({ ...deps, appeals: Object.assign(Object.create(deps.appeals) as Deps['appeals'], { get: (id: string) => slow(() => deps.appeals.get(id)) }) }),
    });
  });
  afterAll(async () => h.close());

  it('defers a public command that is not done in time, then edits the answer in', async () => {
    const command = slash('progress', { appeal: 'ua-34-25' });
    const first = await interact(h.fake, command);
    expect(first.body).toMatchObject({ type: 5 });
    expect(ephemeral(first.body)).toBe(false);
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(String(command.token)));
    expect(textOf(edit.body)).toContain('Stop illegal expulsions');
  });

  it('defers a private command privately, then edits the letter in', async () => {
    const command = slash('letter', { appeal: 'ua-34-25' });
    const first = await interact(h.fake, command);
    expect(first.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = await h.fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(String(command.token)));
    expect(textOf(edit.body)).toContain('Dear Secretary Noem');
  });

  it('moves an answer that turned out private out of a public placeholder into an ephemeral follow-up', async () => {
    const command = slash('progress', { appeal: 'ua-99-99' });
    const first = await interact(h.fake, command);
    expect(ephemeral(first.body)).toBe(false);
    const followUp = await h.fake.waitFor((r) => r.method === 'POST' && r.path.startsWith('/webhooks/') && r.path.endsWith(String(command.token)));
    expect(h.fake.requests.some((r) => r.method === 'DELETE' && r.path.includes(String(command.token)))).toBe(true);
    expect(followUp.body?.flags).toBe(64);
    expect(textOf(followUp.body)).toContain('ua-99-99');
  });
});
