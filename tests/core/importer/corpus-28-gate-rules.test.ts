// The general rules behind corpus-28's refused texts (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { codes, imported, kindOf, page, refusedReason } from './helpers.js';

/* What the page tells before its request: news of a case, no sign of an appeal of its own. */
const NEWS = [
  'Jane Example, a teacher from Example Town, was arrested on 14 May and has been held since then.',
  'Her colleagues say the charges against her are groundless and that she was arrested for her work with villagers.',
];

describe('a circular that asks its readers to write protest letters to an official at an e-mail address', () => {
  const circular = (request: string): string => page('Dear colleague, I would like to update you on the events in Example Province.', '', ...NEWS, '', request, '', 'Warm regards,', 'Aron Sample, General Secretary');

  it('imports as a draft with the official the request names and the e-mail it gives', () => {
    const { appeal, warnings } = imported(circular('Others may organise a meeting on 31 May. You may also write protest letters to the Governor of Example Province at: governor.ep@example.gov.in..'));
    expect(appeal.draft).toBe(true);
    expect(codes(warnings)).toContain('unsure_appeal');
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([['Governor of Example Province', ['governor.ep@example.gov.in']]]);
  });

  it('still refuses a circular whose protest letters go to no official ("to the organisers at: ...")', () => {
    expect(refusedReason(circular('You may also write protest letters to the organisers at: office@example.org.'))).toBe('import_not_an_appeal');
  });
});

describe('news of a release under a title that ends on it', () => {
  const post = (title: string, ...more: string[]): string => page(
    'Posts tagged release',
    '',
    title,
    '',
    'January 8, 2031',
    '',
    'The writer Jane Example was arrested at her home on 28 April 2027 and sentenced to five years for her articles.',
    'Her supporters welcome the news and thank everyone who stood by her; she now lives in a safe house.',
    ...more,
  );

  it('is good news when the title says where from and adds a reservation in brackets ("freed from prison (but ...)")', () => {
    expect(kindOf(post('Writer Jane Example freed from prison (but fear still persists)'))).toBe('good-news');
  });

  it('is no good news when the title demands the release ("must be freed from prison")', () => {
    expect(kindOf(post('Writer Jane Example must be freed from prison (say her lawyers)'))).not.toBe('good-news');
  });

  it('is no good news when the page asks for letters', () => {
    expect(kindOf(post('Writer Jane Example freed from prison (but fear still persists)', 'Please write to the Minister of Justice to ask for her safety.'))).not.toBe('good-news');
  });
});

describe('an action that asks the reader to ask an official to act', () => {
  const action = (request: string): string => page('Urgent email', '', 'Respect the rights of the Example people', '', ...NEWS, '', request, '', 'Emails sent: help us reach 2,000!');

  it('imports as a draft: "Ask President Aron Example and his brother, the Environment Minister, to uphold the ruling."', () => {
    const { appeal, warnings } = imported(action('Ask President Aron Example and his brother, the Environment Minister, to uphold the court ruling.'));
    expect(appeal.draft).toBe(true);
    expect(codes(warnings)).toContain('unsure_appeal');
  });

  it('still refuses a page whose "ask" reaches no official ("Ask us about volunteering")', () => {
    expect(refusedReason(action('Ask us about volunteering with the Example people.'))).toBe('import_not_an_appeal');
  });

  it('still refuses a report that others will ask an official something, not at the start of a sentence', () => {
    expect(refusedReason(action('Journalists will ask the President about the ruling tomorrow.'))).toBe('import_not_an_appeal');
  });
});

describe('a phone blast that asks the reader to help by calling officials', () => {
  const blast = (request: string): string => page('Phone blast for the Example hunger strike', '', 'From Example Support Group', '', ...NEWS, '', request);

  it('imports as a draft: "Please take a couple of minutes to support them by calling ... the director of the Department"', () => {
    const { appeal, warnings } = imported(blast('Please take a couple of minutes to support these prisoners by calling the wardens at Example Prison, as well as the director of the Example Department of Corrections.'));
    expect(appeal.draft).toBe(true);
    expect(codes(warnings)).toContain('unsure_appeal');
  });

  it('still refuses a report of what others did "by calling the director"', () => {
    expect(refusedReason(blast('Supporters showed their solidarity by calling the director of the Example Department of Corrections last week.'))).toBe('import_not_an_appeal');
  });
});

describe('a call to write to the reader\'s own representatives', () => {
  const call = (request: string): string => page('In a few months, Jane Example will go before a judge in Example City.', request, 'Letters should be dated and signed; in the body of the letter, say who you are.');

  it('imports as a draft: "we encourage everyone to write their political representatives to oppose her extradition"', () => {
    const { appeal, warnings } = imported(call('Therefore, we encourage everyone to write their political representatives to strongly oppose her extradition:'));
    expect(appeal.draft).toBe(true);
    expect(codes(warnings)).toContain('unsure_appeal');
    expect(appeal.targets).toEqual([]);
  });

  it('still refuses an invitation to send letters of support to the prisoners themselves', () => {
    expect(refusedReason(call('We encourage everyone to send them letters to boost their morale.'))).toBe('import_not_an_appeal');
  });
});

describe('a call-in\'s numbered "Contact :" list of officials with phones only', () => {
  const blast = (...contacts: string[]): string => page(
    'Phone blast for the Example hunger strike',
    '',
    ...NEWS,
    '',
    'Please take a couple of minutes to support these prisoners by calling the wardens at Example Prison, as well as the director of the Example Department of Corrections.',
    '',
    'Contact :',
    ...contacts,
    '',
    'Sample Script:',
    '“I’m calling because I’m concerned with the treatment of the people inside Example Prison.”',
  );

  it('takes each person the items name by office and name, the phone on their own line theirs', () => {
    const { appeal } = imported(blast(
      '1) Example Prison Wardens Office (555) 289-8800 ext.3',
      'Warden Jane Example ext.1',
      'Associate Warden of Operations ext.2',
      'Associate Warden of Programs ext.3',
      '2) EX-DOC director Aron Example (555) 486-9910.',
    ));
    expect(appeal.targets.map((t) => [t.name, t.phone ?? '-', t.address])).toEqual([
      ['Jane Example', '-', []],
      ['Aron Example', '(555) 486-9910', []],
    ]);
    expect(appeal.targets[1]?.title).toBe('EX-DOC director');
  });

  it('takes no one from items that name offices alone', () => {
    const { appeal } = imported(blast('1) Example Prison Wardens Office (555) 289-8800', 'Associate Warden of Programs ext.3', '2) Governor\'s Office (555) 486-9910.'));
    expect(appeal.targets).toEqual([]);
  });

  it('reads no list that is not numbered from 1 under its heading', () => {
    const { appeal } = imported(blast('Warden Jane Example ext.1', 'Director Aron Example (555) 486-9910.'));
    expect(appeal.targets.map((t) => t.name)).not.toContain('Aron Example');
  });
});
