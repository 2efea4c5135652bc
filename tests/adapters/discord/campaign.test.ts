import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, customIds, interact, slash, startHarness, textOf, type Harness } from './harness.js';
import { addCampaignCases } from '../../support/campaign.js';

type Json = Record<string, unknown>;
const MODERATOR = { userId: '3000000000000000001', moderator: true };
const member = (n: number) => ({ userId: String(4000000000000000000n + BigInt(n)) });

describe('a Write for Rights campaign on Discord (discord.js against the fake gateway and REST)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await addCampaignCases(h.app.deps, h.app.clock.now());
    await interact(h.fake, slash('drive', { appeal: 'ua-34-25,ua-1-26,ua-2-26', goal: 500, deadline: '2030-01-31' }, MODERATOR, 'start'));
  });
  afterAll(async () => h.close());

  it('asks which case in an ephemeral answer, with signed numbered buttons, and counts the press', async () => {
    const ask = await interact(h.fake, slash('acted', { method: 'card' }, member(1)));
    expect((ask.body?.data as Json).flags).toBe(64);
    const ids = customIds(ask.body);
    expect(ids).toHaveLength(3);
    expect(ids[1]).toMatch(/^ab:acted card 2 drive=\S+~[\w-]{12}$/);
    await interact(h.fake, button(ids[1]!, member(1)));
    expect(await h.app.deps.ledger.tally('ua-1-26')).toMatchObject({ actions: 1, byMethod: { card: 1 } });
  });

  it('enters a table count with its typed options and shows it apart in /progress', async () => {
    const added = await interact(h.fake, slash('tally', { count: '37', method: 'post', case: '2', note: 'Library' }, MODERATOR, 'add'));
    expect(textOf(added.body)).toMatch(/Entered \w+: 37 × posted letter for case 2/);
    const progress = await interact(h.fake, slash('progress', {}, member(2)));
    expect(textOf(progress.body)).toContain('37 letters at events');
    expect(textOf(progress.body)).not.toContain('Library');
  });
});
