// The general rules behind corpus-27's Italian, Polish, Spanish and Portuguese misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isClosing } from '../../../src/core/importer/letter.js';
import { isPlausibleName } from '../../../src/core/importer/name-gate.js';
import { institutionRequestLines } from '../../../src/core/importer/institution-request.js';
import { splitSections } from '../../../src/core/importer/sections.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

const importUrgentActionSolidarity = (text: string): unknown => {
  const result = importUrgentAction(text);
  return result.ok ? result.appeal.solidarity : undefined;
};

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

  it('refuses a reader\'s letter under a headline that greets its official, signed with the writer\'s name under an Italian closing', () => {
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

  it('imports the same signed letter without the headline that greets its official, as a draft the moderator checks', () => {
    const text = page(
      'Gentile Ministro Example,',
      'sono un suo estimatore. Mi permetto di segnalarle un mio amico detenuto, lo scrittore Mario Example, la cui salute peggiora ogni giorno.',
      'La ringrazio con tutto il cuore e le porgo distinti saluti,',
      'Jane Example',
    );
    const { appeal, warnings } = imported(text);
    expect(appeal.draft).toBe(true);
    expect(warnings.map((w) => w.code)).toContain('unsure_sender');
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

describe('calls to write in Italian, Portuguese and Polish wording import, at least as drafts', () => {
  it('imports an Italian instruction in the infinitive with the e-mail to write to, naming no one "Scrivere"', () => {
    const text = page(
      'L\'appello: inondiamo di e-mail il ministero',
      'Sono dodici uomini bloccati al largo delle nostre coste da venti giorni. Ai lettori rivolgiamo un appello.',
      'Scrivere a ufficio@ministero.example.it oppure compilare il messaggio sul sito del ministero',
    );
    const result = imported(text);
    expect(result.appeal.draft).toBe(true);
    expect(result.appeal.targets.map((t) => t.name)).not.toContain('Scrivere');
    expect(isPlausibleName('Scrivere')).toBe(false);
  });

  it('imports a campaign that asks to send its text "a questi recapiti:" with e-mails', () => {
    const text = page(
      'La campagna Example lancia oggi un\'azione per chiedere che gli accordi vengano cancellati.',
      'Per questo invita a copiare il testo qui sotto in un\'e-mail, a firmarlo con nome e cognome e a inviarlo a questi recapiti: uno@governo.example.it e due@interno.example.it.',
    );
    expect(kindOf(text)).toBe('appeal');
  });

  it('imports a circular that asks to send faxes, e-mails or letters to the government inside a sentence', () => {
    const text = page(
      'Caros colegas,',
      'Os nossos colegas iniciaram uma greve de fome junto da Assembleia da República.',
      'Apelamos a que participem na vigília e enviem fax, e-mail ou cartas ao Governo e ao Presidente da República, exigindo uma resposta rápida.',
    );
    const result = imported(text);
    expect(result.appeal.draft).toBe(true);
    expect(result.appeal.targets).toEqual([]);
  });

  it('imports a Polish list of addresses under "Oto adresy ...:"', () => {
    const text = page(
      'Kochani!',
      '',
      'Teraz jest celowe nasilenie naszej akcji w sprawie uwolnienia Jana Example, więzionego od 2020 roku w Examplii.',
      '',
      'Oto adresy examplijskie:',
      '',
      'Sąd Najwyższy:',
      '[EMAIL PROTECTED]',
    );
    expect(kindOf(text)).toBe('appeal');
  });

  it('reads a Polish request for letters to prisoners, the address after "Oto adres", the prisoner after "do"', () => {
    const text = page(
      'Działacze od miesięcy siedzą w areszcie. Dlatego Fundacja Example apeluje – piszmy do nich listy!',
      'Oto adres aresztu:',
      'Areszt nr 1, ul. Przykładowa 22, 00-001 Examplewo, Examplia',
      'Przy liście do Janiny Example trzeba napisać jej imię po rosyjsku.',
      'A teraz sam list: Przesyłam serdeczne pozdrowienia z Polski.',
    );
    const result = imported(text);
    expect(result.appeal.solidarity?.to).toBe('Janiny Example');
    expect(result.appeal.solidarity?.address).toEqual(['Areszt nr 1, ul. Przykładowa 22, 00-001 Examplewo, Examplia']);
    expect(result.appeal.targets).toEqual([]);
  });

  it('reads no card where the Polish page gives no address', () => {
    const text = page(
      'Dlatego apelujemy – piszmy do nich listy!',
      'Przy liście do Janiny Example trzeba napisać jej imię po rosyjsku.',
      'Napiszcie też e-mail do ministerstwa: biuro@ministerstwo.example.pl',
    );
    expect(kindOf(text)).toBe('appeal');
    expect(importUrgentActionSolidarity(text)).toBeUndefined();
  });
});

describe('officials an Italian campaign names in prose, and their e-mails only where sure', () => {
  const campaign = (...more: string[]): string =>
    page(
      'La campagna Example ha lanciato oggi un\'azione di mail bombing nei confronti del presidente del Consiglio Mario Example, della ministra degli Interni Anna Sample e del ministro degli Esteri Luca Di Prova per chiedere che gli accordi vengano cancellati.',
      'Per questo la campagna invita a copiare il testo qui sotto in un\'e-mail, a firmarlo con nome e cognome e a inviarlo a questi recapiti: presidente@governo.example.it, segreteria.ministro@interno.example.it e diprova_luca@camera.example.it, oltre a quello della segreteria della campagna, segreteria@campagna.example.it.',
      ...more,
    );

  it('names each official, with the office before the name as title', () => {
    const { appeal } = imported(campaign());
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([
      ['Mario Example', 'Presidente del Consiglio'],
      ['Anna Sample', 'Ministra degli Interni'],
      ['Luca Di Prova', 'Ministro degli Esteri'],
    ]);
  });

  it('attaches an e-mail only to the official whose surname it spells, and leaves the others off', () => {
    const { appeal } = imported(campaign());
    expect(appeal.targets.map((t) => t.emails)).toEqual([[], [], ['diprova_luca@camera.example.it']]);
    expect(appeal.targets.flatMap((t) => t.emails)).not.toContain('segreteria@campagna.example.it');
  });

  it('reads the letter greeted "Gentilissimo," even where the page glued it to its heading', () => {
    const { appeal } = imported(
      campaign(
        'Mail bombing, il messaggioGentilissimo, L\'indignazione, da sola, non basta più. Le chiedo con forza l\'annullamento immediato degli accordi e la chiusura dei centri di detenzione, trasferendo le persone lì detenute in luoghi sicuri.',
      ),
    );
    expect(appeal.letter.salutation).toBe('Gentilissimo,');
  });

  it('names no one where the page gives no e-mails to send to', () => {
    const text = page(
      'Ieri il presidente del Consiglio Mario Example ha incontrato la ministra degli Interni Anna Sample.',
      'Scrivete al ministro: chiedete la chiusura dei centri di detenzione.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).not.toContain('Mario Example');
  });
});

describe('an institution a request names at the end of its line', () => {
  const names = (...lines: string[]): string[] => institutionRequestLines(splitSections(lines)).map((l) => l.text).filter((t) => t !== '');

  it('takes "Participe e envie sua demanda à Comissão Nacional da Verdade" as the official, with no contact', () => {
    const text = page(
      'Caro,',
      'A Comissão abriu em seu site uma consulta popular sobre as recomendações do seu relatório final.',
      'Participe e envie sua demanda à Comissão Nacional da Verdade',
      'Participe e peça a inclusão da revisão da lei de anistia.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.emails, t.address])).toEqual([['Comissão Nacional da Verdade', [], []]]);
  });

  it('takes an institution in English and Spanish too, and never a person or a lower-case office', () => {
    expect(names('Please send your message to the Example National Commission')).toEqual([]);
    expect(names('Please write to the Commission on Example Truth')).toEqual(['Commission on Example Truth']);
    expect(names('Envíen su mensaje a la Comisión de la Verdad')).toEqual(['Comisión de la Verdad']);
    expect(names('Envíen su mensaje al Congreso Nacional de Examplia')).toEqual(['Congreso Nacional de Examplia']);
    expect(names('Participe e envie sua demanda à comissão')).toEqual([]);
    expect(names('Please write to Jane Example')).toEqual([]);
  });
});

describe('the one institution an Italian request floods with e-mails', () => {
  it('takes "inondiamo di e-mail il ministero dell\'Interno" with the e-mail of its own domain', () => {
    const text = page(
      'L\'appello: inondiamo di e-mail il ministero dell\'Interno',
      'Sono dodici uomini bloccati al largo delle nostre coste da venti giorni. Ai lettori rivolgiamo un appello: inondiamo di e-mail il sito del ministero dell\'Interno.',
      'Scrivere a stampa@ministero.example.it oppure compilare il messaggio sul sito del ministero',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([["Ministero dell'Interno", ['stampa@ministero.example.it']]]);
  });

  it('leaves an e-mail of another domain off the institution', () => {
    const text = page(
      'Ai lettori rivolgiamo un appello: inondiamo di e-mail il ministero dell\'Interno.',
      'Scrivere a redazione@giornale.example.it per aderire all\'appello.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.flatMap((t) => t.emails)).toEqual([]);
  });

  it('reads an elided small word before a capital as part of a name', () => {
    expect(isPlausibleName("Ministero dell'Interno")).toBe(true);
    expect(isPlausibleName("Ministère de l'Intérieur")).toBe(true);
    expect(isPlausibleName("scrivete all'indirizzo qui sotto")).toBe(false);
  });
});
