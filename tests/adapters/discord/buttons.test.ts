import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, customIds, linkUrls, interact, modalSubmit, slash, startHarness, textOf, type Harness } from './harness.js';

type Json = Record<string, unknown>;
const MODERATOR = { userId: '3000000000000000001', moderator: true };
const member = (n: number) => ({ userId: String(4000000000000000000n + BigInt(n)) });

describe('Discord buttons and forms', () => {
  let h: Harness;
  let driveId: string;
  beforeAll(async () => {
    h = await startHarness();
    await interact(h.fake, slash('drive', { appeal: 'ua-34-25', goal: 500, deadline: '2030-01-31' }, MODERATOR, 'start'));
    driveId = (await h.app.deps.drives.listIn('discord:1000000000000000001/1000000000000000002'))[0]!.id;
  });
  afterAll(async () => h.close());

  it('gives the letter with method buttons and a Personalise button, and drops the mailto: link Discord refuses', async () => {
    const answer = await interact(h.fake, slash('letter', {}, member(1)));
    const ids = customIds(answer.body);
    // Signed for this member (src/core/walls.ts): `~` and 12 characters after the command.
    expect(ids).toContainEqual(expect.stringMatching(new RegExp(`^ab:acted email drive=${driveId}~[\\w-]{12}$`)));
    expect(ids.some((id) => id.startsWith(`af:letter drive=${driveId}`))).toBe(true);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    for (const url of linkUrls(answer.body)) {
      expect(url).toMatch(/^https:\/\//);
      expect(url.length).toBeLessThanOrEqual(512);
    }
  });

  it('records "I emailed" for the member who pressed and answers privately with the tally', async () => {
    const answer = await interact(h.fake, button(`ab:acted email drive=${driveId}`, member(2)));
    expect((answer.body?.data as Json).flags).toBe(64);
    expect(textOf(answer.body)).toMatch(/1 action/);
    const tally = await h.app.deps.ledger.tally('ua-34-25');
    expect(tally.byMethod.email).toBe(1);
  });

  it('opens a modal from Personalise and re-renders the letter with the name typed into it', async () => {
    const letter = await interact(h.fake, slash('letter', {}, member(3)));
    const form = customIds(letter.body).find((id) => id.startsWith(`af:letter drive=${driveId}`))!;
    const opened = await interact(h.fake, button(form, member(3)));
    expect(opened.body?.type).toBe(9);
    const modal = opened.body?.data as Json;
    expect(modal.custom_id).toMatch(new RegExp(`^am:letter drive=${driveId}~[\\w-]{12}$`));
    const inputs = (modal.components as Json[]).map((row) => (row.components as Json[])[0]!);
    expect(inputs.map((i) => i.custom_id)).toEqual(expect.arrayContaining(['name', 'town', 'country']));
    expect(inputs[0]).toMatchObject({ max_length: 80, required: false });

    const submitted = await interact(h.fake, modalSubmit(String(modal.custom_id), { name: 'Ana Pérez', town: 'Lyon', country: '' }, member(3)));
    expect((submitted.body?.data as Json).flags).toBe(64);
    expect(textOf(submitted.body)).toContain('Ana Pérez');
    expect(textOf(submitted.body)).toContain('Lyon');

    // The re-rendered letter's Personalise button carries the values, so the modal opens prefilled.
    const prefilled = customIds(submitted.body).find((id) => new RegExp(`^af:letter drive=${driveId}~[\\w-]{12} name=`).test(id))!;
    expect(prefilled).toContain('name="Ana Pérez"');
    const reopened = await interact(h.fake, button(prefilled, member(3)));
    const nameInput = ((reopened.body?.data as Json).components as Json[]).map((row) => (row.components as Json[])[0]!)[0]!;
    expect(nameInput.value).toBe('Ana Pérez');
  });

  it('answers a redelivered interaction once: the same id dispatched twice gets one callback', async () => {
    const press = button(`ab:acted post drive=${driveId}`, member(4));
    await interact(h.fake, press);
    h.fake.dispatch('INTERACTION_CREATE', press);
    await interact(h.fake, slash('help', {}, member(4)));
    expect(h.fake.requests.filter((r) => r.path.includes(`/interactions/${String(press.id)}/`))).toHaveLength(1);
    expect((await h.app.deps.ledger.tally('ua-34-25')).byMethod.post).toBe(1);
  });

  it('counts 200 distinct members pressing at once exactly 200 times', async () => {
    const before = (await h.app.deps.ledger.tally('ua-34-25')).byMethod.phone ?? 0;
    const presses = Array.from({ length: 200 }, (_, i) => button(`ab:acted phone drive=${driveId}`, member(1000 + i)));
    const answers = await Promise.all(presses.map((p) => interact(h.fake, p, 20_000)));
    expect(answers).toHaveLength(200);
    const tally = await h.app.deps.ledger.tally('ua-34-25');
    expect((tally.byMethod.phone ?? 0) - before).toBe(200);
  });

  it('ignores buttons that are not ours', async () => {
    const foreign = button('someone-else:thing', member(5));
    h.fake.dispatch('INTERACTION_CREATE', foreign);
    await interact(h.fake, slash('help', {}, member(5)));
    expect(h.fake.requests.some((r) => r.path.includes(String(foreign.token)))).toBe(false);
  });
});

describe('Discord posts never ping', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await interact(h.fake, slash('drive', { appeal: 'ua-34-25', goal: 50, deadline: '2030-01-31' }, MODERATOR, 'start'));
  });
  afterAll(async () => h.close());

  it('posts a moderator message containing @everyone and a user mention with mentions disabled', async () => {
    const answer = await interact(h.fake, slash('remind', { message: 'Hey @everyone and <@123456789012345678>, write today' }, MODERATOR, 'now'));
    const data = answer.body?.data as Json;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(textOf(answer.body)).toContain('@everyone');
    expect(textOf(answer.body)).toContain('<@123456789012345678>');
  });

  it('posts reminders to the space through REST with allowed_mentions parse empty', async () => {
    await h.adapter.notifier.postToSpace('discord:1000000000000000001/1000000000000000002', {
      visibility: 'public',
      blocks: [{ type: 'text', text: 'Reminder for @everyone and @here' }],
      buttons: [],
      attachments: [],
    });
    const post = await h.fake.waitFor((r) => r.method === 'POST' && r.path === '/channels/1000000000000000002/messages');
    expect(post.body?.allowed_mentions).toEqual({ parse: [] });
    expect(textOf(post.body)).toContain('@everyone');
  });

  it('sends a member their own reminder in a direct message', async () => {
    await h.adapter.notifier.sendToMember('5000000000000000001', { visibility: 'private', blocks: [{ type: 'text', text: 'Your reminder' }], buttons: [], attachments: [] });
    const dm = await h.fake.waitFor((r) => r.path === '/users/@me/channels');
    expect(dm.body).toEqual({ recipient_id: '5000000000000000001' });
    const sent = await h.fake.waitFor((r) => r.path === '/channels/1200000000000000001/messages');
    expect(textOf(sent.body)).toContain('Your reminder');
  });

  it('refuses to post to a space that is not Discord', async () => {
    await expect(h.adapter.notifier.postToSpace('telegram:-100', { visibility: 'public', blocks: [], buttons: [], attachments: [] })).rejects.toThrow(/not a Discord space/);
  });
});
