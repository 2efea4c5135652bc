// The general rules behind corpus-12's failures (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isNoNameLine, isPlausibleName } from '../../../src/core/importer/name-gate.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

describe('the name gate: dates, blanks, archive headings and stray words are no name', () => {
  it('refuses them', () => {
    for (const line of ['June ___, 2031', '2031', 'Monday, March 3, 2031', 'Daily Archives: March 3, 2031', 'Posted by Example Blogger', 'BY', 'CC', 'The Honorable', 'His Excellency', 'An den Justizminister']) {
      expect(isNoNameLine(line), line).toBe(true);
      expect(isPlausibleName(line), line).toBe(false);
    }
  });

  it('still passes names and offices', () => {
    for (const name of ['President Jane Example', 'The President', 'Mr. Sam Sample', 'May Example', 'Minister of Justice']) {
      expect(isNoNameLine(name), name).toBe(false);
      expect(isPlausibleName(name), name).toBe(true);
    }
  });

  it('skips a blank date line above a sample letter\'s addressee instead of giving it the address', () => {
    const { appeal } = imported(
      page('June ___, 2031', 'The President', 'The Example Palace', 'Example City 10001', '', 'Dear Mr. President:', '', 'I am writing to ask you to release Jane Example.', '', 'Sincerely,'),
    );
    expect(appeal.targets.map((t) => [t.name, t.organisation, t.address])).toEqual([['The President', 'The Example Palace', ['Example City 10001']]]);
  });

  it('takes the address block below a "BY FAX:" line and a lone "The Honorable"', () => {
    const { appeal } = imported(
      page('A sample letter you can send.', '', 'BY FAX: 1-555-010-0199', 'The Honorable', 'Governor Sam Example', 'Example City', '', 'Dear Governor:', '', 'Please stop the execution of Jane Example.', '', 'Sincerely,'),
    );
    expect(appeal.targets.map((t) => [t.name, t.address])).toEqual([['Governor Sam Example', ['Example City']]]);
  });

  it('never gives a blog\'s archive heading the e-mail of the person the text asks to write to', () => {
    const { appeal } = imported(
      page('Daily Archives: March 3, 2031', '', 'URGENT ACTION you can take today', '', 'EMAIL the High Commissioner Jane Example at jane@example.org She reads her mail.', '', 'Tell her why the deal must stop.'),
    );
    expect(appeal.targets.map((t) => [t.name, t.title, t.emails])).toEqual([['Jane Example', 'High Commissioner', ['jane@example.org']]]);
  });
});

describe('the embassy the letters go through is a route, never the official', () => {
  // Both officials come from their postal blocks (each ends with a postcode); the embassy's block is never read as one.
  it('keeps both officials and makes the embassy a copy', () => {
    const { appeal } = imported(
      page(
        'If you wish to protest the imprisonment of these writers, please write to:',
        '',
        'His Excellency Sam Example',
        'President of Exampleland',
        'State Council',
        'Example City 100032',
        '',
        'Procurator General Mr. Max Sample',
        'Supreme Procuratorate',
        'Example Street 147',
        '100726 Example City',
        '',
        'It may be most effective to send the above appeals via the Embassy of Exampleland in London:',
        '',
        'Her Excellency Mrs. Erika Muster',
        'Embassy of Exampleland',
        '49 Example Place',
        'London W1B 1JL',
        '',
        'Your Excellency,',
        '',
        'I am writing to urge the release of the writers.',
        '',
        'Yours sincerely,',
      ),
    );
    const officials = appeal.targets.filter((t) => !t.copy);
    expect(officials.map((t) => t.name)).toEqual(['His Excellency Sam Example', 'Procurator General Mr. Max Sample']);
    expect(officials.flatMap((t) => t.address ?? [])).not.toContain('49 Example Place');
  });
});

describe('every real appeal imports, at least as a draft', () => {
  it('an old "letter writing action" without a UA number', () => {
    expect(kindOf(page('Medical letter writing action: Exampleland: Jane Example', '', 'Amnesty International is seriously concerned about Jane Example, detained at an unknown place.'))).toBe('appeal');
  });

  it('a "Further information" text without a number, as an update', () => {
    expect(kindOf(page('Exampleland: Further information: Incommunicado detention', '', 'The embassy wrote to Amnesty International in reply to appeals on behalf of 11 people.'))).toBe('update');
  });

  it('an Amnesty action reposted by a news site, with its list of people at risk', () => {
    expect(kindOf(page('Four students risk torture on return', 'By Amnesty International', '', 'The authorities are preparing to return the people listed below.', '', 'Jane Example (f)', 'Sam Example (m)', '', 'They have not been charged.'))).toBe('appeal');
  });

  it('a call to e-mail an official through a link', () => {
    expect(kindOf(page('Email Sam Example. You know you want to', '', 'Go here to send an email to Sam Example on behalf of the campaign; the message is below.'))).toBe('appeal');
  });

  it('a petition letter the reader is asked to fax or e-mail to the ministries', () => {
    expect(
      kindOf(page('Take Action', '', 'Dear Friends,', 'Attached is a letter of petition. Kindly add your name and either fax or email the letter using the attached list to the ministries of the government.')),
    ).toBe('appeal');
  });

  it('finds the official in a "Postadresse:" block and a sample letter\'s "following address" block', () => {
    const german = imported(page('Ich bitte Sie, dass Sie sich ebenfalls an den Minister wenden.', 'Postadresse:', 'An den Bundesminister', 'Herrn Max Muster', 'Beispielamt', '11013 Berlin', 'E-Mail:', 'post@beispielamt.example', 'Mit nachdenklichem Gruß', 'Erika Schreiber'));
    expect(german.appeal.targets.map((t) => [t.name, t.emails])).toEqual([['Herrn Max Muster', ['post@beispielamt.example']]]);
    const sample = imported(page('You can help by sending the sample letter below.', '', 'Dear Sir,', '', 'Please release Jane Example.', '', 'Yours sincerely,', '', 'Please post the letter to the following address:', '', 'Minister Sam Example', 'Ministry of the Interior', '06580 Example City', 'Exampleland'));
    expect(sample.appeal.targets.map((t) => t.name)).toEqual(['Minister Sam Example']);
  });
});

describe('non-appeals are refused', () => {
  it('a letter signed by its writer with an office, or followed by the writer\'s own "Copies to"', () => {
    const letter = page('Oslo, 3 March 2031', '', 'His Excellency Sam Example', 'The Office of the President', 'Example Street, Example City, Exampleland', '', 'Your Excellency,', '', 'As chair of our committee, I am deeply concerned by the detention of Jane Example.', '', 'Yours sincerely,', '');
    expect(refusedReason(`${letter}\nErika Writer\nChair, Writers in Prison Committee, Example PEN`)).toBe('import_not_an_appeal');
    expect(refusedReason(`${letter}\nCopies to:\nMinistry of Foreign Affairs\nThe Embassy of Exampleland`)).toBe('import_not_an_appeal');
  });

  it('keeps a model letter importing: blanks for the reader, or a second letter after the first', () => {
    const blanks = page('June ___, 2031', 'The President', 'The Example Palace', 'Example City 10001', '', 'Dear Mr. President:', '', 'On behalf of (Company Name) I ask you to act.', '', 'Best Regards,', '', 'cc: Sam Example, Secretary of State');
    expect(refusedReason(blanks)).toBeUndefined();
  });

  it('an Amnesty bulletin or internal circular about many actions', () => {
    expect(refusedReason(page('UA News September 2031: Urgent Action Newsletter', '', 'INTERNAL (for members only)', '', 'This bulletin tells of the replies governments sent to the Urgent Action network.'))).toBe('import_not_an_appeal');
  });
});
