import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appealSchema } from '../../../src/core/appeal.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { fixture, imported } from './helpers.js';

// A copy of ../shared/seed/ua-34-25.txt, so the test does not depend on files outside the repository.
const seedText = fixture('ua-34-25.txt');
const expected = appealSchema.parse(JSON.parse(readFileSync(new URL('../../../appeals/ua-34-25.json', import.meta.url), 'utf8')));

describe('the bundled seed, UA 34.25', () => {
  const { appeal, warnings } = imported(seedText);

  it('equals the hand-made appeal except for its source', () => {
    const { source: _ignored, ...rest } = expected;
    const { source: _none, ...got } = appeal;
    expect(got).toEqual(rest);
  });

  it('reads every field the way the hand-made file has it', () => {
    expect(appeal.id).toBe('ua-34-25');
    expect(appeal.reference).toBe('UA 34.25');
    expect(appeal.number).toBe('34.25');
    expect(appeal.title).toBe('Stop illegal expulsions to El Salvador');
    expect(appeal.summary).toBe(expected.summary);
    expect(appeal.concerning).toBe('Migrants and people seeking safety (all pronouns)');
    expect(appeal.targets).toHaveLength(1);
    const [target] = appeal.targets;
    expect(target?.name).toBe('The Honorable Kristi Noem');
    expect(target?.title).toBe('Secretary of Homeland Security');
    expect(target?.organisation).toBe('U.S. Department of Homeland Security');
    expect(target?.address).toEqual(['2707 Martin Luther King Jr. Avenue, SE', 'Washington, DC 20528', 'USA']);
    expect(target?.country).toBe('USA');
    expect(target?.emails).toEqual(['dhssecretary@hq.dhs.gov']);
    expect(target?.copy).toBe(false);
    expect(appeal.letter.salutation).toBe('Dear Secretary Noem,');
    expect(appeal.letter.paragraphs).toEqual(expected.letter.paragraphs);
    expect(appeal.letter.paragraphs).toHaveLength(4);
    expect(appeal.letter.closing).toBe('Yours sincerely,');
    expect(appeal.letter.subject).toBe('UA 34.25: Stop illegal expulsions to El Salvador');
    expect(appeal.letter.lang).toBe('en');
    expect(appeal.deadline).toBe('2025-07-01');
    expect(appeal.preferredLanguages).toEqual(['English']);
    expect(appeal.background).toEqual(expected.background);
    expect(appeal.background).toHaveLength(5);
    expect(appeal.draft).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('stores the source it is given', () => {
    const result = importUrgentAction(seedText, { source: 'Amnesty International USA, Urgent Action UA 34.25' });
    expect(result.ok && result.appeal.source).toBe('Amnesty International USA, Urgent Action UA 34.25');
  });
});

describe('the Honduras UA 60/16 (labelled layout, pdftotext)', () => {
  const text = fixture('honduras-ua-60-16-2017.txt');
  const { appeal, warnings } = imported(text);

  it('reads the labelled number, title, deadline and language', () => {
    expect(appeal.reference).toBe('UA 60/16');
    expect(appeal.number).toBe('60/16');
    expect(appeal.id).toBe('ua-60-16');
    expect(appeal.title).toBe('Honduras: Armed attack against members of COPINH');
    expect(appeal.deadline).toBe('2017-08-16');
    expect(appeal.preferredLanguages).toEqual(['Spanish']);
    expect(appeal.summary).toMatch(/^On 30 June unknown assailants .* remains at risk\.$/);
  });

  it('reads the one target with both addresses and its own salutation', () => {
    expect(appeal.targets).toHaveLength(1);
    const [target] = appeal.targets;
    expect(target?.name).toBe('General de División Julián Pacheco');
    expect(target?.title).toBe('Minister of Security');
    expect(target?.emails).toEqual(['comunicacionCNDS@gmail.com', 'sprudott@yahoo.com']);
    expect(target?.salutation).toBe('Dear Minister/Estimado Señor Secretario de Seguridad');
    expect(target?.country).toBe('Honduras');
  });

  it('joins the hard-wrapped letter into its five paragraphs', () => {
    expect(appeal.letter.salutation).toBe('Dear Minister,');
    expect(appeal.letter.closing).toBe('Yours sincerely,');
    expect(appeal.letter.paragraphs.map((p) => p.split(' ').slice(0, 3).join(' '))).toEqual([
      'I am concerned',
      'On 30 June,',
      'Sotero Chavarría Fúnez',
      'It is clear',
      'I urge you',
    ]);
    expect(appeal.letter.paragraphs[0]).toContain('Civic Council of Popular and Indigenous');
  });

  it('keeps the background and drops the page numbers and drafting notes', () => {
    expect(appeal.background.length).toBeGreaterThanOrEqual(4);
    expect(appeal.background[0]).toMatch(/^Members of COPINH/);
    const everything = JSON.stringify(appeal);
    expect(everything).not.toMatch(/Sections to add/);
    expect(everything).not.toMatch(/"(?:1|2)"/);
    for (const paragraph of [...appeal.background, ...appeal.letter.paragraphs]) expect(paragraph).not.toMatch(/\s[12]$|^[12]\s/);
    expect(appeal.draft).toBe(false);
    expect(warnings).toEqual([]);
  });
});
