import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handle } from '../../src/commands/index.js';
import { renderForTerminal } from '../../src/adapters/shell/render.js';
import type { Button } from '../../src/core/reply.js';
import { testApp, type TestApp } from '../support/app.js';
import { buttonCommand, typer } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';

const corpus = (name: string): string => readFileSync(`tests/fixtures/ua/corpus/${name}`, 'utf8');
/** AU 105/25 from Amnesty Spain's site, cut before its deadline: a draft with an official, an email and a letter. */
const NO_DEADLINE = corpus('es-2025-colombia-au-105-25.txt');
/** UA 27/09 as Amnesty USA mailed it, cut before the letter and the officials. */
const NUMBER_ONLY = corpus('en-2009-myanmar-ua-27-09.txt');
/** The Spanish page of the seed's appeal (UA 34/25), from amnistia.org; it shows no UA number. */
const SEED_IN_SPANISH = corpus('es-2025-usa-detener-expulsiones-el-salvador.txt');

// The terminal's operator: their saves go to the shared catalog (a moderator's go to their community, tests/commands/walls.test.ts).
const mod = (platform = 'shell') => ({ userId: 'operator', moderator: true, operator: true, platform });
const forms = (buttons: Button[]) => buttons.filter((b): b is Extract<Button, { type: 'form' }> => b.type === 'form');

describe('finishing an imported draft', () => {
  let app: TestApp;
  let type: ReturnType<typeof typer>;
  beforeEach(async () => {
    app = await testApp();
    type = typer(app.deps);
  });
  afterEach(() => app.close());

  /** Submits a form as the platforms do: its command with the fields as options. */
  const submit = (platform: string, command: string, options: Record<string, string>) => {
    const [name = '', ...rest] = command.split(' ');
    return handle(
      { name, text: rest.join(' '), options, actor: { platform, userId: 'operator' }, space: { id: `${platform}:1`, kind: 'group' }, isModerator: async () => true, operator: true },
      app.deps,
      new RecordingLogger(),
    );
  };

  it('lists what is missing, refuses to save without it, and saves once the form adds it', async () => {
    const preview = await type(mod('slack'), `/import ${NO_DEADLINE}`);
    expect(preview.plain).toContain('Still missing: a deadline');
    const [fill] = forms(preview.buttons);
    expect(fill?.label).toBe('Fill in');
    expect(fill?.fields.map((f) => f.name)).toEqual(['deadline', 'target', 'email', 'phone', 'salutation']);
    expect(fill?.fields.find((f) => f.name === 'email')?.value).toBe('correspondencia@unp.gov.co');

    const refused = await type(mod('slack'), buttonCommand(preview, 'Save this appeal'));
    expect(refused.plain).toContain('cannot be saved yet. Add a deadline with Fill in');
    expect(await app.deps.appeals.get('ua-105-25')).toBeUndefined();

    const filled = await submit('slack', fill!.command, { deadline: '2026-02-15' });
    expect(filled.buttons.map((b) => b.label)).toContain('Save this appeal');
    const saved = await type(mod('slack'), buttonCommand(filled, 'Save this appeal'));
    expect(saved.plain).toContain('Saved ua-105-25');
    const appeal = await app.deps.appeals.get('ua-105-25');
    expect(appeal?.deadline).toBe('2026-02-15');
    expect(appeal?.draft).toBe(false);
    expect(appeal?.letter.salutation).toBe('Señor Director:');
  });

  it('goes in steps of five fields when the form has more, and takes the letter in the second step', async () => {
    const preview = await type(mod('discord'), `/import ${NUMBER_ONLY}`);
    expect(preview.plain).toContain('Still missing: a deadline, the letter, whom to write to');
    const steps = forms(preview.buttons);
    expect(steps.map((f) => [f.label, f.fields.length])).toEqual([['Fill in (1/2)', 5], ['Fill in (2/2)', 1]]);
    expect(steps.map((f) => f.fields.map((x) => x.name)).flat()).toEqual(['deadline', 'letter', 'target', 'email', 'phone', 'salutation']);

    const first = await submit('discord', steps[0]!.command, { deadline: '2009-03-13', letter: 'I urge you to give Robert San Aung the medical care he needs.\n\nPlease release him.', target: 'Senior General Than Shwe' });
    expect(first.buttons.map((b) => b.label)).toContain('Save this appeal');
    const saved = await type(mod('discord'), buttonCommand(first, 'Save this appeal'));
    expect(saved.plain).toContain('Saved ua-27-09');
    const appeal = await app.deps.appeals.get('ua-27-09');
    expect(appeal?.targets.map((t) => t.name)).toEqual(['Senior General Than Shwe']);
    expect(appeal?.letter.paragraphs).toEqual(['I urge you to give Robert San Aung the medical care he needs.', 'Please release him.']);
    expect(appeal?.letter.composed).toBeUndefined();
  });

  it('in the terminal takes the same fields as key=value', async () => {
    const preview = await type(mod(), `/import ${NO_DEADLINE}`);
    const [fill] = forms(preview.buttons);
    expect(renderForTerminal(preview, 'operator', 1)).toContain(`(/${fill!.command} deadline="..." target="..."`);
    const bad = await type(mod(), `/${fill!.command} email=not-an-address`);
    expect(bad.plain).toContain('not-an-address is not an email address');
    const filled = await type(mod(), `/${fill!.command} deadline=2026-02-15 phone="+57 601 000 0000"`);
    expect(filled.plain).toContain('+57 601 000 0000');
    expect((await type(mod(), buttonCommand(filled, 'Save this appeal'))).plain).toContain('Saved ua-105-25');
  });

  it('adds a Spanish text of a saved appeal as its translation, which /letter lang=es then gives', async () => {
    const english = await app.deps.appeals.get('ua-34-25');
    expect(english?.letter.lang).toBe('en');
    const preview = await type(mod('telegram'), `/import ${SEED_IN_SPANISH}`);
    expect(preview.plain).toContain('Appeal ua-34-25 is saved already and this text is its letter in "es"');
    const added = await type(mod('telegram'), buttonCommand(preview, 'Add as translation (es)'));
    expect(added.plain).toContain('/letter ua-34-25 lang=es');

    const spanish = await type({ userId: 'ana', platform: 'telegram' }, '/letter ua-34-25 lang=es');
    expect(spanish.plain).toContain('Señora Secretaria Noem:');
    expect(spanish.plain).toContain('Siento una honda preocupación por las recientes expulsiones ilegales');
    expect(spanish.plain).toContain('Idioma preferido: Inglés');
    const again = await type({ userId: 'ana', platform: 'telegram' }, '/letter ua-34-25');
    expect(again.plain).toContain('Dear Secretary Noem,');
  });

  it('keeps the official\'s fax and social media, and /letter shows them', async () => {
    const preview = await type(mod('slack'), `/import ${corpus('en-2023-egypt-ua-90-23.txt')}`);
    const [fill] = forms(preview.buttons);
    const filled = await submit('slack', fill!.command, { deadline: '2023-12-13' });
    expect((await type(mod('slack'), buttonCommand(filled, 'Save this appeal'))).plain).toContain('Saved ua-90-23');
    const letter = await type({ userId: 'ana', platform: 'slack' }, '/letter ua-90-23');
    // The importer reads "Public Prosecutor Mohamed Shawky Ayyad" as the title and the name (issue 27).
    expect(letter.plain).toContain('Also reach Mohamed Shawky Ayyad: fax +202 2577 4716 · Twitter: @EgyptianPPO');
    expect(letter.plain).toMatch(/Mohamed Shawky Ayyad\n\s+Public Prosecutor\n\s+Office of the Public Prosecutor/);
    expect(letter.plain).toContain('Your Excellency,');
  });
});
