import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/core/importer/dates.js';
import { importUrgentAction, type ImportResult } from '../../../src/core/importer/index.js';
import { codes, imported } from './helpers.js';

function ok(text: string): Extract<ImportResult, { ok: true }> {
  const result = importUrgentAction(text);
  if (!result.ok) expect.fail(`refused: ${result.message}`);
  return result;
}

describe('deadlines in every wording the corpus shows', () => {
  it.each([
    ['Contact these two officials by 30 June, 2017', '2017-06-30'],
    ['This action ended on March 8, 2019', '2019-03-08'],
    ['ENVOYEZ VOS APPELS AVANT LE 30 JANVIER 2013 À :', '2013-01-30'],
    ['ACTÚA ANTES DEL: 31 de enero de 2027', '2027-01-31'],
    ['Appelle bis 12. März 2015', '2015-03-12'],
    ['Bitte schicken Sie Ihre Appelle bis zum 3. Dezember 2024', '2024-12-03'],
    ['Envie apelos até 15 de março de 2021', '2021-03-15'],
    ['Stuur uw brief vóór 1 mei 2024', '2024-05-01'],
    ['PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: August 16, 2023', '2023-08-16'],
  ])('reads "%s"', (line, iso) => {
    const { appeal } = imported(`URGENT ACTION\nUA 12/24\n\n${line}\n\nDear Minister,\nPlease release her.\nYours sincerely,`);
    expect(appeal.deadline).toBe(iso);
  });

  it('reads German, Portuguese and Dutch month names', () => {
    expect(parseDate('12. März 2015')).toBe('2015-03-12');
    expect(parseDate('15 de março de 2021')).toBe('2021-03-15');
    expect(parseDate('1 mei 2024')).toBe('2024-05-01');
  });

  it('keeps a page whose action has ended an appeal, with that date as its deadline', () => {
    const result = ok('URGENT ACTION\nUA 12/19\nThis action ended on March 8, 2019\n\nDear Minister,\nPlease release her.\nYours sincerely,');
    expect([result.kind, result.appeal.deadline]).toEqual(['appeal', '2019-03-08']);
  });

  it('takes no date from a story told "by" someone', () => {
    const { appeal } = imported('URGENT ACTION\nUA 12/24\n\nHe was arrested by police on 3 March 2019.\n\nDear Minister,\nPlease release him.\nYours sincerely,');
    expect(appeal.deadline).toBeNull();
  });

  it('never makes the Spanish deadline line an official', () => {
    const { appeal } = imported('ACCIÓN URGENTE\nAU 10/27\n\nACTÚA ANTES DEL: 31 de enero de 2027\n\nFiscal General\nJuan Pérez\nCalle 1, Bogotá, Colombia\nCorreo-e: fiscal@fiscalia.gov.co\n\nEstimado Fiscal General:\nLe escribo.\nAtentamente,');
    expect(appeal.targets.map((t) => t.name)).toEqual(['Juan Pérez']);
  });
});

describe('what a text is: an appeal, or news of one', () => {
  it('marks "Further information on UA" as an update with its number', () => {
    const result = ok('Further information on UA 160/09 (19 June 2009)\nIRAN Abdolfattah Soltani\nHe is still held.\n\nPlease write immediately in English.');
    expect(result.kind).toBe('update');
    expect(result.appeal.number).toBe('160/09');
  });

  it('marks an update run into a flattened Spanish page', () => {
    const result = ok('Acción Urgente Público - Índice AI: MDE 23/030/2007 - 2 de agosto de 2007 Más información (actualización núm. 1) sobre AU 116/07 (MDE 23/019/2007) - Pena de muerte ARABIA SAUDÍ');
    expect([result.kind, result.appeal.number]).toEqual(['update', '116/07']);
  });

  it('marks "no further action is requested" as a closure', () => {
    expect(ok('URGENT ACTION\nUA 7/19\nThe trial was postponed indefinitely. No further action is requested from the UA network.').kind).toBe('closure');
  });

  it.each([
    'No further action by the UA Network is needed at this time. Many thanks to all who sent appeals.',
    'NO FURTHER ACTION\nThe trial has been postponed.',
  ])('marks "%s" as a closure', (wording) => {
    expect(ok(`URGENT ACTION\nUA 7/19\n${wording}`).kind).toBe('closure');
  });

  it('marks a release as good news, and imports it instead of refusing it', () => {
    const result = ok('A prisoner of conscience freed\n\nWe have now learned that Femi Peters is now free. He was released by the government on Dec. 10.');
    expect(result.kind).toBe('good-news');
  });

  it('keeps an appeal that tells of an earlier release an appeal', () => {
    expect(ok('URGENT ACTION\nUA 3/19\nShe was released later that day after posting bail, and was arrested again on 29 March.\n\nSecretary Menardo Guevarra\nDepartment of Justice, Manila\nEmail: communications@doj.gov.ph\n\nDear Secretary Guevarra,\nDrop the charges.\nYours sincerely,').kind).toBe('appeal');
  });

  it('keeps an appeal that quotes "good news" in a verse an appeal', () => {
    expect(ok('Proclaim good news to the poor.\n\nSend a note to the following leaders.\n\nPrime Minister\nWen Jiabao\n2 Fuyoujie\nBeijingshi 100017\n\nYour Excellency:\nRelease Shi Tao.\nYours sincerely,').kind).toBe('appeal');
  });

  it('still refuses a recipe, with its reason', () => {
    const result = importUrgentAction('The best cookie\n\n2 cups of flour\n1 egg\nBake 15 minutes.');
    expect(result).toMatchObject({ ok: false, reason: 'import_not_an_appeal' });
  });
});

describe('addresses only where they belong', () => {
  const german = [
    'URGENT ACTION',
    'UA-313/2014',
    'APPELL AN',
    'Generalstaatsanwalt',
    'Juri Jakowlewitsch Tschaika',
    'Ul. B. Dmitrovka 15a',
    '125993 Moskau',
    'RUSSISCHE FÖDERATION',
    'E-Mail: prokuratura@genproc.gov.ru',
    '',
    'KOPIE AN',
    'Botschaft der Russischen Föderation',
    'S. E. Herrn Sergej Netschajew',
    'Unter den Linden 63-65',
    '10117 Berlin',
    'E-Mail: info@russische-botschaft.de',
    '',
    'Sehr geehrter Herr Generalstaatsanwalt,',
    'bitte lassen Sie ihn frei.',
    'Mit freundlichen Grüßen',
  ].join('\n');

  it('never makes "Appell an" a name, and attaches the embassy email only to the copy', () => {
    const { appeal } = imported(german);
    const [main, copy] = appeal.targets;
    expect(main).toMatchObject({ name: 'Juri Jakowlewitsch Tschaika', title: 'Generalstaatsanwalt', emails: ['prokuratura@genproc.gov.ru'], copy: false });
    expect(copy).toMatchObject({ copy: true, emails: ['info@russische-botschaft.de'] });
    expect(appeal.letter.salutation).toBe('Sehr geehrter Herr Generalstaatsanwalt,');
  });

  it('leaves a mission address off the official it does not belong to, and says so', () => {
    const result = ok('URGENT ACTION\nUA 1/20\nPLEASE WRITE TO:\nMinister of Justice\nAli Hassan\n1 Palace Road, Cairo, Egypt\nEmail: embassy.egypt@mfa.gov.eg\n\nDear Minister,\nRelease him.\nYours sincerely,');
    expect(result.appeal.targets[0]?.emails).toEqual([]);
    expect(codes(result.warnings)).toContain('unsure_address');
  });

  it("never gives an official the organisers' own address", () => {
    const result = ok('URGENT ACTION\nPlease contact the TCADP Office at 512-441-1808 or info@tcadp.org if you have questions.\nAmnesty International Sección Española Fax + 91 319 53 34 amnistia.internacional@es.amnesty.org\n\nSAMPLE LETTER\nTexas Board of Pardons and Paroles\n8610 Shoal Creek Boulevard\nAustin, Texas 78758\nDear Board Members:\nPlease commute the sentence.\nSincerely,');
    expect(result.appeal.targets.map((t) => [t.name, t.emails])).toEqual([['Texas Board of Pardons and Paroles', []]]);
  });

  it('records the line each address came from', () => {
    const result = ok(german);
    expect(result.sources).toContainEqual({ target: 0, field: 'email', value: 'prokuratura@genproc.gov.ru', line: 'E-Mail: prokuratura@genproc.gov.ru' });
    expect(result.sources).toContainEqual({ target: 0, field: 'address', value: '125993 Moskau', line: '125993 Moskau' });
  });

  it('keeps each official\'s own salutation', () => {
    const { appeal } = imported('URGENT ACTION\nUA 2/20\nPLEASE WRITE TO:\nPresident\nJane Doe\nState House, Accra, Ghana\nSalutation: Your Excellency\n\nMinister of Interior\nJohn Roe\nInterior Ministry, Accra, Ghana\nSalutation: Dear Minister\n');
    expect(appeal.targets.map((t) => t.salutation)).toEqual(['Your Excellency', 'Dear Minister']);
  });

  it('keeps an official reachable only by web form, and never makes the form an official', () => {
    const { appeal } = imported('URGENT ACTION\nUA 3/20\nPLEASE WRITE TO:\nPrime Minister\nABE Shinzo\n2-3-1 Nagata-cho, Tokyo 100-0014, Japan\nOnline form in English: https://www.kantei.go.jp/foreign/forms/comment.html\n');
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]).toMatchObject({ name: 'ABE Shinzo', title: 'Prime Minister', social: ['Web form: https://www.kantei.go.jp/foreign/forms/comment.html'] });
  });

  it('takes a title line above the name for a title, not a name', () => {
    const { appeal } = imported('URGENT ACTION\nUA 4/20\nPLEASE WRITE TO:\nProcurator\nIvan Petrov\n1 Lenin St, Minsk, Belarus\nEmail: office@prokuratura.by\n');
    expect(appeal.targets[0]).toMatchObject({ name: 'Ivan Petrov', title: 'Procurator' });
  });

  it('splits an Amnesty USA one-line block into name, title, address and email', () => {
    const { appeal } = imported(
      'URGENT ACTION\nUA: Second 85.23\nPLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: January 4, 2024\n\nAndrey Shved Prosecutor General of the Republic of Belarus Vul. Internatsianalnaya, 22 220030 Minsk, Belarus Email: info@prokuratura.gov.by\n\nDear Prosecutor General,\nRelease them.\nSincerely,',
    );
    expect(appeal.number).toBe('85.23');
    expect(appeal.deadline).toBe('2024-01-04');
    expect(appeal.targets[0]).toMatchObject({ name: 'Andrey Shved', title: 'Prosecutor General of the Republic of Belarus', emails: ['info@prokuratura.gov.by'] });
    expect(appeal.targets[0]?.address[0]).toMatch(/^Vul\. Internatsianalnaya, 22 220030 Minsk/);
  });

  it('keeps "Dear Mr. President," after SAMPLE LETTER on one short line', () => {
    const { appeal } = imported('URGENT ACTION\nUA 5/20\nPLEASE WRITE TO:\nPresident\nJohn Smith\nState House, Accra, Ghana\n\nSAMPLE LETTER Dear Mr. President,\nI am writing to you about Ama Mensah.\nSincerely,');
    expect(appeal.letter.salutation).toBe('Dear Mr. President,');
  });

  it('keeps "Dear Mr. President," whole after SAMPLE LETTER', () => {
    const { appeal } = imported(`URGENT ACTION\nUA 5/20\nPLEASE WRITE TO:\nPresident\nJohn Smith\nState House, Accra, Ghana\n\nSAMPLE LETTER Dear Mr. President, I am writing to you about the detention of Ama Mensah, who has been held since May without charge ${'and without access to a lawyer '.repeat(3)}.\nSincerely,`);
    expect(appeal.letter.salutation).toBe('Dear Mr. President,');
  });
});

describe('every real layout imports', () => {
  it('imports a German page that is only the letter', () => {
    const { appeal } = imported('Sehr geehrter Herr Justizminister,\nich bin sehr besorgt über die Inhaftierung von Ales Bialiatski.\nBitte lassen Sie ihn sofort frei.\nHochachtungsvoll');
    expect(appeal.letter).toMatchObject({ salutation: 'Sehr geehrter Herr Justizminister,', closing: 'Hochachtungsvoll' });
    expect(appeal.draft).toBe(true);
  });

  it('imports a German model-letter page with its "UA-313/2014" number and "Exzellenz"', () => {
    const { appeal } = imported('MUSTERBRIEF\nUA-313/2014\nAppelle bis 30. Januar 2015\nAPPELLE AN\nPräsident\nAlexander Lukaschenko\nul. Karla Marksa 38\n220016 Minsk\nBELARUS\n\nExzellenz,\nbitte wandeln Sie das Todesurteil um.\nMit freundlichen Grüßen');
    expect(appeal).toMatchObject({ number: '313/2014', deadline: '2015-01-30' });
    expect(appeal.targets[0]).toMatchObject({ name: 'Alexander Lukaschenko', title: 'Präsident' });
    expect(appeal.letter.salutation).toBe('Exzellenz,');
  });
});

describe('officials whose blocks touch', () => {
  it('tells two officials apart without a blank line between their blocks', () => {
    const { appeal } = imported(
      'URGENT ACTION\nUA 6/20\nPLEASE WRITE TO:\nPresident\nJane Doe\nState House, Accra, Ghana\nEmail: president@presidency.gov.gh\nMinister of Interior\nJohn Roe\nInterior Ministry, Accra, Ghana\nEmail: minister@mint.gov.gh\n',
    );
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([
      ['Jane Doe', ['president@presidency.gov.gh']],
      ['John Roe', ['minister@mint.gov.gh']],
    ]);
  });
});

describe('headings that introduce officials are never names', () => {
  it.each([
    ['Write to:', 'Dear Minister,'],
    ['Schreiben Sie an:', 'Sehr geehrter Herr Minister,'],
    ['Appell an', 'Sehr geehrter Herr Minister,'],
  ])('"%s" introduces the official', (heading, salutation) => {
    const { appeal } = imported(`URGENT ACTION\nUA 7/20\n${heading}\nMinister of Justice\nAli Hassan\n1 Nile St, Cairo, Egypt\nEmail: minister@justice.gov.eg\n\n${salutation}\nRelease him.\nYours sincerely,`);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Ali Hassan']);
  });

  it('keeps a French "Copie à" block a copy, with its own email', () => {
    const { appeal } = imported('ACTION URGENTE\nAU 8/20\nÉCRIVEZ À :\nMonsieur le Ministre de la Justice\nAli Hassan\n1 rue du Nil, Le Caire, Égypte\nCourriel : ministre@justice.gov.eg\n\nCopie à :\nAmbassade d\'Égypte\n58 avenue Foch, Paris\nCourriel : ambassade@egypte.fr\n\nMonsieur le Ministre,\nLibérez-le.\nVeuillez agréer mes salutations.');
    expect(appeal.targets.map((t) => [t.name, t.emails, t.copy])).toEqual([
      ['Ali Hassan', ['ministre@justice.gov.eg'], false],
      ["Ambassade d'Égypte", ['ambassade@egypte.fr'], true],
    ]);
  });

  it("keeps a foreign minister's own ministry address, and a human rights commission's", () => {
    const { appeal } = imported('URGENT ACTION\nUA 9/20\nPLEASE WRITE TO:\nMinister of Foreign Affairs\nJean Dupont\nQuai d\'Orsay, Paris, France\nEmail: ministre@diplomatie.gouv.fr\n\nChair, National Human Rights Commission\nMary Roe\n1 Main St, Nairobi, Kenya\nEmail: chair@humanrightscommission.go.ke\n');
    expect(appeal.targets.map((t) => t.emails)).toEqual([['ministre@diplomatie.gouv.fr'], ['chair@humanrightscommission.go.ke']]);
  });
});
