import { communityAppealId } from '../../../src/core/appeal-view.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from './fake-discord.js';
import { answersTo, button, customIds, GUILD, interact, modalSubmit, readAnswer, slash, startHarness, textOf, type Harness, type Who } from './harness.js';

type Json = Record<string, unknown>;
const UA = readFileSync('tests/fixtures/ua/honduras-ua-60-16-2017.txt');
/** A moderator's import of UA 60/16 is saved under the server's own id. */
const ID = communityAppealId('ua-60-16', `discord:${GUILD}`);
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(200).fill(0)]);
const MODERATOR = { userId: '3000000000000000001', moderator: true };
const MEMBER = { userId: '4000000000000000001' };

let h: Harness;
let uploads = 0;
beforeAll(async () => {
  h = await startHarness();
  h.fake.cdn.set('ua.txt', UA);
  h.fake.cdn.set('photo.png', BINARY);
});
afterAll(async () => h.close());

/** `/import file:<upload>` as Discord sends it: the option's value is the attachment id, resolved beside it. */
function slashWithFile(name: string, size: number, who: Who): Json {
  const interaction = slash('import', {}, who);
  const id = String(1500000000000000000n + BigInt(++uploads));
  const attachment = { id, filename: name, size, url: h.fake.cdnUrl(name), proxy_url: h.fake.cdnUrl(name), content_type: name.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'image/png' };
  const data = interaction.data as Json;
  data.options = [{ name: 'file', type: 11, value: id }];
  data.resolved = { attachments: { [id]: attachment } };
  return interaction;
}

/** The deferred answer's final content: the edit of @original (or a follow-up when the guess was wrong). */
async function finalAnswer(interaction: Json): Promise<{ first: RecordedRequest; final: RecordedRequest }> {
  const first = await interact(h.fake, interaction);
  // The import runs after the deferral: wait for its answer (a machine under load takes longer than
  // answersTo's quiet window), then for anything after it.
  const answered = (r: RecordedRequest) => r.path.includes(`/${String(interaction.token)}`) && (r.method === 'PATCH' || (r.method === 'POST' && !r.path.endsWith('/callback')));
  for (const started = Date.now(); !h.fake.requests.some(answered) && Date.now() - started < 10_000; ) await new Promise((resolve) => setTimeout(resolve, 20));
  const all = await answersTo(h.fake, interaction);
  const final = all.filter((r) => r.method === 'PATCH' || (r.method === 'POST' && !r.path.endsWith('/callback'))).at(-1) ?? first;
  return { first, final };
}

const downloads = () => h.fake.requests.filter((r) => r.path.startsWith('/attachments/')).length;

describe('Discord /import', () => {
  it('registers file as an upload and text as a string, and no path option', () => {
    const registered = [...h.fake.commands.values()][0]!;
    const command = registered.find((c) => c.name === 'import')!;
    const options = (command.options as Json[]).map((o) => [o.name, o.type]);
    expect(options).toEqual([['text', 3], ['file', 11]]);
  });

  it('defers, downloads the attached file, shows the preview, and Save stores the appeal', async () => {
    const { first, final } = await finalAnswer(slashWithFile('ua.txt', UA.length, MODERATOR));
    expect(first.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(textOf(final.body)).toContain('Preview: UA 60/16');
    const save = customIds(final.body).find((id) => id.startsWith('ab:import save='))!;
    expect(save).toMatch(/^ab:import save=[\w-]+~[\w-]{12}$/);
    expect(await h.app.deps.appeals.get('ua-60-16')).toBeUndefined();

    const saved = await interact(h.fake, button(save, MODERATOR));
    // Saved for this server only, under its own id; the shared catalog is unchanged.
    expect(textOf(saved.body)).toContain(`Saved ${ID} for this community`);
    expect((await h.app.deps.appeals.get(ID))?.reference).toBe('UA 60/16');
    expect(await h.app.deps.appeals.get('ua-60-16')).toBeUndefined();

    // The same text again: the id exists, so Save asks first, and the danger button replaces it.
    const again = await finalAnswer(slashWithFile('ua.txt', UA.length, MODERATOR));
    const saveAgain = customIds(again.final.body).find((id) => id.startsWith('ab:import save='))!;
    const asked = await interact(h.fake, button(saveAgain, MODERATOR));
    expect(textOf(asked.body)).toContain('exists already');
    const overwrite = customIds(asked.body).find((id) => / overwrite=on~[\w-]{12}$/.test(id))!;
    expect(overwrite.length).toBeLessThanOrEqual(64 + 3);
    expect(textOf((await interact(h.fake, button(overwrite, MODERATOR))).body)).toContain(`Saved ${ID}`);
  });

  it('refuses a member who is not a moderator', async () => {
    const { final } = await finalAnswer(slashWithFile('ua.txt', UA.length, MEMBER));
    expect(textOf(final.body)).toMatch(/moderator/i);
    expect(customIds(final.body)).toEqual([]);
  });

  it('refuses a binary file with a clear message and saves nothing', async () => {
    const before = (await h.app.deps.appeals.list()).length;
    const { final } = await finalAnswer(slashWithFile('photo.png', BINARY.length, MODERATOR));
    expect(textOf(final.body)).toContain('That is not text');
    expect(customIds(final.body)).toEqual([]);
    expect(await h.app.deps.appeals.list()).toHaveLength(before);
  });

  it('refuses a file over 1 MB without downloading it', async () => {
    const before = downloads();
    const { final } = await finalAnswer(slashWithFile('ua.txt', 5_000_000, MODERATOR));
    expect(textOf(final.body)).toContain('That file is 5.0 MB');
    expect(downloads()).toBe(before);
  });

  it('/import alone explains the ways and its button opens a paragraph modal whose text is imported', async () => {
    const hint = await interact(h.fake, slash('import', {}, MODERATOR));
    expect(textOf(hint.body)).toContain('in the file option of /import');
    expect(customIds(hint.body)).toEqual([expect.stringMatching(/^af:import~[\w-]{12}$/)]);

    const opened = await interact(h.fake, button(customIds(hint.body)[0]!, MODERATOR));
    expect(opened.body?.type).toBe(9);
    const input = (((opened.body?.data as Json).components as Json[])[0]!.components as Json[])[0]!;
    expect(input).toMatchObject({ custom_id: 'text', style: 2, max_length: 4000 });

    // The answer the moderator ends up reading: a slow import (a loaded machine) is deferred, then edited in.
    const submitted = await readAnswer(h.fake, modalSubmit('am:import', { text: UA.toString('utf8').slice(0, 4000) }, MODERATOR));
    expect(textOf(submitted.body)).toContain('Preview: UA 60/16');
    expect(customIds(submitted.body).some((id) => id.startsWith('ab:import save='))).toBe(true);
  });
});
