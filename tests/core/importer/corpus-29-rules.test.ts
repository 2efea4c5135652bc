// The general rules behind corpus-29's wrong addresses and English misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { imported, page } from './helpers.js';

describe('captions ended by a colon over each official\'s contact lines', () => {
  const text = page(
    'Fax and e-mail campaign',
    '',
    'If you want to show your solidarity with the detained, please send a mail or fax to the listed institutions:',
    '',
    'Minister of Interior of Examplia, Aron Example:',
    '',
    'minister@interior.example.gov or press@interior.example.gov, FAX: +99 44 100-00-01',
    '',
    'Regional Department of Minister of Interior:',
    '',
    'region@interior.example.net',
    '',
    'Head of Parliamentary Human Rights Committee:',
    '',
    'J.Sample, sample@parliament.example.gov, FAX: +99 44 100-00-02',
    '',
    'Commissioner of the Supreme Court on Human Rights:',
    '',
    'ombudsman@example.gov',
    '',
    'Minister of Justice, Jane Example:',
    '',
    'justice@example.gov, Fax: +99 44 100-00-03',
    '',
    'Proposal:',
    '',
    'Dear Sir or Madam,',
    '',
    'We are writing to express our deep concern about the refugees on hunger strike in the detention centre.',
  );

  it('gives each official the e-mails under their own caption, and none of another\'s', () => {
    const { appeal } = imported(text);
    const emailsOf = (name: string): string[] | undefined => appeal.targets.find((t) => t.name === name)?.emails;
    expect(emailsOf('Aron Example')).toEqual(['minister@interior.example.gov', 'press@interior.example.gov']);
    expect(emailsOf('Regional Department of Minister of Interior')).toEqual(['region@interior.example.net']);
    expect(emailsOf('J.Sample')).toEqual(['sample@parliament.example.gov']);
    expect(emailsOf('Commissioner of the Supreme Court on Human Rights')).toEqual(['ombudsman@example.gov']);
    expect(emailsOf('Jane Example')).toEqual(['justice@example.gov']);
  });

  it('reads "Office, Name" as the person with the office as their title', () => {
    const { appeal } = imported(text);
    const justice = appeal.targets.find((t) => t.name === 'Jane Example');
    expect(justice?.title).toBe('Minister of Justice');
    expect(appeal.targets.find((t) => t.name === 'Aron Example')?.title).toBe('Minister of Interior of Examplia');
  });

  it('never takes a request ended by a colon for an official', () => {
    const request = page(
      'Fax and e-mail campaign',
      '',
      'Send your letters to the Minister of Justice:',
      '',
      'justice@example.gov',
      '',
      'Dear Minister,',
      '',
      'We are writing to express our deep concern about the refugees on hunger strike in the detention centre.',
    );
    const { appeal } = imported(request);
    expect(appeal.targets.map((t) => t.name)).not.toContain('Send your letters to the Minister of Justice');
  });
});

describe('a one-line block with the office first and a form of address before the name', () => {
  const text = page(
    'Urgent Action',
    '',
    '1. Please take action as soon as possible. This Urgent Action expires on January 3, 2030.',
    '2. Write a letter in your own words or using the sample below as a guide to one or both government officials listed.',
    'Director of Example Investigation Division Mr. A.B.C. Example No. 12, Example Capital Building, Example Road, Example City 05 Examplia Fax: +99 11 1000000 Email: [email protected]',
    'Ambassador Jane Sample Embassy of Examplia 3025 Example Street NW Washington, DC 20008 Phone: 202 555 0100 Salutation: Dear Ambassador',
    'SAMPLE LETTER Dear Mr. A.B.C. Example, I am deeply concerned about the detention of two student leaders without charge.',
  );

  it('makes the person the official, the office their title and the street their address', () => {
    const { appeal } = imported(text);
    const director = appeal.targets[0];
    expect(director?.name).toBe('Mr. A.B.C. Example');
    expect(director?.title).toBe('Director of Example Investigation Division');
    expect(director?.address).toEqual(['No. 12, Example Capital Building, Example Road, Example City 05 Examplia']);
    expect(appeal.targets.map((t) => t.name)).not.toContain('Director of Example Investigation Division');
  });
});
