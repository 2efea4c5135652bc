// The general rules behind corpus-16's English and Spanish misattachments (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isAddressPart, isPlausibleName } from '../../../src/core/importer/name-gate.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

const story = 'Jane Example has been held without charge since March 2031 and her family has not been allowed to see her.';

describe('a line of a postal address is never an official', () => {
  it.each([
    'Examplia Tower Building',
    'Cnr Freedom Avenue and Liberty Street',
    'Private Bag 12',
    'Harbourside, Exampleton, Zimbabwe',
    'Zimbabwe',
    'Delegación Ejemplo Ciudad de México',
    'Calle de la Paz',
    'Rue des Exemples',
  ])('reads "%s" as a part of an address, not a name', (line) => {
    expect(isPlausibleName(line)).toBe(false);
  });

  it.each(['Señora', 'Sr.', 'Madame', 'Dear Sir', 'Monsieur', 'Sra'])('reads the form of address "%s" alone as no name', (line) => {
    expect(isPlausibleName(line)).toBe(false);
  });

  it.each(['Minister of Justice', 'Ana María Ejemplo', 'President of the Republic of Examplia', 'Ministry of Public Works Building', 'Embassy of Examplia', 'The White House'])(
    'still reads "%s" as an official',
    (line) => {
      expect(isAddressPart(line)).toBe(false);
    },
  );
});

describe('an address block laid out with a blank line after every line, under an office line', () => {
  const text = page(
    'Urgent Action',
    story,
    'Please write to:',
    '',
    'President of the Republic of Examplia',
    '',
    'His Excellency Aron Sample',
    '',
    'Liberty Building',
    '',
    'Cnr Freedom Avenue and Hope Street',
    '',
    'Private Bag 12',
    '',
    'Harbourside, Exampleton',
    '',
    'Zimbabwe',
    '',
    'Email: office@president.example',
    '',
    'Also send copies to:',
    'Ambassador Carla Envoy Embassy of Examplia 12 Strand London',
    'Fax: 020 7000 0000 embassy@examplia.example',
    '',
    'Dear President Sample,',
    'I urge you to release Jane Example now.',
  );

  it('is one official, the person under the office, with every line as the address and the e-mail as theirs', () => {
    const { appeal } = imported(text);
    const officials = appeal.targets.filter((t) => !t.copy);
    expect(officials).toHaveLength(1);
    expect(officials[0]?.name).toContain('Aron Sample');
    expect(officials[0]?.address).toEqual(['Liberty Building', 'Cnr Freedom Avenue and Hope Street', 'Private Bag 12', 'Harbourside, Exampleton', 'Zimbabwe']);
    expect(officials[0]?.emails).toEqual(['office@president.example']);
    expect(appeal.targets.filter((t) => t.copy).flatMap((t) => t.emails)).toEqual(['embassy@examplia.example']);
  });
});

describe('a Spanish letter opens with "Señora" alone above the addressee', () => {
  it('makes the named person the official, never the form of address', () => {
    const { appeal } = imported(
      page(
        'Ejemplópolis, 3 de marzo de 2031',
        '',
        'Señora',
        'Ana María Ejemplo',
        'Fiscal General de la República',
        'Oficinas Centrales del Ministerio Público',
        '15 avenida 10-20 zona 1',
        '',
        'Señora fiscal:',
        '',
        'Le escribo para pedirle que libere a Jane Example, detenida sin cargos desde marzo de 2031, y que garantice su seguridad.',
        '',
        'Atentamente,',
      ),
    );
    expect(appeal.targets.map((t) => t.name)).toEqual(['Ana María Ejemplo']);
    expect(appeal.targets[0]?.address).toContain('15 avenida 10-20 zona 1');
  });
});

describe('an Amnesty USA one-line block that opens with the office', () => {
  it('splits the office, the person and the street, so the district is no official', () => {
    const { appeal } = imported(
      page(
        'Urgent Action 9.31',
        story,
        'Write a letter to one or both government officials listed.',
        'Minister of Interior Rosa Ejemplo Ruiz Calle Ejemplo No. 12 Col. Centro, Delegación Ejemplo Ciudad de México, C.P. 01000, MÉXICO Twitter: @ejemplo',
        '',
        'Dear Minister, I urge you to release Jane Example now and to protect her family.',
      ),
    );
    const official = appeal.targets.find((t) => !t.copy);
    expect(official?.name).toBe('Rosa Ejemplo Ruiz');
    expect(official?.title).toBe('Minister of Interior');
    expect(official?.address?.join(' ')).toContain('Calle Ejemplo No. 12');
    expect(appeal.targets.map((t) => t.name)).not.toContain('Delegación Ejemplo Ciudad de México');
  });
});

describe('an "Urgent Action update" page that still asks for appeals', () => {
  it('is an update, not a live appeal', () => {
    const text = page(
      'Urgent Action update: Jane Example released on bail, awaiting trial',
      story,
      'PLEASE SEND APPEALS BEFORE 11 SEPTEMBER 2031',
      'Please write to:',
      'Minister Aron Sample',
      'Ministry of Justice',
      '1 Example Street, Exampleton',
      'Email: minister@justice.example',
    );
    expect(kindOf(text)).toBe('update');
  });

  it('while a live action\'s dated "Update 18/07/2031:" line keeps it an appeal', () => {
    const text = page('Free Jane Example', 'Update 18/07/2031: her trial was postponed.', story, 'Take action: email the minister now.', 'Minister Aron Sample', 'Email: minister@justice.example');
    expect(kindOf(text)).toBe('appeal');
  });
});

describe('an old UA document: numbered "APPEALS TO" blocks with telegrams and a bilingual salutation', () => {
  const text = page(
    'Jane Example was injured when police evicted protesters (for example, see UA 12/30, AMR 99/01/30, 5 July 2030).',
    'RECOMMENDED ACTION: Please send telegrams/faxes/airmail letters in Spanish or your own language:',
    '- calling for an immediate investigation into the eviction;',
    'APPEALS TO:',
    '1) President of the Republic',
    'Lic. Aron Sample Ejemplo',
    'Palacio Nacional, 01000 Exampleton, MEXICO',
    'Telegrams: Presidente Sample, Exampleton',
    'Telexes: 123456 exmpl',
    'Faxes: + 52 5 000 0000',
    'Salutation: Sr. Presidente / Dear President',
    '2) Minister of the Interior',
    'Lic. Carla Other Ruiz',
    'Bucareli 1, Col. Centro',
    '01001 Exampleton, MEXICO',
  );

  it('reads each numbered item as an official, their own salutation whole, and no telegram or telex as an address line', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([
      ['Lic. Aron Sample Ejemplo', 'President of the Republic'],
      ['Lic. Carla Other Ruiz', 'Minister of the Interior'],
    ]);
    expect(appeal.targets[0]?.address).toEqual(['Palacio Nacional, 01000 Exampleton, MEXICO']);
    expect(appeal.targets[0]?.fax).toBe('+ 52 5 000 0000');
    expect(appeal.targets[0]?.salutation).toBe('Sr. Presidente / Dear President');
  });

  it('takes no UA number from the earlier UAs it cites', () => {
    expect(imported(text).appeal.id).not.toBe('ua-12-30');
  });
});

describe('a blog post asks its readers to e-mail a bulletin to an ambassador, the letter opening with its addressee', () => {
  const text = page(
    'Saturday, March 3, 2031',
    'Write an e-mail',
    'I will ask all friends of Examplia to send this bulletin to the Examplian embassy by e-mail:',
    '',
    'To Her Excellency Ms Ana Sample',
    'Ambassador Extraordinary and Plenipotentiary,',
    '',
    'I am deeply concerned about the latest news of the mistreatment of Jane Example and other activists held without charge.',
    'I call for all detainees who engaged in peaceful protest to be released immediately.',
  );

  it('imports as an appeal to the person the letter is addressed to, with the office as title', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([['Her Excellency Ms Ana Sample', 'Ambassador Extraordinary and Plenipotentiary']]);
  });

  it('while a newsletter heading alone, with no request to send it, is still refused', () => {
    expect(kindOf(page('Urgent Action Newsletter', 'This month we sent 400 letters for twelve cases and heard good news from two of them.'))).toBeUndefined();
  });
});

describe('a French page names the official and their e-mail in one sentence of prose', () => {
  it('attaches the e-mail to the person named right before it, and no other e-mail of the sentence', () => {
    const { appeal } = imported(
      page(
        'Écrivez au Procureur général',
        'Le 3 mars 2031, Jane Example a été arrêtée sans mandat et sa famille ne sait pas où elle est détenue.',
        'Envoyez votre message au Procureur général, M. Aron Exemple Martin à l’adresse aron@procureur.example et à l’ambassade en Belgique à l’adresse ambassade@example.be',
      ),
    );
    expect(appeal.targets.filter((t) => !t.copy).map((t) => [t.name, t.emails])).toEqual([['M. Aron Exemple Martin', ['aron@procureur.example']]]);
  });
});

describe('a French letter signed by two organisations\' presidents, closing "Nous vous prions d’agréer"', () => {
  const letter = [
    'Monsieur Aron Exemple',
    'Ministre des Affaires étrangères',
    '12, Quai des Exemples',
    '75 000 Paris',
    'Monsieur le Ministre,',
    'Le 3 juin dernier, nos deux ligues vous écrivaient au sujet de la détention de Mme Jane Example, toujours privée de liberté sans jugement.',
    'Votre intervention auprès des autorités en faveur de sa libération serait décisive.',
    'Nous vous prions d’agréer, Monsieur le Ministre, l’expression de nos sentiments les meilleurs,',
  ];

  it('is an open letter already sent: refused', () => {
    expect(kindOf(page(...letter, 'Ana Exemple Présidente de la Ligue A, Carl Autre Président de la Ligue B', 'Paris, le 8 août 2031'))).toBeUndefined();
  });

  it('while the same letter offered to the reader to send, with a blank for their name, imports', () => {
    expect(kindOf(page('Envoyez cette lettre modèle au ministre :', ...letter, '[Votre nom]'))).toBe('appeal');
  });
});

describe('a French group asks its readers to fax or e-mail three officials, listed in one sentence', () => {
  const text = page(
    'Alors pour cette fois, nous vous demandons d’écrire en faveur de Jane Example, condamnée à trois ans de prison pour avoir critiqué les conditions de détention.',
    '',
    'Vous pouvez les faxer aux numéros suivants : pour le Président no de fax 00999 71 000 001, pour le Ministre de la Justice, Monsieur Exemple no 00999 71 000 002 et, ou, au mail justice@ministeres.example , pour le ministre de l’Intérieur, Monsieur Autre, 00999 71 000 003 et, ou interieur@ministeres.example',
  );

  it('imports, each named minister with the e-mail of their own part of the sentence, and no one for the unnamed part', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([
      ['Monsieur Exemple', ['justice@ministeres.example']],
      ['Monsieur Autre', ['interieur@ministeres.example']],
    ]);
  });
});

describe('a French page asks the reader to copy a letter into a minister\'s web form; the salutation wraps over two lines', () => {
  const text = page(
    'Jane Example est en prison depuis plus d’un an. Merci de copier cette lettre et de l’envoyer à la ministre de la justice :',
    'Lyon/Gap, 20/12/2031',
    'Madame la Ministre de la Justice',
    'Ministère de la Justice',
    '13, Place des Exemples',
    '75000 Paris',
    'Madame la',
    'Ministre de la Justice,',
    'Vous n’ignorez pas que Jane Example est détenue arbitrairement depuis plus d’un an à la suite d’un procès inéquitable.',
  );

  it('imports the letter with its whole salutation, and its date line is never the official', () => {
    const { appeal } = imported(text);
    expect(appeal.letter.salutation).toBe('Madame la Ministre de la Justice,');
    expect(appeal.targets.map((t) => t.name)).not.toContain('Lyon/Gap');
    expect(appeal.targets[0]?.address).toContain('13, Place des Exemples');
  });
});

describe('a letter template with the addressee left blank, posted as a blog\'s numbered comment', () => {
  const letter = [
    'I am extremely concerned about the safety of Jane Example, who was attacked by armed men at her home on Friday December 29th.',
    'Please do all in your power to protect her and to investigate the attack.',
  ];

  it('imports as an appeal to an official the moderator adds, its salutation without the comment\'s number, and no blog chrome as the official', () => {
    const { appeal } = imported(page('letter template', '', 'One Comment on “letter template”', '', '  1. Dear _____,', '', ...letter));
    expect(appeal.letter.salutation).toBe('Dear _____,');
    expect(appeal.targets).toEqual([]);
  });

  it('while a form with gaps for the case itself, or with no case at all, is still refused', () => {
    expect(refusedReason(page('Dear _____,', '', 'We are writing on behalf of (inmate name), on death row in this state since March 2031.'))).toBe('import_not_an_appeal');
    expect(refusedReason(page('Dear _____,', '', 'I am writing to express my concern about the death penalty in this state.'))).toBe('import_not_an_appeal');
    expect(refusedReason(page('Dear Senator ________:', '', 'I am writing to express my concern.'))).toBe('import_not_an_appeal');
  });
});

describe('Amnesty USA\'s "Contact these two officials by ..." with one-line blocks that run into the ministry', () => {
  it('reads the minister from the office, the person, then the ministry and town as the address, with the block\'s own salutation', () => {
    const { appeal } = imported(
      page(
        'Urgent Action 99.31',
        story,
        'Contact these two officials by 31 January, 2032:',
        'Minister of Security Ana Ejemplo Ruiz Secretaría de Estado en el Despacho de Seguridad Antiguo Local de la Academia Tegucigalpa, Honduras',
        'Fax: +504 0000 0000',
        'Salutation: Dear Minister/Sr. Ministro',
        'Ambassador Carl Other, Embassy of Honduras 1 Example St. NW, Washington DC 20008',
        'Salutation: Dear Ambassador',
      ),
    );
    const minister = appeal.targets[0];
    expect([minister?.name, minister?.title, minister?.salutation]).toEqual(['Ana Ejemplo Ruiz', 'Minister of Security', 'Dear Minister/Sr. Ministro']);
    expect([minister?.organisation ?? '', ...(minister?.address ?? [])].join(' ')).toContain('Secretaría de Estado');
  });
});
