import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appealSchema, missingToSave } from '../../../src/core/appeal.js';
import { importUrgentAction, type ImportResult } from '../../../src/core/importer/index.js';
import { fixture } from './helpers.js';

import { PATHOLOGICAL } from '../../../bench/importer-inputs.js';

const FIVE_MB = 5 * 1024 * 1024;

function refusal(result: ImportResult): string {
  return result.ok ? 'accepted' : result.reason;
}

/** A refusal is one sentence: a capital, one full stop at the end. */
function expectOneSentence(result: ImportResult): void {
  if (result.ok) return;
  expect(result.message).toMatch(/^[A-Z][^\n]*\.$/);
}

describe('input that is not an appeal', () => {
  it.each([
    ['empty', '', 'import_empty'],
    ['whitespace', ' \n\t\n ', 'import_empty'],
    ['binary', 'PK\u0003\u0004\u0000\u0000\u0014\u0000 some zip', 'import_binary'],
    ['unrelated prose', 'The weather in Lisbon was mild this spring.\nWe went to the beach twice.', 'import_not_an_appeal'],
    ['a note to friends', 'Dear friends,\nThanks for the lovely dinner.\nSee you soon,\nBob', 'import_not_an_appeal'],
  ])('refuses %s with one clear sentence', (_name, text, reason) => {
    const result = importUrgentAction(text);
    expect(refusal(result)).toBe(reason);
    expectOneSentence(result);
  });

  it('refuses text over 5 MB before reading it', () => {
    const result = importUrgentAction('a'.repeat(FIVE_MB + 1));
    expect(refusal(result)).toBe('import_too_large');
  });

  it('imports an appeal with no letter and no points as a draft that cannot be saved yet', () => {
    const result = importUrgentAction('URGENT ACTION\nUA 12/24\nFREE THE PRISONER NOW\nSomeone is held.\n');
    if (!result.ok) expect.fail(result.message);
    expect(result.appeal.draft).toBe(true);
    expect(result.appeal.letter.composed).toBe('summary');
    expect(missingToSave(result.appeal)).toEqual(['deadline', 'letter', 'target']);
    expect(result.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['no_letter', 'no_target', 'no_deadline']));
  });

  it('imports a letter with nobody to send it to as a draft that says so', () => {
    const result = importUrgentAction('URGENT ACTION\nUA 12/24\nFREE THE PRISONER NOW\nURGENT ACTION LETTER:\nI urge you to free them.\nYours sincerely,\n');
    if (!result.ok) expect.fail(result.message);
    expect(result.appeal.targets).toEqual([]);
    expect(result.appeal.letter.paragraphs).toEqual(['I urge you to free them.']);
    expect(result.warnings.map((w) => w.code)).toContain('no_target');
  });

  it('never takes the salutation word for the official when a partial text has no contact details', () => {
    const result = importUrgentAction('URGENT ACTION\nUA 12/24\nFREE THE PRISONER NOW\nDear Minister,\nI urge you to free them.\n');
    if (!result.ok) expect.fail(result.message);
    expect(result.appeal.targets).toEqual([]);
    expect(result.appeal.letter.salutation).toBe('Dear Minister,');
    expect(result.warnings.map((w) => w.code)).toContain('no_target');
  });
});

/**
 * How much longer the whole text takes than a tenth of it (the tenth timed best of three, so that a busy
 * machine makes the ratio smaller, not larger). Linear work gives about 10; a pattern that backtracks on some input gives 100 or more. Absolute
 * speed is a benchmark's business, not a unit test's.
 */
function growth(sized: (tenths: number) => string): { ratio: number; result: ReturnType<typeof importUrgentAction> } {
  const time = (text: string) => {
    const started = performance.now();
    const result = importUrgentAction(text);
    return { ms: performance.now() - started, result };
  };
  const small = sized(1);
  const smallest = Math.min(time(small).ms, time(small).ms, time(small).ms);
  const whole = time(sized(10));
  return { ratio: whole.ms / Math.max(smallest, 0.5), result: whole.result };
}
const GROWTH_BOUND = 40;

describe('damaged and pasted text', () => {
  it('strips control characters and still reads the seed', () => {
    const noisy = fixture('ua-34-25.txt').replace(/ /g, (s, i: number) => (i % 97 === 0 ? `\u0007${s}\u200b` : s)).replace(/\n/g, '\r\n');
    const result = importUrgentAction(noisy);
    expect(result.ok && result.appeal.id).toBe('ua-34-25');
    const json = result.ok ? JSON.stringify(result.appeal) : '';
    for (const invisible of ['\u0007', '\u200b', '\r']) expect(json.includes(invisible)).toBe(false);
    expect(result.ok && result.appeal.letter.paragraphs).toHaveLength(4);
  });

  it('reads 5 MB of repeated appeals in time that grows linearly with the text', () => {
    const seed = fixture('ua-34-25.txt');
    const times = Math.floor((FIVE_MB - 10) / Buffer.byteLength(seed));
    const { ratio, result } = growth((n) => seed.repeat(Math.max(1, Math.floor((times * n) / 10))));
    expect(ratio).toBeLessThan(GROWTH_BOUND);
    expect(result.ok && appealSchema.safeParse(result.appeal).success).toBe(true);
  });

  // The same inputs as bench/importer.ts, which compares their speed to real text's.
  it.each(PATHOLOGICAL)('handles 5 MB of %s in time that grows linearly with the text', (_name, text) => {
    const { ratio, result } = growth((n) => text.slice(0, Math.floor((text.length * n) / 10)));
    expect(ratio).toBeLessThan(GROWTH_BOUND);
    expect(typeof result.ok).toBe('boolean');
  });
});

const fragments = [
  'URGENT ACTION', 'TAKE ACTION:', 'ADDITIONAL INFORMATION', 'PREFERRED LANGUAGE TO ADDRESS TARGET: ', 'UA 34.25', 'AU 72/24',
  'PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: ', 'July 1, 2025', '1er juillet 2025', 'Dear Minister,', 'Estimado Sr. Ministro:',
  'Yours sincerely,', 'Veuillez agréer', 'Email: a@b.org, c@d.org', '[email protected]', 'Salutation: Dear Sir', 'COPIES TO:',
  'Twitter: @x', '<p>', '&amp;', '&#0;', '&#x110000;', '\n', '\n\n', ' ', '·', '1', 'URGENT ACTION TITLE: ', 'THIRD UA 60/16',
  'NAME AND PRONOUN: ', 'ACCIÓN URGENTE', 'LANGUE À PRIVILÉGIER : ', '30 February 2025', 'Further information on UA: 53/14 ',
];

describe('never throws', () => {
  const check = (text: string): void => {
    const result = importUrgentAction(text);
    if (result.ok) expect(appealSchema.safeParse(result.appeal).success).toBe(true);
    else expect(result.message.length).toBeGreaterThan(0);
  };

  it('on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), check), { numRuns: 200 });
  });

  it('on any Unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), check), { numRuns: 200 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), check), { numRuns: 200 });
  });

  it('on strings made of heading fragments and noise', () => {
    const piece = fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => check(pieces.join(''))), { numRuns: 300 });
  });

  it('on the seed with random damage', () => {
    const seed = fixture('ua-34-25.txt');
    fc.assert(
      fc.property(fc.nat(seed.length), fc.nat(seed.length), fc.string({ maxLength: 40 }), (a, b, noise) => {
        check(seed.slice(0, Math.min(a, b)) + noise + seed.slice(Math.max(a, b)));
      }),
      { numRuns: 200 },
    );
  });
});
