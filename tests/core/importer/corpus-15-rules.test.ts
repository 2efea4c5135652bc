// The general rules behind corpus-15's English and French failures (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { imported, page } from './helpers.js';

const story = 'Jane Example has been held without charge since March 2031 and her family has not been allowed to see her.';
const parliament = ['PO Box 1234', 'House of Assembly', 'Parliament House', 'Exampleton EX 2600'];

describe('a letter kit lists officials as numbered items, each over the same postal block, with no blank lines', () => {
  const text = page(
    story,
    'You',
    'can write to:',
    '1. The Hon Anna Sample,',
    'Minister for Home Affairs.',
    ...parliament,
    '2. Mr Ben Other, Minister for Immigration, Citizenship and Settlement',
    ...parliament,
    '3. Carl Third, MP, Member for Riverside',
    ...parliament,
    'And remember',
    'to send a copy to your own MP',
    'Your local MP, either',
    'Prime Minister',
    ...parliament,
    '',
    'Dear Minister Sample',
    'I appeal to you to release Jane Example from detention now.',
  );

  it('reads each named person as an official with the block under their own item, never the office line', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.filter((t) => !t.copy).map((t) => [t.name, t.address?.slice(-4)])).toEqual([
      ['The Hon Anna Sample', parliament],
      ['Mr Ben Other', parliament],
      ['Carl Third', parliament],
    ]);
    expect(appeal.targets.map((t) => t.name)).not.toContain('Minister for Home Affairs.');
  });
});

describe('an e-mail written so that harvesters miss it is read as the address it means', () => {
  for (const written of ['info[at]pmoffice.example.gov', 'info (at) pmoffice.example.gov', 'info at pmoffice.example.gov']) {
    it(`reads "E-mail: ${written}"`, () => {
      const text = page(story, '', 'Right Hon. Prime Minister Dana Example', 'Office of the Prime Minister', 'Example Palace', 'Exampleton', 'EXAMPLELAND', 'FAX: + 977 1 4211 000', `E-mail: ${written}`, '', 'Your Excellency,', 'I urge you to release Jane Example.', 'Yours sincerely,');
      const [target] = imported(text).appeal.targets;
      expect([target?.name, target?.title, target?.emails]).toEqual(['Dana Example', 'Prime Minister', ['info@pmoffice.example.gov']]);
    });
  }

  it('never reads a bare " at " in prose as an address', () => {
    const text = page(story, '', 'We met the minister at example.org last week and will meet her again.', '', 'Dear Minister,', 'Please release Jane Example.', 'Yours sincerely,');
    expect(imported(text).appeal.targets.flatMap((t) => t.emails ?? [])).toEqual([]);
  });
});

describe('officials under "Send your letter to:", each with an e-mail on their own line', () => {
  const letter = (copied: string): string =>
    page(
      'Dear Ms Sample',
      `I write every week about refugees held offshore.${copied}`,
      'Please release Jane Example.',
      'Yours sincerely,',
      '',
      'Send your letter to:',
      'Ms Anna Sample: anna.sample.mp@parl.example.gov (Minister for Home Affairs).',
      'Mr Ben Other: ben.other.mp@parl.example.gov (The Immigration Minister).',
    );

  it('gives each e-mail to the person on its line, never the next person\'s to the first', () => {
    const { appeal } = imported(letter(''));
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([
      ['Ms Anna Sample', ['anna.sample.mp@parl.example.gov']],
      ['Mr Ben Other', ['ben.other.mp@parl.example.gov']],
    ]);
  });

  it('makes the officials the letter does not greet copies when the letter says it is copied to others', () => {
    const { appeal } = imported(letter(' We are copying this letter to the Immigration Minister.'));
    expect(appeal.targets.map((t) => [t.name, t.copy])).toEqual([
      ['Ms Anna Sample', false],
      ['Mr Ben Other', true],
    ]);
  });
});

it('reads "the letter is addressed to <office>: <e-mail>" above "Dear Ms X" as that person in that office', () => {
  const text = page(
    'This week’s letter is addressed to the new minister for Home Affairs: anna.sample.mp@parl.example.gov',
    '',
    'Dear Ms Sample',
    '',
    'We urge you to release Jane Example, who has been held for four years without charge.',
    '',
    'Yours sincerely,',
  );
  const [target] = imported(text).appeal.targets;
  expect([target?.name, target?.title, target?.emails]).toEqual(['Ms Sample', 'Minister for Home Affairs', ['anna.sample.mp@parl.example.gov']]);
});
