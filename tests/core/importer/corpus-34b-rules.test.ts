// corpus-34's second round (issue 27): e-mails given once for several addressees, and deadlines written without a year.
import { describe, expect, it } from 'vitest';
import { parseTargetsWithOrigins } from '../../../src/core/importer/targets.js';
import { codes, imported, page } from './helpers.js';

const form = (recipient: string): string =>
  page(
    'Scrivi al governo',
    '',
    'Il difensore Luca Esempio è detenuto da tre mesi senza accusa. Manda subito l’email pre-compilata per chiedere il suo rilascio.',
    '',
    recipient,
    '',
    'Target email addresses: gabinetto@interno.example.it, segreteria@giustizia.example.it',
  );

describe('e-mails given once under a line that names several addressees', () => {
  it.each([
    'a: Ministro Rossi e Ministra Bianchi',
    'a: Ministro Rossi, Ministra Bianchi',
    'To: President Jane Example, Minister John Other',
    'An: Präsident Hans Beispiel und Ministerin Eva Muster',
  ])('gives none of them the addresses ("%s"), and asks the moderator', (recipient) => {
    const { appeal, warnings } = imported(form(recipient));
    expect(appeal.targets.length).toBeGreaterThanOrEqual(2);
    for (const target of appeal.targets) expect(target.emails ?? []).toEqual([]);
    expect(codes(warnings)).toContain('unsure_address');
  });

  it('still gives one addressee the addresses under their line', () => {
    const { appeal } = imported(form('a: Ministro Rossi'));
    expect(appeal.targets.map((t) => t.emails)).toEqual([['gabinetto@interno.example.it', 'segreteria@giustizia.example.it']]);
  });

  it('leaves an "Email:" line under a "To:" list off every official, and keeps a later official\'s own block', () => {
    const lines = ['To: Governor Ana Example and Senator Ben Other', '', 'Email: office@state.example.gov', '', 'Mayor Cara Third', 'Email: cara.third@city.example.gov'];
    const warned: string[] = [];
    const parsed = parseTargetsWithOrigins(lines.map((text) => ({ text, copy: false })), (code) => warned.push(code));
    expect(parsed.map((p) => [p.target.name, p.target.emails ?? []])).toEqual([
      ['Governor Ana Example', []],
      ['Senator Ben Other', []],
      ['Mayor Cara Third', ['cara.third@city.example.gov']],
    ]);
    expect(warned).toContain('unsure_address');
  });

  it('leaves a fax line under the list off every official too', () => {
    const lines = ['An: Präsident Hans Beispiel und Ministerin Eva Muster', 'Fax: +49 30 555 0100'];
    const parsed = parseTargetsWithOrigins(lines.map((text) => ({ text, copy: false })), () => undefined);
    expect(parsed.map((p) => p.target.fax ?? null)).toEqual([null, null]);
  });

  it('keeps an e-mail under the list that its own line gives to one of them by name', () => {
    const lines = ['a: Ministro Rossi e Ministra Bianchi', 'Ministra Bianchi: bianchi@giustizia.example.it'];
    const parsed = parseTargetsWithOrigins(lines.map((text) => ({ text, copy: false })), () => undefined);
    const withEmail = parsed.filter((p) => (p.target.emails ?? []).length > 0).map((p) => [p.target.name, p.target.emails]);
    expect(withEmail).toEqual([['Ministra Bianchi', ['bianchi@giustizia.example.it']]]);
  });

  it('gives no one an e-mail that a sentence offers for two people named together', () => {
    const lines = ['Governor Ana Example and Senator Ben Other can be reached at office@state.example.gov'];
    const parsed = parseTargetsWithOrigins(lines.map((text) => ({ text, copy: false })), () => undefined);
    for (const { target } of parsed) expect(target.emails ?? []).toEqual([]);
  });
});

const call = (heading: string, request: string, ...more: string[]): string =>
  page(
    heading,
    '',
    'Die Fischer am See Beispiel verlieren ihr Land an eine Plantage. Die Regierung hat die Verteilung des Landes versprochen und nicht vollzogen.',
    '',
    request,
    ...more,
    '',
    'Sehr geehrter Herr Minister,',
    '',
    'ich bitte Sie, den Fischern am See Beispiel ihr Land zurückzugeben und die versprochene Verteilung sofort zu vollziehen.',
    '',
    'Mit freundlichen Grüßen',
  );

describe('a deadline written without its year', () => {
  it("takes the year of the page's heading that ends with it", () => {
    const { appeal, warnings } = imported(call('Aufruf zur Briefaktion für die Fischer am See Beispiel, 2019', 'Bitte schreiben Sie bis zum 17. Juni an den Minister.'));
    expect(appeal.deadline).toBe('2019-06-17');
    // The year is the heading's, not the deadline's own: the moderator is asked to check it.
    expect(codes(warnings)).toContain('deadline_year');
  });

  it('takes the year of a dated letter in the text', () => {
    const text = call('Aufruf zur Briefaktion für die Fischer am See Beispiel', 'Bitte schreiben Sie bis zum 17. Juni an den Minister.', '', 'Musterbrief', '', 'Hamburg, 3. Juni 2016');
    expect(imported(text).appeal.deadline).toBe('2016-06-17');
  });

  it('reads "avant le 30 janvier" and "by 15 March" in the year the page gives', () => {
    expect(imported(call('Action lettres pour les pêcheurs du lac Exemple, 2021', 'Écrivez au ministre avant le 30 janvier.')).appeal.deadline).toBe('2021-01-30');
    expect(imported(call('Letters for the fishers of Lake Example, 2018', 'Please write to the Minister by 15 March.')).appeal.deadline).toBe('2018-03-15');
  });

  it('leaves the deadline to the moderator when the text gives no year anywhere', () => {
    const { appeal, warnings } = imported(call('Aufruf zur Briefaktion für die Fischer am See Beispiel', 'Bitte schreiben Sie bis zum 17. Juni an den Minister.'));
    expect(appeal.deadline).toBeNull();
    expect(codes(warnings)).toContain('no_deadline');
  });
});

describe('a name in capitals, " , ", then the office and its address on one line', () => {
  const contacts = (line: string): string =>
    page(
      'Evictions in the valley',
      '',
      'Dear friends,',
      '',
      'The families of the valley face another round of evictions. We suggest that you contact the authorities listed below and ask for a halt to the evictions.',
      '',
      'Sra. ANA EXEMPLO, Office of the Governor, Exampleland',
      'E-mail: gabinete@governo.example.br',
      '',
      line,
      'Tel: (61) 3321-4400 , Fax: (61) 3321-4499',
    );

  // Both lines run past 130 characters, where a line without three commas was read as no address line at all.
  it('reads the person, with the office and the street as their address', () => {
    const { appeal } = imported(contacts('Dr. BENTO CARLOS DA SILVA , Secretaria de Segurança Pública do Estado de Exampleland Avenida Exemplo, Km 12 – Cep: 70000-100 - Vila Nova - Exampleland'));
    const bento = appeal.targets.find((t) => t.name.includes('BENTO'));
    expect(bento?.phone).toBe('(61) 3321-4400');
    expect([bento?.organisation, ...(bento?.address ?? [])].join(' ')).toContain('Cep: 70000-100');
    expect(bento?.emails ?? []).toEqual([]);
    expect(appeal.targets.find((t) => t.name.includes('ANA'))?.emails).toEqual(['gabinete@governo.example.br']);
  });

  it('reads no official from a shouted name whose line goes on as a sentence', () => {
    const { appeal } = imported(contacts('BENTO CARLOS DA SILVA , who was evicted last week with his family and forty neighbours, is still sleeping on the road by the river with them today'));
    expect(appeal.targets.map((t) => t.name).join(' ')).not.toContain('BENTO');
  });
});
