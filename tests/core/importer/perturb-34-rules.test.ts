// The rules made for corpora 33 and 34 hold under the rewrites of perturb.ts that broke them: a block's blank lines
// removed (the writer's block runs on under the addressee's, a model letter's caption over its block), a short page
// double-spaced, "Mail:" or "E-Mail-Adresse:" for "email:" inside prose, and a list's number before a postal block or a
// call-in's heading; and (a corpus-2 case) "Mail:" before an old list's mailto link. Each reads as the text written
// without the rewrite, on texts written for the test.
import { describe, expect, it } from 'vitest';
import type { Appeal } from '../../../src/core/appeal.js';
import { cleanLines } from '../../../src/core/importer/normalize.js';
import { imported, page } from './helpers.js';

/** What a moderator checks of each official: name, title, addresses, phone. */
const officials = (appeal: Appeal): unknown[] =>
  appeal.targets.map((t) => ({ name: t.name, title: t.title, address: t.address, emails: t.emails, phone: t.phone, copy: t.copy }));

describe("a letter of support whose writer's block runs on under the judge's", () => {
  const letter = (gap: string[]): string =>
    page(
      'Notes from the Lakeshore',
      '',
      'Tomas Osei is on trial for blocking a pipeline site with his body. He asked for letters of support to the judge. Here is mine:',
      '',
      'Honorable District Judge Helen R. Varga',
      '500 Pearl Street',
      'Riverton, NY 10007',
      ...gap,
      'Ingrid Lindgren',
      '48 Birch Lane',
      'Madison, WI 53703',
      'Re: US v Osei 21-104',
      '',
      'Dear Judge Varga,',
      '',
      'I am writing in support of Tomas Osei, who acted peacefully and in the open. I urge you to treat him fairly and to release him without penalty.',
      '',
      'Sincerely yours,',
      '',
      'Ingrid Lindgren',
    );

  it("gives the judge her own block's address, and the writer's to nobody", () => {
    const { appeal } = imported(letter([]));
    expect(appeal.targets.map((t) => t.name)).toEqual(['Helen R. Varga']);
    expect(appeal.targets[0]?.address).toEqual(['500 Pearl Street', 'Riverton, NY 10007']);
    expect(appeal.targets.flatMap((t) => t.address ?? [])).not.toContain('48 Birch Lane');
  });

  it("never gives an official the lines of another person's block run on under its postcode", () => {
    const text = page(
      'Free Aron Example',
      '',
      'Please write to the officials below and ask for his release.',
      '',
      'Minister of Justice Jane Example',
      'Ministry of Justice',
      '10 Example Road',
      'Exampleton 10101',
      'Karl Other',
      'Ministry of Interior',
      '12 Example Road',
      'Exampleton 10102',
    );
    const addresses = imported(text).appeal.targets.flatMap((t) => t.address ?? []);
    expect(addresses).toContain('10 Example Road');
    expect(addresses).not.toContain('12 Example Road');
  });

  it('reads it as the same page with a blank line between the two blocks', () => {
    expect(officials(imported(letter([])).appeal)).toEqual(officials(imported(letter([''])).appeal));
  });
});

describe("a model letter's numbered caption right over its addressee's block", () => {
  const model = (caption: string, gap: string[]): string =>
    page(
      'Solidarité avec les militants emprisonnés en Examplie',
      '',
      'Notre association propose à tous ceux qui veulent les soutenir d’écrire à l’ambassade, comme elle l’a fait.',
      '',
      caption,
      ...gap,
      'Son Excellence l’Ambassadeur de la République d’Examplie',
      'Ambassade de la République d’Examplie',
      '12 rue de l’Exemple',
      '75016 Paris',
      '',
      'Monsieur l’Ambassadeur,',
      '',
      'Nous attirons votre attention sur la situation de douze militants arrêtés le 3 mars et détenus depuis sans jugement.',
    );

  for (const caption of ['Courrier-type 2', 'Courrier type n°3']) {
    it(`reads "${caption}" as the letter's caption, not the official's first line`, () => {
      const { appeal } = imported(model(caption, []));
      expect(appeal.targets).toHaveLength(1);
      expect(appeal.targets[0]?.name).toContain('Ambassadeur de la République d’Examplie');
      expect(appeal.targets[0]?.address).toEqual(['12 rue de l’Exemple', '75016 Paris']);
      expect(officials(appeal)).toEqual(officials(imported(model(caption, [''])).appeal));
    });
  }
});

describe('a short page double-spaced, its paragraphs apart by wider gaps', () => {
  // Every line of the page followed by a blank line, every paragraph's gap made three blank lines wide.
  const doubleSpaced = (text: string): string =>
    text
      .split('\n')
      .map((l) => `${l}\n`)
      .join('\n');
  const note = page(
    'Good news!',
    '',
    'An email came through last night: the council passed our river bill and our work is done. With that said, if everyone could take a minute to send an email or mail a card to:',
    '',
    'Senator Ruth Amsel',
    'State House, Room 12',
    'Exampleton, OR 97201',
    '',
    'to thank her for her support over the years, it would be a wonderful gesture.',
    '',
    'Thank you all for your calls.',
  );

  it("reads the senator's block, its lines one blank line apart, as one block", () => {
    const { appeal } = imported(doubleSpaced(note));
    expect(appeal.targets.map((t) => t.name)).toEqual(['Senator Ruth Amsel']);
    expect(appeal.targets[0]?.address).toEqual(['State House, Room 12', 'Exampleton, OR 97201']);
    expect(officials(appeal)).toEqual(officials(imported(note).appeal));
  });

  it('keeps a short page whose gaps are mostly single as it is: its single blank lines still part paragraphs', () => {
    // Every line apart, one wider gap: the page is not double-spaced, its blank lines are its paragraphs' gaps.
    const letter = [
      'Write to the Governor',
      '',
      'Please send this letter to Governor Jane Example today',
      '',
      '',
      'Dear Governor Example,',
      '',
      'I urge you to commute the sentence of Aron Example',
      '',
      'His trial was unfair and his lawyer slept through it',
      '',
      'Yours sincerely,',
    ];
    expect(cleanLines(letter.join('\n'))).toEqual(letter);
  });
});

describe('e-mails labelled "Mail:" or "E-Mail-Adresse:" in a request\'s brackets', () => {
  const request = (label: string): string =>
    page(
      'Flood the Interior Minister With Letters',
      `Please write protest letters to Examplia's Interior Minister Karim al-Example (${label}: office@interior.example.org). You may also wish to write to Prime-Minister Salma Other (${label}: pm@gov.example.org) and Tarek Third, Minister of Foreign Affairs (${label}: press@mfa.example.org).`,
    );

  for (const label of ['Mail', 'E-Mail-Adresse']) {
    it(`gives each "(${label}: ...)" to its own official, as "(email: ...)"`, () => {
      const { appeal } = imported(request(label));
      expect(appeal.targets.find((t) => t.name.includes('Salma Other'))?.emails).toEqual(['pm@gov.example.org']);
      expect(appeal.targets.find((t) => t.name === 'Tarek Third')?.emails).toEqual(['press@mfa.example.org']);
      expect(officials(appeal)).toEqual(officials(imported(request('email')).appeal));
    });
  }
});

describe("a list's number before a block the request above names, or before a call-in's heading", () => {
  const block = (mark: string): string =>
    page(
      'Past Letters',
      '',
      '- Why has the department spent nothing on the flood barriers? Urge Secretary of Water Marta Lindqvist to act now.',
      '',
      `${mark}Marta Lindqvist`,
      'Department of Water',
      '2201 C Street NW',
      'Exampleton, EX 20520',
      '',
      '- Join others in sending notes to your members of Parliament.',
    );

  for (const mark of ['1) ', '1. ']) {
    it(`reads "${mark}Marta Lindqvist" over her department and street as her block`, () => {
      const { appeal } = imported(block(mark));
      expect(appeal.targets.map((t) => t.name)).toEqual(['Marta Lindqvist']);
      expect(appeal.targets[0]?.address).toContain('2201 C Street NW');
      expect(officials(appeal)).toEqual(officials(imported(block('')).appeal));
    });
  }

  const callIn = (mark: string): string =>
    page(
      'Tell the Minister to enforce the law',
      '',
      'Our lawyers delivered a letter to the Minister this week. Can you please make a call to ask the Minister to act against the mine?',
      '',
      `${mark}Call Westland Mines Minister Jordan Example`,
      '',
      'Ministerial Office: (08) 5550 1234',
      '',
      'What to say:',
      '  • I am calling about the mine\'s breaches of its licence.',
    );

  for (const mark of ['1) ', '2. ']) {
    it(`reads "${mark}Call <office> <name>" with the phone under it as the heading without the mark`, () => {
      const { appeal } = imported(callIn(mark));
      expect(appeal.targets.map((t) => t.name)).toEqual(['Jordan Example']);
      expect(appeal.targets[0]?.phone).toBe('(08) 5550 1234');
      expect(officials(appeal)).toEqual(officials(imported(callIn('')).appeal));
    });
  }
});

describe('"Mail:" before an old mailing list\'s mailto link, its address spelled "x at y"', () => {
  const block = (label: string): string =>
    page(
      'UA 12/03 Fear of execution',
      '',
      'Please send appeals to:',
      '',
      'Ms EXAMPLE Hanako',
      'Minister of Justice',
      'Ministry of Justice',
      '2-2-2 Example-cho, Chiyoda-ku,',
      'Tokyo 100-0001, Japan',
      'Fax:      011 81 3 5550 1234',
      `${label}    <mailto:office at justice.example.jp>office at justice.example.jp`,
      'Salutation: Dear Minister',
    );

  it('reads "Mail:" as the e-mail label "email:" is, never as an official of its own', () => {
    const { appeal } = imported(block('Mail:'));
    expect(appeal.targets.map((t) => t.name).join(' ')).not.toContain('mailto');
    expect(officials(appeal)).toEqual(officials(imported(block('email:')).appeal));
  });
});
