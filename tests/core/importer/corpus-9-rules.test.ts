import { describe, expect, it } from 'vitest';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, refusedReason } from './helpers.js';

/* The general rules behind corpus-8's and corpus-9's failures (issue 27), on texts written for the test. */

describe('calls to act without an address block are appeals', () => {
  it.each([
    ['a plea to call', 'Message from the committee\n\nI called the office this morning. PLEASE PLEASE CALL TODAY!! It matters.'],
    ['a mass mailing', 'Please join us in a mass mailing to Governor Example.\nOne card per person.'],
    ['calls and e-mails needed', 'The bill is on the desk.\n\nWe need as many calls and emails to the Governor as possible this week.'],
    ['reported urging', 'The council is urging people to write to the Ambassador about the camps before Friday.'],
    ['contact the board', 'Three executions are set. Contact the Board Members by email at: (address on the site)'],
  ])('imports %s as a draft', (_, text) => {
    expect(refusedReason(text)).toBeUndefined();
  });

  it('still refuses a report that members sent letters', () => {
    expect(refusedReason('Last year our members sent many letters and cards. Thank you to everyone who came to the stall.')).toBe('import_not_an_appeal');
  });

  it('greets by the salutation the text tells the reader to use', () => {
    const { appeal } = imported('Contact the Board by email.\n\n–Emails should begin with “Dear Board Members”\n–Include the full name of the prisoner');
    expect(appeal.letter.salutation).toBe('Dear Board Members');
  });

  it('greets by name alone: "Mr Example," opens a letter', () => {
    const { appeal } = imported('Here is a letter to send.\nMr Example,\nThe families moved to the island have broken no law.\nBring them back.');
    expect(appeal.letter.salutation).toBe('Mr Example,');
  });
});

describe('whom to write to, said in a sentence or a label', () => {
  it('reads the block after "you may address a letter to" and stops at the blank line', () => {
    const { appeal } = imported(
      ['Please support us at the hearing.', 'If you cannot come you may address a letter to', 'Board of Supervisors', 'PO Box 12', 'Exampletown VA 22900', '', 'or email our supervisor', 'Jane Example', '', 'Thank you very much,'].join('\n'),
    );
    expect(appeal.targets.map((t) => t.name)).toEqual(['Board of Supervisors']);
    expect(appeal.targets[0]?.address).toEqual(['PO Box 12', 'Exampletown VA 22900']);
  });

  it('keeps the copies of "envoyez-la aussi en copie à :" apart, and the office named after "l\'envoyer à :" as the official', () => {
    const { appeal } = imported(
      [
        "L'imprimer, la signer, l'envoyer à : Monsieur le Ministre de la Justice",
        'Place Exemple',
        '75001 Paris',
        'Et si vous le pouvez, envoyez la aussi en copie à :',
        'Madame la Maire de Ville',
        "Place de l'Hôtel de Ville",
        '75004 Paris',
        'maire@ville.example',
        'Monsieur le Ministre de la Justice,Considérant les droits universels de la personne, force est de constater que ces droits sont violés, plus encore depuis le démantèlement des camps.',
      ].join('\n'),
    );
    const main = appeal.targets.filter((t) => !t.copy);
    expect(main.map((t) => t.name)).toEqual(['Monsieur le Ministre de la Justice']);
    expect(main[0]?.address).toEqual(['Place Exemple', '75001 Paris']);
    expect(main[0]?.emails).toEqual([]);
    expect(appeal.targets.filter((t) => t.copy).flatMap((t) => t.emails)).toEqual(['maire@ville.example']);
    expect(appeal.letter.salutation).toBe('Monsieur le Ministre de la Justice,');
  });

  it('reads "Target: Name, Title" as the official, without the page below it', () => {
    const { appeal } = imported(
      ['Target: Ana Example, Chief Justice of the High Court', 'Goal: Praise the court for protecting wildlife and holding hunters to account.', 'A long story follows about the case and the court.', '', 'Dear Chief Justice Example,', 'Thank you.'].join('\n'),
    );
    expect(appeal.targets.map((t) => t.name)).toEqual(['Ana Example, Chief Justice of the High Court']);
    expect(appeal.targets[0]?.address).toEqual([]);
  });
});

describe('a Write for Rights case page', () => {
  it('is an appeal whose card address, followed by the rules for the cards, is the person at risk\'s and never an official\'s', () => {
    const result = importUrgentAction(
      ['Mona Example - Écrire, ça libère ! 2023', '', 'Mona Example est une poète emprisonnée.', '', 'Mona Example', '', 'c/o Centre Exemple', '', 'PO Box 245', '', 'Saida', '', '  1. Les messages doivent être brefs et personnels.', '  2. N’utilisez pas de cartes d’autres organisations.'].join('\n'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.appeal.solidarity).toMatchObject({ to: 'Mona Example', address: ['c/o Centre Exemple', 'PO Box 245', 'Saida'] });
    expect(result.appeal.targets).toEqual([]);
  });
});

describe('texts that are no appeal', () => {
  it('refuses a blank form letter', () => {
    expect(refusedReason('For the Senate:\nThe Honorable ________\nU.S. Senate\n\nDear Senator ________:\n\nI am writing to express my concern.')).toBe('import_not_an_appeal');
  });

  it('refuses a news item that tells of an Urgent Action in its sentences and asks nothing', () => {
    const news = 'Amnistía Internacional lanzó una Acción Urgente global para pedir la liberación de un abogado detenido en la provincia, acusado de sedición tras las protestas.\nEl pedido está dirigido a sus seguidores de más de 160 países, que envían cartas al fiscal.';
    expect(refusedReason(news)).toBe('import_not_an_appeal');
    // The same words as a banner, or with a request to the reader, still import.
    expect(refusedReason(`ACCIÓN URGENTE\n${news}`)).toBeUndefined();
    expect(refusedReason(`${news}\nEscribe al fiscal hoy mismo.`)).toBeUndefined();
  });

  it('refuses a guide whose title is broken over short lines', () => {
    expect(refusedReason('GUÍA BREVE\nPARA ESCRIBIR\nCARTAS\n\nSé breve y educado. Escribe a mano si puedes.')).toBe('import_not_an_appeal');
  });
});

describe('deadlines without a year', () => {
  it('reads "The deadline will be this Saturday, May 9th." in the year of the post', () => {
    const { appeal } = imported('Tuesday, May 05, 2009\n\nOn the desk\n\nThe deadline will be this Saturday, May 9th.\n\nPlease call the Governor now.');
    expect(appeal.deadline).toBe('2009-05-09');
  });
});
