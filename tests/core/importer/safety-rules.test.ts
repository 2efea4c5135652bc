// Rules of the safety branch, on texts written for the test: an office in any case is a title, never an official's name;
// headings in sentence case stay headings; UA numbers cited in a bracket are not the text's own.
import { describe, expect, it } from 'vitest';
import { detectHeading } from '../../../src/core/importer/sections.js';
import { isOfficeOnly, isPersonLine, opensWithCaption } from '../../../src/core/importer/office-lines.js';
import { imported, page } from './helpers.js';

const story = 'Anna Muster has been held without charge since March 2031 and her family has not been allowed to see her.';
const letter = ['Sehr geehrter Herr Minister,', 'ich fordere Sie auf, Anna Muster sofort und bedingungslos freizulassen.', 'Hochachtungsvoll'];

/** A German section's page: a caption over each official's block, the title again in English, then the person. */
function captionedPage(caption: (line: string) => string): string {
  return page(
    'Eilaktion',
    story,
    'Appell an',
    caption('PRÄSIDENT'),
    'Karl Beispielmann',
    'President',
    'Palais de la République',
    'Exampleville',
    'BEISPIELIEN',
    'Fax: (00 999) 71 111 222',
    caption('MINISTERIN FÜR JUSTIZ UND MENSCHENRECHTE'),
    'Minister of Justice and Human Rights',
    'Greta Probefrau',
    'Ministry of Justice and Human Rights',
    '12 Rue de l’Exemple',
    '1000 Exampleville',
    'BEISPIELIEN',
    'Fax: (00 999) 71 333 444',
    'Sende eine Kopie an',
    caption('BOTSCHAFT DER REPUBLIK BEISPIELIEN'),
    'Musterallee 16',
    '10115 Berlin',
    'Fax: 030-1234 5678',
    '',
    ...letter,
  );
}

const sentenceCase = (line: string): string => line[0] + line.slice(1).toLowerCase();

describe('a line that is only an office', () => {
  it('is an office in capitals, in sentence case, or as a title over what it is for', () => {
    for (const line of ['MINISTER FÜR JUSTIZ', 'Minister für justiz und menschenrechte', 'Präsident', 'Minister of Justice and Human Rights', 'General Coordinator for Human Rights', 'Beauftragter für menschenrechte im justizministerium']) {
      expect(isOfficeOnly(line), line).toBe(true);
    }
  });

  it('is not a title with a person\'s name, a form of address, or an address', () => {
    for (const line of ['President Karl Beispielmann', 'Governor Kay Example', 'Monsieur le Ministre de la Justice', 'Mr President', 'Ministry of Justice', '12 Minister Street']) {
      expect(isOfficeOnly(line), line).toBe(false);
    }
  });

  it('tells a person\'s name from a street, a town or an office', () => {
    for (const line of ['Greta Probefrau', 'Karl Beispielmann', 'Herrn F.W. Probemann', 'Hamada al-Example']) expect(isPersonLine(line), line).toBe(true);
    for (const line of ['Sir Wilfred Example Blvd. 13th Floor', 'Exampleville', 'Palais de la République', 'Minister of Justice', 'Ministry of Justice']) expect(isPersonLine(line), line).toBe(false);
  });

  it('is a caption when the block gives the title again beside the name', () => {
    expect(opensWithCaption(['Präsident', 'Karl Beispielmann', 'President', 'Exampleville'])).toBe(true);
    expect(opensWithCaption(['Minister für justiz', 'Minister of Justice', 'Greta Probefrau', 'Exampleville'])).toBe(true);
    // The title over the name, with no title again: it stays the title, read as such elsewhere.
    expect(opensWithCaption(['Minister of Justice', 'Greta Probefrau', 'Ministry of Justice'])).toBe(false);
  });
});

describe('captions over officials\' blocks', () => {
  for (const [says, caption] of [
    ['in capitals', (line: string): string => line],
    ['in sentence case', sentenceCase],
  ] as const) {
    it(`${says}: each address goes to the person, none to an official named by a caption`, () => {
      const { appeal } = imported(captionedPage(caption));
      const officials = appeal.targets.filter((t) => !t.copy);
      expect(officials.map((t) => t.name)).toEqual(['Karl Beispielmann', 'Greta Probefrau']);
      expect(officials[0]?.address.join(' ')).not.toMatch(/President\b/);
      expect(officials[1]?.address.join(' ')).toContain('12 Rue de l’Exemple');
      // The embassy's address is never read into the justice minister's block or another official's.
      for (const target of appeal.targets) if (!/botschaft/i.test(target.name)) expect(target.address.join(' '), target.name).not.toContain('Musterallee');
    });
  }

  it('a copy block whose caption names an office and an institution gives the person, titled', () => {
    const text = page(
      'Eilaktion',
      story,
      'Appell an',
      'Dr. Karl Beispielmann',
      'Palais de la République',
      'Exampleville',
      'BEISPIELIEN',
      'Sende eine Kopie an',
      'Beauftragter für menschenrechte im justizministerium',
      'General Coordinator for Human Rights',
      'Paul Probemann',
      'Ministry of Justice and Human Rights',
      '12 Rue de l’Exemple',
      '1000 Exampleville',
      'BEISPIELIEN',
      '',
      ...letter,
    );
    const copy = imported(text).appeal.targets.find((t) => t.copy);
    expect(copy?.name).toBe('Paul Probemann');
    expect(copy?.title).toBe('General Coordinator for Human Rights');
  });
});

describe('after a country alone, a line that opens with an institution', () => {
  it('starts the next addressee\'s block, so its address is never the official\'s above', () => {
    const text = page(
      'Eilaktion',
      story,
      'Appell an',
      'Minister of Justice',
      'Greta Probefrau',
      '12 Rue de l’Exemple',
      '1000 Exampleville',
      'BELARUS',
      'Botschaft der Republik Belarus',
      'Musterallee 16',
      '10115 Berlin',
      '',
      ...letter,
    );
    const minister = imported(text).appeal.targets.find((t) => t.name === 'Greta Probefrau');
    expect(minister?.address).toEqual(['12 Rue de l’Exemple', '1000 Exampleville', 'BELARUS']);
  });
});

describe('headings that stay headings in any case', () => {
  it('"Target\'s contact details & “copies to”" heads the officials\' details in sentence case too', () => {
    expect(detectHeading('Target’s contact details & “copies to”')?.kind).toBe('targets');
    expect(detectHeading('TARGET’S CONTACT DETAILS & “COPIES TO”')?.kind).toBe('targets');
  });

  it('"Complément d\'information", "Background" alone on a line head the story in any case', () => {
    for (const line of ["Complément d'information", 'Background', 'Contexte', 'COMPLÉMENT D’INFORMATION']) expect(detectHeading(line)?.kind, line).toBe('background');
    // In a sentence it is prose.
    expect(detectHeading('Background checks were never done on the guards.')).toBeUndefined();
  });
});

describe('UA numbers cited in a bracket', () => {
  const background = (...lines: string[]): string =>
    page(
      'Farmers in Example Province have protested for land rights for years',
      ...lines,
      'Guards acting with local landowners have been responsible for many of the attacks.',
      'RECOMMENDED ACTION: Please send faxes or airmail letters in Spanish or your own language:',
      '- calling for an immediate investigation into the eviction;',
      'APPEALS TO:',
      'Minister of the Interior',
      'Lic. Ana Ejemplo',
      'Calle Ejemplo 12',
      'Ciudad Ejemplo, Mexico',
      'Salutation: Dear Minister',
    );

  it('are other actions, quoted, not the text\'s own number, across line breaks', () => {
    const text = background(
      'and for social justice (for example, see UA 101/30, AMR',
      '99/15/30, 5 July 2030; and follow-ups, 26 July and 17 August; UA 12/31, AMR 99/06/31, 15 February',
      '2031; UA 45/31, AMR 99/11/31, 23 February 2031).',
    );
    expect(imported(text).appeal.reference).not.toMatch(/UA \d/);
  });

  it('a number after the bracket closes is read as before', () => {
    const text = background('and for social justice (see UA 101/30, AMR', '99/15/30). This is UA 77/31, issued on 2 June 2031.');
    expect(imported(text).appeal.reference).toBe('UA 77/31');
  });

  it('a bracket never closed cites no further than its paragraph', () => {
    const text = background('and for social justice (see UA 101/30 and', 'the follow-ups', '', 'UA 77/31 Fear for safety');
    expect(imported(text).appeal.reference).toBe('UA 77/31');
  });
});
