// The general rules behind corpus-30's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { imported, kindOf, page, refusedReason } from './helpers.js';

describe('a network that calls for letters, faxes and e-mails', () => {
  const text = page(
    'Example Network calls for letters on behalf of detained scholar Dr. Jane Example',
    '',
    'Example Network is gravely concerned about the arrest of Dr. Jane Example. Example Network calls for letters, faxes and emails calling for the authorities to explain her detention.',
  );

  it('imports the call as an appeal the moderator finishes', () => {
    const { appeal, warnings } = imported(text);
    expect(appeal.draft).toBe(true);
    expect(warnings.map((w) => w.code)).toContain('unsure_appeal');
    expect(kindOf(text)).toBe('appeal');
  });

  it('still refuses news that a group called for letters of one kind', () => {
    expect(refusedReason(page('Example Club news', '', 'The club calls for letters of support for its new library, said Jane Example at the meeting last week.'))).toBe('import_not_an_appeal');
  });
});

describe('a request to send the letter where a link leads', () => {
  it('imports "please go to this link to send the following letter"', () => {
    const text = page('Examplia: workers face prison', '', 'Three workers face trial for organising a strike.', 'Please go to this link to send the following letter to the Examplian authorities.', '', 'I call on the government of Examplia to release Jane Example.');
    expect(kindOf(text)).toBe('appeal');
  });

  it('imports "please go here today and send off your message"', () => {
    const text = page('Let the state hear your voice', '', 'Union members were arrested last year.', 'If you have not supported this campaign, please go here today and send off your message:');
    expect(kindOf(text)).toBe('appeal');
  });
});

describe("a federation's appeal to its members", () => {
  it('imports "we also appeal to you to protest to the embassies"', () => {
    const text = page('Federation appeals for solidarity with Examplia', '', '"We also appeal to you to protest to the Examplian embassies in your country."', '', 'We thank you for your solidarity.');
    expect(kindOf(text)).toBe('appeal');
  });
});

describe('"Send a Letter of Appeal" as a heading', () => {
  it('imports a page whose heading asks for a letter of appeal', () => {
    const text = page('Day of the Example Writer', '', 'Today writers everywhere mark a day of action.', '', 'Send a Letter of Appeal', 'Please visit the case pages for the names and contact information of the authorities.');
    expect(kindOf(text)).toBe('appeal');
  });

  it('still refuses a sentence that only mentions such a letter', () => {
    expect(refusedReason(page('Club news', '', 'Last year the club decided to send a letter of appeal to its members about the fees, said Jane Example.'))).toBe('import_not_an_appeal');
  });
});

describe('an online protest launched "here:" with its link', () => {
  it('imports the press release of an online campaign', () => {
    const text = page('You strike, you get arrested', '', 'Union leaders were arrested in Examplia.', '', 'Two federations have launched a joint global protest campaign on Example Site here:', '', 'https://campaigns.example.org/show?c=1', '', 'We are demanding that the government release the jailed union leaders now.');
    expect(kindOf(text)).toBe('appeal');
  });
});

describe('an online protest to an official named in prose', () => {
  it('reads "flood the inbox of Examplian Prime Minister Jane Example with messages" as the official', () => {
    const text = page('Let the state hear your voice', '', "We've been asked to flood the inbox of Examplia's Prime Minister Jane Example with thousands of new messages.", 'If you have not supported this campaign, please go here today and send off your message:');
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([['Jane Example', 'Prime Minister']]);
    expect(appeal.targets[0]?.emails).toEqual([]);
  });
});

describe('news that a campaign worked', () => {
  it('reads "we got the good news that the campaign worked" as good news', () => {
    const text = page('Solidarity wins again', '', 'Two weeks ago I wrote to tell you about the sentencing of Jane Example. Over 7,000 of you sent off messages. Yesterday, we got the good news that the global campaign worked.', 'Jane Example was pardoned, and released from jail.');
    expect(kindOf(text)).toBe('good-news');
  });

  it('keeps "the good news is that" in a renewed appeal an appeal', () => {
    const text = page('Let the state hear your voice', '', 'The good news is that 72 members were released last week. The bad news is that the charges were not dropped.', 'If you have not supported this campaign, please go here today and send off your message:');
    expect(kindOf(text)).toBe('appeal');
  });
});

describe('an address line that ends with an abbreviation', () => {
  it('reads "2 Aron Lee Example, Jr. Drive, S.E." (seven words, a full stop last) as a street line of the official\'s block', () => {
    const text = page(
      'Send a thank you note to the Example Board',
      '',
      'Please take a moment to thank the Board.',
      '',
      'Chairman Jane Example',
      'The Example State Board of Pardons',
      'Example Memorial Building',
      '2 Aron Lee Example, Jr. Drive, S.E.',
      'Exampleton, GA 30334-4909',
      '',
      'With hope,',
    );
    const { appeal } = imported(text);
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]?.name).toContain('Jane Example');
    expect(appeal.targets[0]?.address).toContain('2 Aron Lee Example, Jr. Drive, S.E.');
    expect(appeal.targets[0]?.address).toContain('Exampleton, GA 30334-4909');
  });

  it('still ends a block at a sentence that begins with a number', () => {
    const text = page(
      'Please write to the governor.',
      '',
      'Governor Jane Example',
      'Example State Capitol',
      'Exampleton, GA 30334',
      '',
      '2 of the men were moved to another prison last week and we fear for them.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets[0]?.address.join(' ')).not.toContain('2 of the men');
  });
});

describe('an e-mail with its dots written out', () => {
  it('reads "name [at] example [dot] com" and "(at) ... (dot)" as addresses of their blocks', () => {
    const text = page(
      'Appeals to:',
      '',
      'Prime Minister',
      'Jane Example',
      'Government House',
      '1 Example Road',
      'Exampleton 10300',
      'E-mail: pmoffice [at] example [dot] com',
      'Salutation: Dear Prime Minister',
      '',
      'Minister of Justice',
      'Aron Example',
      '12 Example Street',
      'Exampleton 10210',
      'Email: minister (at) justice.example (dot) org',
      'Salutation: Dear Minister',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([
      ['Jane Example', ['pmoffice@example.com']],
      ['Aron Example', ['minister@justice.example.org']],
    ]);
  });
});
