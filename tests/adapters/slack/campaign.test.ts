import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, expectWithinLimits, textOf } from './blocks.js';
import { startHarness, type Harness } from './harness.js';
import { addCampaignCases } from '../../support/campaign.js';

const ADMIN = 'UADMIN';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.fake.admins.add(ADMIN);
  await addCampaignCases(h.app.deps, h.app.clock.now());
});
afterEach(() => h.close());

const answer = async (user: string, command: string, text: string) => (await h.answers((await h.slash(user, command, text)).key))[0]!;

describe('a Write for Rights campaign on Slack (Bolt against the fake Web API)', () => {
  it('asks which case ephemerally, counts the pressed case, and shows each case and the table letters', async () => {
    expect(textOf(await answer(ADMIN, 'drive', 'start ua-34-25,ua-1-26,ua-2-26 goal=500 deadline=2030-01-31'))).toContain('Campaign started');
    const ask = await answer('UANA', 'acted', 'post');
    expect(ask.response_type).toBe('ephemeral');
    expectWithinLimits(ask);
    const buttons = buttonsOf(ask);
    expect(buttons.map((b) => b.text.text)).toEqual(['1. Stop illegal expulsions to El Salvador', '2. Second case', '3. Third case']);
    await h.answers((await h.press('UANA', { action_id: buttons[2]!.action_id, value: buttons[2]!.value! })).key);
    expect(await h.app.deps.ledger.tally('ua-2-26')).toMatchObject({ actions: 1, byMethod: { post: 1 } });

    await answer(ADMIN, 'tally', 'add 12 email 1 note="Café table"');
    const progress = await answer('UBOB', 'progress', '');
    expect(progress.response_type).toBe('in_channel');
    const text = textOf(progress);
    expect(text).toContain('1 action on 3 cases');
    expect(text).toContain('12 letters at events');
    expect(text).not.toContain('Café');
  });
});
