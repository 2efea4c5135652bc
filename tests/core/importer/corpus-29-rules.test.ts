// The general rules behind corpus-29's wrong addresses and English misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, kindOf, page } from './helpers.js';

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

describe('contact lines under text read as no block', () => {
  it('leaves them off rather than give them to the official above', () => {
    const text = page(
      'Fax and e-mail campaign',
      '',
      'Please send a mail or fax to the listed institutions:',
      '',
      'Minister of Justice, Jane Example:',
      '',
      'justice@example.gov',
      '',
      'and the regional migration office, which holds them:',
      '',
      'migration@example.net',
      '',
      'Dear Sir or Madam,',
      '',
      'We are writing to express our deep concern about the refugees on hunger strike in the detention centre.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.find((t) => t.name === 'Jane Example')?.emails).toEqual(['justice@example.gov']);
    expect(appeal.targets.flatMap((t) => t.emails)).not.toContain('migration@example.net');
  });
});

describe('a note between an official and their contact lines', () => {
  it('keeps the contact lines with the official the note is about', () => {
    const text = page(
      'Urgent Action: Release Jane Example (Examplia: UA 99.31)',
      'Jane Example was detained on 1 May 2031 in Example City for her peaceful work as a lawyer; she is held without charge.',
      '1. Write a letter in your own words or using the sample below as a guide to one or both government officials listed.',
      'Mr Aron Sample Minister of Justice Due to postal restrictions caused by the epidemic, please only send physical mail to the Embassy Fax: +90 0312 000 00 00 Twitter: @aronsample',
      '',
      'Dear Minister,',
      'I am writing to ask you to release Jane Example now.',
      'Yours sincerely,',
    );
    expect(imported(text).appeal.targets[0]).toMatchObject({ name: 'Mr Aron Sample', fax: '+90 0312 000 00 00' });
  });
});

describe('a list of officials run into one line, each a bullet and a form of address', () => {
  const text = page(
    'Examplia',
    'Urgent Interventions',
    'Arbitrary detention of six members of an example association',
    'EXA 001 / 0430 / OBS 041',
    'The Observatory for the Protection of Human Rights Defenders requests your urgent intervention in the following situation in Examplia.',
    '· Mr. Aron Example, President of the Republic of Examplia,· Mr. Jon Sample, Prime Minister of Examplia, Email:· Mr. Ben Example, Minister of Foreign Affairs of Examplia; Fax: 99-4-100001, Email:· Mr. Tom Sample, Minister of Justice of Examplia, Fax: 99-4-100002· Mr. Dan Example, Ambassador, Embassy of Examplia in Brussels, Belgium. Fax : +32 (0)2 100 00 03; Email: - Please also write to the embassies of Examplia in your respective country. Kindly inform us of any action undertaken quoting the code of this appeal in your reply. To contact the Observatory, call the emergency line:',
    '· E-mail:· Tel and fax Observatory + 33 (0) 1 00 00 00 01',
  );

  it('reads every item as an official, with the fax under their own item only', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Mr. Aron Example', 'Mr. Jon Sample', 'Mr. Ben Example', 'Mr. Tom Sample', 'Mr. Dan Example']);
    expect(appeal.targets.map((t) => t.fax)).toEqual([undefined, undefined, '99-4-100001', '99-4-100002', '+32 (0)2 100 00 03']);
    expect(appeal.targets[0]?.title).toBe('President of the Republic of Examplia');
  });

  it('reads the Observatory\'s case code as the number, as written', () => {
    const { appeal } = imported(text);
    expect(appeal.number).toBe('EXA 001 / 0430 / OBS 041');
    expect(appeal.id).toBe('exa-001-0430-obs-041');
  });

  it('never reads a bullet of instructions as an official', () => {
    const { appeal } = imported(page(text, '· Please send your letters before the end of the month, to all of them.'));
    expect(appeal.targets.map((t) => t.name)).not.toContain('Please send your letters before the end of the month, to all of them.');
  });
});

describe('a defenders\' urgent appeal cut before its addresses', () => {
  it('imports as a draft when its "How You Can Help" lists the demands to the authorities', () => {
    const text = page(
      'The Observatory has been informed by reliable sources about the arbitrary detention of Ms. Jane Example, a human rights defender.',
      'According to the information received, on November 15, 2030, security officers took Ms. Example to an interrogation room at the airport.',
      'How You Can Help',
      'i. Guarantee, in all circumstances, the physical integrity and psychological well-being of Ms. Jane Example.',
      'ii. Release Ms. Example immediately and unconditionally as her detention is arbitrary.',
    );
    const { appeal, warnings } = imported(text);
    expect(appeal.draft).toBe(true);
    expect(appeal.targets).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('unsure_appeal');
  });

  it('still refuses a page whose "How you can help" asks for donations', () => {
    const text = page(
      'Our shelter has been informed that the river flooded the old town again this week.',
      'According to the information received, many families lost their homes and belongings.',
      'How You Can Help',
      '1. Donate blankets and warm clothes at the town hall.',
      '2. Volunteer at the shelter on weekends.',
    );
    expect(importUrgentAction(text).ok).toBe(false);
  });
});

describe('a success story of an action that was never issued', () => {
  it('is good news, not a live appeal', () => {
    const text = page(
      'The Threat of an Urgent Action',
      '',
      'This message is from a member of the Urgent Action team:',
      '',
      '"I wanted to share the success story of an Urgent Action that was drafted today but was not issued. The team sent us a draft about a prisoner, Jon Example, held in a punishment cell. Just as we were about to send it out, we heard that he had been moved back to the hospital wing.',
      '',
      '"The team told us that they felt the Urgent Action may have been a factor in his release, as they had telephoned the facility to check the fax numbers we were including."',
    );
    expect(kindOf(text)).toBe('good-news');
  });
});

describe('a sample letter greeting a name written with initials', () => {
  it('keeps "Dear Mr. A.B.C. Example," as the salutation', () => {
    const text = page(
      'Urgent Action',
      '1. Please take action as soon as possible. This Urgent Action expires on January 3, 2030.',
      'Director of Example Investigation Division Mr. A.B.C. Example No. 12, Example Capital Building, Example Road, Example City 05 Examplia Fax: +99 11 1000000',
      'SAMPLE LETTER Dear Mr. A.B.C. Example, I am deeply concerned about the detention of two student leaders without charge. I urge you to release them. Yours sincerely, [your name]',
    );
    expect(imported(text).appeal.letter.salutation).toBe('Dear Mr. A.B.C. Example,');
  });
});
