// The general rules behind corpus-33's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { imported, page, refusedReason } from './helpers.js';

describe('a request to the reader written around "you" imports, at least as a draft', () => {
  it('reads "I request that you please send in two letters" as a request', () => {
    const text = page(
      'Friday, March 6, 2026',
      '',
      'Save the River Meadow',
      '',
      'The mayor has been helpful so far, but the regional governor decides in the end. If you are still thinking of writing, I request that you please send in two letters, one to the mayor and one to the governor. Thank you to everyone who has written already.',
    );
    expect(refusedReason(text)).toBeUndefined();
    expect(imported(text).appeal.draft).toBe(true);
  });

  it('reads "We hope that you will take a few moments to tell Governor Example why" as a request', () => {
    const text = page(
      'Cards sent to Governor Example so far!',
      'Our campaign to close the old prison keeps growing across the state, and the Governor decides before the end of his term.',
      'We hope that you will take a few moments to tell Governor Example why closing the prison matters to you.',
    );
    expect(refusedReason(text)).toBeUndefined();
  });

  it('still refuses a text where "you" only hoped to hear from us', () => {
    const text = page(
      'Our autumn fair',
      'The fair raised money for the shelter and the new roof is on. We hope that you will tell us what you would like at next year\'s fair.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });
});

describe('a campaign of the writers that the reader joins imports, at least as a draft', () => {
  it('reads "We launched a protest campaign, ..., demanding:" as an appeal cut before its addresses', () => {
    const text = page(
      'meanwhile in Examplia',
      '',
      'On 4 May twelve asylum seekers were detained at the border and sent back within a week, without a hearing.',
      'We launched a protest campaign, together with local lawyers and the refugees\' own association, demanding: - an inquiry into the returns - access to a lawyer for those still held',
    );
    expect(refusedReason(text)).toBeUndefined();
    expect(imported(text).appeal.draft).toBe(true);
  });

  it('reads cards returned to the organisers, who deliver them to the addressee, as an appeal', () => {
    const text = page(
      'Cards for the Library',
      '',
      'We have printed 5,000 cards and need your help to get people to sign them and send them back to us by 1st March 2027. We will then deliver them to Jane Example at the council meeting.',
    );
    expect(refusedReason(text)).toBeUndefined();
  });

  it('still refuses a report that a campaign was launched, with no demands listed', () => {
    const text = page(
      'News from the branch',
      'Last spring the branch met twice and elected a new treasurer. Other groups launched a campaign about the river, which we followed with interest.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });
});

describe('a guide whose greeting is given as an example is refused', () => {
  const guide = (cue: string): string =>
    page(
      'Some tips for our letter writers:',
      'Why write a personal letter at all?',
      'A personal letter is read; a hundred copies of one text are not.',
      'To whom should I write?',
      'To every address listed on the campaign page.',
      'What do I put as subject and address?',
      `In e-mails the name and title are enough${cue}`,
      'Mr Tomas Fjordvik',
      'Commissioner for Fisheries,',
      'Examplian Union',
      'followed by',
      'Dear Mr Fjordvik (or the form used in your country)',
      'Keep the subject line short and never leave it blank.',
    );

  it('refuses the tips page when its "Dear ..." follows "e.g.:"', () => {
    expect(refusedReason(guide(', e.g.:'))).toBe('import_not_an_appeal');
  });

  it('keeps the greeting when nothing says it is an example', () => {
    expect(refusedReason(guide(':'))).toBeUndefined();
  });
});

describe('e-mails given in a blog\'s request go to the official each follows', () => {
  const text = page(
    'Flood the Interior Minister With Letters',
    'I urge all readers to write protest letters to Examplia\'s Interior Minister Karim al-Example. Emails (paste both in the address bar): office@interior.example.org, deputy@interior.example.org. Please pass this on to your friends. You may also wish to write to Prime-Minister Salma Other (email: pm@gov.example.org) and Tarek Third, Minister of Foreign Affairs (email: press@mfa.example.org).',
  );

  it('gives the e-mails after "Emails (...):" to the official the request names just before', () => {
    const { appeal } = imported(text);
    const minister = appeal.targets.find((t) => t.name.includes('Karim al-Example'));
    expect(minister?.emails).toEqual(['office@interior.example.org', 'deputy@interior.example.org']);
  });

  it('gives each "(email: ...)" to its own official, the second one joined by "and"', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.find((t) => t.name.includes('Salma Other'))?.emails).toEqual(['pm@gov.example.org']);
    const third = appeal.targets.find((t) => t.name === 'Tarek Third');
    expect(third?.emails).toEqual(['press@mfa.example.org']);
    expect(third?.title).toBe('Minister of Foreign Affairs');
  });
});

describe('a greeting the text advises in prose is the letter\'s salutation', () => {
  it('reads \'use the "Honourable Minister" salutation\' deep in a long paragraph', () => {
    const filler = 'The river has been dammed without any hearing and the villages below it have lost their fields. '.repeat(12);
    const text = page(
      'Write to the Water Minister',
      `Please write to Water Minister Jana Fjordvik (email: minister@water.example.org). ${filler}Anyway, use the "Honourable Minister" salutation when you write.`,
    );
    expect(imported(text).appeal.letter.salutation).toBe('Honourable Minister');
  });
});

describe('a postal block with no office line is read when the request above names its person by office', () => {
  const text = (ask: string): string =>
    page(
      'Past Letters',
      '',
      '- After the floods, please contact your members of Parliament and ask that they act.',
      '',
      `- Why has the department spent nothing on the barriers? ${ask}`,
      '',
      'Marta Lindqvist',
      'Department of Water',
      '2201 C Street NW',
      'Exampleton, EX 20520',
      '',
      '- Join others in sending notes to your members of Parliament.',
    );

  it('takes "Marta Lindqvist" and her address under "Urge Secretary of Water Marta Lindqvist to ..."', () => {
    const { appeal } = imported(text('Urge Secretary of Water Marta Lindqvist to act.'));
    expect(appeal.targets.map((t) => t.name)).toEqual(['Marta Lindqvist']);
    expect(appeal.targets[0]?.address).toContain('2201 C Street NW');
  });

  it('leaves the block alone when the prose names nobody by office', () => {
    const { appeal } = imported(text('Send them a note and let them know.'));
    expect(appeal.targets).toEqual([]);
  });
});

describe('a model letter\'s "Write to <office> <name>:" names its official', () => {
  it('takes the minister from the request line, never the organisers\' copy address', () => {
    const text = page(
      'Okafor family – model letter',
      '',
      'Write to Provincial Minister of Housing Ada Brennan:',
      '',
      '– Tell her that you support the family\'s request to stay in their home;',
      '– Ask her to answer their appeal before the winter.',
      '',
      'Please copy your letters to housingjustice@example.org.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([['Ada Brennan', 'Provincial Minister of Housing']]);
    expect(appeal.targets[0]?.emails).toEqual([]);
  });
});

describe('a postcard campaign names its addressee by office and surname', () => {
  it('takes "Governor Halvorsen" from "Sending a postcard or letter to Governor Halvorsen"', () => {
    const text = page(
      'Cards sent to the Governor so far!',
      'Our campaign to close the old prison keeps growing across the state.',
      'Sending a postcard or letter to Governor Halvorsen is the most useful thing you can do this month.',
      'We hope that you will take a few moments to tell the Governor why it matters to you.',
    );
    expect(imported(text).appeal.targets.map((t) => [t.name, t.title])).toEqual([['Halvorsen', 'Governor']]);
  });

  it('takes no one from cards sent to a place named after an office', () => {
    const text = page(
      'Cards for the shelter',
      'Sending a postcard or letter to Mayor Street Shelter is the most useful thing you can do this month. We hope that you will take a few moments to write letters.',
    );
    expect(imported(text).appeal.targets).toEqual([]);
  });
});

describe('a letter the writer already sent names no addressee by office and surname', () => {
  it('takes no one from "I sent the below letter to President Halvorsen"', () => {
    const text = page(
      'Free the river activists',
      'Supporters are asking people to call the ministry: 555-0100. I called earlier this week, and I sent a letter to President Halvorsen this morning.',
      'Please write to the Minister of Justice too and ask for their release.',
    );
    expect(imported(text).appeal.targets.map((t) => t.name)).not.toContain('Halvorsen');
  });
});
