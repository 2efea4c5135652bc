import { describe, expect, it } from 'vitest';
import { isPlausibleName } from '../../../src/core/importer/name-gate.js';
import { codes, imported, kindOf, refusedReason } from './helpers.js';

/* The general rules behind corpus-11's failures (issue 27), on texts written for the test. */

describe('the name gate: only a plausible official carries an address', () => {
  it('passes names and offices', () => {
    for (const name of ['Ms. Jane Example', 'Hamada al-Sawi', 'Supreme Leader', "Ministre de l'Intérieur", 'His Majesty King Example bin Sample Al Name', 'President Jane Example   19 August 2033']) {
      expect(isPlausibleName(name), name).toBe(true);
    }
  });

  it('refuses labels, conjunctions, sentences, boilerplate, links and numbers', () => {
    for (const line of ['Telephone (011-503) 2249-8412', 'Web-Page: www.example.gov', 'Country/Region: Exampleland', 'and/or', 'y/o', 'Details provided here will never be used in any other context', 'photo-of-pen.jpg', 'www.example.org', 'Please send your appeals to the office below.', 'we are grateful for your help']) {
      expect(isPlausibleName(line), line).toBe(false);
    }
  });

  it('splits a numbered list of officials whose phone lines have no colon, each keeping only its own e-mail', () => {
    const { appeal } = imported(
      [
        'Please send faxes and emails to:',
        '',
        '1.  Sr. Juan Example, Presidente de Exampleland:',
        'Telephone (011-503) 2248-9000.',
        'Fax (011-503) 2243-9947.',
        '',
        '2.  Lic. Ana Sample,  Fiscal General de Exampleland',
        'Telephone (011-503) 2249-8412',
        'Email: asample@fiscal.example.svThis email address is being protected from spam bots',
        '3.  Dr. Pedro Case,: Presidente de la Corte Suprema',
        'Fax (011-503) 2271-8754',
        "Secretary's email : secretaria@corte.example.sv",
        '',
        'Sample Letter:',
        'I write to express my concern about the arrests of community leaders.',
      ].join('\n'),
    );
    const byName = Object.fromEntries(appeal.targets.map((t) => [t.name, t.emails]));
    expect(Object.keys(byName)).toEqual(['Sr. Juan Example', 'Lic. Ana Sample', 'Dr. Pedro Case']);
    expect(byName['Sr. Juan Example']).toEqual([]);
    expect(byName['Lic. Ana Sample']).toEqual(['asample@fiscal.example.sv']);
    expect(byName['Dr. Pedro Case']).toEqual(['secretaria@corte.example.sv']);
  });

  it('starts a block at its name when page text sits above it, and never makes "and/or" an official', () => {
    const { appeal } = imported(
      [
        'Details provided here will never be used in any other context',
        '',
        'Letter template - May 2033',
        '',
        'Ms. Jane Example',
        'Chief of Mission',
        'Example Refugee Office',
        '14 Example Road, Example City - 110 003',
        '',
        'jane@office.example.org',
        '',
        'and/or',
        '',
        'Ms. Joan Sample',
        'Senior Protection Officer',
        'Example Refugee Office',
        '14 Example Road, Example City - 110 003',
        '',
        'Email: joan@office.example.org',
        '',
        'I am writing to request that your office reconsider the applications of the families named below.',
      ].join('\n'),
    );
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([
      ['Ms. Jane Example', ['jane@office.example.org']],
      ['Ms. Joan Sample', ['joan@office.example.org']],
    ]);
  });

  it('cuts a name run on into its street at the comma, and keeps the street as the address', () => {
    const { appeal } = imported(['UA 2/33', '', 'Please write to:', 'Jane Example, 12 Example Street', 'Exampletown 1000', 'Email: jane@example.gov', '', 'Dear Minister,', 'Release the prisoner.'].join('\n'));
    expect(appeal.targets[0]).toMatchObject({ name: 'Jane Example', emails: ['jane@example.gov'] });
    expect(appeal.targets[0]?.address).toContain('12 Example Street');
  });

  it('leaves off contact details that sit under no name, and says so', () => {
    const { appeal, warnings } = imported(['Urgent Action UA 1/33', '', 'Telephone (011-503) 2249-8412', 'Email: someone@example.gov', '', 'Dear Minister,', 'Release the prisoner.'].join('\n'));
    expect(appeal.targets.flatMap((t) => t.emails ?? [])).not.toContain('someone@example.gov');
    expect(codes(warnings)).toContain('unsure_address');
  });
});

describe('every real appeal imports', () => {
  it('a page that quotes an online letter glued to its salutation', () => {
    const { appeal } = imported('Über die Internetseite kann man die Regierung anschreiben und die Freilassung fordern. Der Wortlaut des Briefes:\nSehr geehrter Herr Minister,Frau Example ist seit dem 3. April inhaftiert worden. Ich fordere Sie nachdrücklich auf, sie unverzüglich und bedingungslos freizulassen und ihren Aufenthaltsort bekannt zu geben.');
    expect(appeal.letter.salutation).toBe('Sehr geehrter Herr Minister,');
  });

  it('a call to write to a named official, without an address', () => {
    const { appeal } = imported('Raise your voices\n\nA child is held in detention.\n\nWrite directly to Prime Minister Jane Example to protest at the removal. Email\n');
    expect(appeal.draft).toBe(true);
  });

  it('a call to sign or act, in Spanish', () => {
    expect(refusedReason('APOYA LA CAMPAÑA\n\n¡Actúa!\n\nSúmate a esta acción y exige justicia para las víctimas.\n\nHaz click en este link y firma en apoyo a la acción.\nhttp://example.org/actua')).toBeUndefined();
  });

  it('a French page offering an English letter in quotation marks, to fax', () => {
    const { appeal } = imported('Un appel a été lancé. Vous pouvez télécopier votre message au Secrétaire Général. Voici un exemple de texte.\n"Your Excellency,\nSix people have been on a hunger strike since 14 October 2033 before the United Nations.\nI urge you to meet them.\nFax New York: 1 212 000 00 00');
    expect(appeal.letter.salutation).toBe('Your Excellency,');
    // "since 14 October 2033 before the United Nations": the date comes before "before", so it is no deadline.
    expect(appeal.deadline).toBeNull();
  });

  it('an office with no person as the official, its block on the salutation\'s line', () => {
    const { appeal } = imported('Model letter\n\nSupreme Leader C/o Permanent Mission of Exampleland to the UN Chemin Example 28 1209 Geneva, Switzerland Dear Mr Example,\n\nI appeal to you to release the lawyer, a prisoner of conscience.');
    expect(appeal.targets[0]?.name).toBe('Supreme Leader');
    expect(appeal.targets[0]?.address).toContain('1209 Geneva, Switzerland');
    expect(appeal.letter.salutation).toBe('Dear Mr Example,');
  });
});

describe('kinds', () => {
  it('a good-news notice without a number is good news, not refused', () => {
    expect(kindOf('Update: Monday 19th May 2033\n\nFurther to our recent appeal, we are pleased to announce the release of Mr Jane Example and two volunteers.\n\nWe thank everyone.')).toBe('good-news');
  });

  it('"Further information" telling of a release, with no further action requested, is good news', () => {
    expect(kindOf('Further Information on UA 81/33 - 04 July 2033\nJane Example was released on 4 July and handed over to officials.\nNo further action is requested from the UA network. Many thanks to all who sent appeals.')).toBe('good-news');
  });

  it('a release on bail in an update is not good news', () => {
    expect(kindOf('Further Information on UA 81/33\nFour were released on bail; six remain in custody.\nPlease write immediately to the Minister of Justice.')).toBe('update');
  });

  it('a release undone in the same sentence is not good news', () => {
    expect(kindOf('Further Information on UA 81/33\nJane Example was released on 4 July but re-arrested the next day at her home.\nPlease write immediately to the Minister of Justice.')).toBe('update');
  });

  it('an online action with dated "Update" lines and no UA number is an appeal', () => {
    expect(kindOf('Update 18/07/2033: ten defenders have been charged.\n\nThe chair was detained on 6 June.\n\nMr Jane Example\nMinister of Justice\n\nAdd Your Voice\nDear Minister,\nRelease them now.\nSend A Message')).toBe('appeal');
  });
});

describe('non-appeals are refused', () => {
  it('an organisation\'s letter told in news, in its own "we"', () => {
    expect(refusedReason('EXAMPLE COMMISSION Letter to King Example\nThe Commission wrote to King Example to urge him to pardon the blogger.\nHis Majesty King Example\nRoyal Court\nYour Majesty:\nWe write to you on behalf of the Commission. We are concerned that the blogger remains in prison.\nSincerely,\nThe Commission')).toBe('import_not_an_appeal');
  });

  it('a letter signed by organisations in Spanish, with no request to the reader', () => {
    expect(refusedReason('Diecinueve organizaciones dirigieron esta carta al Arzobispo. Lea aquí la carta:\nMonseñor Ejemplo\nArzobispo\nEstimado monseñor Ejemplo,\nLos signatarios de esta carta nos dirigimos respetuosamente a usted para expresar nuestra preocupación por el cierre de la oficina.')).toBe('import_not_an_appeal');
  });

  it('but a model letter in the same "we" voice that the reader is asked to send imports', () => {
    expect(refusedReason('Please copy the sample letter below and send it to the King.\nHis Majesty King Example\nRoyal Court\nYour Majesty:\nWe write to you as members of our community. We ask you to pardon the blogger.\nSincerely,')).toBeUndefined();
  });

  it('a letter others sent, which the reader is told they can send too, imports', () => {
    expect(refusedReason('Our group sent this letter to the King. You can send it too.\nHis Majesty King Example\nRoyal Court\nYour Majesty:\nWe write to you as members of our community. We ask you to pardon the blogger.\nSincerely,')).toBeUndefined();
  });

  it('a press release and an explainer about Urgent Actions in general', () => {
    expect(refusedReason('Amnesty celebrates 30 years of Urgent Action\nThrough the scheme, supporters send letters to the authorities in urgent cases.\nSince it began, thousands of cases have been taken up through the Urgent Action appeal system.')).toBe('import_not_an_appeal');
    expect(refusedReason('Eilaktionen\nWie läuft eine Eilaktion ab?\nAmnesty erfährt von einer Menschenrechtsverletzung. Die Teilnehmer des ua-Netzes schreiben eine Petition.\nKontakt: gruppe@example.de')).toBe('import_not_an_appeal');
  });
});
