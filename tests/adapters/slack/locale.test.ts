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

  it('answers in English when Slack takes over a second to say which language, acks only after the commit, and asks again next time', async () => {
    const start = await h.slash('UADMIN', 'drive', 'start ua-34-25 goal=10 deadline=2030-01-31');
    await h.answers(start.key);
    let release: () => void = () => undefined;
    h.fake.holds.set('users.info', new Promise<void>((resolve) => (release = resolve)));
    // The lookup is given up after a second: the command runs, commits, and answers in the ack.
    const first = await h.slash('UEVA', 'acted', 'email');
    expect(first.status).toBe(200);
    expect((await h.app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
    expect(textOf((await h.answers(first.key))[0]!)).toContain('Thank you!');
    release();
    h.fake.holds.delete('users.info');
    // Nothing was kept for a lookup given up: the next command asks again, and answers in Spanish.
    const second = await h.slash('UEVA', 'progress');
    expect(textOf((await h.answers(second.key))[0]!)).toContain('1 acción de 1 persona');
    expect(h.fake.callsTo('users.info').filter((c) => c.args.user === 'UEVA')).toHaveLength(2);
  });
});
