// The general rules behind corpus-18's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isBuildingLine, isNoNameLine } from '../../../src/core/importer/name-gate.js';
import { imported, page, refusedReason } from './helpers.js';

const story = 'Jane Example has been held without charge since March 2031 and her family has not been allowed to see her.';
const letter = ['I urge you to release Jane Example immediately and unconditionally.', 'Yours sincerely,'];

describe('a copy block in any language makes copies, never officials', () => {
  for (const heading of ['Com cópia para:', 'Cópia para:', 'Con copia a:', 'Avec copie à :', 'Mit Kopie an:', 'cc:']) {
    it(`"${heading}" puts the embassy below it among the copies`, () => {
      const text = page(
        'URGENT ACTION',
        story,
        'Write to:',
        'Attorney General Ana Muestra',
        'Avenida Central 12',
        'Email: fiscal@example.org',
        '',
        heading,
        '',
        'Embassy of Examplia:',
        'H.E. Mr. Pedro Ejemplo',
        'Rua das Flores 7',
        'E-mails: embassy@example.net',
        '',
        'Dear Attorney General,',
        ...letter,
      );
      const { appeal } = imported(text);
      for (const target of appeal.targets.filter((t) => t.emails.includes('embassy@example.net'))) expect(target.copy).toBe(true);
      expect(appeal.targets.filter((t) => !t.copy).map((t) => t.name).join(' ')).not.toContain('Pedro');
    });
  }
});

describe('"An das" / "To the" above an institution', () => {
  it('is no name', () => {
    for (const line of ['An das', 'An den', 'An die', 'To the', 'À la']) expect(isNoNameLine(line)).toBe(true);
    expect(isNoNameLine('Anna Beispiel')).toBe(false);
  });
});

describe('a building line', () => {
  it('is an address line, never an official', () => {
    for (const line of ['The Palais des Nations', "Palais de l'Élysée", 'Casa Rosada']) expect(isBuildingLine(line)).toBe(true);
    expect(isBuildingLine('President Ana Muestra')).toBe(false);
  });

  it('goes under the official named above it in a double-spaced block', () => {
    const text = page(
      'URGENT APPEAL',
      story,
      'Following is a sample letter which you may use as a guide to writing your own letter.',
      '',
      'President Ana Muestra',
      '',
      'Office of the President of Examplia',
      '',
      'The Palais des Examples',
      '',
      '',
      '3rd May 2031',
      '',
      'Dear Madam President,',
      ...letter,
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual([expect.stringContaining('Ana Muestra')]);
    expect(appeal.targets[0]?.address).toContain('The Palais des Examples');
  });
});

describe('a reminder of a letter already sent', () => {
  const reminder = (frame: string, opening: string): string =>
    page(
      frame,
      '',
      'An das',
      'Ministerium für Beispiele',
      'Beispielstraße 1',
      '10115 Berlin',
      'poststelle@example.de',
      '',
      'Sehr geehrte Frau Ministerin,',
      opening,
      'Ich bitte Sie erneut, Jane Example freizulassen, die seit März 2031 ohne Anklage festgehalten wird.',
      'Mit freundlichen Grüßen',
    );

  it('is refused when the page calls it a reminder ("Erinnerungsschreiben")', () => {
    expect(refusedReason(reminder('Erinnerungsschreiben an das Ministerium', 'leider habe ich keine Antwort erhalten.'))).toBe('import_not_an_appeal');
  });

  it('is refused when the letter says "ich habe / wir haben Ihnen am ... geschrieben"', () => {
    expect(refusedReason(reminder('Keine Antwort aus dem Ministerium', 'ich habe Ihnen am 6. Dezember geschrieben und keine Antwort erhalten.'))).toBe('import_not_an_appeal');
  });
});
