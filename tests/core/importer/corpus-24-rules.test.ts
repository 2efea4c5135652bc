// The general rules behind corpus-24's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isPlausibleName } from '../../../src/core/importer/name-gate.js';
import { isCountryLine } from '../../../src/core/importer/countries.js';
import { greetedByName } from '../../../src/core/importer/greeted-name.js';
import { parseUaNumber } from '../../../src/core/importer/numbers.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

const body = [
  'I am writing to express my concern about the detention of Jane Example, a teacher held since March for a peaceful protest.',
  'I urge you to release her at once and to drop every charge against her.',
];

describe('lines that are no official never carry an address', () => {
  it('refuses an exclamation, a mailing list\'s subject and a state\'s full name as names', () => {
    expect(isPlausibleName('Thank you!')).toBe(false);
    expect(isPlausibleName('Mille grazie!')).toBe(false);
    expect(isPlausibleName('(en) Teacher Refusing All Food')).toBe(false);
    expect(isPlausibleName('[example-list] Teacher Held')).toBe(false);
    expect(isPlausibleName('UNITED REPUBLIC OF TANZANIA (Tanganyika)')).toBe(false);
    expect(isPlausibleName('Federative Republic of Brazil')).toBe(false);
    // Names and offices still pass.
    expect(isPlausibleName('Minister Aron Example')).toBe(true);
    expect(isPlausibleName('Embassy of the United Republic of Tanzania')).toBe(true);
  });

  it('reads a state\'s full name, nested or with its other name in brackets, as a country line', () => {
    expect(isCountryLine('Republic of the Union of Myanmar (Burma)')).toBe(true);
    expect(isCountryLine('Democratic Socialist Republic of Sri Lanka')).toBe(true);
    expect(isCountryLine('UNITED REPUBLIC OF TANZANIA')).toBe(true);
    expect(isCountryLine('Union of Example Workers')).toBe(false);
  });

  it('leaves a list\'s own e-mail under its subject line off, asking the moderator', () => {
    const text = page(
      '(en) Teacher Refusing All Food',
      '',
      'Example News Service (news@list.example.org)',
      'Tue, 2 Sep 1997 03:04:28 +0000 (GMT)',
      '',
      'Jane Example, a teacher, has refused food for a week in protest at her detention.',
      '',
      'What you can do: send politely worded letters to the Minister of Justice.',
    );
    const result = imported(text);
    expect(result.appeal.targets.flatMap((t) => t.emails)).not.toContain('news@list.example.org');
  });

  it('leaves an e-mail under a thank-you line off', () => {
    const text = page(
      'Cari amici, vi chiediamo di mandare la seguente mail all\'ambasciata.',
      'Grazie di cuore!',
      '_____________________',
      'indirizzo: ambasciata@example.it',
      '_____________________',
      'Egregio ambasciatore,',
      'le scrivo per sollecitare un immediato intervento in favore dei volontari bloccati alla frontiera da una settimana.',
    );
    const result = imported(text);
    expect(result.appeal.targets.map((t) => t.name)).not.toContain('Grazie di cuore!');
  });

  it('reads a double-spaced block that ends with the state\'s full name up to the official above it', () => {
    const text = page(
      'General Aron Example',
      '',
      'Chairman, State Council',
      '',
      'c/o Ministry of Defence',
      '',
      'Example City',
      '',
      'UNITED REPUBLIC OF TANZANIA (Tanganyika)',
      '',
      'Dear General:',
      '',
      ...body,
      '',
      'Sincerely,',
    );
    const { appeal } = imported(text);
    expect(appeal.targets[0]?.name).toContain('Aron Example');
    expect(appeal.targets[0]?.address).toContain('UNITED REPUBLIC OF TANZANIA (Tanganyika)');
  });
});

describe('a petition letter with a "C.C." line and a subject line above its greeting', () => {
  const text = page(
    'A petition to the Secretary General: please sign it and send it!',
    '',
    'Mr. Aron Example',
    'Secretary General of the Example Union',
    'Example Union',
    'Example Street 1, 10017 Example City',
    '',
    'Ref: Concern for the detained teachers',
    '',
    '',
    'C.C. Minister for Justice, Bella Sample',
    'And the National Assembly.',
    '',
    'March 10, 2006',
    '',
    'Dear Mr. Secretary General,',
    '',
    ...body,
  );

  it('makes the addressee above the subject line the official, never the copy', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Mr. Aron Example']);
    expect(appeal.targets[0]?.address).toContain('Example Street 1, 10017 Example City');
  });
});

describe('a section\'s news release headed by the releases it reports', () => {
  it('reads "... puestos en libertad en <country>" under the site\'s chrome as good news', () => {
    const text = page(
      'Actuamos por los derechos humanos',
      'en todo el mundo',
      '',
      'Veinte presos puestos en libertad en Examplia',
      '',
      'Un total de veinte reclusos, ocho presos políticos entre ellos, han salido recientemente de la cárcel en Examplia, según fuentes locales.',
      'Consideramos crucial que las autoridades liberen a todos los presos de conciencia restantes.',
    );
    expect(kindOf(text)).toBe('good-news');
  });

  it('still reads a headline that demands a release as no good news', () => {
    const text = page(
      'Example Urgent Actions',
      '',
      'Peaceful protesters must be released',
      'The authorities arrested a number of peaceful protesters, who are at risk of torture and should be released at once.',
    );
    expect(kindOf(text)).not.toBe('good-news');
  });
});

describe('a request to write with no official named yet', () => {
  it('imports a coordinator\'s "I am asking that you write a letter to their governments" as a draft', () => {
    const text = page(
      'To: Example Network',
      '',
      'Friends,',
      '',
      'Jane Example, a teacher, has been held without charge since March 2031.',
      '',
      'I am asking therefore that you write a brief letter to the government, urging her release. Please see below.',
      '',
      'Aron Sample',
      'Coordinator for Examplia',
    );
    const { appeal, warnings } = imported(text);
    expect(appeal.draft).toBe(true);
    expect(appeal.targets).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('no_target');
  });

  it('imports a group\'s "Please write on behalf of our adopted prisoner" as a draft', () => {
    const text = page(
      'Report from our meeting',
      'We meet at 8pm on the second Tuesday of the month.',
      'Please write on behalf of our adopted prisoner of conscience, Dr Jane Example',
      'Dr Jane Example has been imprisoned since June 2031 and may not be receiving the medical care she needs.',
    );
    expect(imported(text).appeal.draft).toBe(true);
  });

  it('still refuses a meeting report that asks nobody to write', () => {
    const text = page(
      'Report from our meeting',
      'We meet at 8pm on the second Tuesday of the month.',
      'We are asking therefore that you bring mince pies. Dr Jane Example spoke on behalf of the group.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });
});

describe('a greeting that names the official after a one-word office', () => {
  it('reads "Dear Ambassador Aron Example:" as the ambassador, with no address', () => {
    expect(greetedByName('Dear Ambassador Aron Example:').map((l) => l.text)).toEqual(['Aron Example', 'Ambassador']);
    expect(greetedByName('Estimado Embajador Aron Example:').map((l) => l.text)).toEqual(['Aron Example', 'Embajador']);
  });

  it('still reads no name after an office of two capitalised words or a title that is no office alone', () => {
    expect(greetedByName('Dear Chief Justice Example,')).toEqual([]);
    expect(greetedByName('Dear Chief Aron Example,')).toEqual([]);
    expect(greetedByName('Dear President Aron Example,')).toEqual([]);
  });

  it('makes the greeted ambassador the official of a letter with no block', () => {
    const text = page('Please help us press the ambassador to release Jane Example.', '', 'Dear Ambassador Aron Example:', '', ...body, '', 'Sincerely,');
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Aron Example']);
    expect(appeal.targets[0]?.address ?? []).toEqual([]);
  });
});

describe('a Portuguese letter headed by the office it greets, with no comma', () => {
  const letterBody = 'Venho por este meio solicitar a sua atenção para a situação da senhora Jane Example, presa desde março.';

  it('greets with "Exma. Senhora Embaixadora do Reino de Examplia" over the person\'s line, bulleted or not', () => {
    const text = page('Escreva à embaixadora: jane.example@embassy.example.org', '', 'Exma. Senhora Embaixadora do Reino de Examplia', '', '- Dra. Jane Sample', '', letterBody, '', 'Atenciosamente,');
    const { letter } = imported(text).appeal;
    expect(letter.salutation).toBe('Exma. Senhora Embaixadora do Reino de Examplia');
    expect(letter.paragraphs[0]).toBe(letterBody);
  });

  it('reads no greeting from an address head that no letter in the writer\'s voice follows', () => {
    const text = page('Escreva à governadora:', '', 'Exma. Senhora Governadora do Estado de Examplia', 'Palácio Example, Rua Example 1', '', 'Exma. Senhora Governadora,', '', letterBody, '', 'Atenciosamente,');
    expect(imported(text).appeal.letter.salutation).toBe('Exma. Senhora Governadora,');
  });
});

describe('another organisation\'s case code on a line of its own', () => {
  it('reads "Case EXA 010231" and "Urgent Appeal Case: EX-12-2031" as the number, as written', () => {
    expect(parseUaNumber('Case EXA 010231')).toEqual({ reference: 'EXA 010231', number: 'EXA 010231', id: 'exa-010231' });
    expect(parseUaNumber('Urgent Appeal Case: EX-12-2031')?.number).toBe('EX-12-2031');
  });

  it('reads no number from a case named in a sentence or from a case with no code', () => {
    expect(parseUaNumber('In the case EXA 010231 the court ruled against her.')).toBeUndefined();
    expect(parseUaNumber('Case 2031')).toBeUndefined();
  });

  it('numbers an imported appeal with the case code', () => {
    const text = page('Request for action', '', 'Case EXA 010231', '', 'The Example Secretariat requests your URGENT intervention in the following situation.', '', 'Dear Minister Aron Example,', '', ...body, '', 'Yours sincerely,');
    expect(imported(text).appeal.number).toBe('EXA 010231');
  });
});
