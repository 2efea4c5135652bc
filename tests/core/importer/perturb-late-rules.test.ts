// The general rules behind the rewrites of corpora 15-25 that moved an address (perturb.ts): a page written a little
// differently gives each address to the same official, on texts written for the test.
import { describe, expect, it } from 'vitest';
import { detectHeading } from '../../../src/core/importer/sections.js';
import { imported, page } from './helpers.js';

const body = [
  'I am writing to express my concern about the detention of Aron Example, a teacher held since March for a peaceful protest.',
  'I urge you to release him at once and to drop every charge against him.',
];

describe('"Mail:" is an e-mail label', () => {
  const blocks = (label: string): string =>
    page(
      'Write to both officials below.',
      '',
      'Minister Jane Example',
      'Ministry of Example Affairs',
      '100 Example Avenue',
      'Example City, Examplia',
      `${label} [email protected]`,
      'Ambassador John Sample',
      'Embassy of Examplia',
      '200 Sample Street, Washington DC 20036',
      'Phone: 202 555 0100',
      `${label} [email protected]`,
      'Salutation: Dear Ambassador',
      '',
      'Dear Minister,',
      ...body,
    );

  it('reads "Mail: [email protected]" (an address a page hid) as "Email:", never as a postal line or a name', () => {
    const email = imported(blocks('Email:')).appeal.targets;
    const mail = imported(blocks('Mail:')).appeal.targets;
    expect(mail.map((t) => t.name)).toEqual(email.map((t) => t.name));
    expect(mail.map((t) => t.address)).toEqual(email.map((t) => t.address));
    expect(mail.map((t) => t.name)).not.toContain('Mail');
  });

  it('keeps "Mail:" before a postal address a postal label', () => {
    const { appeal } = imported(page('Please write to:', '', 'Minister Jane Example', 'Mail: 100 Example Avenue, Example City', 'Email: jane@example.gov', '', 'Dear Minister,', ...body));
    expect(appeal.targets[0]?.emails).toEqual(['jane@example.gov']);
    expect(appeal.targets.map((t) => t.name)).not.toContain('Mail');
  });
});

describe('an e-mail in angle brackets is the same e-mail', () => {
  it('reads "<a@b.orgopens> in a new tab" (a link\'s note copied inside the brackets) as the address alone', () => {
    const { appeal } = imported(page('Write to:', '', 'Ambassador John Sample', 'Embassy of Examplia', 'Email: <john@example.orgopens> in a new tab', '', 'Dear Ambassador,', ...body));
    expect(appeal.targets[0]?.emails).toEqual(['john@example.org']);
  });
});

describe('bulleted lines of an official\'s block read as the same lines without bullets', () => {
  const plain = ['Head of the Judiciary Jane Example', 'Office of the Head of the Judiciary', 'Example Street, Justice Avenue, south of Example Square, Example City 1234567, Republic of Examplia'];

  it('takes the bullets off a block whose address runs on one long line', () => {
    const text = (lines: string[]): string => page('feel free to use this letter to contact', ...lines, 'Email: jane@example.gov (In the subject line write: FAO Jane Example)', '', 'Your Excellency:', '', ...body);
    const written = imported(text(plain)).appeal.targets;
    for (const bullet of ['- ', '* ', '• ']) {
      const bulleted = imported(text([`${bullet}${plain[0]}`, `${bullet}${plain[1]}`, plain[2] ?? ''])).appeal.targets;
      expect(bulleted.map((t) => [t.name, t.emails]), bullet).toEqual(written.map((t) => [t.name, t.emails]));
    }
  });

  it('takes the bullets off a postal block that opens with "Señor" and goes on to the greeting', () => {
    const lines = ['Senor Presidente Jorge Example Sample', 'Presidente de la Republica', 'Palacio de Ejemplo', 'Carrera 8 No 1-2'];
    const text = (ls: string[]): string => page('support teachers in Examplia', ...ls, 'Dear President Example', ...body);
    const written = imported(text(lines)).appeal.targets;
    const bulleted = imported(text(lines.map((l) => `- ${l}`))).appeal.targets;
    expect(bulleted.map((t) => [t.name, t.address])).toEqual(written.map((t) => [t.name, t.address]));
  });

  it('reads "- Ms Jane Example: jane@example.gov (Minister)." as a contact line, its full stop notwithstanding', () => {
    const text = (line: string): string => page('Dear Ms Example', '', ...body, '', 'Yours sincerely,', '', 'Send your letter to:', '', line, '');
    const written = imported(text('Ms Jane Example: jane@example.gov (Minister for Example Affairs).')).appeal.targets;
    const bulleted = imported(text('- Ms Jane Example: jane@example.gov (Minister for Example Affairs).')).appeal.targets;
    expect(bulleted.map((t) => [t.name, t.emails])).toEqual(written.map((t) => [t.name, t.emails]));
  });

  it('gives nobody the side-by-side addresses of two columns when their lines are bulleted', () => {
    const columns = ['His Majesty King Example III of Examplia Embassy of the Kingdom of Examplia', 'Royal Example Court H.E. Mr. John Sample Sample', 'Example City, Examplia Voorbeeldweg 79', '2587 AB Den Haag'];
    const text = (ls: string[]): string => page('Stuur uw brief naar of een kopie van de brief naar:', ...ls, 'Your Majesty, Your Excellency,', ...body);
    const written = imported(text(columns)).appeal.targets;
    const bulleted = imported(text(columns.map((l) => `- ${l}`))).appeal.targets;
    expect(bulleted.map((t) => [t.name, t.address])).toEqual(written.map((t) => [t.name, t.address]));
  });

  it('keeps the bullets of points to raise', () => {
    const { appeal } = imported(page('Please write to:', '', 'Minister Jane Example', 'Email: jane@example.gov', '', '- Calling for the immediate and unconditional release of Aron Example and every other teacher held for protesting', '', 'Dear Minister,', ...body));
    expect(appeal.targets.map((t) => t.name)).toEqual(['Minister Jane Example']);
  });
});

describe('a numbered heading is that heading', () => {
  it('reads "1) Contact Information" alone on its line as the officials\' heading, never a name', () => {
    expect(detectHeading('1) Contact Information')?.kind).toBe('targets');
    expect(detectHeading('2. Sample letter')?.kind).toBe('letter');
    // A numbered instruction stays one.
    expect(detectHeading('1) Write to the President of Examplia')).toBeUndefined();
    expect(detectHeading('3. Contact information is below.')).toBeUndefined();
  });

  it('gives the block under it to the name below, not to the heading', () => {
    const { appeal } = imported(page('Take action:', '', '1) Contact Information', '', 'Jane Example', 'President of the Republic of Examplia', '1 Example Square', 'Example City, CP 10400, Examplia', 'Email: jane@example.gov', '', 'Sample Letter', '', 'Dear President,', ...body));
    expect(appeal.targets.map((t) => t.name)).toEqual(['Jane Example']);
    expect(appeal.targets[0]?.emails).toEqual(['jane@example.gov']);
  });
});

describe('a contact line with its blank line above removed still belongs to its own block', () => {
  const spaced = (joined: boolean): string =>
    page(
      'Contact information:',
      '',
      'Minister Jane Example',
      '',
      'Ministry of Example Affairs',
      '',
      '100 Example Avenue',
      '',
      'Example City',
      ...(joined ? [] : ['']),
      'Email: jane@example.gov',
      '',
      'Ambassador John Sample',
      '',
      'Embassy of Examplia',
      '',
      '200 Sample Street, Washington DC 20036',
      ...(joined ? [] : ['']),
      'Phone: 202 555 0100',
      ...(joined ? [] : ['']),
      'Email: john@example.org',
      '',
      'Sample letter:',
      '',
      'Dear Minister,',
      ...body,
    );

  it('reads a double-spaced page whose contact lines follow their line as the same page', () => {
    const written = imported(spaced(false)).appeal.targets;
    const joined = imported(spaced(true)).appeal.targets;
    expect(joined.map((t) => [t.name, t.address, t.emails])).toEqual(written.map((t) => [t.name, t.address, t.emails]));
    expect(joined.map((t) => t.name)).not.toContain('Example City');
  });

  it('still reads single-spaced blocks that are parted by blank lines as separate officials', () => {
    const { appeal } = imported(
      page('Please write to:', '', 'Minister Jane Example', '', 'Ambassador John Sample', 'Email: john@example.org', '', 'Governor Ann Other', 'Email: ann@example.org', '', 'Dear Minister,', ...body),
    );
    expect(appeal.targets.find((t) => t.name.includes('Jane'))?.emails ?? []).toEqual([]);
    expect(appeal.targets.find((t) => t.name.includes('John'))?.emails).toEqual(['john@example.org']);
  });
});

describe('a bullet before a line that names the addressee says the same', () => {
  it('reads "- To: Minister Jane Example, ..." opening a petition as its official', () => {
    const text = (first: string): string => page(first, '', '- Scrap the Impossible Deadline', '', 'Teachers have been given 20 days to file sixty pages of forms. The Minister must extend the deadline.');
    const written = imported(text('To: Minister Jane Example, Minister for Example Affairs')).appeal.targets;
    const bulleted = imported(text('- To: Minister Jane Example, Minister for Example Affairs')).appeal.targets;
    expect(bulleted.map((t) => t.name)).toEqual(written.map((t) => t.name));
    expect(bulleted.map((t) => t.name)).toEqual(['Minister Jane Example']);
  });

  it('reads "- In English, to the Prosecutor General (Jane Example):" as that letter\'s addressee', () => {
    const text = (mark: string): string =>
      page('One way you can help is to send letters. At the following addresses you will find sample letters:', '', `${mark}In English, to the Prosecutor General (Jane Example):`, '', `${mark}In English, to the Interior Minister (John Sample):`, '', 'Dear Sir,', ...body);
    const written = imported(text('')).appeal.targets.map((t) => t.name);
    expect(written).toEqual(['Jane Example', 'John Sample']);
    for (const mark of ['- ', '• ']) expect(imported(text(mark)).appeal.targets.map((t) => t.name), mark).toEqual(written);
  });

  it('takes the bullets off a block whose contact lines come after a note without a bullet', () => {
    const text = (mark: string): string =>
      page('Write to the official below.', '', `${mark}Public Prosecutor Jane Example`, 'Due to postal restrictions, please only send physical mail to the Embassy', 'Fax: +20 2 555 0100', '', 'Dear Prosecutor,', ...body);
    const written = imported(text('')).appeal.targets;
    const bulleted = imported(text('- ')).appeal.targets;
    expect(bulleted.map((t) => [t.name, t.fax])).toEqual(written.map((t) => [t.name, t.fax]));
  });
});
