import { describe, expect, it } from 'vitest';
import { isDateLine } from '../../../src/core/importer/dates.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { fixture, imported } from './helpers.js';

/* The general rules behind corpus-4's failures (issue 27), on texts written for the test. */

describe('a letter date line is never an official', () => {
  it.each(['Oktober 2025', 'Im Dezember 2025', 'Apeldoorn, April 2020.', '3 November 2009', 'Tuesday, November 3, 2009', '[Insert date]'])('"%s" is a date line', (line) => {
    expect(isDateLine(line)).toBe(true);
  });

  it.each(['Paseo de la Presa 103', 'Mayo Street 3', 'President of Vietnam', 'Ba Dinh District'])('"%s" is not', (line) => {
    expect(isDateLine(line)).toBe(false);
  });

  it('reads the name under a month line and above a dated salutation, and keeps both dates out of the address', () => {
    const { appeal } = imported(
      ['Briefe gegen das Vergessen', '', 'Oktober 2025', 'President of Ruritania', 'Anna Beispiel', 'Palace Road 1', 'Strelsau 1000', 'RURITANIEN', 'Im Oktober 2025', 'Sehr geehrte Frau Präsidentin,', 'bitte lassen Sie ihn frei.', 'Mit freundlichen Grüßen'].join('\n'),
    );
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]).toMatchObject({ name: 'Anna Beispiel', title: 'President of Ruritania' });
    expect(appeal.targets[0]?.address.join(' ')).not.toMatch(/Oktober/);
  });

  it('stops a block at the closing of the letter above it, and splits "Public Prosecutor Name"', () => {
    const { appeal } = imported(
      ['Voorbeeld brieven', '', 'Vriendelijke groet,', '', 'Public Prosecutor Karim Example', 'Office of the Public Prosecutor', 'Main Street 2', 'CAIRO', 'ARAB REPUBLIC OF EGYPT', '', 'Utrecht, Mei 2020.', '', 'Dear Counsellor,', 'Release him.', 'Yours sincerely,'].join('\n'),
    );
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([['Karim Example', 'Public Prosecutor']]);
    expect(appeal.targets[0]?.address).toContain('ARAB REPUBLIC OF EGYPT');
  });
});

describe('German pages with captions and copies', () => {
  const page = [
    'Appell an',
    'PRÄSIDENT',
    'Max Muster',
    'President',
    'Palais Présidentiel',
    'Tunis',
    'TUNESIEN',
    '(korrekte Anrede: Son Excellence / Your Excellency)',
    'Fax: (00 216) 71 000 000',
    'MINISTER FÜR JUSTIZ',
    'Minister of Justice',
    'Moritz Beispiel',
    'Ministry of Justice',
    '31 Boulevard Bab Benat',
    '1006 Tunis',
    'TUNESIEN',
    'Fax: (00 216) 71 000 001',
    'Sende eine Kopie an',
    'BOTSCHAFT DER TUNESISCHEN REPUBLIK',
    'Lindenallee 16',
    '14050 Berlin',
    'Fax: 030-000',
    'Bitte schreiben Sie Ihre Appelle möglichst sofort. Schreiben Sie in gutem Arabisch, Englisch, Französisch oder auf Deutsch. Da Informationen in Urgent Actions schnell an Aktualität verlieren können, bitten wir Sie, nach dem 30. Dezember 2009 keine Appelle mehr zu verschicken.',
  ].join('\n');

  it('reads both officials, their bracketed salutation, the embassy as a copy, and the deadline in the paragraph', () => {
    const { appeal } = imported(page);
    expect(appeal.targets.map((t) => [t.name, t.copy])).toEqual([
      ['Max Muster', false],
      ['Moritz Beispiel', false],
      ['BOTSCHAFT DER TUNESISCHEN REPUBLIK', true],
    ]);
    expect(appeal.targets[0]?.salutation).toBe('Son Excellence / Your Excellency');
    expect(appeal.targets[0]?.address.join(' ')).not.toMatch(/korrekte|\)/);
    expect(appeal.targets[1]?.address).not.toContain('Lindenallee 16');
    expect(appeal.deadline).toBe('2009-12-30');
  });
});

describe('deadlines inside a paragraph', () => {
  it.each([
    ['AU 295/09, 3 novembre 2009 ENVOYEZ VOS APPELS AVANT LE 15 DÉCEMBRE 2009 À : Vérifiez auprès de votre section s’il faut encore intervenir après la date indiquée ci-dessus. Le militant étudiant risque d’être torturé.', '2009-12-15'],
    ['Hij werd tijdens zijn verhoor gemarteld, zegt zijn advocaat, en hij zit nog steeds vast in een politiebureau in de stad. Schrijf vóór 1 mei 2020 naar de openbaar aanklager van Egypte. Roep hem op hem vrij te laten.', '2020-05-01'],
  ])('finds the deadline in "%s"', (paragraph, iso) => {
    const result = importUrgentAction(`URGENT ACTION\n${paragraph}\nDear Prosecutor,\nRelease him.\nYours sincerely,`);
    expect(result.ok && result.appeal.deadline).toBe(iso);
  });

  it('takes no date of the story for a deadline', () => {
    const story = 'He was arrested on 22 October 2009 after meeting two journalists from abroad, and his lawyer filed a complaint with the Public Prosecutor before 25 October 2009, when the presidential and legislative elections took place in the country.';
    const result = importUrgentAction(`URGENT ACTION\n${story}\nDear Prosecutor,\nRelease him.\nYours sincerely,`);
    expect(result.ok && result.appeal.deadline).toBeNull();
  });
});

describe('texts that are no appeal, and petitions that are', () => {
  it('refuses a guide on how to write letters, even with an example address', () => {
    const result = importUrgentAction(
      'How to Write an Urgent Action Letter\n\n1. Address the Recipient – write the name and address, like this:\n\nLaurent Example, Primature\n33 Boulevard Harry Truman\nPort-au-Prince, HAITI\n\n2. Write the Letter.',
    );
    expect(result).toMatchObject({ ok: false, reason: 'import_not_an_appeal' });
  });

  it('imports a petition "To the ... authorities" as a draft', () => {
    const result = importUrgentAction('Emergency post\n\nPlease tell the authorities to stop the execution.\n\nTo the Missouri authorities\n\nWe, the undersigned, call on you to commute the death sentence.');
    expect(result).toMatchObject({ ok: true, kind: 'appeal', appeal: { draft: true } });
  });
});

describe('blocks the corpus-4 pages wrote', () => {
  it('splits a one-line block with the title first, and takes no share button for an official', () => {
    const { appeal } = imported('Lettre à envoyer :\n\nMonsieur le Procureur général,\nAbandonnez les charges.\nVeuillez agréer, Monsieur, mes salutations.\n\nDestinataires\n\nProcureur général Jan Kowalski Al. Ujazdowskie 11 00-950 Warsaw Pologne Courriel : kontakt@example.gov.pl\n\nTwitter\n');
    expect(appeal.targets.map((t) => [t.name, t.title, t.address, t.emails])).toEqual([['Jan Kowalski', 'Procureur général', ['Al. Ujazdowskie 11 00-950 Warsaw Pologne'], ['kontakt@example.gov.pl']]]);
  });

  it('reads a double-spaced address whose lines end in commas as one block', () => {
    const { appeal } = imported('Monthly Action\n\nRt. Hon Jane Example MP,\n\nHome Secretary,\n\nHouse of Commons,\n\n\n\n[Insert date]\n\nDear Jane Example,\nPlease help.\nYours sincerely,');
    expect(appeal.targets.map((t) => [t.name, t.title, t.address])).toEqual([['Rt. Hon Jane Example MP', 'Home Secretary', ['House of Commons']]]);
  });

  it('takes a sentence before a contact label for no official', () => {
    const { appeal } = imported(
      'Envía los llamamientos a:\n\nJuan Ejemplo\nThe President\n1 Main Street\nWashington DC 20500\n\nCorreo electrónico: president@example.gov\nEsta dirección funciona de manera irregular, y en ocasiones no está disponible. Página de correo-E.: http://www.example.gov/webmail\n\nSeñor Presidente:\nLe escribo.\nAtentamente,',
    );
    expect(appeal.targets.map((t) => t.name)).toEqual(['Juan Ejemplo']);
  });
});

describe('the rules behind corpus-5 (issue 27)', () => {
  it('takes "CONTACT INFORMATION" for a heading and splits the one-line block under it', () => {
    const { appeal } = imported(
      'URGENT ACTION\nUA 1.22\nCONTACT INFORMATION\nPublic Prosecutor Karim Example Office of the Public Prosecutor Main Street 2 – Cairo, Arab Republic of Egypt Fax: +202 0000 Email: pp@example.eg\n\nSAMPLE LETTER Dear Counsellor, I am writing to raise concerns about the detention of a journalist and to call for his release.',
    );
    expect(appeal.targets.map((t) => [t.name, t.title, t.emails])).toEqual([['Karim Example', 'Public Prosecutor', ['pp@example.eg']]]);
  });

  it('keeps "Governor Kay Ivey" as the name above a double-spaced address', () => {
    const { appeal } = imported('Urgent Action\n\nContact below official by 25 May, 2017:\n\nGovernor Jane Example\n\nState Capitol\n\n600 Dexter Avenue\n\nMontgomery, Alabama 36130\n\n\nFax: +1 334 000 0000\n\nSalutation: Dear Governor');
    expect(appeal.targets.map((t) => [t.name, t.address])).toEqual([['Governor Jane Example', ['State Capitol', '600 Dexter Avenue', 'Montgomery, Alabama 36130']]]);
    expect(appeal.deadline).toBe('2017-05-25');
  });

  it('makes no official of the lines above a lone "Anrede:" line', () => {
    const { appeal } = imported('BRIEFE GEGEN DAS VERGESSEN\nTranskription von Seiteninhalten\nBitte schreiben Sie einen höflich formulierten Brief an die Staatsanwältin in Trapani.\nAnrede: Gentile Procuratrice');
    expect(appeal.targets).toEqual([]);
  });

  it('cuts the letter\'s date off the last address line', () => {
    const { appeal } = imported('Briefe gegen das Vergessen\n\nHead of Judiciary Max Example\nc/o Permanent Mission to the UN\nChemin du Petit-Saconnex 28\n1209 Geneva\nSCHWEIZ Im September 2020\n\nExzellenz,\nbitte lassen Sie ihn frei.\nMit freundlichen Grüßen');
    expect(appeal.targets[0]?.address).toEqual(['Chemin du Petit-Saconnex 28', '1209 Geneva', 'SCHWEIZ']);
  });

  it('imports an old repost that asks to "write as instructed by the Amnesty International"', () => {
    const result = importUrgentAction('September 28, 2003\n\nAn appeal for help - Please write as instructed by the Amnesty International\n\nFear of imminent execution\nIRAN A woman, aged 32\n\nShe is at imminent risk of execution.');
    expect(result).toMatchObject({ ok: true, kind: 'appeal' });
  });

  it('refuses a page on how Urgent Actions work, even when it quotes UA numbers', () => {
    const result = importUrgentAction('amnesty international urgent actions\n\nHow They Work\n\nEach case-sheet has a UA number and addresses of authorities to whom appeals are to be sent.\n\nHighlights:\n\nUA 219 /06\n\nA leader has been harassed.');
    expect(result).toMatchObject({ ok: false, reason: 'import_not_an_appeal' });
  });
});

describe('the solidarity part', () => {
  it('reads the card to the person of the Write for Rights text, and never makes her an official', () => {
    const { appeal } = imported(fixture('corpus/en-2016-iran-write-for-rights-zeynab-jalalian.txt'));
    expect(appeal.solidarity).toEqual({
      to: 'Zeynab Jalalian',
      address: ['Khoy Prison', 'Salmas Road (across Rah va Tarabari)', 'Khoy County', 'West Azerbaijan Province', 'Iran'],
      hashtags: [],
      languages: [],
      advice: [],
    });
    expect(appeal.targets.map((t) => t.name)).toEqual(['Ayatollah Sadegh Larijani']);
  });

  it('reads a card whose address sits on the lines below, its hashtags, languages and advice, and keeps it off the officials', () => {
    const { appeal } = imported(
      [
        'PLEASE WRITE TO:',
        'Minister of Justice',
        'Ali Hassan',
        '1 Nile St, Cairo, Egypt',
        'Email: minister@justice.gov.eg',
        '',
        'Write a card to Mona Example in English or Arabic:',
        'Mona Example',
        'Qanater Prison',
        'Qalyubia, Egypt',
        'Do not include your home address on the card. #FreeMona',
        '',
        'Dear Minister,',
        'Release her.',
        'Yours sincerely,',
      ].join('\n'),
    );
    expect(appeal.solidarity).toMatchObject({ to: 'Mona Example', address: ['Qanater Prison', 'Qalyubia, Egypt'], hashtags: ['#FreeMona'], languages: ['English', 'Arabic'] });
    expect(appeal.solidarity?.advice).toEqual(['Do not include your home address on the card. #FreeMona']);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Ali Hassan']);
  });

  it('reads a German request for a solidarity message', () => {
    const { appeal } = imported('Appell an\nJustizminister\nMax Muster\nHauptstraße 1\n1000 Stadt\n\nSchreiben Sie Nasrin Beispiel eine Solidaritätsbotschaft an: Nasrin Beispiel, Evin-Gefängnis, Teheran, Iran\n\nSehr geehrter Herr Minister,\nbitte lassen Sie sie frei.\nMit freundlichen Grüßen');
    expect(appeal.solidarity).toMatchObject({ to: 'Nasrin Beispiel', address: ['Evin-Gefängnis', 'Teheran', 'Iran'] });
  });

  it('invents none: "In solidarity," and a story of solidarity actions ask for no card', () => {
    const { appeal } = imported('URGENT ACTION\nUA 2/20\nWe received a lot of solidarity actions and messages of support.\nPLEASE WRITE TO:\nMinister Ali Hassan\n1 Nile St, Cairo, Egypt\n\nDear Minister,\nRelease him.\nYours sincerely,\n\nIn solidarity,\nThe team');
    expect(appeal.solidarity).toBeUndefined();
  });
});

describe('the rules behind corpus-6 (issue 27)', () => {
  it("never makes the organisers' forwarding address an official", () => {
    const result = importUrgentAction('We are starting a letter writing campaign to the Board of Pardons.\n\n4) Send your letter to:\n\nAmnesty International\n730 Peachtree St.\nSuite 1060\nAtlanta, GA 30308\n\nOr, fax it to 404-000-0000');
    expect(result).toMatchObject({ ok: true, appeal: { targets: [] } });
  });

  it('takes "Your Governor" for no official', () => {
    const { appeal } = imported('Tell Your Governor: End the Death Penalty Now\n\nMessage Recipients: Your Governor\nDear Governor\n\nI am writing to ask you to end the death penalty in our state.');
    expect(appeal.targets).toEqual([]);
  });

  it('keeps a web form written on the name line with that official, and the address below it', () => {
    const { appeal } = imported('Death Row Clemency Letter\n\nPresident Jane Example, Jr. best to email https://www.example.gov/contact/\nThe Example House\n1 Example Avenue, N.W.\nWashington, DC 20500\n\nDear President Example:\n\nPlease commute the sentences.\n\nSincerely,');
    expect(appeal.targets.map((t) => [t.name, t.address, t.social])).toEqual([['President Jane Example, Jr.', ['The Example House', '1 Example Avenue, N.W.', 'Washington, DC 20500'], ['Web form: https://www.example.gov/contact/']]]);
  });

  it('imports a request for signatures, and refuses a page on what an Urgent Action is', () => {
    expect(importUrgentAction('Ayúdanos con tu firma a conseguir que el Senado rechace la reforma.\n\nAmnistía Internacional')).toMatchObject({ ok: true });
    expect(importUrgentAction('Qu’est-ce qu’une ACTION URGENTE ? Comment ça marche ?\n\nAmnesty International cherche à faire affluer des lettres aux autorités concernées.')).toMatchObject({ ok: false, reason: 'import_not_an_appeal' });
  });
});
