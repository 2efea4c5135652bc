// The rules made for corpora 26-28 hold under the rewrites of perturb.ts: a page written a little differently ("Salutation -"
// in a run-on line, a bulleted "To:" line, capitals headings in sentence case, curly dashes) reads as it does written
// plainly, on texts written for the test.
import { describe, expect, it } from 'vitest';
import type { Appeal } from '../../../src/core/appeal.js';
import { imported, page, refusedReason } from './helpers.js';

const body = [
  'I am writing to express my concern about the detention of Aron Example, a teacher held since March for a peaceful protest.',
  'I urge you to release him at once and to drop every charge against him.',
];

/** What a moderator checks of each official: name, title, addresses, fax and salutation. */
const officials = (appeal: Appeal): unknown[] =>
  appeal.targets.map((t) => ({ name: t.name, title: t.title, address: t.address, emails: t.emails, fax: t.fax, salutation: t.salutation, copy: t.copy }));

describe('"Salutation -" for "Salutation:" inside a run-on line', () => {
  // A journal's page whose officials' blocks run on in one line, each under an office caption.
  const run = (label: string): string =>
    page(
      'Scholars at Risk',
      '',
      `Dr. Aron Example, a professor of economics, was arrested in Example City in 2001 and is held without trial. Send individual letters of appeal to the officials listed below, with copies to diplomatic representatives of Examplia accredited to your country: President: His Excellency Jon Example Presidential Palace Example Street Example City Republic of Examplia Fax: +999 11 111 1111 ${label} Your Excellency Minister of Justice: His Excellency Jane Example Ministry of Justice Example Square Example City Republic of Examplia Fax: +999 11 222 2222 Email: justice@example.gov ${label} Your Excellency Dr. Ann Sample, a chemist, was detained on the same day.`,
    );

  it('reads each official with their own fax, e-mail and salutation, as with the colon', () => {
    const colon = imported(run('Salutation:')).appeal;
    const dash = imported(run('Salutation -')).appeal;
    expect(officials(dash)).toEqual(officials(colon));
    expect(dash.targets.map((t) => t.salutation)).toEqual(['Your Excellency', 'Your Excellency']);
    expect(dash.targets[1]?.name).toContain('Jane Example');
    expect(dash.targets[1]?.emails).toEqual(['justice@example.gov']);
    expect(dash.targets[0]?.emails).toEqual([]);
  });

  it('also reads an en dash for the colon', () => {
    expect(officials(imported(run('Salutation –')).appeal)).toEqual(officials(imported(run('Salutation:')).appeal));
  });
});

describe('a bulleted "To:" line', () => {
  const toLine = (bullet: string): string =>
    page(
      'Urgent email',
      '',
      'Over ten years ago, the High Court of Examplia ruled that the Example people had been evicted from their land illegally.',
      '',
      'Ask President Jon Example and his brother, the Environment Minister, to uphold the court ruling.',
      '',
      `${bullet}To: President Jon Example and HE Mr Aron Example`,
      '',
      'Target email addresses: [email protected] [email protected]',
    );

  for (const bullet of ['- ', '* ', '• ']) {
    it(`names each person the line lists with "${bullet.trim()}" before it, as without`, () => {
      const plain = imported(toLine('')).appeal;
      const bulleted = imported(toLine(bullet)).appeal;
      expect(officials(bulleted)).toEqual(officials(plain));
      expect(bulleted.targets.map((t) => t.name)).toEqual(['President Jon Example', 'HE Mr Aron Example']);
    });
  }
});

describe('an office-and-name heading over a postal block, in capitals or in sentence case', () => {
  const blocks = (first: string, second: string): string =>
    page(
      'Please write to your elected leaders!',
      'Please write your elected officials and ask them to take a public stand on Aron Example\'s behalf: he has been held for refusing to name his sources.',
      first,
      '2371 Example House Office Building',
      'Washington, D.C. 20515-0508',
      'Phone: (202) 555-4965',
      'Fax: (202) 555-8259',
      second,
      '331 Example Senate Office Building',
      'Washington, D.C. 20510-0504',
      'Phone: (202) 555-3841',
      'Fax: (202) 555-3954',
      'Here are some points to help you with your letters.',
      '• Aron Example\'s detention is a grave injustice.',
    );

  it('reads "Senator jane example" over the address as it reads "SENATOR JANE EXAMPLE"', () => {
    const capitals = imported(blocks('SPEAKER OF THE HOUSE ANN SAMPLE', 'SENATOR JANE EXAMPLE')).appeal;
    const sentence = imported(blocks('Speaker of the house ann sample', 'Senator jane example')).appeal;
    const title = imported(blocks('Speaker of the House Ann Sample', 'Senator Jane Example')).appeal;
    expect(sentence.targets.map((t) => t.address)).toEqual(capitals.targets.map((t) => t.address));
    expect(sentence.targets.map((t) => t.fax)).toEqual(capitals.targets.map((t) => t.fax));
    // The heading's words are a name again: "Senator Jane Example", as a page in title case writes it.
    expect(sentence.targets.map((t) => t.name)).toEqual(['Speaker of the House Ann Sample', 'Senator Jane Example']);
    expect(officials(sentence)).toEqual(officials(title));
  });

  it('takes no sentence-case line that opens with no office for a name', () => {
    const text = blocks('Write to the senator', 'Senator jane example');
    const names = imported(text).appeal.targets.map((t) => t.name);
    expect(names).not.toContain('Write To The Senator');
    expect(names).toContain('Senator Jane Example');
  });
});

describe('a letter by others under a site\'s menu written with curly dashes', () => {
  const letter = (dash: string): string =>
    page(
      'Mr Jon Example,',
      'Secretary General of the Example Union',
      'Fax: 001212 555-4879',
      '',
      '',
      'Dear Secretary General,',
      '',
      ...body,
      '',
      'On behalf of the people that I represent in this Centre I urge you to act without delay.',
      '',
      'Yours sincerely,',
      '',
      'Jane Example',
      '',
      'National Director',
      'Example Justice and Peace Centre',
      '15A Example Street',
      'Example Town 2043',
      '',
      `[Communiqués, letters, Documents...] ${dash} [Action Campaign NOW] ${dash} [HOME]`,
    );

  it('is refused as a letter others sent, with an en or em dash between the links as with a hyphen', () => {
    expect(refusedReason(letter('-'))).toBe('import_not_an_appeal');
    expect(refusedReason(letter('–'))).toBe('import_not_an_appeal');
    expect(refusedReason(letter('—'))).toBe('import_not_an_appeal');
  });
});
