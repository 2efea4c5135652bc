// The general rules behind corpus-28's missed officials (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { imported, page } from './helpers.js';

describe('an office and a name in capitals over an address', () => {
  const text = page(
    'Please write to your elected leaders!',
    'Please write to your elected officials and ask them to take a public stand on Jane Example\'s behalf.',
    'SPEAKER OF THE HOUSE ARON EXAMPLE',
    '2371 Example House Office Building',
    'Washington, D.C. 20515-0508',
    'Phone: (202) 555-0100',
    'Fax: (202) 555-0101',
    'SENATOR JANE SAMPLE',
    '331 Example Senate Office Building',
    'Washington, D.C. 20510-0504',
    'Phone: (202) 555-0102',
    'Fax: (202) 555-0103',
    'Here are some points to help you with your letters.',
  );

  it('reads each capitals line as the official of the address below it', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['SPEAKER OF THE HOUSE ARON EXAMPLE', 'SENATOR JANE SAMPLE']);
    expect(appeal.targets[0]?.address).toEqual(['2371 Example House Office Building', 'Washington, D.C. 20515-0508']);
    expect(appeal.targets[1]?.address).toEqual(['331 Example Senate Office Building', 'Washington, D.C. 20510-0504']);
    expect(appeal.targets[1]?.fax).toBe('(202) 555-0103');
  });

  it('never makes a capitals heading without an office the official', () => {
    const heading = page(
      'Please write to the prison.',
      'FREE JANE EXAMPLE NOW',
      '12 Example Road',
      'Example Town 12345',
      'Phone: (202) 555-0100',
    );
    const { appeal } = imported(heading);
    expect(appeal.targets.map((t) => t.name)).not.toContain('FREE JANE EXAMPLE NOW');
    expect(appeal.targets.flatMap((t) => t.address)).not.toContain('12 Example Road');
  });
});

describe('officials in one run, each under its office as a caption', () => {
  const run = [
    'Jane Example, a teacher, was arrested in Example City on 9 September 2001 and sentenced to ten years in prison for a speech she gave.',
    'Send individual letters of appeal to the individuals listed below, with copies to diplomatic representatives accredited to your country:',
    'President: His Excellency Aron Example Presidential Palace Example Street Example City Examplia Fax: +99 11 555 0100 Salutation: Your Excellency',
    'Minister of Defence: His Excellency General Omar Sample Ministry of Defence Example Square Example City Examplia Fax: +99 11 555 0101 Salutation: Your Excellency',
    "'Information current, to the best of our knowledge, as of September 12, 2007. Example Journal vii",
    'Minister of Health: His Excellency Lina-Sample Minister of Health Example Hall Example City Examplia Fax: +99 11 555 0102 Email: health@example.gov Salutation: Your Excellency',
  ].join(' ');

  it('reads each office, name and address, and keeps the salutation apart from the next office', () => {
    const { appeal } = imported(run);
    expect(appeal.targets.map((t) => [t.title, t.name])).toEqual([
      ['President', 'His Excellency Aron Example'],
      ['Minister of Defence', 'His Excellency General Omar Sample'],
      ['Minister of Health', 'His Excellency Lina-Sample'],
    ]);
    expect(appeal.targets[0]?.organisation).toContain('Presidential Palace Example Street');
    expect(appeal.targets[1]?.fax).toBe('+99 11 555 0101');
    expect(appeal.targets[2]?.emails).toEqual(['health@example.gov']);
    expect(appeal.targets.every((t) => t.salutation === 'Your Excellency')).toBe(true);
    expect(appeal.letter.salutation).not.toMatch(/Minister|Information/);
  });
});

describe('a request to mail letters, then the block, in one forwarded run', () => {
  it('reads the block between "Please mail letters to:" and the sentence after its postcode', () => {
    const run = [
      'From: "Example Group" <group@example.org> Subject: Action alert ACTION ALERT Write the Example Mission to end the blockade.',
      'I. Address of the Mission Please mail letters to: Ambassador Jane Example Permanent Mission of Examplia to the United Nations',
      '799 Example Plaza New York, NY, USA 10017-3505 If you are able to write a letter, please help us count the letters by sending',
      'a blank e-mail with the words "Sent Letter" in the subject line. II. Purpose The hope of this alert is to generate many letters.',
    ].join(' ');
    const { appeal } = imported(run);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Ambassador Jane Example']);
    expect(appeal.targets[0]?.organisation).toBe('Permanent Mission of Examplia to the United Nations');
    expect(appeal.targets[0]?.address).toEqual(['799 Example Plaza New York, NY, USA 10017-3505']);
    expect(appeal.targets[0]?.emails).toEqual([]);
  });
});

describe('a call-in\'s list of officials, each with their own phone, e-mail or street', () => {
  const text = page(
    'Jane Example was rushed to hospital from the prison last night. Her family asks that you call now to demand that she be seen by her own doctors:',
    '',
    '  • Example Bureau of Health Care Director Aron Example, 717-555-0101 (an activist says he is answering this number himself)',
    '  • Corrections Secretary Lina Sample, 717-555-0102 or secretary@corrections.example.gov',
    '  • Example Medical Center Superintendent Omar Sample,',
    '    420 S. Example St., Example Town, PA 17901, 570-555-0103',
    '    (or his secretary, Jo Doe, ext. 5102)',
    '  • Example State Prison Superintendent Ada Example, 570-555-0104 (or her secretary, Mary Doe)',
    '',
    'Until every cage is empty,',
  );

  it('reads each item as its official, with the phone, e-mail and street on its own lines', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.phone])).toEqual([
      ['Aron Example', '717-555-0101'],
      ['Lina Sample', '717-555-0102'],
      ['Omar Sample', '570-555-0103'],
      ['Ada Example', '570-555-0104'],
    ]);
    expect(appeal.targets[1]?.emails).toEqual(['secretary@corrections.example.gov']);
    expect(appeal.targets[2]?.address).toEqual(['420 S. Example St., Example Town, PA 17901']);
    expect(appeal.targets[2]?.title).toBe('Example Medical Center Superintendent');
    // The secretary in a note is no official and no address.
    expect(appeal.targets.flatMap((t) => [t.name, ...t.address])).not.toContain('Jo Doe');
    expect(appeal.targets[0]?.emails).toEqual([]);
    expect(appeal.targets[3]?.address).toEqual([]);
  });

  it('reads no list from one item with a phone', () => {
    const one = page(
      'Please call now:',
      '',
      '• Example Bureau Director Aron Example, 717-555-0101',
      '• Example Prison Warden Lina Sample,',
      '',
    );
    const result = imported(one);
    expect(result.appeal.targets.map((t) => t.name)).not.toContain('Lina Sample');
  });
});

describe('a pre-written e-mail\'s "To:" line over a letter to two ministers by name', () => {
  const message = (to: string): string =>
    page(
      'Please email now and urge the ministers to end the evictions.',
      'If the button does not work for you, please write your own email using the details below.',
      `To: ${to}`,
      'Cc: someone@partner.example.org',
      'Bcc: records@group.example.org (optional, but important for our records)',
      'Subject: Evictions of forest peoples',
      '',
      'Dear Ministers Example and Sample,',
      '',
      'Forest peoples face eviction from their lands under the court order; I urge you to stop the evictions at once.',
      '',
      'Yours sincerely,',
    );

  it('gives the address that spells a name to that minister, and the only other one to the other', () => {
    const { appeal, warnings } = imported(message('office@ministry.example.gov, aron.example@ministry.example.gov'));
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([
      ['Example', ['aron.example@ministry.example.gov']],
      ['Sample', ['office@ministry.example.gov']],
    ]);
    expect(warnings.map((w) => w.code)).toContain('spelled_email');
  });

  it('gives no address by elimination when the line lists more addresses than the letter greets', () => {
    const { appeal } = imported(message('office@ministry.example.gov, desk@ministry.example.gov, aron.example@ministry.example.gov'));
    expect(appeal.targets.find((t) => t.name === 'Sample')?.emails).toEqual([]);
    expect(appeal.targets.flatMap((t) => t.emails)).not.toContain('someone@partner.example.org');
  });
});

describe('a card to prisoners named with their numbers, the address below', () => {
  it('reads the prisoners and the address below "at:", and no number as a hashtag', () => {
    const text = page(
      'Please call the prison today and ask the warden to meet the hunger strikers.',
      'If you wish to write to participating prisoners to send a message of support, please write to: Jane Example #322800, Aron Example #293906, at:',
      'Example Correctional Institution',
      'P.O. Box 351',
      'Example Town, WI 53963',
      '',
      'Share with #FreeTheStrikers.',
    );
    const { appeal } = imported(text);
    expect(appeal.solidarity?.to).toBe('Jane Example #322800, Aron Example #293906');
    expect(appeal.solidarity?.address).toEqual(['Example Correctional Institution', 'P.O. Box 351', 'Example Town, WI 53963']);
    expect(appeal.solidarity?.hashtags).not.toContain('#322800');
    expect(appeal.targets.flatMap((t) => t.address)).not.toContain('P.O. Box 351');
  });
});
