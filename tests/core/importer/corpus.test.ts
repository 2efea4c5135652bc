import { describe, expect, it } from 'vitest';
import { corpusTexts, scoreCorpus, scoreText } from './corpus-score.js';

/** The bar issue 15 sets: at least this share of the hand-labelled fields right over the real corpus. */
const BAR = 0.9;

describe('the real Urgent Action corpus', () => {
  const report = scoreCorpus();

  it('holds at least 25 labelled texts', () => {
    expect(corpusTexts().length).toBeGreaterThanOrEqual(25);
  });

  it('imports every text, as a draft at least', () => {
    expect(report.refused).toEqual([]);
  });

  it(`gets at least ${BAR * 100}% of the expected fields right`, () => {
    const share = report.right / report.fields;
    const misses = report.wrong.map(({ name, check }) => `${name}: ${check.field} expected "${check.expected}", got "${check.got}"`);
    console.info(`corpus accuracy: ${report.right}/${report.fields} = ${(share * 100).toFixed(1)}% over ${report.texts} texts`);
    expect(share, misses.join('\n')).toBeGreaterThanOrEqual(BAR);
  });
});

describe('the corpus score', () => {
  const expected = { source: 's', published: '2020', language: 'en' as const, number: '132/19', deadline: null, targets: [{ name: 'Hamada al-Sawi', emails: [] }], salutation: 'Dear Counselor,' };

  it('counts a refusal as every field wrong', () => {
    const checks = scoreText(expected, { refused: 'import_not_an_appeal' });
    expect(checks.map((c) => c.field)).toEqual(['number', 'deadline', 'target name', 'target emails', 'salutation']);
    expect(checks.filter((c) => c.right)).toEqual([]);
  });
});
