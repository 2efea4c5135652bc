import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handle } from '../../src/commands/index.js';
import { MAX_BUTTON_DATA } from '../../src/core/reply.js';
import { testApp, type TestApp } from '../support/app.js';
import { buttonCommand, typer, unsigned } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';

const FIXTURE = 'tests/fixtures/ua/honduras-ua-60-16-2017.txt';
const UA = readFileSync(FIXTURE, 'utf8');
const mod = (platform = 'shell') => ({ userId: 'operator', moderator: true, platform });
/** The terminal's operator: saves to the shared catalog. */
const operator = { userId: 'operator', operator: true, platform: 'shell' };

describe('/import', () => {
  let app: TestApp;
  let type: ReturnType<typeof typer>;
  beforeEach(async () => {
    app = await testApp();
    type = typer(app.deps);
  });
  afterEach(() => app.close());

  it.each([
    ['telegram', 'with the caption /import'],
    ['discord', 'in the file option of /import'],
    ['slack', 'Type /import followed by the text'],
  ])('without text on %s explains the ways and offers a multiline paste form', async (platform, hint) => {
    const reply = await type(mod(platform), '/import');
    expect(reply.visibility).toBe('private');
    expect(reply.plain).toContain(hint);
    expect(reply.buttons).toEqual([
      expect.objectContaining({ type: 'form', label: 'Paste the Urgent Action', command: expect.stringMatching(/^import~/), fields: [expect.objectContaining({ name: 'text', multiline: true, max: 4000 })] }),
    ]);
  });

  it('without text in the terminal says what to type, with no form to press', async () => {
    const reply = await type(mod(), '/import');
    expect(reply.plain).toContain('/import file=PATH');
    expect(reply.buttons).toEqual([]);
  });

  it('answers in Spanish when asked', async () => {
    const reply = await type({ ...mod('slack'), locale: 'es' }, '/import');
    expect(reply.plain).toContain('Escribe /import seguido del texto');
  });

  it('names a text without a UA number by its title once in the preview', async () => {
    const text = readFileSync('tests/fixtures/ua/corpus-12/en-2019-russia-amnesty-uk-ua-stop-prosecution-bastrykin.txt', 'utf8');
    const preview = await type(operator, `/import ${text}`);
    expect(preview.plain).toContain('Preview: Stop the prosecution of peaceful protesters\n');
    expect(preview.plain).not.toContain('protesters: Stop the prosecution');
  });

  it('previews pasted text, saves on Save, then asks before replacing the same id (the operator: the shared catalog)', async () => {
    const preview = await type(operator, `/import ${UA}`);
    expect(preview.plain).toContain('Preview: UA 60/16');
    const save = buttonCommand(preview, 'Save this appeal');
    expect(Buffer.byteLength(save.slice(1))).toBeLessThanOrEqual(MAX_BUTTON_DATA);
    expect(await app.deps.appeals.get('ua-60-16')).toBeUndefined();
    expect((await type(operator, save)).plain).toContain('Saved ua-60-16');
    expect(await app.deps.appeals.get('ua-60-16')).toBeDefined();

    const again = await type(operator, `/import ${UA}`);
    const asked = await type(operator, buttonCommand(again, 'Save this appeal'));
    expect(asked.plain).toContain('exists already');
    const overwrite = buttonCommand(asked, 'Replace the existing appeal');
    expect(unsigned(overwrite)).toMatch(/ overwrite=on$/);
    expect(Buffer.byteLength(overwrite.slice(1))).toBeLessThanOrEqual(MAX_BUTTON_DATA);
    expect((await type(operator, overwrite)).plain).toContain('Saved ua-60-16');
  });

  it("saves a moderator's import for their community only, under the community's own id, and asks before replacing it", async () => {
    const preview = await type(mod('slack'), `/import ${UA}`);
    const id = /as (ua-60-16-[0-9a-f]{6}):/.exec(preview.plain)?.[1];
    expect(id).toBeDefined();
    expect((await type(mod('slack'), buttonCommand(preview, 'Save this appeal'))).plain).toContain(`Saved ${id} for this community`);
    expect(await app.deps.appeals.get('ua-60-16')).toBeUndefined();
    expect(await app.deps.appeals.get(id!)).toBeDefined();
    const again = await type(mod('slack'), `/import ${UA}`);
    const asked = await type(mod('slack'), buttonCommand(again, 'Save this appeal'));
    expect(asked.plain).toContain(`${id} exists already`);
    expect((await type(mod('slack'), buttonCommand(asked, 'Replace the existing appeal'))).plain).toContain(`Saved ${id}`);
  });

  it('takes the text from a form field (options) exactly as from typed words', async () => {
    const reply = await type(mod('discord'), '/import');
    expect(reply.buttons[0]?.type).toBe('form');
    const submitted = await handle(
      { name: 'import', text: '', options: { text: UA }, actor: { platform: 'discord', userId: 'd1' }, space: { id: 'discord:1/2', kind: 'group' }, isModerator: async () => true },
      app.deps,
      new RecordingLogger(),
    );
    expect(submitted.buttons.map((b) => b.label)).toEqual(['Save this appeal']);
  });

  it('says in words why file= cannot be read: a folder, a missing file', async () => {
    const folder = await type(mod(), '/import file=tests/fixtures');
    expect(folder.plain).toBe('I cannot read tests/fixtures: it is a folder, not a file');
    const missing = await type(mod(), '/import file=tests/fixtures/nothing.txt');
    expect(missing.plain).toBe('I cannot read tests/fixtures/nothing.txt: there is no such file');
  });

  it('refuses a member who is not a moderator, and file= anywhere but the terminal', async () => {
    expect((await type({ userId: 'bob', platform: 'telegram' }, `/import ${UA}`)).plain).toMatch(/moderator/i);
    expect((await type(mod('discord'), `/import file=${FIXTURE}`)).plain).toContain('works only in the terminal');
    expect(await app.deps.appeals.list()).toHaveLength(1);
  });

  it('says an expired preview has expired', async () => {
    expect((await type(mod(), '/import save=nokey123')).plain).toContain('This preview has expired');
  });
});

describe('/import of news and of pages that give addresses', () => {
  let app: TestApp;
  let type: ReturnType<typeof typer>;
  beforeEach(async () => {
    app = await testApp();
    type = typer(app.deps);
  });
  afterEach(() => app.close());

  const update = readFileSync('tests/fixtures/ua/corpus-2/en-2010-iran-further-information-ua-341-09.txt', 'utf8');

  it('refuses to stage an update as a live appeal, naming its kind and UA number', async () => {
    const reply = await type(mod('slack'), `/import ${update}`);
    expect(reply.plain).toContain('This text is an update of UA 341/09, not a new appeal');
    expect(reply.buttons.map((b) => b.label)).not.toContain('Save this appeal');
  });

  it('offers an update that asks for letters again as the appeal itself when its first round is not here, and saves it only on Save', async () => {
    const second = readFileSync('tests/fixtures/ua/further-information-ua-53-14.txt', 'utf8');
    const reply = await type(mod('slack'), `/import ${second}`);
    expect(reply.plain).toContain('This text is an update of UA 53/14 that asks for letters again. UA 53/14 is not here, so it can be saved as the appeal itself');
    expect(reply.plain).toContain('Preview: UA 53/14');
    expect(await app.deps.appeals.get('ua-53-14')).toBeUndefined();
    const id = /as (ua-53-14-[0-9a-f]{6}):/.exec(reply.plain)?.[1];
    expect((await type(mod('slack'), buttonCommand(reply, 'Save this appeal'))).plain).toContain(`Saved ${id} for this community`);
    expect((await app.deps.appeals.get(id!))?.targets.some((t) => !t.copy && t.address.length + t.emails.length > 0)).toBe(true);
    // Once the appeal is here, the same update is offered as news of it too, and Save asks before replacing it.
    const again = await type(mod('slack'), `/import ${second}`);
    expect(again.plain).toContain(`This text is an update of UA 53/14 that asks for letters again. Save keeps its officials, addresses and letter as ${id}`);
    expect(again.plain).toContain(`/news post ${id} outcome=update`);
    expect((await type(mod('slack'), buttonCommand(again, 'Save this appeal'))).plain).toContain(`${id} exists already`);
  });

  it('refuses good news without a number, naming its kind', async () => {
    const news = readFileSync('tests/fixtures/ua/corpus-2/en-2020-paraguay-amnestyaurora-good-news.txt', 'utf8');
    expect((await type(mod('slack'), `/import ${news}`)).plain).toContain('This text is good news, not a new appeal');
  });

  it('shows each official with the line of the text each address came from', async () => {
    const text = 'URGENT ACTION\nUA 12/24\nPLEASE WRITE TO:\nMinister of Justice\nAli Hassan\n1 Nile St, Cairo, Egypt\nEmail: minister@justice.gov.eg\n\nCOPIES TO:\nEmbassy of Egypt\n3521 International Ct NW, Washington DC 20008\nE-mail: embassy@egyptembassy.net\n\nDear Minister,\nRelease him.\nYours sincerely,';
    const reply = await type(mod('slack'), `/import ${text}`);
    expect(reply.plain).toContain('Where each address came from');
    expect(reply.plain).toContain('Ali Hassan, email: minister@justice.gov.eg <- "Email: minister@justice.gov.eg"');
    expect(reply.plain).toContain('(copy) Embassy of Egypt, email: embassy@egyptembassy.net <- "E-mail: embassy@egyptembassy.net"');
  });

  it('shows the postal lines with their source, and a solidarity card apart from the officials', async () => {
    const text = 'URGENT ACTION\nUA 13/24\nPLEASE WRITE TO:\nMinister of Justice\nAli Hassan\n1 Nile St\nCairo, Egypt\nEmail: minister@justice.gov.eg\n\nDear Minister,\nRelease him.\nYours sincerely,\n\n• Send her your messages of solidarity and hope: Mona Example, Qanater Prison, Qalyubia, Egypt #FreeMona';
    const reply = await type(mod('slack'), `/import ${text}`);
    expect(reply.plain).toContain('Ali Hassan, address: 1 Nile St <- "1 Nile St"');
    expect(reply.plain).toContain('Solidarity card (to the person, not an official)');
    expect(reply.plain).toContain('Mona Example, Qanater Prison, Qalyubia, Egypt · #FreeMona');
    expect(reply.plain).not.toMatch(/Mona Example, (?:address|email)/);
  });

  it.each([
    ['telegram', 'send the whole Urgent Action as a .txt file'],
    ['discord', 'in the file option of /import'],
  ])('on %s tells the member to send the file when a pasted text looks cut', async (platform, hint) => {
    const cut = `${UA.slice(0, 4000)}`;
    const reply = await type(mod(platform), `/import ${cut}`);
    expect(reply.plain.toLowerCase()).toContain(hint.toLowerCase());
    expect(reply.plain).toContain('seems cut off');
  });
});
