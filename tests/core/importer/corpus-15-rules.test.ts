// The general rules behind corpus-15's English and French failures (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { codes, imported, kindOf, page, refusedReason } from './helpers.js';

const story = 'Jane Example has been held without charge since March 2031 and her family has not been allowed to see her.';
const parliament = ['PO Box 1234', 'House of Assembly', 'Parliament House', 'Exampleton EX 2600'];

describe('a letter kit lists officials as numbered items, each over the same postal block, with no blank lines', () => {
  const text = page(
    story,
    'You',
    'can write to:',
    '1. The Hon Anna Sample,',
    'Minister for Home Affairs.',
    ...parliament,
    '2. Mr Ben Other, Minister for Immigration, Citizenship and Settlement',
    ...parliament,
    '3. Carl Third, MP, Member for Riverside',
    ...parliament,
    'And remember',
    'to send a copy to your own MP',
    'Your local MP, either',
    'Prime Minister',
    ...parliament,
    '',
    'Dear Minister Sample',
    'I appeal to you to release Jane Example from detention now.',
  );

  it('reads each named person as an official with the block under their own item, never the office line', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.filter((t) => !t.copy).map((t) => [t.name, t.address?.slice(-4)])).toEqual([
      ['The Hon Anna Sample', parliament],
      ['Mr Ben Other', parliament],
      ['Carl Third', parliament],
    ]);
    expect(appeal.targets.map((t) => t.name)).not.toContain('Minister for Home Affairs.');
  });
});

describe('an e-mail written so that harvesters miss it is read as the address it means', () => {
  for (const written of ['info[at]pmoffice.example.gov', 'info (at) pmoffice.example.gov', 'info at pmoffice.example.gov']) {
    it(`reads "E-mail: ${written}"`, () => {
      const text = page(story, '', 'Right Hon. Prime Minister Dana Example', 'Office of the Prime Minister', 'Example Palace', 'Exampleton', 'EXAMPLELAND', 'FAX: + 977 1 4211 000', `E-mail: ${written}`, '', 'Your Excellency,', 'I urge you to release Jane Example.', 'Yours sincerely,');
      const [target] = imported(text).appeal.targets;
      expect([target?.name, target?.title, target?.emails]).toEqual(['Dana Example', 'Prime Minister', ['info@pmoffice.example.gov']]);
    });
  }

  it('never reads a bare " at " in prose as an address', () => {
    const text = page(story, '', 'We met the minister at example.org last week and will meet her again.', '', 'Dear Minister,', 'Please release Jane Example.', 'Yours sincerely,');
    expect(imported(text).appeal.targets.flatMap((t) => t.emails ?? [])).toEqual([]);
  });
});

describe('officials under "Send your letter to:", each with an e-mail on their own line', () => {
  const letter = (copied: string): string =>
    page(
      'Dear Ms Sample',
      `I write every week about refugees held offshore.${copied}`,
      'Please release Jane Example.',
      'Yours sincerely,',
      '',
      'Send your letter to:',
      'Ms Anna Sample: anna.sample.mp@parl.example.gov (Minister for Home Affairs).',
      'Mr Ben Other: ben.other.mp@parl.example.gov (The Immigration Minister).',
    );

  it('gives each e-mail to the person on its line, never the next person\'s to the first', () => {
    const { appeal } = imported(letter(''));
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([
      ['Ms Anna Sample', ['anna.sample.mp@parl.example.gov']],
      ['Mr Ben Other', ['ben.other.mp@parl.example.gov']],
    ]);
  });

  it('makes the officials the letter does not greet copies when the letter says it is copied to others', () => {
    const { appeal } = imported(letter(' We are copying this letter to the Immigration Minister.'));
    expect(appeal.targets.map((t) => [t.name, t.copy])).toEqual([
      ['Ms Anna Sample', false],
      ['Mr Ben Other', true],
    ]);
  });
});

it('reads "the letter is addressed to <office>: <e-mail>" above "Dear Ms X" as that person in that office', () => {
  const text = page(
    'This week’s letter is addressed to the new minister for Home Affairs: anna.sample.mp@parl.example.gov',
    '',
    'Dear Ms Sample',
    '',
    'We urge you to release Jane Example, who has been held for four years without charge.',
    '',
    'Yours sincerely,',
  );
  const [target] = imported(text).appeal.targets;
  expect([target?.name, target?.title, target?.emails]).toEqual(['Ms Sample', 'Minister for Home Affairs', ['anna.sample.mp@parl.example.gov']]);
});

describe('a network alert that demands a person\'s release is an appeal to finish, never refused', () => {
  it('imports "ALERTE !" with "Pour demander la libération de ..." as a draft asking the moderator', () => {
    const text = page('ALERTE ! Une mère de famille en rétention', 'Les faits :', 'Madame Ana EXEMPLE, 30 ans, est enfermée au centre de rétention depuis le 3 mars.', 'Pour', 'demander la libération immédiate d’Ana EXEMPLE, qui doit retrouver ses enfants');
    const { appeal, warnings } = imported(text);
    expect(appeal.draft).toBe(true);
    expect(codes(warnings)).toContain('unsure_appeal');
  });

  it('still refuses a story that only tells of a release', () => {
    expect(refusedReason(page('Ana Example was released on 3 March after two years in detention.', 'Her family welcomed her at the airport.'))).toBe('import_not_an_appeal');
  });
});

it('reads a quoted e-mail run together on one line (" > >" a paragraph, " >" a line) as the letter it holds, for whom it names', () => {
  const quoted = [
    'Just received this email --- From the Example Solidarity Network > >ESN requests your help with this item. Please take a minute to add your >voice.',
    '> >WE REQUEST YOU TO COPY AND FAX OR EMAIL THE FOLLOWING MESSAGE TO KING >EXAMPLE TO URGE HIM TO ACT. > >Your Royal Highness > >I am very concerned about the arrests of',
    '>journalists in your country. Please release them. > >Yours Sincerely, > >YOUR NAME > >FAX to +99 - 1 - 4419454 > >EMAIL to press@palace.example.org',
    '> >(Please BCC to count@network.example.org so that we can count) > >Please give maximum diffusion to this',
  ].join(' ');
  const { appeal } = imported(quoted);
  expect(appeal.letter.salutation).toBe('Your Royal Highness');
  expect(appeal.letter.paragraphs.join(' ')).toContain('Please release them.');
  // The official the request names, reached by the "EMAIL to" line below the message; the organisers' BCC is no one's.
  expect(appeal.targets.map((t) => [t.name, t.title, t.emails])).toEqual([['EXAMPLE', 'King', ['press@palace.example.org']]]);
});

it('starts an official\'s block below a line that leads in to it ("... to contact")', () => {
  const text = page('template for a letter in support of Jane Example', 'feel free to use this language to contact', 'Head of the Judiciary Ayatollah Ali Example', 'Office of the Head of the Judiciary', 'Example St., Exampletown 1316814737, Exampleland', 'Email: head@judiciary.example.ir', '', 'Your Excellency:', 'We ask that you release Jane Example.', 'Sincerely,');
  const [target] = imported(text).appeal.targets;
  expect(target?.name).toContain('Ali Example');
  expect(target?.emails).toEqual(['head@judiciary.example.ir']);
});

it('reads the person a letter is about, named with a middle name above it, as a caption and the block above as the official', () => {
  const text = page('Greg Example', 'Governor of Exampleland', 'c/o Example Rights Group', '5 Example Plaza, 16th Floor', 'New York, NY 10001', '', 'Billy Joe Sample', '', 'Dear Governor Example,', 'Billy Sample faces execution on 8 July. I urge you to grant him clemency.');
  const { appeal } = imported(text);
  expect(appeal.targets.map((t) => [t.name, t.address])).toEqual([['Greg Example', ['c/o Example Rights Group', '5 Example Plaza, 16th Floor', 'New York, NY 10001']]]);
});

it('reads each person a "To:" line lists as an official, their hidden addresses on none of them', () => {
  const text = page('Please email the government now.', '', 'To: Ministro Ana Gustavo Example, Sr Ben Augusto Other da Silva, Deputado Carl Third and Senador Dora Fourth', '', 'Target email addresses:[email protected][email protected]', '', 'Dear Ministro Ana Gustavo Example, Sr Ben Augusto Other da Silva, Deputado Carl Third and Senador Dora Fourth,', 'Please protect these territories.');
  const { appeal } = imported(text);
  expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([
    ['Ministro Ana Gustavo Example', []],
    ['Sr Ben Augusto Other da Silva', []],
    ['Deputado Carl Third', []],
    ['Senador Dora Fourth', []],
  ]);
});

describe('a sentence that names the letter\'s addressee above a letter greeting them by surname', () => {
  it('reads "open letter to Theresa Example" over "Dear Ms. Example," as that official', () => {
    const text = page('Thanks to a member for this template open letter to Theresa Example demanding safe passage:', '', 'Dear Ms. Example,', 'We ask you to respect the asylum decision.', 'Yours sincerely,');
    expect(imported(text).appeal.targets.map((t) => t.name)).toEqual(['Theresa Example']);
  });

  it('never reads the letter its writer already sent to an office as the reader\'s official', () => {
    const text = page('I called this week, and I sent the below letter to President Obama this morning.', '', 'Dear President Barack Obama,', 'Please commute the sentence.', 'Sincerely,');
    const result = importUrgentAction(text);
    expect(result.ok ? result.appeal.targets.map((t) => t.name) : []).not.toContain('President Obama');
  });
});

describe('a section\'s good-news e-mail to its supporters', () => {
  const text = page(
    'I got this from the section:',
    'A Family Re-united!',
    'Human rights defender Ana Example released from labour camp',
    'Dear Example Rights supporter,',
    'A courageous woman is free because of supporters like you.',
    'Ana Example was just released from prison to serve the rest of her term at home, with her family.',
    'You can help us win more victories like this by making a contribution today.',
  );

  it('is good news, not a letter others wrote', () => {
    expect(kindOf(text)).toBe('good-news');
  });

  it('names no official: the lines above a letter to the reader are its headline', () => {
    expect(imported(text).appeal.targets).toEqual([]);
  });
});

it('refuses a note its writer already mailed to a king about their own affairs, which asks no reader to send it', () => {
  const text = page(
    'So, I Wrote a Note to the King',
    'Today I got fed up and dropped a note in the mail to the King. I will keep you posted.',
    '',
    'Text follows:',
    '',
    'His Majesty, King Example of Exampleland',
    'Royal Court, Example City',
    '',
    'Your Majesty,',
    'I must bring to your attention the misconduct of my employer, which has caused me and my coworkers much unhappiness.',
  );
  expect(refusedReason(text)).toBe('import_not_an_appeal');
});

it('reads a deadline in a long instruction: "letters should be sent ... no later than FRIDAY, DECEMBER 3, 2031"', () => {
  const long = 'Request the city manager to be open to an external investigation by the Department of Justice (based upon its title VI status).';
  const text = page('Letter Writing Campaign for Police Accountability', '', `${long} 3. All letters should be initially sent to the Example Community Center (ECC) no later than FRIDAY, DECEMBER 3, 2031. They will be delivered together.`, '', 'Dear Manager Example,', 'Please answer our grievance in writing.', 'Sincerely,');
  expect(imported(text).appeal.deadline).toBe('2031-12-03');
});

describe('a labelled address run onto one line', () => {
  const text = page(
    'Letter Writing Campaign for Police Accountability',
    '',
    'All letters should be addressed to Manager Ana Example, see below for the address.',
    'City Manager’s Address Ms. Ana Example, City Manager Exampleton City Government PO Box 3136, Exampleton, NC 27402',
    '',
    'Example Community Center Mailing Address Police Accountability Project PO Box 875 Exampleton, NC 27402',
  );

  it('reads the person after a form of address as the official, with the office and the address', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.organisation, t.address])).toEqual([['Ms. Ana Example', 'City Manager Exampleton City Government', ['PO Box 3136', 'Exampleton, NC 27402']]]);
  });

  it('never reads an organisation\'s own mailing address as an official', () => {
    expect(imported(text).appeal.targets.flatMap((t) => t.address ?? [])).not.toContain('PO Box 875');
  });
});

it('reads a template\'s bracketed blanks ("To:[Ambassador\'s Name][Address]") as no official', () => {
  const text = page('Sample letter to the ambassador of Exampleland in your country', '', 'To:[Ambassador\'s Name][Address][Phone and Fax numbers]', '', 'Your Excellency :', 'I am writing to urge the release of Jane Example.', 'Yours sincerely,');
  const result = importUrgentAction(text);
  expect(result.ok ? result.appeal.targets.map((t) => t.name) : []).toEqual([]);
});

describe('several people named by office over ONE shared postal block', () => {
  const shared = (extra: string[]): string =>
    page(story, '', 'You can write to:', 'Minister for Home Affairs', 'The Hon Anna Sample', 'Minister for Immigration: Mr Ben Other', ...parliament, ...extra, '', 'Dear Minister,', 'Please release Jane Example.', 'Yours sincerely,');

  it('gives the block to each person named, with their office as title, never to an office line', () => {
    const { appeal } = imported(shared([]));
    expect(appeal.targets.map((t) => [t.name, t.title, t.address])).toEqual([
      ['The Hon Anna Sample', 'Minister for Home Affairs', parliament],
      ['Mr Ben Other', 'Minister for Immigration', parliament],
    ]);
  });

  it('leaves an e-mail shown once for them all off every one of them, and says so', () => {
    const { appeal, warnings } = imported(shared(['Email: ministers@parl.example.gov']));
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([
      ['The Hon Anna Sample', []],
      ['Mr Ben Other', []],
    ]);
    expect(codes(warnings)).toContain('unsure_address');
  });
});
