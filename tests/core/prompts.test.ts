import { describe, expect, it } from 'vitest';
import { appealSchema } from '../../src/core/appeal.js';
import { translator } from '../../src/core/i18n/index.js';
import { renderLetter } from '../../src/core/letter.js';
import { composeOwnWords, promptsFor } from '../../src/core/prompts.js';
import { bilingualInput } from './kit/fixtures.js';

const appeal = appealSchema.parse(bilingualInput);
const en = promptsFor(appeal, 'en', translator('en'));
const now = new Date('2026-12-10T18:00:00Z');

describe('prompts to make a letter one\'s own', () => {
  it('offers why I care, who I am and a question, in English and Spanish', () => {
    expect(en).toEqual([
      { kind: 'why', label: 'Why I care', start: 'This matters to me because' },
      { kind: 'who', label: 'Who I am', start: 'I am' },
      { kind: 'question', label: 'A question to the official', start: 'I would like to ask you:' },
    ]);
    expect(promptsFor(appeal, 'es', translator('es')).map((p) => p.label)).toEqual(['Por qué me importa', 'Quién soy', 'Una pregunta a la autoridad']);
  });

  it("uses an appeal's own prompt in its language, and the defaults for the rest", () => {
    const own = appealSchema.parse({ ...bilingualInput, prompts: [{ kind: 'who', lang: 'es', label: 'Quién eres', start: 'Como estudiante, yo' }] });
    expect(promptsFor(own, 'es', translator('es'))[1]).toEqual({ kind: 'who', label: 'Quién eres', start: 'Como estudiante, yo' });
    expect(promptsFor(own, 'en', translator('en'))).toEqual(en);
    expect(appealSchema.safeParse({ ...bilingualInput, prompts: [{ kind: 'why', label: 'x'.repeat(46) }] }).success).toBe(false);
  });

  it('composes completed sentences, leaves a start left as offered, and cleans what it takes', () => {
    expect(composeOwnWords({ why: 'This matters to me because ', who: 'I am ' }, en)).toBeUndefined();
    expect(composeOwnWords({}, en)).toBeUndefined();
    const words = composeOwnWords({ who: 'I am a nurse in Lyon', why: 'This matters to me because my \u202Egrandmother\u202C\nfled too', question: 'I would like to ask you: when will Majo be free', mine: '  Please act now!  ' }, en);
    expect(words).toEqual({ opening: 'I am a nurse in Lyon. This matters to me because my grandmother fled too. Please act now!', closing: 'I would like to ask you: when will Majo be free?' });
  });

  it('puts them into the letter around the sample, which stays whole', () => {
    const own = composeOwnWords({ who: 'I am a nurse in Lyon', question: 'I would like to ask you: when will Majo be free' }, en)!;
    const plain = renderLetter(appeal, { now, timezone: 'UTC' });
    const mine = renderLetter(appeal, { now, timezone: 'UTC', own });
    expect(mine.paragraphs).toEqual([plain.paragraphs[0], 'I am a nurse in Lyon.', ...plain.paragraphs.slice(1), 'I would like to ask you: when will Majo be free?']);
    expect(mine.text).toContain('I am a nurse in Lyon.');
    expect(mine.emailBody).toContain('I would like to ask you: when will Majo be free?');
    // With the opening line, the member's words still follow the sample's first paragraph.
    const opened = renderLetter(appeal, { now, timezone: 'UTC', own, sender: { town: 'Lyon', opening: true } });
    expect(opened.paragraphs.slice(0, 3)).toEqual(['I am writing to you from Lyon.', plain.paragraphs[0], 'I am a nurse in Lyon.']);
  });
});
