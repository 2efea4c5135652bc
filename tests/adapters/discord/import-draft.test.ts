import { communityAppealId } from '../../../src/core/appeal-view.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, customIds, GUILD, interact, modalSubmit, readAnswer, startHarness, textOf, type Harness } from './harness.js';

type Json = Record<string, unknown>;

/** UA 27/09 as Amnesty USA mailed it, cut before the letter and the officials: six fields to fill, so two modals. */
const DRAFT = readFileSync('tests/fixtures/ua/corpus/en-2009-myanmar-ua-27-09.txt', 'utf8');
const MODERATOR = { userId: '3000000000000000001', moderator: true };

let h: Harness;
/* The same bot deferring every answer at once, as a loaded machine makes it defer the import's. */
let deferring: Harness;
beforeAll(async () => {
  h = await startHarness();
  deferring = await startHarness({ deferAfterMs: 0 });
});
afterAll(async () => {
  await h.close();
  await deferring.close();
});

const modalInputs = (body: Json | undefined) =>
  (((body?.data as Json).components as Json[]) ?? []).map((row) => ((row.components as Json[])[0] as Json).custom_id);

describe('Discord: finishing an imported draft', () => {
  it.each([
    ['answering at once', () => h],
    ['deferring every answer', () => deferring],
  ])('Fill in opens modals of at most five fields, in two steps; once filled, Save stores the appeal (%s)', async (_, harness) => {
    const h = harness();
    // The import may be deferred on a loaded machine: the member reads the answer that follows.
    const pasted = await readAnswer(h.fake, modalSubmit('am:import', { text: DRAFT }, MODERATOR));
    expect(textOf(pasted.body)).toContain('Still missing: a deadline, the letter, whom to write to');
    const steps = customIds(pasted.body).filter((id) => id.startsWith('af:import edit='));
    expect(steps).toHaveLength(2);

    const first = await interact(h.fake, button(steps[0]!, MODERATOR));
    expect(first.body?.type).toBe(9);
    expect(modalInputs(first.body)).toEqual(['deadline', 'letter', 'target', 'email', 'phone']);
    const second = await interact(h.fake, button(steps[1]!, MODERATOR));
    expect(modalInputs(second.body)).toEqual(['salutation']);

    const filled = await readAnswer(
      h.fake,
      modalSubmit(String((first.body?.data as Json).custom_id), { deadline: '2009-03-13', letter: 'I urge you to give Robert San Aung the medical care he needs.', target: 'Senior General Than Shwe' }, MODERATOR),
    );
    expect(textOf(filled.body)).toContain('Preview: UA 27/09');
    expect(textOf(filled.body)).not.toContain('Still missing: a deadline');
    const save = customIds(filled.body).find((id) => id.startsWith('ab:import save='))!;
    const saved = await readAnswer(h.fake, button(save, MODERATOR));
    // A moderator's import is saved for their server, under its own id (the shared catalog is the operator's).
    const id = communityAppealId('ua-27-09', `discord:${GUILD}`);
    expect(textOf(saved.body)).toContain(`Saved ${id} for this community`);
    const appeal = await h.app.deps.appeals.get(id);
    expect([appeal?.deadline, appeal?.targets[0]?.name, appeal?.letter.paragraphs]).toEqual(['2009-03-13', 'Senior General Than Shwe', ['I urge you to give Robert San Aung the medical care he needs.']]);
  });
});
