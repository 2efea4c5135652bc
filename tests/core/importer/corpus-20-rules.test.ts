// The general rules behind corpus-20's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { cleanLines } from '../../../src/core/importer/normalize.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

const story = 'Jane Example has been held without charge since March 2031 and her family has not been allowed to see her.';
const letter = ['I urge you to release Jane Example immediately and unconditionally.', 'Yours sincerely,'];

describe('two officials\' blocks with no blank line between them', () => {
  const blocks = (caption: string, name: string): string =>
    page(
      'URGENT ACTION',
      story,
      'Contact information:',
      'President of the Republic of Examplia',
      'His Excellency Aron Sample',
      'Office of the President',
      '12 Liberty Road',
      'Exampletown, Harare, Zimbabwe',
      caption,
      name,
      '400 Example Avenue, NW,',
      'Washington DC 20009',
      'Email: embassy@example.org',
      'Salutation: Dear Ambassador',
      '',
      'Sample letter:',
      'Dear President,',
      ...letter,
    );

  for (const [caption, name] of [
    ['Embassy of Examplia in the United States', 'His Excellency Ambassador Pedro Ejemplo'],
    ['Embassy of Examplia in the United States', 'Ambassador Pedro Ejemplo'],
    ['Ministry of Foreign Affairs', 'Mr Pedro Ejemplo'],
  ] as const) {
    it(`"${caption}" / "${name}" after "Harare, Zimbabwe" opens the second official's block`, () => {
      const { appeal } = imported(blocks(caption, name));
      const president = appeal.targets.find((t) => t.name.includes('Aron Sample'));
      expect(president?.address.join(' ')).not.toContain('Example Avenue');
      expect(president?.emails ?? []).not.toContain('embassy@example.org');
      const second = appeal.targets.find((t) => t.name.includes('Pedro Ejemplo'));
      expect(second?.emails).toEqual(['embassy@example.org']);
      expect(second?.address).toContain('Washington DC 20009');
    });
  }

  it('leaves the second block\'s address off, never on the first official, when the second has no name to read', () => {
    const { appeal } = imported(blocks('Embassy of Examplia in the United States', 'Switchboard and visitors'));
    const president = appeal.targets.find((t) => t.name.includes('Aron Sample'));
    expect(president?.address.join(' ')).not.toContain('Example Avenue');
    expect(president?.emails ?? []).not.toContain('embassy@example.org');
  });
});

describe('a link\'s note copied from a web page', () => {
  it.each([
    ['Email: info@example.orgopens in a new tab', 'Email: info@example.org'],
    ['Email: info@example.org (opens in a new window)', 'Email: info@example.org'],
    ['Web form: https://example.gov/contact external link', 'Web form: https://example.gov/contact'],
    ['Courriel : info@example.fr (lien externe)', 'Courriel : info@example.fr'],
    ['E-Mail: info@example.de öffnet in einem neuen Fenster', 'E-Mail: info@example.de'],
    ['Correo: info@example.es (se abre en una nueva ventana)', 'Correo: info@example.es'],
    ['E-mail: info@example.nl opent in een nieuw tabblad', 'E-mail: info@example.nl'],
  ])('"%s" reads "%s"', (line, clean) => {
    expect(cleanLines(line)).toEqual([clean]);
  });

  it('is page chrome alone on a line', () => {
    expect(cleanLines(page('Read the report', 'opens in a new tab', 'Write to the minister.'))).toEqual(['Read the report', 'Write to the minister.']);
  });

  it('stays when the words are the text\'s own', () => {
    const line = 'The new museum opens in a new window of time, and an external link between the two cases was found.';
    expect(cleanLines(line)).toEqual([line]);
  });

  it('comes off an e-mail in an official\'s block', () => {
    const { appeal } = imported(page('URGENT ACTION', story, 'Write to:', 'Minister of Justice Aron Sample', 'Email: minister@example.orgopens in a new tab', '', 'Dear Minister,', ...letter));
    expect(appeal.targets[0]?.emails).toEqual(['minister@example.org']);
  });
});

describe('a letter with no closing, then the officials\' blocks, a salutation line above each', () => {
  const text = page(
    'Examplia – Teacher detained',
    '',
    story,
    '',
    'Your Excellency,',
    '',
    'I am writing to you as a supporter of human rights in Examplia and in the world.',
    'I urge you to release Jane Example immediately and unconditionally.',
    'Thank you for your attention.',
    '(your name)',
    '',
    '',
    'Salutation: Your Excellency',
    'Prime Minister',
    'Aron Sample',
    'Office of the Prime Minister',
    'Exampleville, Cambodia',
    'Fax: + 855 23 000 111',
    '',
    'Salutation: Dear Minister',
    'Minister of Interior',
    'Pedro Ejemplo',
    'Ministry of Interior',
    'Exampleville, Cambodia',
    'Fax: + 855 23 000 222',
    '',
    'And copies to:',
    '',
    'Salutation: Your Excellency',
    'Foreign Minister',
    'Ola Muster',
    'Ministry of Foreign Affairs',
    'Exampleville, Cambodia',
    'Fax: + 855 23 000 333',
  );

  it('reads each block as its own official, with its own salutation, the copies as copies', () => {
    const { appeal } = imported(text);
    const byName = (name: string) => appeal.targets.find((t) => t.name.includes(name));
    expect(byName('Aron Sample')).toMatchObject({ copy: false, fax: '+ 855 23 000 111', salutation: 'Your Excellency', organisation: 'Office of the Prime Minister' });
    expect(byName('Pedro Ejemplo')).toMatchObject({ copy: false, fax: '+ 855 23 000 222', salutation: 'Dear Minister', organisation: 'Ministry of Interior' });
    expect(byName('Ola Muster')).toMatchObject({ copy: true, fax: '+ 855 23 000 333' });
  });

  it('ends the letter where the blocks begin', () => {
    const { appeal } = imported(text);
    expect(appeal.letter.paragraphs.join(' ')).not.toMatch(/Salutation|Prime Minister|Fax/);
    expect(appeal.letter.paragraphs.join(' ')).toContain('Thank you for your attention.');
  });
});

describe('an official\'s one-line block: a form of address, the name, the office, then a note on how to send', () => {
  it('reads the name and the office apart, and the note as no part of either', () => {
    const { appeal } = imported(
      page(
        'Urgent Action Update: Release Jane Example (Examplia: UA 99.31)',
        story,
        '1. Write a letter in your own words or using the sample below as a guide to one or both government officials listed.',
        'Mr Aron Sample Minister of Justice Due to postal restrictions caused by the epidemic, please only send physical mail to the Embassy Fax: +90 0312 000 00 00 Twitter: @aronsample',
        'Ambassador Pedro Ejemplo Embassy of Examplia 2525 Example Ave. NW, Washington DC 20008 Fax: 202 000 0000 Salutation: Dear Ambassador',
        '',
        'Dear Minister,',
        ...letter,
      ),
    );
    const minister = appeal.targets.find((t) => t.name.includes('Aron Sample'));
    expect(minister).toMatchObject({ name: 'Mr Aron Sample', title: 'Minister of Justice', address: [] });
    expect(appeal.targets.find((t) => t.name.includes('Pedro Ejemplo'))?.address.join(' ')).toContain('Washington DC 20008');
  });

  it('keeps "His Excellency Ambassador Jane Example" one name line', () => {
    const { appeal } = imported(page('URGENT ACTION', story, 'Write to:', 'His Excellency Ambassador Pedro Ejemplo', '1 Example Road', 'Email: embassy@example.org', '', 'Dear Ambassador,', ...letter));
    expect(appeal.targets[0]?.name).toContain('Pedro Ejemplo');
    expect(appeal.targets[0]?.title ?? '').not.toMatch(/of$/);
  });
});

describe('Amnesty\'s numbered follow-ups are updates of the UA they name', () => {
  it.each([
    'Click here to let us know the actions you took on Second Urgent Action 99.31.',
    'UA: Second 99.31',
    'Second UA 99.31',
    'Segunda AU: 099/31 | Índice: AMR 00/0000/2031',
    'Tercera AU 99/31',
    'Zweite UA-099/2031',
    'THIRD UA 99/31',
  ])('"%s"', (line) => {
    const text = page('URGENT ACTION', line, story, 'Write to:', 'Minister of Justice Aron Sample', 'Email: minister@example.org', '', 'Dear Minister,', ...letter);
    expect(kindOf(text)).toBe('update');
    expect(imported(text).appeal.number).toMatch(/^0?99[./](?:20)?31$/);
  });

  it('leaves "the second urgent action this year" with no number an appeal', () => {
    const text = page('URGENT ACTION 12/31', 'This is the second urgent action this year for Jane Example.', story, 'Write to:', 'Minister of Justice Aron Sample', 'Email: minister@example.org', '', 'Dear Minister,', ...letter);
    expect(kindOf(text)).toBe('appeal');
  });
});

describe('a round-up of Urgent Action successes', () => {
  it('is good news with no single number', () => {
    const text = page(
      'Urgent-Actions-Erfolge Juli bis September 2031',
      'Mehrere Menschen wurden in den vergangenen Monaten freigelassen. Vielen Dank für euer Engagement!',
      'EXAMPLIA – AKTIVISTIN FREI',
      'Jane Example ist frei. Amnesty hatte sich mit der UA-101/2030 für sie eingesetzt.',
      'MUSTERLAND – JOURNALIST FREI',
      'Aron Sample ist frei. Amnesty hatte sich mit der UA-017/2031 für ihn eingesetzt.',
    );
    expect(kindOf(text)).toBe('good-news');
    expect(imported(text).appeal.number).toBeUndefined();
  });
});

describe('a guide to writing appeal letters', () => {
  it('is refused, in German', () => {
    const text = page(
      'Appellbriefe sind ein wichtiger Teil unserer Arbeit. Hier geht es darum, wie man sie schreibt.',
      '',
      'Folgende Grundelemente sollten in jedem Appell enthalten sein:',
      '• Vorstellung des Absenders mit Name und Adresse.',
      '• Schlussformel und Unterschrift.',
      '',
      'Hinweise zur Form:',
      '• Immer höflich und korrekt schreiben.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('is refused, in English', () => {
    const text = page('Our group writes many letters.', 'Every appeal letter should include your name and address.', 'Here are our tips for writing letters that are read: be polite, be brief.');
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('does not refuse an appeal that gives one tip', () => {
    const text = page('URGENT ACTION', story, 'Every letter should include the case number.', 'Write to:', 'Minister of Justice Aron Sample', 'Email: minister@example.org', '', 'Dear Minister,', ...letter);
    expect(refusedReason(text)).toBeUndefined();
  });
});

describe('news and calls without an address', () => {
  it('a local paper\'s story of a prisoner released after the letters is good news', () => {
    const text = page(
      'Members of the Exampletown group have written letters for a prisoner in Examplia.',
      '',
      'More than 60 letters were written by local members in support of Jane Example, imprisoned for a speech.',
      '',
      'After widespread international protests including thousands of letters from members around the world, she was released.',
    );
    expect(kindOf(text)).toBe('good-news');
  });

  it('a release on bail after the letters is no good news', () => {
    const text = page('After thousands of letters from members around the world, she was released on bail.', story);
    expect(kindOf(text) ?? 'refused').not.toBe('good-news');
  });

  it('a French call to write to a head of state is at least a draft', () => {
    const text = page(
      'Agir pour Examplia',
      'La situation des civils ne cesse de se détériorer, rappelle une organisation de défense des droits humains.',
      'Pour joindre votre voix à son appel, l’organisation propose d’écrire en masse au président examplien, Aron Sample.',
      'Texte type et adresse d’envoi disponibles sur son site.',
    );
    expect(kindOf(text)).toBe('appeal');
  });

  it('an invitation to send words of support to a prisoner is not taken for a call to write to an official', () => {
    const text = page('Cada año la ONG invita a enviar palabras de ánimo al periodista Aron Sample y a otros presos.', 'La campaña dura todo diciembre.');
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });
});
