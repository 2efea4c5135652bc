// The general rules behind corpus-22's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { greetedNames, spellsSurname } from '../../../src/core/importer/spelled-emails.js';
import { holdsSecondColumn } from '../../../src/core/importer/side-by-side.js';
import { calledOnLines } from '../../../src/core/importer/listed-recipients.js';
import { splitSections } from '../../../src/core/importer/sections.js';
import { codes, imported, kindOf, page } from './helpers.js';

const body = [
  'I am writing to protest against the planned deportation of Jane Example, who has lived here for twelve years with her family.',
  'I urge you to stop the deportation at once.',
];

describe('two address blocks printed side by side', () => {
  const text = page(
    'Write to the King, or send a copy to the embassy:',
    'His Majesty King Aron I Example Embassy of the Kingdom of Examplia',
    'Royal Court of Examplia H.E. Mr. Bert Sample',
    'Exampletown, Examplia Example Street 12',
    '1234 AB Sampleton',
    '',
    'Your Majesty,',
    ...body,
    'Yours sincerely,',
  );

  it('leaves the official\'s postal lines off and asks, never giving him the embassy\'s lines', () => {
    const { appeal, warnings } = imported(text);
    const king = appeal.targets.find((t) => t.name.includes('Aron'));
    expect(king).toBeDefined();
    expect([king?.title, king?.organisation, ...(king?.address ?? [])].join(' ')).not.toMatch(/Embassy|Example Street|Sampleton/);
    expect(codes(warnings)).toContain('unsure_address');
  });

  it('knows a second addressee in mid-line, not one a line names on purpose', () => {
    expect(holdsSecondColumn('Royal Court of Examplia H.E. Mr. Bert Sample')).toBe(true);
    expect(holdsSecondColumn('c/o Mr. Bert Sample')).toBe(false);
    expect(holdsSecondColumn('Ministry of Justice')).toBe(false);
  });
});

describe('a block that opens with its office\'s town', () => {
  it('never makes the town the official, and gives the block to the person the letter greets and the e-mail spells', () => {
    const { appeal } = imported(
      page(
        'We ask you to send and sign the letter below to the special envoy, to ask for the release',
        'of the youngest prisoner held in Examplia.',
        '',
        'the address to write to is',
        'jane.example@fax.example.org and here is',
        'a sample letter:',
        '',
        'Sampleton Office of the Secretary General',
        'Examplian Federation',
        '1 Federation Plaza',
        'Sampleton, SP 10017',
        '',
        'Dear Secretary General Jane Example,',
        ...body,
        'Yours sincerely,',
      ),
    );
    expect(appeal.targets.map((t) => t.name)).not.toContain('Sampleton');
    const envoy = appeal.targets.find((t) => t.name === 'Jane Example');
    expect(envoy?.emails).toEqual(['jane.example@fax.example.org']);
    expect(envoy?.address).toContain('1 Federation Plaza');
  });
});

describe('bare e-mails above a letter that greets its officials by surname', () => {
  const text = page(
    'Mail action against the deportation',
    'Bitte sendet den Text an:',
    'aron.mueller@ministerium.example.de',
    'zentrale@partei.example.de',
    'bert-von-sample@bundestag.example.de',
    '',
    'Sehr geehrter Herr Müller,',
    'sehr geehrter Herr von Sample,',
    '',
    'ich schreibe Ihnen heute, weil ich zutiefst erschüttert bin über die geplante Abschiebung von Jane Example, die seit zwölf Jahren hier lebt.',
    'Mit freundlichen Grüßen',
  );

  it('gives each official the e-mail that spells their surname, and a party office\'s address to no one', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.find((t) => t.name === 'Müller')?.emails).toEqual(['aron.mueller@ministerium.example.de']);
    expect(appeal.targets.find((t) => t.name === 'von Sample')?.emails).toEqual(['bert-von-sample@bundestag.example.de']);
    expect(appeal.targets.flatMap((t) => t.emails)).not.toContain('zentrale@partei.example.de');
  });

  it('reads each greeted name from a run of greetings, and an office alone as no one', () => {
    expect(greetedNames('Sehr geehrter Herr Müller, sehr geehrter Herr von Sample,')).toEqual(['Müller', 'von Sample']);
    expect(greetedNames('Sehr geehrter Herr Bundesminister Example!')).toEqual(['Example']);
    expect(greetedNames('Dear Minister,')).toEqual([]);
  });

  it('matches a surname only as a whole part of the address, umlauts written out or not', () => {
    expect(spellsSurname('aron.mueller@example.de', 'Müller')).toBe(true);
    expect(spellsSurname('aron.muller@example.de', 'Müller')).toBe(true);
    expect(spellsSurname('muellerhaus@example.de', 'Müller')).toBe(false);
    expect(spellsSurname('ministerbuero@example.de', 'Müller')).toBe(false);
  });
});

describe('a letter\'s subject line', () => {
  it('is never an official', () => {
    const { appeal } = imported(page('Please send the message below.', '', 'Re: The deportations of last week', '', 'Dear Minister Example,', ...body, 'Yours sincerely,'));
    expect(appeal.targets.map((t) => t.name).join(' ')).not.toMatch(/^Re:|deportations/);
  });
});

describe('requests and news in the words corpus-22 showed', () => {
  it('takes an Italian "text to send" and a Swedish "write a card" as asking the reader (a draft, not a refusal)', () => {
    expect(kindOf(page('Lettera per i profughi', 'È urgente inviare il testo sottostante agli indirizzi in fondo alla pagina.', 'TESTO DA INVIARE'))).toBe('appeal');
    expect(kindOf(page('Skriv för frihet', 'Gå in och skriv ett vykort i kampanjen och gör skillnad för Jane Example.'))).toBe('appeal');
    expect(kindOf(page('Freedom week', 'People will be able to sign on-line letters at our website on behalf of four prisoners.'))).toBe('appeal');
  });

  it('takes a look back at a year\'s successes as good news', () => {
    expect(kindOf(page('EIN RÜCKBLICK AUF ERFOLGE IM JAHR 2031', 'Jane Example wurde im Januar aus der Haft entlassen.'))).toBe('good-news');
  });
});

describe('a minister\'s own e-mails listed with their office\'s', () => {
  const listed = (...emails: string[]): string => page(
    'Mailaktion',
    'Wir bitten euch, gegen die Zustände im Lager zu protestieren.',
    '',
    ...emails,
    '',
    'Sehr geehrter Herr Bundesminister Example!',
    'Ich habe erfahren, dass Flüchtlinge seit Wochen abgewiesen werden, weil es zu wenige Plätze gibt. Sie sind verantwortlich.',
    'Unterschrift',
  );

  it('gives the office\'s address at the minister\'s own domain, in the same run, to the one greeted minister', () => {
    const { appeal } = imported(listed('aron.example@ministerium.example.at', 'ministerbuero@ministerium.example.at'));
    expect(appeal.targets.find((t) => t.name === 'Example')?.emails).toEqual(['aron.example@ministerium.example.at', 'ministerbuero@ministerium.example.at']);
  });

  it('reads the run with a list\'s numbers before the addresses', () => {
    const { appeal } = imported(listed('1) aron.example@ministerium.example.at', '2) ministerbuero@ministerium.example.at'));
    expect(appeal.targets.find((t) => t.name === 'Example')?.emails).toEqual(['aron.example@ministerium.example.at', 'ministerbuero@ministerium.example.at']);
  });

  it('leaves an address at another domain, or parted from the run by a blank line, off', () => {
    const other = imported(listed('aron.example@ministerium.example.at', 'zentrale@partei.example.at')).appeal;
    expect(other.targets.flatMap((t) => t.emails)).toEqual(['aron.example@ministerium.example.at']);
    const parted = imported(listed('aron.example@ministerium.example.at', '', 'ministerbuero@ministerium.example.at')).appeal;
    expect(parted.targets.flatMap((t) => t.emails)).toEqual(['aron.example@ministerium.example.at']);
  });
});

describe('a letter from the organisation thanking its supporters', () => {
  const thanks = page(
    'Letter from Example Rights Group',
    '',
    'Dear Jane,',
    '',
    'I am writing to say thank you.',
    'Through it all your support has helped us keep human rights on the agenda.',
    'Prisoners you took action for, including Aron Example in Examplia and Bert Sample, have been freed.',
    'Here at home we collected thousands of signatures.',
  );

  it('is good news, and its "Letter from ..." heading is no official', () => {
    expect(kindOf(thanks)).toBe('good-news');
    expect(imported(thanks).appeal.targets.map((t) => t.name)).toEqual([]);
  });

  it('still reads a live appeal whose prisoners are not yet freed as an appeal', () => {
    expect(kindOf(page('Prisoners you took action for last year are still held.', 'Please write to the Minister of Justice today.', 'Dear Minister,', ...body))).toBe('appeal');
  });
});

describe('a petition\'s request that names its official by office and name, with no contact', () => {
  const named = (line: string): string[] => calledOnLines(splitSections([line])).filter((l) => l.text !== '').map((l) => l.text);

  it('reads "Call on <office> – Hon. <name> to:" and "Urge the <office>, <name>, to"', () => {
    expect(named('Call on Minister of Corrections – Hon. Jane Example to:')).toEqual(['Jane Example', 'Minister of Corrections']);
    expect(named('Urge the Minister of Justice, Aron Example, to drop the charges.')).toEqual(['Aron Example', 'Minister of Justice']);
    expect(named('• Call on Minister of Corrections – Hon. Jane Example to:')).toEqual(['Jane Example', 'Minister of Corrections']);
    const { appeal } = imported(page('SIGN NOW: petition for an inquiry into prisons', '', 'We need your help: sign the petition below.', 'Call on Minister of Corrections – Hon. Jane Example to:', '– end degrading practices', '– overhaul the complaints system'));
    expect(appeal.targets.map((t) => [t.name, t.title, t.emails.length])).toEqual([['Jane Example', 'Minister of Corrections', 0]]);
  });

  it('reads the virtual letter the reader is asked to sign, to a president named in the sentence', () => {
    expect(calledOnLines(splitSections(['We call on people everywhere to sign on to this virtual letter to Examplian President Jane Example, demanding the release of two activists.'])).map((l) => l.text)).toEqual(['Jane Example', 'President', '']);
  });

  it('leaves an office run into the name without a dash, comma or form of address unread, and a request to no office', () => {
    expect(named('Urge Minister of Corrections Jane Example to act.')).toEqual([]);
    expect(named('Call on Jane Example, a teacher, to speak at the rally.')).toEqual([]);
  });
});
