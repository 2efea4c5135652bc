// The general rules behind corpus-17's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isPlausibleName } from '../../../src/core/importer/name-gate.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

const story = 'Jane Example has been held without charge since March 2031 and her family has not been allowed to see her.';
const letter = ['Dear Prosecutor General,', 'I urge you to release Jane Example immediately and unconditionally.', 'Yours sincerely,'];

describe("Amnesty USA's one-line blocks", () => {
  const text = page(
    'Urgent Action',
    'UA: Chile 12.31',
    story,
    '  1. Write a letter in your own words or using the sample below as a guide to one or both government officials listed.',
    'Pedro Ejemplo Prosecutor General of the Republic of Chile Teatinos str. 77 8320000 Santiago, Chile Email: fiscal@example.org Twitter: @fiscalia',
    'Ambassador Ana Muestra Embassy of Chile 1732 17th Street NW, Washington, D.C. 20036 Phone: 202 555 0100 Salutation: Dear Ambassador',
    '',
    ...letter,
  );
  const { appeal } = imported(text);

  it('ends an office that names its country at the country, and reads what follows as the street', () => {
    const prosecutor = appeal.targets.find((t) => t.name.includes('Pedro Ejemplo'));
    expect(prosecutor?.title).toBe('Prosecutor General of the Republic of Chile');
    expect(prosecutor?.address.join(' ')).toContain('Teatinos str. 77 8320000 Santiago, Chile');
  });

  it('keeps a house number with the numbered street it opens ("1732 17th Street NW")', () => {
    const ambassador = appeal.targets.find((t) => t.name.includes('Ana Muestra'));
    expect(ambassador?.address.some((l) => l.startsWith('1732 17th Street NW'))).toBe(true);
  });
});

describe('an Amnesty USA update', () => {
  it('is an update when its heading says "Update:" and its number names the country ("UA: Chile 12.31")', () => {
    const text = page(
      'Update: Activist still held',
      '',
      'UA: Chile 12.31',
      'This action ended on April 24, 2031',
      '',
      story,
      '  1. Write a letter in your own words or using the sample below as a guide.',
      'Pedro Ejemplo Prosecutor General of the Republic of Chile Teatinos str. 77 8320000 Santiago, Chile',
      ...letter,
    );
    expect(kindOf(text)).toBe('update');
  });

  it('still reads a live page with dated "Update" lines, no UA number and its own request as an appeal', () => {
    const text = page('Update 18/07/2031: the hearing was postponed', story, 'Add your voice: send a message to the Prosecutor General.', ...letter);
    expect(kindOf(text)).toBe('appeal');
  });
});

describe('two officials in one block, each name above its office, the second joined by "And"', () => {
  const text = page(
    'Urgent Action',
    story,
    'Write to:',
    '',
    'Mr. Pedro Ejemplo',
    'Minister of Culture',
    'And Ms. Ana Muestra',
    'Minister of Justice',
    'Calle Ficticia 2 No. 258',
    'C.P. 10400, Santiago, Chile',
    'Emails: culture@example.org justice@example.org',
    '',
    'Dear Ministers,',
    'I urge you to release Jane Example immediately and unconditionally.',
    'Yours sincerely,',
  );
  const { appeal, warnings } = imported(text);

  it('makes each an official with their own office and the shared address', () => {
    const pedro = appeal.targets.find((t) => t.name.includes('Pedro Ejemplo'));
    const ana = appeal.targets.find((t) => t.name.includes('Ana Muestra'));
    expect(pedro?.title).toBe('Minister of Culture');
    expect(ana?.title).toBe('Minister of Justice');
    expect(ana?.name.startsWith('And')).toBe(false);
    for (const official of [pedro, ana]) expect(official?.address).toEqual(['Calle Ficticia 2 No. 258', 'C.P. 10400, Santiago, Chile']);
  });

  it('leaves off the e-mails listed once for both, and asks the moderator', () => {
    expect(appeal.targets.flatMap((t) => t.emails)).toEqual([]);
    expect(warnings.some((w) => w.code === 'unsure_address')).toBe(true);
  });
});

describe("a heading over the letter is never an official", () => {
  it.each(['Example of e-mail to ambassadors in Chile', 'Sample letter to the Minister of Justice', 'Model letter', 'Musterbrief', 'Modèle de lettre au Président', 'Modelo de carta'])(
    'reads "%s" as no name',
    (line) => {
      expect(isPlausibleName(line)).toBe(false);
    },
  );

  it.each(['Minister of Justice', 'Ana Example', 'Ambassador Ana Muestra'])('still reads "%s" as an official', (line) => {
    expect(isPlausibleName(line)).toBe(true);
  });

  it('imports a letter-only e-mail under such a heading with no official, for the moderator to add', () => {
    const text = page('Example of e-mail to ambassadors in Chile', '', 'Example of e-mail to ambassadors in Chile', '', 'Subject: Torture of prisoners in Chile', '', 'Your Excellency,', '', story, 'I urge your government to raise her case.');
    expect(imported(text).appeal.targets).toEqual([]);
  });
});

describe('a Swedish article about the Urgent Action network', () => {
  it('is refused as an explainer: it names no case to write for now', () => {
    const text = page(
      'Blixtaktioner gör skillnad',
      '',
      'Sverige | 2031-10-23',
      '',
      'Varje vecka skriver hundratals svenskar brev till makthavare. De är medlemmar i nätverket för blixtaktioner.',
      'Informationen kontrolleras i London innan blixtaktionen skickas ut till brevskrivarna.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('still imports a Swedish Urgent Action that asks its readers to write', () => {
    const text = page(
      'Blixtaktion: Jane Example',
      '',
      story,
      'Skriv till:',
      'Pedro Ejemplo',
      'Prosecutor General',
      'Teatinos 77',
      'Santiago, Chile',
      '',
      ...letter,
    );
    expect(refusedReason(text)).toBeUndefined();
  });
});

describe('a Japanese repost of an Urgent Action, cut before its addresses', () => {
  it('imports as a draft when it asks readers to write an appeal and send it, with words between', () => {
    const text = page(
      '[例 001234] ジェーン・エグザンプルさんを救ってください',
      '',
      '*英語で以下の内容のアピール文を作り、メール、ファックス、航空書簡のいずれかで、できるだけ早く送ってください。*',
      '   - ジェーン・エグザンプルさんをただちに無条件で釈放する。',
    );
    expect(refusedReason(text)).toBeUndefined();
    expect(imported(text).appeal.targets).toEqual([]);
  });

  it('still refuses a Japanese text that only tells of letters sent', () => {
    const text = page('ジェーン・エグザンプルさんについて', '', '昨年、多くの人がアピール文を作り、大使館に送りました。', '彼女は今も拘禁されています。');
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });
});

describe('an official named only in the prose that asks the reader to urge them', () => {
  const ask = (sentence: string, salutation: string): string =>
    page('Urge the Minister to free Jane Example', '', `${sentence} Jane Example must be freed.`, '', 'Send a letter now at: https://example.gov/contact', '', salutation, '', 'I urge you to call for her release.', 'Sincerely,');

  it('is the official the letter greets by office and surname, with their first name and office from the prose', () => {
    const { appeal } = imported(ask('Please urge Minister of Foreign Affairs Ana Example to call for her release.', 'Dear Minister Example,'));
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([['Ana Example', 'Minister of Foreign Affairs']]);
  });

  it('is no one when the urged surname is not the one the letter greets', () => {
    const { appeal } = imported(ask('Please urge Minister of Foreign Affairs Ana Example to call for her release.', 'Dear Minister Other,'));
    expect(appeal.targets.some((t) => t.name.includes('Ana Example'))).toBe(false);
  });
});
