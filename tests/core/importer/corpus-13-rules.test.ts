// The general rules behind corpus-13's failures (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isNoNameLine } from '../../../src/core/importer/name-gate.js';
import { codes, imported, kindOf, page, refusedReason } from './helpers.js';

const story = 'Jane Example has been held without charge since March 2031 and her family has not been allowed to see her.';

describe('calls to write with no UA number import as drafts that ask for what is missing', () => {
  const calls: Record<string, string> = {
    'es, tú': `${story} No podemos permitir que siga presa.Envía cartas al ministro del Interior pidiendo su libertad.`,
    'es, invitation': `${story} Quienes quieran apoyar pueden enviar una carta o copiar el texto de abajo.`,
    'fr, numbered list': page(story, '1. Écrivez à votre député et demandez sa libération.', '2. Parlez-en autour de vous.'),
    'fr, petition letter': page('APPEL', 'adressé à Monsieur le Ministre de la Justice', story, 'Je vous demande, Monsieur le Ministre, de la libérer.'),
    'pt, à': page(story, 'Escreva à Ministra da Justiça pedindo a sua libertação.'),
    'pt, vamos': `${story} Vamos escrever ao Presidente exigindo uma investigação imediata.`,
    'pt, carta-tipo': page(story, 'Pode utilizar a carta-tipo abaixo.'),
    nl: page(story, 'Schrijf een brief aan de minister van Justitie en vraag om haar vrijlating.'),
    de: page(story, 'Schreiben Sie an den Justizminister und fordern Sie ihre Freilassung.'),
    'en, repost': page(story, 'Amnesty International is calling for urgent messages to be sent. This is the link that lets you act on her behalf.'),
  };
  for (const [name, text] of Object.entries(calls)) {
    it(name, () => {
      const { appeal, warnings } = imported(text);
      expect(appeal.draft).toBe(true);
      expect(codes(warnings)).toContain('no_number');
      // A draft without anyone to write to says so, and a draft without a letter says so.
      if (appeal.targets.length === 0) expect(codes(warnings)).toContain('no_target');
    });
  }

  it('reads a request for cards to "a political prisoner" as the solidarity part, with no official', () => {
    const { appeal, warnings } = imported(
      page('Dear friend', '', 'We are asking you to mark the day by sending a letter or postcard to a political prisoner in Exampleland.', 'So please take a few minutes to write to a political prisoner.'),
    );
    expect(appeal.solidarity?.to).toBe('political prisoner');
    expect(appeal.targets).toEqual([]);
    expect(codes(warnings)).toContain('no_target');
  });

  it('still refuses a news item that only tells of letter writing', () => {
    expect(refusedReason(page('Local group meets', '', 'The local group met in the library on Saturday. Members wrote letters for the annual marathon and drank tea together. The group meets again next month.'))).toBe('import_not_an_appeal');
  });
});

describe('a page on how a UN mechanism receives urgent appeals is no appeal', () => {
  const mechanism = page(
    'Urgent appeals',
    '',
    'Submission of information to the Special Procedures',
    '',
    'The Special Rapporteur will act upon receiving credible information that a person is at risk, and will send a letter to the Minister of Foreign Affairs of the country concerned.',
    '',
    "Urgent appeals' address:",
    '',
    'Special Rapporteur on Example',
    'c/o Example Office',
    'Example Street 1',
    'CH-1211 Geneva 10',
    '',
    'E-mail: appeals@example.org',
  );

  it('refuses it, with no address on anyone', () => {
    expect(refusedReason(mechanism)).toBe('import_not_an_appeal');
  });

  it('imports a text that asks the reader to write to the mechanism', () => {
    expect(refusedReason(page(mechanism, '', 'Please write to the Special Rapporteur today and ask him to act for Jane Example.'))).toBeUndefined();
  });
});

describe('kinds: a closure that reports people freed is good news', () => {
  it('a "no further action" notice that tells of releases', () => {
    const text = page('Further Information on UA 12/31', '', 'The authorities released 40 of the detainees between 7 and 20 January.', '', 'No further action is requested from the UA network.', '', 'Thank you to all who sent appeals.');
    expect(kindOf(text)).toBe('good-news');
  });

  it('a "no further action" notice without a release stays a closure', () => {
    const text = page('Further Information on UA 12/31', '', 'The trial has been postponed indefinitely and the case is closed for now.', '', 'No further action is requested from the UA network.');
    expect(kindOf(text)).toBe('closure');
  });

  it('"Good news - ..." as the title', () => {
    expect(kindOf(page('Good news - your letters work', '', 'Prisoner of conscience Jane Example was released in January after an Urgent Action. She thanked everyone who campaigned for her.'))).toBe('good-news');
  });
});

describe('officials', () => {
  it('an e-mail list with names in brackets, and a bare e-mail that is an office', () => {
    const { appeal } = imported(
      page('Adressen:', 'chancellor@example.gov', 'info@example.org', 'president@example.gov (Jane Example)', 'deputy@example.gov (Sam Sample)', 'Sehr geehrter Herr Präsident,', 'bitte beenden Sie den Krieg.', 'Hochachtungsvoll'),
    );
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([
      ['Chancellor', ['chancellor@example.gov']],
      ['Jane Example', ['president@example.gov']],
      ['Sam Sample', ['deputy@example.gov']],
    ]);
  });

  it('a greeting is never an official', () => {
    for (const line of ['Sehr geehrter Herr Bundespräsident Max Beispiel,', 'Dear Jane Example and Sam Sample,', 'Estimado señor Ejemplo:']) expect(isNoNameLine(line), line).toBe(true);
  });

  it('two postal blocks above one salutation, names only there: two officials named by their offices, each with its own lines', () => {
    const { appeal } = imported(
      page('Minister of Example Affairs', '25 Example Street', 'Toronto ON M7A 1Y6', '', 'Minister of Sample Safety', '340 Sample Ave.', 'Ottawa ON K1A 0P8', '', 'Dear Jane Example and Sam Sample,', '', 'I am writing to ask you to release Jo Example.', '', 'Sincerely,'),
    );
    expect(appeal.targets.map((t) => [t.name, t.address])).toEqual([
      ['Minister of Example Affairs', ['25 Example Street', 'Toronto ON M7A 1Y6']],
      ['Minister of Sample Safety', ['340 Sample Ave.', 'Ottawa ON K1A 0P8']],
    ]);
  });

  it('a Portuguese block: the title cut after "do", the name below it, "Exma. Sra." as the salutation', () => {
    const { appeal } = imported(
      page('Escreva à Governadora pedindo proteção para Joana Exemplo.', 'Pode utilizar a carta-tipo e enviar para:', 'Exma. Sra. Governadora do', 'Estado do Exemplo', 'Joana Maria Exemplo', 'Palácio do Exemplo', 'Rua Exemplo, 10', '66.000-000 Belém', 'Brasil', 'Exma. Sra. Governadora', 'Gostaria de chamar a sua atenção para o caso de Joana Exemplo.'),
    );
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([['Joana Maria Exemplo', 'Exma. Sra. Governadora do Estado do Exemplo']]);
    expect(appeal.letter.salutation).toBe('Exma. Sra. Governadora');
  });

  it('"L\'adresse :", an office run into its building, and the organisers\' "envoyez-nous" e-mail left off', () => {
    const { appeal } = imported(
      page(`${story} Envoyez une carte au Président.`, "L'adresse :", 'Monsieur le Président de la République, Palais de l\'Exemple,', '55 rue Exemple, 75008 Paris', 'ou envoyez-nous vos photos à : photos@example.org'),
    );
    expect(appeal.targets.map((t) => [t.name, t.organisation, t.emails])).toEqual([['Monsieur le Président de la République', "Palais de l'Exemple", []]]);
    expect(appeal.targets[0]?.address).toContain('55 rue Exemple, 75008 Paris');
  });

  it('a Spanish letter\'s addressee block closed by "Presente"', () => {
    const { appeal } = imported(
      page(`${story} Quienes quieran apoyar pueden enviar una nota o copiar el texto.`, '', 'Ejemplo:', '', 'Ciudad Ejemplo, 17 de febrero de 2031', 'Sr. Presidente Juan Ejemplo', 'República de Ejemplo', 'Presente', '', 'Respetuosamente manifestamos nuestra preocupación por la detención de Juana Ejemplo.'),
    );
    expect(appeal.targets.map((t) => [t.name, t.address])).toEqual([['Sr. Presidente Juan Ejemplo', ['República de Ejemplo']]]);
  });

  it('a sentence sending letters to an office and a name, with the e-mail right after the name', () => {
    const { appeal } = imported(`${story} Envía cartas a la presidenta de la Cámara, Juana María Ejemplo: jejemplo@example.cl`);
    expect(appeal.targets.map((t) => [t.name, t.title, t.emails])).toEqual([['Juana María Ejemplo', 'presidenta de la Cámara', ['jejemplo@example.cl']]]);
  });
});
