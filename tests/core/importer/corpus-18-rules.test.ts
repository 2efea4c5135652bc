// The general rules behind corpus-18's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isBuildingLine, isNoNameLine } from '../../../src/core/importer/name-gate.js';
import { sentToLines } from '../../../src/core/importer/listed-recipients.js';
import { splitSections } from '../../../src/core/importer/sections.js';
import { parseUaNumber } from '../../../src/core/importer/numbers.js';
import { isBlankForm } from '../../../src/core/importer/signs.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

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

describe("other organisations' urgent appeals cut before their addresses", () => {
  const body = 'Jane Example, a teacher, was arrested on 3 March 2031 in Example City and has been held without charge since then; her family has not been allowed to see her.';

  it('imports an "Urgent Appeal" that requests the reader\'s intervention', () => {
    expect(kindOf(page('Arbitrary detention of Jane Example', 'Urgent Appeal', 'The Network requests your urgent intervention in the following situation.', body))).toBe('appeal');
  });

  it('imports a petition headed "Petition to urge ..." that greets its friends', () => {
    expect(kindOf(page('Petition to urge the Government of Examplia to free Jane Example', 'Dear friends', body))).toBe('appeal');
  });

  it('imports a blog post with a proposed text to send', () => {
    expect(kindOf(page('Jane Example needs us.', body, 'If you do not know what to say, here is a proposed text:', 'I am writing about Jane Example.'))).toBe('appeal');
  });

  it('still refuses an article that asks nothing', () => {
    expect(refusedReason(page('Teachers in Examplia', body, 'The school year starts in September.'))).toBe('import_not_an_appeal');
  });
});

describe('a letter template with bracketed titles', () => {
  const template = (salutation: string, about: string): string =>
    page('[place], [date]', salutation, about, 'I urge you to release her immediately.', 'Yours sincerely,', '[your name]');

  it('is an appeal when the brackets offer titles and the case is named', () => {
    expect(kindOf(template('Dear [General][Minister],', 'Jane Example was arrested on 3 March 2031 and has been tortured in custody.'))).toBe('appeal');
  });

  it('is a blank form when the greeting leaves the name blank', () => {
    const text = template('Dear [Name of Minister],', 'Jane Example was arrested on 3 March 2031 and has been tortured in custody.');
    expect(isBlankForm('Dear [Name of Minister],', text)).toBe(true);
    expect(isBlankForm('Dear [General][Minister],', text.replace('[Name of Minister]', '[General][Minister]'))).toBe(false);
  });

  it('is a blank form when the case itself is a gap', () => {
    expect(refusedReason(template('Dear [General][Minister],', '[prisoner name] was arrested on [arrest date] and has been tortured in custody.'))).toBe('import_not_an_appeal');
  });
});

describe("a support committee's letter to a prefect", () => {
  const text = page(
    'Bonjour,',
    "Voici le modèle de lettre que j'ai envoyé, je vous ai mis en copie.",
    'Marie Exemple',
    'Marie Exemple |',
    'A Préfecture de la région Exemple 3 rue des Exemples 99000 EXEMPLEVILLE CEDEX |',
    'copie : comité de soutien à Jean Exemple',
    'M. le préfet,',
    "Jean Exemple est arrivé en France en mars 2031 et son renvoi le mettrait en danger. Je vous demande de suspendre l'arrêté qui le frappe.",
  );

  it('greets with "M. le préfet," as with "Monsieur le préfet,"', () => {
    expect(kindOf(text)).toBe('appeal');
  });

  it("never makes the writer above the addressee's line the official", () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name).join(' ')).not.toContain('Marie Exemple');
  });
});

describe("other organisations' case codes, notes after greetings, labelled bilingual greetings", () => {
  it('reads "UA000123" and "UA-000123" as the number, written as the code', () => {
    expect(parseUaNumber('Urgent Appeal Case: UA000123')?.number).toBe('UA000123');
    expect(parseUaNumber('Case UA-000123 (Examplia)')?.number).toBe('UA000123');
    expect(parseUaNumber('Phone UA1234567')).toBeUndefined();
  });

  it('keeps the greeting without the editor\'s bracketed note after it', () => {
    const { appeal } = imported(page('URGENT ACTION', story, 'Your Excellency (change the greeting to suit the official, see below)', ...letter));
    expect(appeal.letter?.salutation ?? appeal.targets[0]?.salutation).toBe('Your Excellency');
  });

  it('takes a Portuguese "Tratamento:" line as the official\'s own greeting, both languages', () => {
    const text = page(
      'URGENT ACTION',
      story,
      'Escreva para:',
      'Procuradora-Geral Ana Muestra',
      'Avenida Central 12, Ciudad de Ejemplo',
      'E-mail: fiscal@example.org',
      'Tratamento: Exma Procuradora-Geral / Estimada Sra. Fiscal General',
      '',
      'Dear Attorney General,',
      ...letter,
    );
    const official = imported(text).appeal.targets.find((t) => t.name.includes('Ana Muestra'));
    expect(official?.salutation).toBe('Exma Procuradora-Geral / Estimada Sra. Fiscal General');
  });
});

describe('a petition text headed in Ukrainian', () => {
  it('imports ("текст звернення" is the text of an appeal)', () => {
    const text = page('текст звернення Вчителька у небезпеці', 'Голова Служби прикладів', 'Олена Приклад', 'вул. Прикладна, 1', story);
    expect(kindOf(text)).toBe('appeal');
    expect(refusedReason(page('Новини', 'Олена Приклад', story))).toBe('import_not_an_appeal');
  });
});

describe('a greeting run on into a sentence in lower case', () => {
  it('is the salutation, cut at its comma', () => {
    const text = page('URGENT ACTION', `Dear Head of Example Service, teacher and poet Jane Example was detained by border guards on 3 March 2031 and may be sent back. ${story} ${story}`, 'Yours sincerely,');
    expect(imported(text).appeal.letter?.salutation).toBe('Dear Head of Example Service,');
  });
});

describe('a sample letter\'s Spanish heading', () => {
  it('"Carta de Muestra" over the greeting is no official', () => {
    expect(isNoNameLine('Carta de Muestra')).toBe(true);
    const { appeal } = imported(page('Campaña para proteger a Jane Example', story, '', 'Carta de Muestra', '', 'Estimados Señores,', 'Expreso mi preocupación por las amenazas contra Jane Example.', 'Atentamente,'));
    expect(appeal.targets.map((t) => t.name)).not.toContain('Carta de Muestra');
  });
});

describe('an online action\'s note of whom the e-mail is sent to', () => {
  const action = (...note: string[]): string => page(
    'Per favore, intervieni subito. Manda una e-mail al governo per chiedergli di proteggere i territori indigeni.',
    ...note,
  );

  it('makes each person listed an official, the office before the name their title, with no contact', () => {
    const { appeal } = imported(action('La tua e-mail sarà inviata a: Señora Presidenta Jane Example Sample, Señor Ministro Aron Example, del Governo di Examplia.'));
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([['Jane Example Sample', 'Presidenta'], ['Aron Example', 'Ministro']]);
    expect(appeal.targets.flatMap((t) => [...t.emails, ...(t.address ?? [])])).toEqual([]);
  });

  it('reads the list one person a line under the note, in English too, up to a blank line', () => {
    const lines = sentToLines(splitSections(['Your message will be sent to:', 'Minister Jane Example,', 'Mr Aron Sample', '', 'Minister Bert Other']));
    expect(lines.filter((l) => l.text !== '').map((l) => l.text)).toEqual(['Jane Example', 'Minister', 'Aron Sample']);
  });

  it('passes over an item that names no person', () => {
    expect(sentToLines(splitSections(['Your e-mail will be sent to: the Ministry of Justice and the Prime Minister.']))).toEqual([]);
  });
});
