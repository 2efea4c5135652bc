import { communityAppealId } from '../../../src/core/appeal-view.js';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, expectWithinLimits, textOf } from './blocks.js';
import { startHarness, TEAM, type Harness } from './harness.js';

const UA = readFileSync('tests/fixtures/ua/honduras-ua-60-16-2017.txt', 'utf8');
/** What a workspace admin's import of UA 60/16 is saved as. */
const ID = communityAppealId('ua-60-16', `slack:${TEAM}`);
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

async function slashAnswers(user: string, text: string): Promise<Array<Record<string, unknown>>> {
  const { key } = await h.slash(user, 'import', text);
  const answers = await h.answers(key);
  for (const answer of answers) expectWithinLimits(answer);
  return answers;
}

/** Presses the button whose value starts with `prefix` in `answers`; returns the press's response_url key. */
async function press(user: string, answers: Array<Record<string, unknown>>, prefix: string): Promise<string> {
  const button = answers.flatMap(buttonsOf).find((b) => b.value?.startsWith(prefix));
  expect(button, `a button starting with ${prefix}`).toBeDefined();
  return (await h.press(user, { action_id: button!.action_id, value: button!.value! })).key;
}

describe('Slack /import', () => {
  it('/import alone explains the ways and opens a multiline form; the submitted text is previewed and Save stores it', async () => {
    const [hint] = await slashAnswers(ADMIN, '');
    expect(textOf(hint!)).toContain('press the button and paste it');
    const form = buttonsOf(hint!).find((b) => b.action_id.startsWith('af:'));
    expect(form).toBeDefined();

    const pressKey = (await h.press(ADMIN, { action_id: form!.action_id, value: form!.value! })).key;
    await h.fake.until(() => h.fake.callsTo('views.open').length === 1);
    const view = h.fake.callsTo('views.open')[0]!.args.view as View;
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.map((b) => b.block_id)).toEqual(['text']);
    // Slack's plain_text_input takes 3,000 characters at most: the 4,000 of the form is clamped.
    expect(view.blocks[0]!.element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });

    expect(await h.submit(ADMIN, { id: 'V1', private_metadata: view.private_metadata, values: { text: UA.slice(0, 3000) } })).toBe(200);
    const [preview] = await h.answers(pressKey);
    expect(textOf(preview!)).toContain('UA 60/16');
    expect(await h.app.deps.appeals.get('ua-60-16')).toBeUndefined();

    const savedKey = await press(ADMIN, [preview!], 'import save=');
    const [saved] = await h.answers(savedKey);
    // A workspace admin's import is saved for the workspace, under its own id.
    expect(textOf(saved!)).toContain(`Saved ${ID} for this community`);
    expect((await h.app.deps.appeals.get(ID))?.reference).toBe('UA 60/16');
    expect(await h.app.deps.appeals.get('ua-60-16')).toBeUndefined();
  });

  it('imports the text typed after /import with its line breaks, and asks before replacing the same id', async () => {
    const first = await slashAnswers(ADMIN, UA);
    expect(first.map(textOf).join('\n')).toContain('Preview: UA 60/16');
    await h.answers(await press(ADMIN, first, 'import save='));
    expect(await h.app.deps.appeals.get(ID)).toBeDefined();

    const second = await slashAnswers(ADMIN, UA);
    const [asked] = await h.answers(await press(ADMIN, second, 'import save='));
    expect(textOf(asked!)).toContain('exists already');
    const overwrite = buttonsOf(asked!).find((b) => / overwrite=on~[\w-]{12}$/.test(b.value ?? ''))!;
    expect(Buffer.byteLength(overwrite.value!)).toBeLessThanOrEqual(64);
    const [replaced] = await h.answers((await h.press(ADMIN, { action_id: overwrite.action_id, value: overwrite.value! })).key);
    expect(textOf(replaced!)).toContain(`Saved ${ID}`);
  });

  it('refuses a member who is not a moderator, typed or through the form, and saves nothing', async () => {
    const [typed] = await slashAnswers('UMEMBER', UA);
    expect(textOf(typed!)).toMatch(/moderator/i);
    expect(buttonsOf(typed!)).toEqual([]);
    const metadata = JSON.stringify({ c: 'import', team: 'T1', channel: 'C1', kind: 'group' });
    expect(await h.submit('UMEMBER', { id: 'V2', private_metadata: metadata, values: { text: UA.slice(0, 3000) } })).toBe(200);
    await h.fake.until(() => h.fake.callsTo('chat.postEphemeral').length >= 1);
    expect(String(h.fake.callsTo('chat.postEphemeral')[0]!.args.text)).toMatch(/moderator/i);
    expect(await h.app.deps.appeals.list()).toHaveLength(1);
  });

  it('refuses text that is no Urgent Action with the importer\'s sentence and no Save button', async () => {
    const [answer] = await slashAnswers(ADMIN, 'Lunch on Friday?\nBring salad.');
    expect(textOf(answer!)).toContain('shows no sign of an appeal');
    expect(buttonsOf(answer!)).toEqual([]);
  });
});
