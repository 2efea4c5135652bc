// The rules made for corpora 29-32 hold under the bullet rewrites of perturb.ts: a bullet or a list number before a
// postal block's lines, a letter's greeting, a pre-written e-mail's header lines, a request above an address, or each
// caption of a list of officials reads as the text written without it, on texts written for the test.
import { describe, expect, it } from 'vitest';
import type { Appeal } from '../../../src/core/appeal.js';
import { imported, page } from './helpers.js';

/** What a moderator checks of each official: name, title, addresses, fax and salutation. */
const officials = (appeal: Appeal): unknown[] =>
  appeal.targets.map((t) => ({ name: t.name, title: t.title, address: t.address, emails: t.emails, fax: t.fax, salutation: t.salutation, copy: t.copy }));

const BULLETS = ['- ', '* ', '• '];

describe('a bulleted postal block whose street ends with an abbreviation', () => {
  // A thank-you note's page: a request, then the board's block, its street "..., Jr. Drive, S.E.", then its fax.
  const note = (bullet: string): string =>
    page(
      'Send a Thank You Note to the Example State Board of Pardons',
      '',
      'We are very grateful for the decision of the Example State Board of Pardons to grant Aron Example clemency.',
      '',
      'Please take a moment to send a thank you letter to the Board.',
      '',
      `${bullet}Chairman Jane Example`,
      `${bullet}The Example State Board of Pardons`,
      `${bullet}Example Veterans Memorial Building`,
      `${bullet}2 Example King, Jr. Drive, S.E.`,
      `${bullet}Example City, GA 30334-4909`,
      '',
      `${bullet}Via facsimile 404-555-0170`,
      '',
      'With hope,',
    );

  for (const bullet of BULLETS) {
    it(`reads the block with "${bullet.trim()}" before each line as without, the street among its lines`, () => {
      const plain = imported(note('')).appeal;
      const bulleted = imported(note(bullet)).appeal;
      expect(officials(bulleted)).toEqual(officials(plain));
      expect(bulleted.targets[0]?.name).toContain('Jane Example');
      expect(bulleted.targets[0]?.address).toContain('2 Example King, Jr. Drive, S.E.');
    });
  }

  it('keeps the bullet of a point to raise that ends with a full stop', () => {
    const points = page(
      'Send a Thank You Note to the Example State Board of Pardons',
      '',
      'Please take a moment to send a thank you letter to the Board, making the points below.',
      '',
      '- Thank the Board for its decision of 10 July.',
      '- Ask the Board to keep its door open to every plea.',
      '',
      'Chairman Jane Example',
      'The Example State Board of Pardons',
      '2 Example King, Jr. Drive, S.E.',
      'Example City, GA 30334-4909',
    );
    const appeal = imported(points).appeal;
    expect(appeal.targets.map((t) => t.address)).toEqual([['The Example State Board of Pardons', '2 Example King, Jr. Drive, S.E.', 'Example City, GA 30334-4909']]);
    expect(appeal.targets.flatMap((t) => t.address ?? []).some((l) => /Thank the Board|Ask the Board/.test(l))).toBe(false);
  });
});

describe('a pre-written e-mail whose greeting and header lines are bulleted', () => {
  // "A:" / "Cc:" / "CCN:" / "Oggetto:" / the greeting: the "A:" address is the greeted official's.
  const mail = (header: string, greeting: string): string =>
    page(
      'Azione urgente per il popolo Example',
      '',
      'Per favore, invia subito una e-mail di protesta al Presidente di Examplia.',
      '',
      'Copia-incolla nella tua email il testo proposto qui di seguito.',
      '',
      `${header}A: gabinete@presidencia.example.gov`,
      `${header}Cc: ministro@justica.example.gov, senatore@senado.example.gov`,
      `${header}CCN: info@example.org (facoltativo, per il nostro monitoraggio)`,
      `${header}Oggetto: Per favore, protegga il popolo Example`,
      `${greeting}Egregio Presidente Example,`,
      'le chiedo di annullare tutti i piani di riduzione dei finanziamenti alla tutela del popolo Example.',
      'Distinti saluti,',
    );

  for (const bullet of BULLETS) {
    it(`greets the same official at the same address with "${bullet.trim()}" before the greeting`, () => {
      const plain = imported(mail('', '')).appeal;
      const bulleted = imported(mail('', bullet)).appeal;
      expect(officials(bulleted)).toEqual(officials(plain));
      expect(bulleted.targets.map((t) => t.emails)).toEqual([['gabinete@presidencia.example.gov']]);
      expect(bulleted.letter.salutation).toBe('Egregio Presidente Example,');
    });

    it(`reads the header with "${bullet.trim()}" before each of its lines and the greeting as without`, () => {
      const plain = imported(mail('', '')).appeal;
      const bulleted = imported(mail(bullet, bullet)).appeal;
      expect(officials(bulleted)).toEqual(officials(plain));
      expect(bulleted.targets.flatMap((t) => t.emails)).not.toContain('ministro@justica.example.gov');
    });
  }
});

describe('a bulleted "An:" line over an e-mail action\'s hidden addresses', () => {
  const action = (bullet: string): string =>
    page(
      'Eilige E-Mail',
      '',
      'Wenn dieser Schritt nicht hinterfragt wird, wird die Politik zum Schutz der Example-Völker wahrscheinlich aufgehoben werden. Ganze Völker könnten durch Gewalt und durch Krankheiten wie Grippe und Masern ausgelöscht werden.',
      '',
      'Bitte sende heute eine E-Mail an den Justizminister von Examplia und fordere ihn auf, diese Ernennung rückgängig zu machen.',
      '',
      'E-Mails verschickt:  Helfen Sie uns 15.000 zu schaffen!',
      '',
      '',
      '',
      `${bullet}An: Minister Aron Example`,
      '',
      `${bullet}Target email addresses:[email protected][email protected]`,
      '',
      `${bullet}CC email addresses: [email protected][email protected][email protected]`,
      '',
      'Sehr geehrter Minister,',
      '',
      'ich bitte Sie dringend, die Berufung von Jon Example zu widerrufen.',
      '',
      'Mit freundlichen Grüßen',
    );

  for (const bullet of BULLETS) {
    it(`names the minister with "${bullet.trim()}" before the header's lines as without`, () => {
      const plain = imported(action('')).appeal;
      const bulleted = imported(action(bullet)).appeal;
      expect(officials(bulleted)).toEqual(officials(plain));
      expect(bulleted.targets.map((t) => t.name)).toEqual(['Aron Example']);
    });
  }
});

describe('a bulleted or numbered request above the address it announces', () => {
  const request = (mark: string): string =>
    page(
      'Você quer ajudar na luta em defesa dos povos indígenas?',
      '',
      `${mark}Envie um email para o presidente interino Aron Example ou use o modelo abaixo:`,
      '',
      'Endereço: gabinete@presidencia.example.gov',
      '',
      'Assunto: Presidente Aron Example, garanta os direitos dos povos indígenas',
      '',
      'Caro Presidente Aron Example,',
      '',
      'Peço que o senhor não revogue nenhum ato relativo à demarcação de terras indígenas.',
      '',
      'Atenciosamente,',
    );

  for (const mark of [...BULLETS, '1) ', '1. ']) {
    it(`reads the request with "${mark.trim()}" before it as without`, () => {
      const plain = imported(request('')).appeal;
      const marked = imported(request(mark)).appeal;
      expect(officials(marked)).toEqual(officials(plain));
      expect(marked.targets.map((t) => t.emails)).toEqual([['gabinete@presidencia.example.gov']]);
    });
  }
});

describe('a numbered list of captions, each over its own contact lines', () => {
  const list = (number: (n: number) => string): string =>
    page(
      'Mail/Fax Campaign',
      '',
      'If you want to declare your solidarity with the hunger strikers in Examplia please send a mail/fax to the listed institutions:',
      '',
      `${number(1)}Minister of Interior of Examplia, Aron Example:`,
      '',
      'interior@example.gov, FAX: +999 44 254-96-34',
      '',
      `${number(2)}Head of State Migration Service of Examplia:`,
      '',
      'hotline@migration.example.gov, FAX: +999 44 254-78-81',
      '',
      `${number(3)}Minister of Justice, Jane Example:`,
      '',
      'justice@example.gov, Fax: +999 44 271 1783',
    );

  for (const form of [(n: number) => `${n}) `, (n: number) => `${n}. `]) {
    it(`reads "${form(1).trim()}" captions as unnumbered ones, each official with their own e-mail`, () => {
      const plain = imported(list(() => '')).appeal;
      const numbered = imported(list(form)).appeal;
      expect(officials(numbered)).toEqual(officials(plain));
      expect(numbered.targets.map((t) => t.emails)).toEqual([['interior@example.gov'], ['hotline@migration.example.gov'], ['justice@example.gov']]);
    });
  }

  it('keeps the numbers of a list whose items name officials: each number opens its block', () => {
    const named = page(
      'Please write to the officials below.',
      '',
      '1.  Excelentísimo Sr. Jon Example, Presidente de Examplia:',
      'Casa Presidencial, Example Avenue 12, Example City',
      'Email: presidente@example.gov',
      '2.  Lic. Jane Example, Fiscal General de Examplia',
      'Fiscalía General, Example Street 4, Example City',
      'Email: fiscal@example.gov',
    );
    const appeal = imported(named).appeal;
    expect(appeal.targets.map((t) => t.emails)).toEqual([['presidente@example.gov'], ['fiscal@example.gov']]);
  });
});
