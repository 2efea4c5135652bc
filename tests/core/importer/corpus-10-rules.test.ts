import { describe, expect, it } from 'vitest';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, refusedReason } from './helpers.js';

/* The general rules behind corpus-10's failures (issue 27), on texts written for the test. */

describe("Amnesty USA's current one-line blocks", () => {
  const page = [
    'Urgent Action: EXAMPLE DETAINED (Exampleland: UA 12.34)',
    '',
    '  1. Please take action as-soon-as possible. This Urgent Action expires on August 15, 2034.',
    '  2. Write a letter in your own words or using the sample below as a guide to one or both government officials listed.',
    'His Majesty King Example bin Sample Al Name Office of His Majesty the King Royal Court, Capital Kingdom of Saudi Arabia Fax: +1 234 5678, Twitter: @KingExample',
    'Ambassador Princess Sample Example Royal Embassy of Exampleland 601 New Example Ave., NW Washington, DC 20037 Phone: 202 000 0000 Salutation: Your Royal Highness',
    '',
    'SAMPLE LETTER Your Majesty King Example bin Sample Al Name, I am alarmed to learn that the student is at risk of execution after an unfair trial and ask you to quash the sentence.',
  ].join('\n');

  it('splits a long form of address from the office, the office from its street, and a country it ends with', () => {
    const { appeal } = imported(page);
    const [king, envoy] = appeal.targets;
    expect(king).toMatchObject({ name: 'His Majesty King Example bin Sample Al Name', organisation: 'Office of His Majesty the King Royal Court, Capital', address: ['Kingdom of Saudi Arabia'], fax: '+1 234 5678' });
    expect(envoy).toMatchObject({ name: 'Ambassador Princess Sample Example', organisation: 'Royal Embassy of Exampleland', address: ['601 New Example Ave., NW Washington, DC 20037'], salutation: 'Your Royal Highness' });
  });

  it('reads "SAMPLE LETTER Your Majesty ...," as the letter\'s salutation', () => {
    const { appeal } = imported(page);
    expect(appeal.letter.salutation).toBe('Your Majesty King Example bin Sample Al Name,');
    expect(appeal.deadline).toBe('2034-08-15');
  });

  it('still reads a comma-separated block as a list: name, office, street', () => {
    const { appeal } = imported('UA 1/34\n\nPlease write to:\nMinister of Justice Jane Example, Ministry of Justice, Marina Parade, Banjul, Gambia.\nEmail: minister@example.gm\nSalutation: Dear Minister');
    expect(appeal.targets[0]).toMatchObject({ name: 'Minister of Justice Jane Example', organisation: 'Ministry of Justice' });
  });
});

describe('requests to write that the importer refused', () => {
  it.each([
    ['an action "encouraging people to write"', 'Take action on Exampleland\n\nThe action is encouraging people to write to the Attorney General, raising concerns about the death penalty.'],
    ['"please email" a named person', 'Dear Supporter,\nOur pressure has been working but we must make another push – please email Jane Example today.'],
    ['a group asking everyone for a letter', 'March update\n\nThere are more abuses we cannot ignore so can I ask everyone to do an Urgent Action letter.\n\nA journalist is detained.'],
    ['a request reported in Spanish', 'La madre del estudiante pide la colaboración de la ciudadanía para enviar cartas al embajador, Juan Ejemplo.'],
  ])('imports %s as a draft', (_, text) => {
    expect(refusedReason(text)).toBeUndefined();
  });

  it('still refuses a report that members sent letters', () => {
    expect(refusedReason('Last year our members sent many letters and cards. Thank you to everyone who came to the stall.')).toBe('import_not_an_appeal');
  });
});

describe('texts that are no appeal', () => {
  it('refuses a form letter whose addressee and case are bracketed gaps', () => {
    const form = 'Sample Clemency Appeal Letter\n\nDear [Name of Governor],\n\nI am writing about the execution of [defendant’s name] scheduled for [execution date]. Grant clemency to [client’s name].\n\nSincerely,';
    expect(refusedReason(form)).toBe('import_not_an_appeal');
  });

  it('imports a letter to the member\'s own MP, whose one gap is the MP\'s name', () => {
    expect(refusedReason('Write to your MP today.\n\nDear [NAME] MP,\n\nI am writing about the deportation flight on Wednesday.\n\nYours sincerely,')).toBeUndefined();
  });

  it("refuses a month's index of Urgent Actions", () => {
    const index = 'Amnesty Urgent Actions\nHome Urgent Actions 2030 09\n\n\nLeader shot dead\nA leader was shot dead on 27 August. Others could be at risk.\nHealth fears for detained activist\nA prisoner of conscience is denied medical care.';
    expect(refusedReason(index)).toBe('import_not_an_appeal');
  });
});

describe('news of actions', () => {
  it('reads a German round-up of successes as good news with no number of its own', () => {
    const text = 'AKTION: Urgent Action - Erfolge Oktober - Dezember 2030\n\nWir möchten mit einer Auswahl aktueller Erfolge und positiver Entwicklungen Danke sagen.\n\nUSA - HINRICHTUNG AUSGESETZT\nDer Gerichtshof gewährte einen Aufschub.\n(UA-270/2030)\n\nTÜRKEI - FREIGELASSEN\nEr ist frei.\n(UA-308/2030)';
    const result = importUrgentAction(text);
    expect(result.ok && result.kind).toBe('good-news');
    expect(result.ok && result.appeal.number).toBeUndefined();
  });
});

describe('whom to write to, said before the address block', () => {
  it('heads the block after "written to X and mailed to:" with the person the sentence names', () => {
    const { appeal } = imported(
      'Please send letters urging the Commission to take up the case. Letters should be written to Executive Secretary Example and mailed to:\n\nExample Commission on Human Rights\n17th Street & Constitution Avenue NW,\nWashington DC 20006\n\nBelow is a sample letter:\n\nDear Executive Secretary Example,\n\nI am writing about the case.',
    );
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]).toMatchObject({ name: 'Executive Secretary Example', organisation: 'Example Commission on Human Rights', address: ['17th Street & Constitution Avenue NW', 'Washington DC 20006'] });
  });
});

describe('whom to write to, said in prose', () => {
  const news = [
    'The mother of the student asks everyone to send letters to the ambassador of Exampleland in Spain, Juan Ejemplo Uno, asking about the case.',
    'The address to which the letters can be sent is Carrera Ejemplo, 46 28014 Madrid, España.',
    'These letters add to the petition made by the group “SOS, Example Network”.',
  ];

  it('pairs the one recipient the text names with the one address it gives', () => {
    const { appeal } = imported(news.join('\n'));
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]).toMatchObject({ name: 'Juan Ejemplo Uno', title: 'ambassador of Exampleland in Spain', address: ['Carrera Ejemplo, 46 28014 Madrid, España'] });
  });

  it('attaches no address when the text names two recipients', () => {
    const two = [...news, 'Others may send letters to the consul of Exampleland in Madrid, Carla Ejemplo Dos.'].join('\n');
    const result = importUrgentAction(two);
    expect(result.ok && result.appeal.targets).toEqual([]);
  });
});

describe('greetings that open no letter to an official', () => {
  it('reads "Dear Gabriel," as a greeting to the reader, and takes the letter that follows', () => {
    const { appeal } = imported('Dear Gabriel,\n\nPlease write to the governor today.\n\nGovernor Jane Example\nState Capitol\nSpringfield, XX 00000\n\nDear Governor Example,\n\nI urge you to grant clemency.\n\nSincerely,');
    expect(appeal.letter.salutation).toBe('Dear Governor Example,');
  });

  it('still reads "Dear Minister," and "Dear Sir," as salutations', () => {
    expect(imported('UA 1/30\n\nDear Minister,\n\nI urge you to release him.\n\nYours sincerely,').appeal.letter.salutation).toBe('Dear Minister,');
    expect(imported('UA 2/30\n\nDear Sir,\n\nI urge you to release him.\n\nYours sincerely,').appeal.letter.salutation).toBe('Dear Sir,');
  });
});

describe('deadlines in more wordings', () => {
  it.each([
    ['Appeals should arrive by 12 May 2031.', 'Dear Minister,', '2031-05-12'],
    ['Envíen llamamientos lo antes posible y no más tarde del 12 de mayo de 2031.', 'Señor Ministro:', '2031-05-12'],
    ['Merci d’agir au plus tard le 12 mai 2031.', 'Monsieur le Ministre,', '2031-05-12'],
  ])('reads "%s"', (line, salutation, date) => {
    const { appeal } = imported(`UA 1/31\n${line}\n${salutation}\nRelease him.\nYours sincerely,`);
    expect(appeal.deadline).toBe(date);
  });
});

describe('contact details run together', () => {
  const uk = [
    'Urgent Action: Stop the prosecution',
    'PLEASE SEND APPEALS BEFORE 27 SEPTEMBER 2031',
    'Please write urgently in your own words or using the template letter in English or Russian to:',
    'Alexander Example Sample',
    'Chairman of the Investigative Committee of Exampleland',
    'Example per. 2',
    '105005 Moscow',
    'Russian Federation',
    'Salutation: Dear Chairman of the Investigative Committee',
    'Also send copies to diplomatic representatives accredited to your country.',
    'HIS EXCELLENCY DR SAMPLE EXAMPLE Embassy of Exampleland 6/7 Example Gardens, London, W8 4QP Fax: 0207 000 0000 kanc@embassy.example',
  ].join('\n');

  it('reads "Chairman of ..." as the title, and an e-mail run on after a fax number as the e-mail', () => {
    const { appeal } = imported(uk);
    expect(appeal.targets[0]).toMatchObject({ name: 'Alexander Example Sample', title: 'Chairman of the Investigative Committee of Exampleland' });
    expect(appeal.targets[1]).toMatchObject({ copy: true, fax: '0207 000 0000', emails: ['kanc@embassy.example'] });
  });
});
