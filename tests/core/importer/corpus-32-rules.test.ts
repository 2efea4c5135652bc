// The general rules behind corpus-32's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isPlausibleName } from '../../../src/core/importer/name-gate.js';
import { looseContacts } from '../../../src/core/importer/loose-contacts.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

const body = [
  'le scrivo per chiederle di proteggere le terre del popolo Example e di garantire i fondi a chi le difende da anni.',
  'La prego di agire prima che sia troppo tardi per le comunità che vi abitano.',
];

describe('a caption over an address is never a name', () => {
  it('reads "Endereço:", "Indirizzo:" and "Adres:" before an e-mail as captions, in any script\'s letters', () => {
    expect(looseContacts('Endereço: gabinete@example.gov.br').text).toBe('');
    expect(looseContacts('Indirizzo: ufficio@example.it').text).toBe('');
    expect(looseContacts('Adres: minister@example.nl').text).toBe('');
    // A name before an e-mail keeps its last letters: "ç" + "o" is no conjunction "o".
    expect(looseContacts('Jane Exampleço a@example.org').text).toBe('Jane Exampleço');
    expect(looseContacts('write to Jane Example o a@example.org').text).toBe('write to Jane Example');
    expect(isPlausibleName('Endereço:')).toBe(false);
    expect(isPlausibleName('Endereç')).toBe(true); // the cut word was the defect, not the gate: it is no longer made
  });

  it('gives the e-mail under "Endereço:" to the official the request above it names, never to the caption', () => {
    const text = page(
      'Ajude o povo Example!',
      '',
      'Envie um email para o ministro Aron Example ou use o modelo abaixo:',
      '',
      'Endereço: gabinete@example.gov.br',
      '',
      'Assunto: Proteja as terras do povo Example',
      '',
      'Caro Ministro Aron Example,',
      'Peço que o senhor proteja as terras do povo Example e garanta os fundos de quem as defende.',
      'Atenciosamente,',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).not.toContain('Endereç');
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]!.name).toMatch(/Aron Example$/);
    expect(appeal.targets[0]!.emails).toEqual(['gabinete@example.gov.br']);
  });

  it('leaves the e-mail off where the request above it names no official', () => {
    const text = page(
      'Envie um email para os seus amigos ou use o modelo abaixo:',
      '',
      'Endereço: contato@example.org',
      '',
      'Caro amigo,',
      'Peço que você assine a petição pelo povo Example e a mande a mais pessoas.',
    );
    const result = imported(text);
    expect(result.appeal.targets.flatMap((t) => t.emails)).toEqual([]);
  });
});

describe('a pre-written e-mail\'s header lines', () => {
  it('gives the "A:" line\'s e-mail to the official its greeting names, never the Cc and CCN ones', () => {
    const text = page(
      'Per favore, invia subito una e-mail di protesta al Presidente.',
      '',
      'A: gabinete@presidency.example.gov',
      'Cc: ministro@justice.example.gov, deputato@parliament.example.gov',
      'CCN: info@ngo.example.org (facoltativo)',
      'Oggetto: Per favore, protegga il popolo Example',
      'Egregio Presidente Example,',
      ...body,
      'Distinti saluti,',
    );
    const { appeal } = imported(text);
    const own = appeal.targets.filter((t) => !t.copy);
    expect(own).toHaveLength(1);
    expect(own[0]!.name).toBe('Presidente Example');
    expect(own[0]!.emails).toEqual(['gabinete@presidency.example.gov']);
    expect(appeal.targets.flatMap((t) => (t.copy ? [] : t.emails))).not.toContain('info@ngo.example.org');
  });

  it('gives an "An:" line\'s two e-mails to an office greeted without a name ("Sehr geehrter Herr Minister,")', () => {
    const text = page(
      'An: kabinett@justice.example.gov, buero@justice.example.gov',
      'Cc: praesidium@agency.example.gov',
      'Bcc: kampagnen@ngo.example.org (optional)',
      'Betreff: Schutz des Example-Landes',
      'Sehr geehrter Herr Minister,',
      'ich bitte Sie, das Land des Volkes Example noch in diesem Jahr zu schützen und die Grenzen endlich festzulegen.',
      'Mit freundlichen Grüßen',
    );
    const { appeal } = imported(text);
    const own = appeal.targets.filter((t) => !t.copy);
    expect(own.map((t) => t.name)).toEqual(['Minister']);
    expect(own[0]!.emails).toEqual(['kabinett@justice.example.gov', 'buero@justice.example.gov']);
  });

  it('gives nothing where the greeting names no official ("Sehr geehrte Damen und Herren,")', () => {
    const text = page(
      'An: info@company.example.com',
      'Betreff: Schutz des Example-Landes',
      'Sehr geehrte Damen und Herren,',
      'ich bitte Sie, das Land des Volkes Example noch in diesem Jahr zu schützen und die Grenzen endlich festzulegen.',
      'Mit freundlichen Grüßen',
    );
    const result = imported(text);
    expect(result.appeal.targets.flatMap((t) => t.emails)).not.toContain('info@company.example.com');
  });

  it('reads no header where text stands between the "To:" line and the greeting', () => {
    const text = page(
      'To: office@ministry.example.gov',
      'We sent this last week and had no answer; here is what we wrote to the office of the minister.',
      'Dear Minister,',
      'I urge you to release Jane Example at once and to drop every charge against her.',
      'Yours sincerely,',
    );
    const result = imported(text);
    expect(result.appeal.targets.filter((t) => t.name === 'Minister' && t.emails.includes('office@ministry.example.gov'))).toEqual([]);
  });
});

describe('German greetings', () => {
  it('reads "Sehr verehrter Präsident" alone under a dated address block as the letter\'s greeting', () => {
    const text = page(
      'Bitte schreiben Sie einen Brief an die Regierung.',
      '',
      'H E The Hon. Aron Example, President',
      'State House',
      'PO Box 12345',
      'Example City',
      'Kenya',
      '',
      'August 31, 2016',
      '',
      'Sehr verehrter Präsident',
      '',
      'ich bitte Sie, die Vertreibung des Volkes Example aus seinem Wald sofort zu beenden und seine Rechte zu achten.',
      'Mit freundlichen Grüßen',
    );
    expect(imported(text).appeal.letter.salutation).toBe('Sehr verehrter Präsident');
  });

  it('cuts a quoted letter\'s greeting from the sentence it runs into ("„Sehr geehrter Herr Gouverneur, Jane Example sitzt ...")', () => {
    const text = page(
      'Gerechtigkeit für Jane Example',
      '',
      '„Sehr geehrter Herr Gouverneur, Jane Example sitzt seit 1991 im Todestrakt. Sie soll hingerichtet werden, obwohl ernste Zweifel an ihrer Schuld bestehen. Wir, die Unterzeichnenden, bitten Sie deshalb eindringlich, Jane Example zu begnadigen.“',
      '',
      'Sign Petition',
    );
    const { appeal } = imported(text);
    expect(appeal.letter.salutation).toBe('Sehr geehrter Herr Gouverneur,');
    expect(appeal.letter.paragraphs.join(' ')).toContain('Jane Example sitzt seit 1991');
    // The campaign's slogan above the letter is no official.
    expect(appeal.targets.map((t) => t.name)).toEqual([]);
  });

  it('reads a petition\'s "we, the undersigned" letter as the readers\' own only where the page has its sign button', () => {
    const letter = [
      'Sehr geehrter Herr Minister,',
      'wir, die Unterzeichnenden, bitten Sie, Jane Example sofort freizulassen. Wir fordern ein faires Verfahren für alle, die mit ihr verhaftet wurden.',
      'Mit freundlichen Grüßen',
    ];
    expect(refusedReason(page('Ein Brief an den Minister', '', ...letter))).toBe('import_not_an_appeal');
    expect(refusedReason(page('Ein Brief an den Minister', '', ...letter, '', 'Petition unterschreiben'))).toBeUndefined();
  });

  it('never takes a campaign\'s slogan for a name', () => {
    expect(isPlausibleName('Gerechtigkeit für Jane Example')).toBe(false);
    expect(isPlausibleName('Justice for Jane Example')).toBe(false);
    expect(isPlausibleName('Libertad para Jane Example')).toBe(false);
    expect(isPlausibleName('Minister for Justice Aron Example')).toBe(true);
  });
});

describe('an e-mail a page gives as an official\'s own', () => {
  it('gives "la mail del Ministero ...: a@b" to the ministry and "la mail dell\'ambasciatore ..., Name: c@d" to the ambassador', () => {
    const text = page(
      'Example Blog',
      '',
      'Un nostro amico è in carcere da sei mesi senza accusa e nessuno ne parla. Qui la mail del Ministero degli Esempi: ufficio@ministero.example.it qui invece la mail dell\'ambasciatore italiano in Esempia, Aron Example: ambasciata@ministero.example.it . Se siete d\'accordo scriviamo insieme una mail.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([
      ['Ministero degli Esempi', ['ufficio@ministero.example.it']],
      ['Aron Example', ['ambasciata@ministero.example.it']],
    ]);
    expect(appeal.targets[1]!.title).toBe('Ambasciatore italiano in Esempia');
  });

  it('gives nothing where the owner is no office ("la mail di Jane Example: ...", "the e-mail of our group: ...")', () => {
    const text = page(
      'Un nostro amico è in carcere da sei mesi. Qui la mail di Jane Example: jane@example.org e the e-mail of our group: info@group.example.org.',
      '',
      'Scrivete al ministro per chiedere la sua liberazione.',
    );
    const result = imported(text);
    expect(result.appeal.targets.flatMap((t) => t.emails)).toEqual([]);
  });
});

describe('a letter its writer sent in their own office', () => {
  const letter = [
    'Governor Aron Example State Capitol Example City, CA 95814 United States of America Example Town, 1. Dezember 2005',
    'Sehr geehrter Herr Gouverneur!',
    'Als Bürgermeister Ihrer Heimatstadt verfolge ich die politischen Ereignisse in Ihrem Staat mit höchstem Interesse. Viele Mitbürger haben mich gebeten, Sie um die Aussetzung der Hinrichtung von Jane Example zu ersuchen.',
  ];

  it('refuses a letter that opens with its writer\'s office ("Als Bürgermeister ... verfolge ich")', () => {
    expect(refusedReason(page('Forum Archiv', '', 'Re: Todesstrafe', '', ...letter))).toBe('import_not_an_appeal');
  });

  it('still imports it where the page asks the reader to send it', () => {
    expect(refusedReason(page('Schreiben Sie an den Gouverneur! Unser Musterbrief:', '', ...letter))).toBeUndefined();
  });
});

describe('French good news', () => {
  it('reads a freed prisoner\'s thanks ("J\'ai été libéré hier ... je vous en remercie") as good news', () => {
    const text = page(
      'Chèr(e)s ami(e)s,',
      '',
      'J’ai été libéré hier de la prison de Example.',
      '',
      'C’est à votre mobilisation solidaire que je le dois, et je vous en remercie.',
    );
    expect(kindOf(text)).toBe('good-news');
  });

  it('reads "X et Y vont être libérés" with thanks to supporters as good news', () => {
    const text = page(
      'Jane Example et Aron Example vont être libérés du centre de détention de Example.',
      'La cour d\'appel a accepté leur demande de libération anticipée.',
      'Merci à tous ceux qui ont relayé les informations.',
    );
    expect(kindOf(text)).toBe('good-news');
  });

  it('keeps a call that says they must be freed an appeal, and a release without thanks no good news by this rule', () => {
    expect(kindOf(page('Jane Example doit être libérée. Écrivez au ministre pour qu\'elle soit libérée: ministre@example.gouv.fr', 'Merci de votre action.'))).not.toBe('good-news');
    // "Merci de copier cette lettre" asks the reader; a release told further down is an earlier part of the story.
    expect(kindOf(page('Jane Example et Aron Example sont libérés après quelques mois, puis arrêtés de nouveau.', 'Merci de copier cette lettre et de l\'envoyer au ministre.', 'Monsieur le Ministre,', 'Je vous demande de libérer Jane Example.', 'Veuillez agréer, Monsieur le Ministre, mes salutations distinguées.'))).toBe('appeal');
    expect(refusedReason(page('Jane Example sera libérée demain, selon son avocat, après deux ans de détention préventive.'))).toBe('import_not_an_appeal');
  });
});

describe('requests to the reader that name no one to write to', () => {
  it('imports "invite chacune et chacun à interpeller les députés" as a draft, and a report that deputies voted stays refused', () => {
    expect(refusedReason(page('La Ligue Example invite chacune et chacun à interpeller les députés et sénateurs avant le vote de la loi, à l\'aide du formulaire ci-dessous.'))).toBeUndefined();
    expect(refusedReason(page('Les députés et sénateurs ont voté la loi hier soir, après un long débat sur la sécurité.'))).toBe('import_not_an_appeal');
  });

  it('imports a section\'s "ESCRIBAN INMEDIATAMENTE en persa ... o en su propio idioma" cut before the addresses as a draft', () => {
    const text = page(
      'La ejecución de Jane Example se llevará a cabo el 16 de julio.',
      '',
      'ESCRIBAN INMEDIATAMENTE en persa, en árabe, en inglés o en su propio idioma:',
      '',
      '  • pidiendo a las autoridades que detengan de inmediato la ejecución de Jane Example;',
    );
    expect(kindOf(text)).toBe('appeal');
    expect(refusedReason(page('Escriban inmediatamente sus comentarios en el foro, en inglés o en español.'))).toBe('import_not_an_appeal');
  });
});

describe('a solidarity group\'s list of prisoners', () => {
  it('makes the person an item opens with the card\'s ("Jane Example, Journalistin ... sitzt im Knast ... Schreibt ihr.")', () => {
    const text = page(
      'Briefe an Gefangene',
      '',
      'Fast alle Gefangenen freuen sich über Post. Briefe überwinden Gefängnismauern.',
      '',
      'Jane Example, Journalistin und Aktivistin – sie sitzt derzeit im Abschiebeknast. Ihr droht die Auslieferung. Schreibt ihr. Briefe einfach scannen und an die Soligruppe schicken.',
    );
    expect(imported(text).appeal.solidarity?.to).toBe('Jane Example');
  });

  it('makes no card of an item about an official or about someone not held', () => {
    const official = page('Aron Example, Minister der Justiz, hält Jane Example im Gefängnis fest. Schreibt ihm und fordert ihre Freilassung: minister@example.gov');
    const held = importUrgentAction(official);
    expect(held.ok ? held.appeal.solidarity : undefined).toBeUndefined();
    const free = page('Jane Example, Autorin, hat ein neues Buch geschrieben. Schreibt ihr, sie freut sich über Post von Lesern.');
    const result = importUrgentAction(free);
    expect(result.ok ? result.appeal.solidarity : undefined).toBeUndefined();
  });
});
