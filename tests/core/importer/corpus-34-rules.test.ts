// The general rules behind corpus-34's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isSignerName, letterSigner } from '../../../src/core/importer/letter-signer.js';
import type { Section } from '../../../src/core/importer/sections.js';
import { imported, page } from './helpers.js';

const supportLetter = (closing: string): string =>
  page(
    'A reader\'s blog',
    '',
    'Aron Example is on trial for a peaceful protest. He asked for letters of support to the judge. Here is mine:',
    '',
    'Honorable District Judge Jane Example',
    '12 Court Street',
    'Example City EX 10001',
    '',
    'Paul Writer',
    '45 Elm Road',
    'Othertown, EX 20002-1234',
    '',
    'Re: Case 11-222',
    '',
    'Dear Judge Example,',
    '',
    'I am writing in support of Aron Example, who is tried in your court for a peaceful protest. I urge you to treat him fairly and to release him without penalty.',
    '',
    closing,
    '',
    'Paul Q. Writer',
  );

describe("a letter's writer, whose own block stands beside the addressee's, is never the official", () => {
  it('reads the name under the closing as the signer, initials aside', () => {
    const found = { section: 0, start: 0, end: 3, paragraphs: ['I urge you to act.', 'Very truly yours,', 'Paul Q. Writer'], lang: 'en' as const };
    expect(letterSigner([], found)).toBe('Paul Q. Writer');
    expect(isSignerName('Paul Writer', 'Paul Q. Writer')).toBe(true);
    expect(isSignerName('Jane Example', 'Paul Q. Writer')).toBe(false);
    // Only a whole name matches: a shared surname is another person.
    expect(isSignerName('Anna Writer', 'Paul Writer')).toBe(false);
    expect(isSignerName('Writer', 'Paul Writer')).toBe(false);
    // On a page of model letters the next addressee's block follows a closing: no signature.
    const sections: Section[] = [{ kind: 'letter', heading: '', rest: '', lines: ['I urge you to act.', 'Yours sincerely,', '', 'President Jane Example', 'Office of the President', ''] }];
    const modelPage = { section: 0, start: 0, end: 1, closing: 'Yours sincerely,', paragraphs: ['I urge you to act.'], lang: 'en' as const };
    expect(letterSigner(sections, modelPage)).toBeUndefined();
    const signed = { ...sections[0]!, lines: ['I urge you to act.', 'Yours sincerely,', '', 'Paul Writer', ''] };
    expect(letterSigner([signed], modelPage)).toBe('Paul Writer');
  });

  for (const closing of ['Very truly yours,', 'Sincerely,', 'Yours faithfully,']) {
    it(`gives the judge the letter greets her own address and the writer's to nobody ("${closing}")`, () => {
      const { appeal } = imported(supportLetter(closing));
      expect(appeal.targets.map((t) => t.name)).not.toContain('Paul Writer');
      const addresses = appeal.targets.flatMap((t) => t.address ?? []);
      expect(addresses).not.toContain('45 Elm Road');
      expect(addresses.join(' ')).not.toContain('Othertown');
      for (const target of appeal.targets) expect(target.name).toBe('Jane Example');
    });
  }

  it('keeps an official whose name is not the signer\'s, above a letter signed by someone else', () => {
    const text = page(
      'Write to the judge',
      '',
      'Honorable District Judge Jane Example',
      '12 Court Street',
      'Example City EX 10001',
      '',
      'Dear Judge Example,',
      '',
      'I urge you to release Aron Example without penalty for his peaceful protest.',
      '',
      'Sincerely,',
      '',
      'Paul Writer',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Jane Example']);
    expect(appeal.targets[0]?.address).toEqual(['12 Court Street', 'Example City EX 10001']);
  });
});
