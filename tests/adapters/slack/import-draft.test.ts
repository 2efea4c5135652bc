import { communityAppealId } from '../../../src/core/appeal-view.js';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, textOf } from './blocks.js';
import { startHarness, TEAM, type Harness } from './harness.js';

/** AU 105/25 from Amnesty Spain's site, cut before its deadline: a draft that only lacks the deadline. */
const DRAFT = readFileSync('tests/fixtures/ua/corpus/es-2025-colombia-au-105-25.txt', 'utf8');
const ADMIN = 'UADMIN';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.fake.admins.add(ADMIN);
});
afterEach(async () => {
  await h.close();
});

type View = { private_metadata: string; title: { text: string }; blocks: Array<{ block_id: string; element: Record<string, unknown> }> };

describe('Slack: finishing an imported draft', () => {
  it('Fill in opens a modal prefilled with what was found; the submitted deadline makes Save store the appeal', async () => {
    const { key } = await h.slash(ADMIN, 'import', DRAFT);
    const [preview] = await h.answers(key);
    expect(textOf(preview!)).toContain('Still missing: a deadline');
    const fill = buttonsOf(preview!).find((b) => b.action_id.startsWith('af:'))!;
    const pressKey = (await h.press(ADMIN, { action_id: fill.action_id, value: fill.value! })).key;
    await h.fake.until(() => h.fake.callsTo('views.open').length === 1);
    const view = h.fake.callsTo('views.open')[0]!.args.view as View;
    expect(view.blocks.map((b) => b.block_id)).toEqual(['deadline', 'target', 'email', 'phone', 'salutation']);
    expect(view.blocks[2]!.element).toMatchObject({ initial_value: 'correspondencia@unp.gov.co' });

    expect(await h.submit(ADMIN, { id: 'V1', private_metadata: view.private_metadata, values: { deadline: '2026-02-15' } })).toBe(200);
    const [filled] = await h.answers(pressKey);
    expect(textOf(filled!)).not.toContain('Still missing');
    const save = buttonsOf(filled!).find((b) => b.value?.startsWith('import save='))!;
    const savedKey = (await h.press(ADMIN, { action_id: save.action_id, value: save.value! })).key;
    const [saved] = await h.answers(savedKey);
    const id = communityAppealId('ua-105-25', `slack:${TEAM}`);
    expect(textOf(saved!)).toContain(`Saved ${id} for this community`);
    expect((await h.app.deps.appeals.get(id))?.deadline).toBe('2026-02-15');
  });
});
