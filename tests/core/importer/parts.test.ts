import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/core/importer/dates.js';
import { parseUaNumber, slugId } from '../../../src/core/importer/numbers.js';
import { toParagraphs } from '../../../src/core/importer/paragraphs.js';
import { detectHeading } from '../../../src/core/importer/sections.js';
import { properNounIndex, sentenceCase } from '../../../src/core/importer/title.js';
import { parseLanguages } from '../../../src/core/importer/fields.js';
import { findEmails } from '../../../src/core/importer/contacts.js';

describe('dates', () => {
  it.each([
    ['July 1, 2025', '2025-07-01'],
    ['1 July 2025', '2025-07-01'],
    ['16 August 2017', '2017-08-16'],
    ['PLEASE SEND APPEALS BEFORE 16 AUGUST 2017 TO:', '2017-08-16'],
    ['1 de julio de 2025', '2025-07-01'],
    ['1er juillet 2025', '2025-07-01'],
    ['15 août 2025', '2025-08-15'],
    ['2025-07-01', '2025-07-01'],
  ])('reads "%s"', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('rejects dates that do not exist', () => {
    expect(parseDate('30 February 2025')).toBeUndefined();
    expect(parseDate('Smarch 3, 2025')).toBeUndefined();
  });
});

describe('UA numbers', () => {
  it.each([
    ['report your action(s) on UA 34.25.', 'UA 34.25', '34.25', 'ua-34-25'],
    ['THIRD UA 60/16', 'UA 60/16', '60/16', 'ua-60-16'],
    ['UA: 53/14 Index: AFR 44/004/2014', 'UA 53/14', '53/14', 'ua-53-14'],
    ['AU 72/24', 'AU 72/24', '72/24', 'ua-72-24'],
  ])('reads "%s"', (line, reference, number, id) => {
    expect(parseUaNumber(line)).toEqual({ reference, number, id });
  });

  it('does not mistake an index number for a UA number', () => {
    expect(parseUaNumber('INDEX NUMBER: AMR 37/6674/2017')).toBeUndefined();
  });

  it('makes a valid id from any title', () => {
    expect(slugId('Señor: ¡Libertad ya!')).toBe('senor-libertad-ya');
    expect(slugId('!!!')).toBe('appeal');
    expect(slugId('a'.repeat(80))).toHaveLength(40);
  });
});

describe('headings', () => {
  it.each([
    ['TAKE ACTION:', 'action'],
    ['ACTÚE:', 'action'],
    ['INFORMACIÓN ADICIONAL', 'background'],
    ['INFORMATIONS COMPLÉMENTAIRES', 'background'],
    ['IDIOMA PREFERENTE: español', 'language'],
    ['LANGUE À PRIVILÉGIER : français', 'language'],
    ['TARGET’S CONTACT DETAILS & “COPIES TO”', 'targets'],
    ['BACKGROUND INFORMATION (400 WORDS + RELEVANT LINKS):', 'background'],
    ['UA 123/19 Index: MDE 13/0123/2019', 'header'],
    ['APPEAL DEADLINE NOTICE: 16 August 2017', 'deadline'],
  ])('recognises "%s"', (line, kind) => {
    expect(detectHeading(line)?.kind).toBe(kind);
  });

  it('leaves prose that starts like a heading alone', () => {
    expect(detectHeading('Take action today by writing to the minister.')).toBeUndefined();
    expect(detectHeading('Background checks were carried out on everyone in the village')).toBeUndefined();
  });

  it('keeps the text after the colon', () => {
    expect(detectHeading('URGENT ACTION TITLE: Honduras: Armed attack')).toEqual({ kind: 'title', rest: 'Honduras: Armed attack' });
  });
});

describe('paragraphs', () => {
  it('keeps one paragraph per line in unwrapped text', () => {
    expect(toParagraphs(['First paragraph.', 'Second paragraph.'])).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('joins a hard-wrapped paragraph whose sentence ended where the line was full', () => {
    const lines = [
      'The first sentence runs along the whole width of the page and it stops at the margin.',
      'Then the paragraph goes on, wrapping again right at the margin of the page as before,',
      'and ends here.',
      'A new paragraph begins on the next line and is long enough to look wrapped as well ok.',
    ];
    expect(toParagraphs(lines)).toHaveLength(2);
  });

  it('splits paragraphs longer than the schema allows at a sentence end', () => {
    const long = 'Word word word. '.repeat(700).trim();
    const parts = toParagraphs([long]);
    expect(parts.length).toBe(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(5000);
    expect(parts.every((p) => p.endsWith('.'))).toBe(true);
  });
});

describe('titles in capitals', () => {
  it('keeps names that the text writes with capitals', () => {
    const names = properNounIndex(['People were sent to El Salvador and held at CECOT.', 'The prison in El Salvador is el peor.']);
    expect(sentenceCase('STOP ILLEGAL EXPULSIONS TO EL SALVADOR', names)).toBe('Stop illegal expulsions to El Salvador');
    expect(sentenceCase('CLOSE CECOT NOW', names)).toBe('Close CECOT now');
  });
});

describe('contact fields', () => {
  it('finds emails however they are separated', () => {
    expect(findEmails('a@b.org, c@d.org; e@f.org and g@h.org or i@j.org y k@l.org')).toHaveLength(6);
    expect(findEmails('[email protected]')).toEqual([]);
  });

  it('reads preferred languages', () => {
    expect(parseLanguages('English or your own language.')).toEqual(['English']);
    expect(parseLanguages('Spanish, English')).toEqual(['Spanish', 'English']);
    expect(parseLanguages('español o inglés')).toEqual(['Español', 'Inglés']);
  });
});
