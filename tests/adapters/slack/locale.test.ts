import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textOf } from './blocks.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.fake.admins.add('UADMIN');
  h.fake.locales.set('UEVA', 'es-ES');
});
afterEach(() => h.close());

describe('Slack: the member language', () => {
  it('answers a member whose Slack is in Spanish in Spanish, and asks Slack once an hour', async () => {
    const start = await h.slash('UADMIN', 'drive', 'start ua-34-25 goal=10 deadline=2030-01-31');
    await h.answers(start.key);
    const first = await h.slash('UEVA', 'acted', 'email');
    expect(textOf((await h.answers(first.key))[0]!)).toContain('¡Gracias!');
    const second = await h.slash('UEVA', 'progress');
    expect(textOf((await h.answers(second.key))[0]!)).toContain('1 acción de 1 persona');
    expect(h.fake.callsTo('users.info').filter((c) => c.args.user === 'UEVA' && c.args.include_locale)).toHaveLength(1);
    const english = await h.slash('UADMIN', 'acted', 'post');
    expect(textOf((await h.answers(english.key))[0]!)).toContain('Thank you!');
  });

  it('commits /acted while Slack is still saying which language the member reads, then answers in it', async () => {
    const start = await h.slash('UADMIN', 'drive', 'start ua-34-25 goal=10 deadline=2030-01-31');
    await h.answers(start.key);
    let release: () => void = () => undefined;
    h.fake.holds.set('users.info', new Promise<void>((resolve) => (release = resolve)));
    const sent = h.slash('UEVA', 'acted', 'email');
    // The action is in the ledger before users.info has answered: the lookup does not delay the commit.
    const deadline = Date.now() + 5000;
    while ((await h.app.deps.ledger.tally('ua-34-25')).actions === 0) {
      if (Date.now() > deadline) throw new Error('not recorded while users.info was held');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(h.fake.callsTo('users.info').filter((c) => c.args.user === 'UEVA')).toHaveLength(1);
    release();
    const first = await sent;
    expect(textOf((await h.answers(first.key))[0]!)).toContain('¡Gracias!');
  });
});
