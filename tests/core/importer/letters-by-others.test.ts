// Letters written and sent by others (a lawyer's, a senator's, an NGO's, one member's own) are refused; model letters the
// reader is asked to send import. Rules of how such pages are written, on texts written for the test (issue 27).
import { describe, expect, it } from 'vitest';
import { imported, kindOf, page, refusedReason } from './helpers.js';

const ADDRESSEE = ['His Excellency Joe Example', 'President of the Republic of Examplia', 'Presidential Palace', 'Exampleville'];
const LETTER_BODY = [
  'I am deeply concerned about the detention of the journalist Jane Sample, held without charge since 3 March 2031.',
  'I urge you to release her immediately and unconditionally, and to ensure that she is not tortured in custody.',
];

describe('a letter its writer already sent, with nothing asking the reader to send it, is refused', () => {
  it.each([
    ['a news item says its writer has written to the President', ['Ann Lawyer, a human rights lawyer, has written to President Joe Example about the raid on a newspaper.', 'Read the petition below.', '']],
    ['a blog post gives the text of a letter handed in by protesters', ['Protesters gathered outside the ministry on Saturday.', 'Below is the text of a letter which was handed in by the protesters.', '']],
    ['a page says the letter was delivered', ['A coalition of groups marked the anniversary outside the embassy. The letter was delivered to the embassy on 7 March 2031.', '']],
    ['the letter itself is quoted after "The letter reads:"', ['The group sent its concerns to the President last week. The letter reads:', '']],
  ])('%s', (_why, frame) => {
    expect(refusedReason(page(...frame, ...ADDRESSEE, '', 'Your Excellency,', ...LETTER_BODY, 'Yours sincerely,'))).toBe('import_not_an_appeal');
  });

  it('the letter names its own writer ("I am writing as Jane Example, a ...")', () => {
    const text = page(...ADDRESSEE, '', 'Dear President Example,', 'I am writing as William Writer, a freelance journalist who has followed her work for years.', ...LETTER_BODY);
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it.each([
    ['on behalf of a committee', 'I write to you on behalf of the Committee on Academic Freedom of the Example Studies Association to express our concern.'],
    ['on behalf of the members of a centre', 'On behalf of the 2,000 members of Example Writers Center, we are writing to express our disappointment.'],
  ])('the letter says which organisation it writes for (%s)', (_why, opening) => {
    expect(refusedReason(page(...ADDRESSEE, '', 'Your Excellency,', opening, ...LETTER_BODY))).toBe('import_not_an_appeal');
  });

  it('a blog of letters its writer sent to politicians', () => {
    const text = page('To look at letters (and some replies) sent to politicians, scroll down the index on the right.', '', '27 June 2031', 'Dear Joe Example,', ...LETTER_BODY, 'Yours sincerely,');
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('a model letter written on behalf of the person at risk still imports when nothing else tells who sent it', () => {
    expect(refusedReason(page(...ADDRESSEE, '', 'Your Excellency,', 'I am writing on behalf of Jane Sample, a journalist held since March 2031.', ...LETTER_BODY))).toBeUndefined();
  });

  it('an organisation speaks of itself in the third person, as in its own letters', () => {
    const text = page(
      'President Joe Example',
      'FAX: +999 1 234 5678',
      'Dear Mr. Example:',
      'The Example League for Human Rights, an international non-governmental organization, expresses its deep concern about the arrest of peaceful protesters.',
      'The League calls on you to release every protester held for taking part in the demonstration.',
      'Thank you for your attention.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it("an organisation's letterhead with its registration number, and a request for a meeting", () => {
    const text = page('EXAMPLE RIGHTS SOCIETY ABN 12 345 678 901 T: 01 2345 E: info@rights.example', 'Hon. Joe Example MP', 'Minister for Immigration', '', 'Dear Minister Example', 'I write to you today to request a meeting with you in the new year to discuss people held in detention.');
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it.each([
    ['a senator signs with their office', ['Yours sincerely', 'Gary Signer', 'Senator for Exampleshire', 'April 2031']],
    ['a member of parliament signs with the letters after the name', ['Yours faithfully,', 'Gary Signer MP']],
    ['one member signs the closing with their own name', ['Sincerely, Gary Signer']],
    ['a name and an organisation on one line', ['Yours sincerely,', 'Gary Signer, Example Human Rights Society']],
  ])('%s', (_why, signature) => {
    expect(refusedReason(page(...ADDRESSEE, '', 'Dear President,', ...LETTER_BODY, ...signature))).toBe('import_not_an_appeal');
  });
});

describe('a model letter the reader is asked to send still imports, whoever signed the sample', () => {
  it.each([
    ['send this letter', 'Please send this letter to the President before 1 June 2031:'],
    ['copy and paste', 'Copy and paste the letter below into an e-mail:'],
    ['use the letter below', 'Use the letter below:'],
    ['a sample letter', 'Sample letter'],
    ['write to', 'Write to the President and ask for her release:'],
    ['Musterbrief', 'Musterbrief (bitte an den Präsidenten schicken):'],
    ['lettre type', 'Lettre type à envoyer au Président :'],
    ['voorbeeldbrief', 'Voorbeeldbrief aan de President:'],
  ])('%s', (_why, request) => {
    expect(kindOf(page(request, '', ...ADDRESSEE, '', 'Dear President,', ...LETTER_BODY, 'Sincerely, Gary Signer'))).toBe('appeal');
  });

  it('a French model letter with the sender\'s fields to fill in ("Nom : ………") and a prosecutor\'s office under his title', () => {
    const text = page(
      'Nom : ………………………',
      'Prénom : ……………………',
      'Adresse : ……………………',
      'Monsieur le Procureur de la République',
      'Parquet d’Exempleville',
      '1 place du Palais de Justice',
      '99 000 EXEMPLEVILLE parquet@justice.example',
      'Monsieur le Procureur,',
      'Nous sommes choqués que Madame Jane Exemple soit poursuivie pour avoir aidé un mineur isolé.',
      'Nous vous demandons instamment de mettre un terme à ces poursuites.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([['Monsieur le Procureur de la République', ['parquet@justice.example']]]);
  });

  it('a page address hidden as "[email protected]" or a bracketed date is no blank for the reader to fill', () => {
    const frame = ['[17 March 2031] Text of the letter to the President from a coalition of groups. E: [email protected]', ''];
    expect(refusedReason(page(...frame, ...ADDRESSEE, '', 'Your Excellency,', ...LETTER_BODY))).toBe('import_not_an_appeal');
  });
});

describe('a closing that goes on in lower case names no writer', () => {
  it('"Yours sincerely and respectfully" under a letter nobody is asked to send is a draft to check, not refused', () => {
    const text = page(...ADDRESSEE, '', 'Dear President,', ...LETTER_BODY, 'Yours sincerely and respectfully');
    expect(refusedReason(text)).toBeUndefined();
  });
});
