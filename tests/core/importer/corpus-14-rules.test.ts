// The general rules behind corpus-14's failures (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isDateLine } from '../../../src/core/importer/dates.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { splitOwnedEmails } from '../../../src/core/importer/prose-owners.js';
import { imported, page } from './helpers.js';

const story = 'Jane Example has been held without charge since March 2031 and her family has not been allowed to see her.';
const letter = ['Sehr geehrte Damen und Herren,', 'ich bitte Sie dringend, Jane Example sofort freizulassen.', 'Mit freundlichen Grüßen'];

describe('an institution line above a person: the person is the official, the institution their organisation', () => {
  it('reads two ministries over their ministers, double spaced, with a placeholder date above', () => {
    const text = page(
      story,
      '',
      'Schreibt einen Brief an die beiden Minister:',
      '',
      'Musterstadt, xx.xx.2031',
      '',
      'Exampleland Staatsministerium für',
      '',
      'Wohnen und Soziales',
      '',
      'Frau Staatsministerin',
      '',
      'Erika Beispiel',
      '',
      'Beispielweg 4',
      '',
      '12345 Musterstadt',
      '',
      'buero@stms.example.de, e.beispiel@example.org',
      '',
      'Exampleland Staatsministerium des Innern',
      '',
      'Staatsminister Max Muster',
      '',
      'Musterplatz 1',
      '',
      '12346 Musterstadt',
      '',
      'minister@stmi.example.de',
      '',
      ...letter,
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.organisation, t.emails, t.address])).toEqual([
      ['Erika Beispiel', 'Exampleland Staatsministerium für Wohnen und Soziales', ['buero@stms.example.de', 'e.beispiel@example.org'], ['Beispielweg 4', '12345 Musterstadt']],
      ['Max Muster', 'Exampleland Staatsministerium des Innern', ['minister@stmi.example.de'], ['Musterplatz 1', '12346 Musterstadt']],
    ]);
  });

  it('reads "Ministry of ..." over "Minister Given Family" as that minister', () => {
    const text = page(story, '', 'Please write to:', '', 'Ministry of the Interior', 'Minister Anna Sample', '1 Example Road', 'Exampleton', 'Email: minister@interior.example.gov', '', 'Dear Minister,', 'Please release Jane Example.', 'Yours sincerely');
    const [target] = imported(text).appeal.targets;
    expect([target?.name, target?.organisation, target?.emails]).toEqual(['Anna Sample', 'Ministry of the Interior', ['minister@interior.example.gov']]);
  });

  it('takes a letter\'s place and numeric date, blanks or digits, for a date line and never for a name', () => {
    expect(isDateLine('Musterstadt, xx.xx.2031')).toBe(true);
    expect(isDateLine('„Musterstadt, 12.03.2031')).toBe(true);
    expect(isDateLine('Musterstadt, Beispielweg 4')).toBe(false);
  });
});

describe('an e-mail that prose gives to a named person is never merged into the block above it', () => {
  const text = page(
    'Write a letter to the President. Print it and mail it to the Palace at:',
    '',
    'The Example Palace',
    '1 Palace Square',
    'Exampleton 10001',
    '',
    'Or e-mail them directly. President Sample can be reached at office@examplepalace.gov. Secretary General Other can be reached at contact@worldbody.org.',
    '',
    'Dear President Sample and Secretary General Other,',
    'We urge you to release Jane Example now.',
    'Sincerely,',
  );

  it('gives each e-mail to the person the sentence names, and the palace address to the one whose e-mail is the palace\'s', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.emails, t.address])).toEqual([
      ['President Sample', ['office@examplepalace.gov'], ['The Example Palace', '1 Palace Square', 'Exampleton 10001']],
      ['Secretary General Other', ['contact@worldbody.org'], []],
    ]);
  });

  it('leaves a line alone unless every e-mail in it has a named owner', () => {
    const line = { text: 'President Sample can be reached at a@example.gov, or write to b@example.org.', copy: false };
    expect(splitOwnedEmails([line])).toEqual([line]);
    expect(splitOwnedEmails([{ text: 'Minister Anna Sample can be reached at a@example.gov.', copy: false }]).map((l) => l.text)).toEqual(['', 'Minister Anna Sample', 'a@example.gov', '']);
  });

  it('keeps an institution\'s address off a person whose e-mail is some other institution\'s', () => {
    const other = text.replace('office@examplepalace.gov', 'office@elsewhere.gov');
    const { appeal } = imported(other);
    const president = appeal.targets.find((t) => t.name === 'President Sample');
    expect(president?.address).toEqual([]);
    expect(appeal.targets.every((t) => !(t.address ?? []).includes('1 Palace Square') || t.name === 'The Example Palace')).toBe(true);
  });
});

describe('German lists of ministers with their e-mails: each e-mail is the person\'s of its block', () => {
  it('reads "-z.Hd. Minister Name-" below the ministry as the official, and "UND AN" as the next block', () => {
    const text = page(
      story,
      'Schreibt E-Mail und/ oder Fax an',
      'Exampleland Staatsministerium des Innern',
      '-z.Hd. Staatsminister Max Muster-',
      'buero@smi.example.de',
      'Fax: 0123 / 4 56 78 90',
      'Telefon: 0123 / 456 78 91',
      'UND AN',
      'Exampleland Staatsministerin für Integration',
      '-z.Hd. Staatsministerin Erika Beispiel-',
      'presse@sms.example.de',
      'Fax: 0123 / 45 67 89 00',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.emails, t.fax, t.phone ?? null])).toEqual([
      ['Max Muster', ['buero@smi.example.de'], '0123 / 4 56 78 90', '0123 / 456 78 91'],
      ['Erika Beispiel', ['presse@sms.example.de'], '0123 / 45 67 89 00', null],
    ]);
    expect(appeal.targets[0]?.organisation).toBe('Exampleland Staatsministerium des Innern');
  });

  it('reads a list\'s "<Name>, <Title>: <e-mails>" line as that person\'s block', () => {
    const lines = splitOwnedEmails([{ text: 'Musterland Max Muster, Innensenator: post@bis.example.de, max@muster.example', copy: false }]);
    expect(lines.map((l) => l.text)).toEqual(['', 'Musterland Max Muster', 'Innensenator', 'post@bis.example.de', 'max@muster.example', '']);
    // A title that is no office keeps the line as it was.
    const plain = { text: 'Max Muster, Gartenfreund: max@muster.example', copy: false };
    expect(splitOwnedEmails([plain])).toEqual([plain]);
  });
});

describe('German calls that import: "Schreibt an:" with the e-mail, an e-mail list with a "Mailvorlage"', () => {
  it('imports a call to write to a named official with his e-mail and phone', () => {
    const text = page(story, 'Erinnert ihn an seine Pflicht zu handeln!', 'Schreibt an:', 'Ministerialdirektor Max Muster', 'Leiter der Abteilung Migration, Beispielstraße 1, 12345 Musterstadt', 'm@ministerium.example.de', 'Ruft an:', 'Telefon: +49 30 1234-5678');
    const { appeal } = imported(text);
    // The title stays on the name ("Ministerialdirektor" is no title word the importer splits off): the person is still the official.
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([['Ministerialdirektor Max Muster', ['m@ministerium.example.de']]]);
  });

  it('imports a list of ministers\' e-mails with a mail template', () => {
    const text = page(
      story,
      'Lasst uns gemeinsam Mails an die Ministerien schreiben!',
      'Hier sind die Mailadressen:',
      'Musterland Max Muster, Innensenator: poststelle@bis.example.de',
      'Beispielland Erika Beispiel, Sozialministerin: poststelle@sozmi.example.de, buero@sozmi.example.de',
      'Hier ist die Mailvorlage:',
      'Betreff: Beenden Sie die Abschiebungen',
      'Guten Tag,',
      'ich bitte Sie, Jane Example nicht abzuschieben.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.title, t.emails])).toEqual([
      ['Musterland Max Muster', 'Innensenator', ['poststelle@bis.example.de']],
      ['Beispielland Erika Beispiel', 'Sozialministerin', ['poststelle@sozmi.example.de', 'buero@sozmi.example.de']],
    ]);
  });

  it('still refuses a German story that asks nobody to write', () => {
    const result = importUrgentAction(page(story, 'Die Familie hofft auf ein Wiedersehen.', 'Telefonisch war das Ministerium nicht erreichbar.'));
    expect(result.ok).toBe(false);
  });
});
