// The general rules behind corpus-27's Italian, Polish, Spanish and Portuguese misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isClosing } from '../../../src/core/importer/letter.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

describe('texts that are no appeal stay refused', () => {
  it('refuses an explainer titled with a Spanish question, its opening "¿" included', () => {
    const text = page(
      '02 - 08 - 2027',
      '',
      '¿Qué es una Acción Urgente?',
      '',
      'Una Acción Urgente es una herramienta que pueden activar personas y organizaciones para dar a conocer a las autoridades situaciones violatorias de los derechos humanos.',
      '',
      'El encabezado debe contener el nombre de la organización, un breve resumen de la situación y las fechas de los hechos.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('refuses a letter a Polish page says was sent ("Wysłany list do Ambasadora")', () => {
    const text = page(
      'Akcja Stowarzyszenia Example z Londynu',
      '',
      'Wysłany list do Ambasadora Examplii w Londynie',
      '',
      'His Excellency',
      'Aron Example',
      'Ambassador of the Republic of Examplia to the United Kingdom',
      '',
      'Dear Mr Ambassador,',
      '',
      'I am writing to you with regard to the recent incident concerning Jane Example, a war veteran living in Examplia who is now accused of smuggling food parcels.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('refuses a reader\'s letter signed with the writer\'s name under an Italian closing', () => {
    const text = page(
      'Caro Ministro, le segnalo un amico in carcere',
      'Gentile Ministro Example,',
      'sono un suo estimatore. Mi permetto di segnalarle un mio amico detenuto, lo scrittore Mario Example, la cui salute peggiora ogni giorno.',
      'Le sarei molto grato se potesse prendere a cuore il suo caso.',
      'La ringrazio con tutto il cuore e le porgo distinti saluti,',
      'Jane Example',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('reads an Italian closing at the end of the last sentence, and only there', () => {
    expect(isClosing('La ringrazio con tutto il cuore e le porgo distinti saluti,')).toBe(true);
    expect(isClosing('Vi inviamo i nostri più cordiali saluti.')).toBe(true);
    expect(isClosing('Le porgo distinti saluti e le chiedo di intervenire subito per il suo rilascio immediato.')).toBe(false);
  });

  it('still imports the same letter when the name under its closing is left for the reader', () => {
    const text = page(
      'Gentile Ministro Example,',
      'le scrivo per chiederle di intervenire in favore dello scrittore Mario Example, detenuto da mesi e gravemente malato.',
      'La ringrazio e le porgo distinti saluti,',
      'Nome e cognome',
    );
    expect(kindOf(text)).toBe('appeal');
  });
});
