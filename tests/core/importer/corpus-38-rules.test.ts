// The general rules behind corpus-38's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, kindOf, page } from './helpers.js';

/** A section's appeal page: the request, the official's block as given, then the model letter. */
const appealPage = (block: string[], greeting: string[]): string =>
  page(
    'APELO PELOS PRESOS DE EXEMPLÂNDIA',
    '',
    'Dezenas de pessoas continuam detidas sem acusação em Exemplândia. Pedimos ao Ministro que aja já.',
    'Tudo o que tem de fazer é copiar a carta-tipo em baixo e enviar via correio, fax ou email.',
    '',
    ...block,
    '',
    ...greeting,
    '',
    'Escrevo a V. Exa. enquanto membro da Amnistia Internacional sobre a situação dos detidos e peço a sua libertação imediata.',
    '',
    'Com os melhores cumprimentos,',
  );

describe('an office line in any language above the title and the person is the office, the person the official', () => {
  it('reads a Portuguese ministry ("Ministério da Justiça") over the title and "Dra." name as the office', () => {
    const block = ['Ministério da Justiça', 'Ministra da Justiça', 'Dra. Helena Exemplo', 'Rua do Ouro 12', '1100-060 Lisboa', 'E-mail: gabinete@mj.example.pt; ministra@mj.example.pt'];
    const target = imported(appealPage(block, ['Exma. Senhora Ministra,'])).appeal.targets[0];
    expect({ name: target?.name, title: target?.title, organisation: target?.organisation, emails: target?.emails }).toEqual({
      name: 'Dra. Helena Exemplo',
      title: 'Ministra da Justiça',
      organisation: 'Ministério da Justiça',
      emails: ['gabinete@mj.example.pt', 'ministra@mj.example.pt'],
    });
  });
});

describe('the same office, title and person in Dutch', () => {
  it('reads "Ministerie van Justitie" over "Minister van Justitie" and the name as the office, the person the official', () => {
    const text = page(
      'Urgente Actie: journalist vastgehouden zonder aanklacht (Exemplië)',
      '',
      'Jan Voorbeeld, journalist, wordt sinds maart zonder aanklacht vastgehouden. Schrijf een brief aan de minister.',
      '',
      'Ministerie van Justitie',
      'Minister van Justitie',
      'Karel Modelman',
      'Turfmarkt 147',
      '2511 DP Den Haag',
      'E-mail: minister@justitie.example.nl',
    );
    const target = imported(text).appeal.targets[0];
    expect({ name: target?.name, title: target?.title, organisation: target?.organisation }).toEqual({ name: 'Karel Modelman', title: 'Minister van Justitie', organisation: 'Ministerie van Justitie' });
  });
});

describe('a greeting of the office, then of the person with its comma, is one salutation over two lines', () => {
  it('keeps "Exma. Senhora Ministra da Justiça" with "Dra. Helena Exemplo," as the salutation', () => {
    const block = ['Ministra da Justiça', 'Dra. Helena Exemplo', 'Rua do Ouro 12', '1100-060 Lisboa'];
    const { appeal } = imported(appealPage(block, ['Exma. Senhora Ministra da Justiça', 'Dr. Helena Exemplo,']));
    expect(appeal.letter.salutation).toBe('Exma. Senhora Ministra da Justiça\nDr. Helena Exemplo,');
  });
});

describe("a closed online action's page, and news of a release, are kinds, never appeals or refusals", () => {
  const closedPage = (notice: string): string =>
    page(
      'Examplia: Protege a quienes protestan',
      '',
      '¡Gracias!',
      '',
      notice,
      '',
      'Damos las gracias a todas las personas que firmaron. Entregaremos las firmas a las autoridades de Examplia y seguiremos vigilando la situación de los manifestantes.',
    );

  it('reads "Esta acción ha finalizado. Hemos sido 1.234 firmantes" as a closure', () => {
    expect(kindOf(closedPage('Esta acción ha finalizado. Hemos sido 1.234 firmantes'))).toBe('closure');
  });

  it('reads "Ação encerrada." as a closure', () => {
    expect(kindOf(closedPage('Ação encerrada.'))).toBe('closure');
  });

  it('keeps "Action terminée" alone over a section\'s links (an old page\'s status, no thanks) out of the closures', () => {
    const text = page(
      'Examplia : un avocat détenu au secret',
      '',
      'Jean Exemple, avocat, est détenu au secret depuis le 2 mars 2031. Il risque d’être torturé. Écrivez immédiatement au ministre de la Justice.',
      '',
      'Action terminée',
      '',
      'Toutes les infos',
      '',
      'Toutes les actions',
    );
    expect(kindOf(text)).not.toBe('closure');
  });

  it('keeps "This action ended on <date>" (an expired deadline) out of the closures', () => {
    expect(kindOf(closedPage('This action ended on May 3, 2031'))).not.toBe('closure');
  });

  it('reads a further information with "a été relâché" and "aucune action complémentaire" as good news', () => {
    const text = page(
      'Informations complémentaires sur l’AU 12/31, MDE 99/001/2031, 2 mai 2031',
      'Jean Exemple, journaliste et défenseur des droits humains, a été relâché le 20 avril 2031.',
      'Il a remercié Amnesty International pour son soutien.',
      'Un grand merci à tous ceux qui ont envoyé des appels. Aucune action complémentaire n’est requise de la part du réseau Actions urgentes.',
    );
    expect(kindOf(text)).toBe('good-news');
  });

  it('reads a page titled "GRAZIE AMNESTY" (testimonials of the people helped) as good news', () => {
    const text = page(
      'GRAZIE AMNESTY',
      '',
      '“Le lettere ricevute dal governo hanno avuto un ruolo determinante. Ora sono al sicuro e le minacce sono cessate”.',
      '',
      '(Lia Esempio, difensora dei diritti umani di Exemplandia. Nel 2030 Amnesty International aveva lanciato un’azione urgente in suo favore)',
    );
    expect(kindOf(text)).toBe('good-news');
  });

  it('reads an e-mail that thanks its reader for signing, then tells "sono\\nstati scarcerati", as good news', () => {
    const text = page(
      'Cara amica, caro amico,',
      'Grazie per aver firmato il nostro appello per i giornalisti di Exemplandia! Le tue firme sono state consegnate',
      'alle autorità il mese scorso. Il 3 marzo Ana Esempio e Luca Modello sono',
      'stati scarcerati!',
      'Continuiamo a lavorare per i diritti umani in Exemplandia e in molti altri paesi.',
    );
    expect(kindOf(text)).toBe('good-news');
  });
});

describe("a petition's addressees on one line, and its end date, are read", () => {
  const petition = page(
    'Inició el 02/03/2031, Finaliza el 06/04/2031',
    '',
    'Examplia vive una grave crisis tras la represión de las protestas. Firma ya esta petición para que las autoridades investiguen.',
    '',
    'Petición a ser enviada',
    '',
    'Para: Sr. Tomás Ejemplo, Presidente de la República de Examplia, Ana Modelo, Ministra del Interior, Dr. Luis Prueba, Fiscal General y Abog. Marta Muestra Díaz, Defensora del Pueblo.',
    '',
    'Asunto: Examplia vive una crisis de derechos humanos',
  );

  it('reads each person of the "Para:" line under the petition heading as an official, the office after the name as the title', () => {
    const found = imported(petition).appeal.targets.map((t) => ({ name: t.name, title: t.title, address: t.address }));
    expect(found).toEqual([
      { name: 'Tomás Ejemplo', title: 'Presidente de la República de Examplia', address: [] },
      { name: 'Ana Modelo', title: 'Ministra del Interior', address: [] },
      { name: 'Luis Prueba', title: 'Fiscal General', address: [] },
      { name: 'Marta Muestra Díaz', title: 'Defensora del Pueblo', address: [] },
    ]);
  });

  it('reads names alone on the "Para:" line as no officials, never one person with the others as address lines', () => {
    const bare = petition.replace(/^Para: .*$/m, 'Para: Sr. Tomás Ejemplo, Ana Modelo, Dr. Luis Prueba y Marta Muestra Díaz.');
    const targets = imported(bare).appeal.targets;
    expect(targets.flatMap((t) => t.address)).toEqual([]);
  });

  it('reads "Finaliza el 06/04/2031" as the deadline, day first', () => {
    expect(imported(petition).appeal.deadline).toBe('2031-04-06');
  });
});

describe("a newsletter's greeting to its members is no letter, so its heading is no official", () => {
  it('reads "Estimadas y estimados apelantes," as a greeting to members, not the caption above it as an official', () => {
    const text = page(
      'Red de Apelantes',
      '',
      'Boletín de la Red',
      '',
      'Estimadas y estimados apelantes,',
      '',
      'Os presentamos la nueva edición del boletín de la Red, con las buenas noticias de los últimos meses y algunos mensajes de agradecimiento.',
      '',
      'Un fuerte abrazo,',
      '',
      'BUENAS NOTICIAS DE EXAMPLIA',
      '',
      '¡Jana Ejemplo fue finalmente liberada el 2 de marzo de 2031 después de que el Tribunal Supremo anulara su condena!',
    );
    const result = importUrgentAction(text);
    expect(result.ok ? result.appeal.targets.map((t) => t.name) : []).not.toContain('Boletín de la Red');
  });
});
