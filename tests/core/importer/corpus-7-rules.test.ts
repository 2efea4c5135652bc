import { describe, expect, it } from 'vitest';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, refusedReason } from './helpers.js';

/* The general rules behind corpus-7's failures (issue 27), on texts written for the test. */

describe('contact lines that are no official', () => {
  it('never makes an e-mail header an official, nor gives it the message\'s addresses', () => {
    const { appeal } = imported(
      [
        'REQUEST FOR URGENT ACTION',
        'Date: Mon, 3 Mar 2003 10:00:00 From: "A. Member" To: member@example.org Cc: other@example.net Subject: urgent action',
        '',
        'Minister of Justice Anna Beispiel',
        'Ministry of Justice',
        'Palace Road 1',
        'Strelsau, Ruritania',
        '',
        'Dear Minister,',
        'Please release him.',
        'Yours sincerely,',
      ].join('\n'),
    );
    expect(appeal.targets.map((t) => t.name)).toEqual([expect.stringContaining('Anna Beispiel')]);
    expect(appeal.targets.flatMap((t) => t.emails)).toEqual([]);
  });

  it('keeps a second fax number with the official above it, never as the name of the one below', () => {
    const { appeal } = imported(
      [
        'Please write to:',
        '',
        'President Max Muster',
        'Palace Road 1',
        'Strelsau',
        'Ruritania',
        'Fax: 12 3 4567890 (via Ministry of Foreign Affairs)',
        '',
        '1 2125550123 (via the mission to the UN)',
        '',
        '',
        'General Otto Beispiel',
        'Minister of the Interior',
        'Ministry of the Interior',
        'Strelsau',
        'Ruritania',
        'Fax: 12 3 4567891',
        '',
        'Sr Karl Exempel',
        'Minister of Foreign Affairs',
        'Ministry of Foreign Affairs, Main Street 2',
        'Strelsau',
        'Ruritania',
        '',
        'SAMPLE LETTER',
        'Dear President,',
        'Please release them.',
        'Yours sincerely,',
      ].join('\n'),
    );
    const names = appeal.targets.map((t) => t.name);
    expect(names.some((n) => /\d{7}/.test(n))).toBe(false);
    expect(names).toEqual(expect.arrayContaining([expect.stringContaining('Max Muster'), expect.stringContaining('Otto Beispiel'), expect.stringContaining('Karl Exempel')]));
    // Each official keeps only their own office: the minister's lines are never on the president.
    const president = appeal.targets.find((t) => t.name.includes('Max Muster'));
    expect([president?.title, president?.organisation, ...(president?.address ?? [])].join(' ')).not.toMatch(/Interior|Foreign/);
  });
});

describe('a flattened e-mail', () => {
  it('reads the address just before an inline salutation, and skips a greeting to the readers', () => {
    const { appeal } = imported(
      'Dear Concerned Party, Below you will find a letter to the Minister of Interior of Ruritania about six prisoners held for ten years. Please copy it on your own stationery and send it by airmail. Thank you for your assistance. Minister of Interior Otto Beispiel Ministry of Interior Palace Road Strelsau Kingdom of Ruritania Dear Minister: It has been more than ten years since they were arrested. I call upon you to release them.',
    );
    expect(appeal.letter.salutation).toBe('Dear Minister:');
    expect(appeal.targets.map((t) => t.name)).toEqual([expect.stringContaining('Otto Beispiel')]);
  });
});

describe('model-letter pages', () => {
  it('reads the address above the caption line that names the person the letter is for, for every letter', () => {
    const page = [
      'Musterbriefe',
      '',
      'UA-101/2020 Haft - Ruritanien. Appelle bis 1. März 2021',
      '',
      'Max Muster',
      'Minister of Justice',
      'Palace Road 1',
      'Strelsau 1000',
      'RURITANIEN',
      '',
      'Erika Beispiel',
      '',
      'Exzellenz,',
      'bitte lassen Sie Erika Beispiel frei.',
      'Mit freundlichen Grüßen',
      '',
      'UA-102/2020 Haft - Grenzland. Appelle bis 2. März 2021',
      '',
      'Otto Exempel',
      'Office of the President',
      'Main Street 2',
      'Grenzstadt 2000',
      'GRENZLAND',
      '',
      'Karl Beispiel',
      '',
      'Sehr geehrter Herr Präsident,',
      'bitte lassen Sie Karl Beispiel frei.',
      'Mit freundlichen Grüßen',
    ].join('\n');
    const { appeal } = imported(page);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Max Muster', 'Otto Exempel']);
  });

  it('keeps an ambassador who is the first letter\'s addressee an official, not a copy', () => {
    const { appeal } = imported(
      ['Musterbriefe', '', 'Max Muster', 'Ambassador Extraordinary and Plenipotentiary', '820 Second Avenue', 'New York, NY 10017', 'USA', '', 'Erika Beispiel', '', 'Exzellenz,', 'bitte lassen Sie Erika Beispiel frei.', 'Mit freundlichen Grüßen', '', 'Otto Exempel', 'Office of the President', 'Main Street 2', 'Grenzstadt 2000', 'GRENZLAND', '', 'Karl Beispiel', '', 'Sehr geehrter Herr Präsident,', 'bitte lassen Sie Karl Beispiel frei.', 'Mit freundlichen Grüßen'].join('\n'),
    );
    expect(appeal.targets.map((t) => [t.name, t.copy])).toEqual([['Max Muster', false], ['Otto Exempel', false]]);
  });

  it('reads "Votre Excellence," as the salutation of a French letter', () => {
    const { appeal } = imported(
      ['Écrivez au ministre de la Justice :', 'S.E M. Jean Exemple', 'Ministre de la Justice', 'Place Centrale', 'Strelsau', 'Ruritanie', 'Votre Excellence,', 'Je vous demande de libérer ces personnes.', 'Veuillez agréer, Excellence, mes salutations.'].join('\n'),
    );
    expect(appeal.letter.salutation).toBe('Votre Excellence,');
    expect(appeal.letter.lang).toBe('fr');
  });
});

describe('signs of an appeal without a UA number or a letter', () => {
  it.each([
    ['a web form and a fax', 'Are you concerned over his death in detention? Please tell the Ministry of Justice what you think, by following the link below:\nhttps://www.example.org/form\nOr send a fax to: 03-0000-0000'],
    ['letters sent through the organisers', 'We will hand the letters to the prosecutors next month. Please send the letters to our office either by fax or by mail (1-2-3 Example Street, Tokyo 100-0000). Thank you for your help!'],
    ['officials to call', 'Executions are postponed for now.\nCall Governor Max Muster at 404-000-0000 to say you support a halt to executions.\nCall Attorney General Otto Beispiel at 404-000-0001.'],
    ['a French card to write online', "Nous n'avons pas encore d'adresse postale pour les cartes. Écrivez-lui donc plutôt en ligne !"],
    ['a Portuguese invitation to e-mail', 'A Amnistia Internacional convida qualquer pessoa que se queira juntar a este apelo a escrever um e-mail dirigido ao primeiro-ministro.'],
    ['a petition that opens with its addressees', 'Sr Max Muster\nPresidente de la República\nPalacio Central\nValparaíso, Chile\n\nSr Otto Beispiel\nMinistro de Justicia\nCalle Mayor 107\nValparaíso, Chile\n\nsomos miembros de un grupo local y pedimos justicia para las familias.'],
  ])('imports %s as a draft', (_, text) => {
    const result = importUrgentAction(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.appeal.draft).toBe(true);
  });

  it('reads every address block of a petition that opens with them', () => {
    const { appeal } = imported('Sr Max Muster\nPresidente de la República\nPalacio Central\nValparaíso, Chile\n\nPrograma de Derechos Humanos\nSr Otto Beispiel\nCalle Mayor 107\nValparaíso, Chile\n\nsomos miembros de un grupo local y pedimos justicia para las familias.');
    expect(appeal.targets.map((t) => t.name)).toEqual(['Sr Max Muster', 'Sr Otto Beispiel']);
  });

  it.each([
    ['a report that members send messages', 'The campaign asks the public to send personal messages of support to people behind bars. Drop into the meeting house on Saturday to sign greetings cards.'],
    ['a news item about a letter marathon', 'Su propósito era escribir cartas de protesta a los gobiernos durante 24 horas. En los siguientes links se puede revisar cada caso y firmar en apoyo.'],
    ['a letter-writing guide', 'Accueil\nÉcrire des lettres\n\nLes Actions urgentes sont plus efficaces quand elles sont courtes. Dans la mesure du possible, écrivez dans la langue du destinataire.'],
  ])('still refuses %s', (_, text) => {
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });
});
