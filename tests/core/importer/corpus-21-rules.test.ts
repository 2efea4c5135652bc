// The general rules behind corpus-21's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { imported, kindOf, page, refusedReason } from './helpers.js';

const story = 'Jane Example has been held without charge since March 2031 and her family has not been allowed to see her.';
const letter = ['I urge you to release Jane Example immediately and unconditionally.', 'Yours sincerely,'];

describe('a form\'s caption over an official\'s block', () => {
  it('"Title" over the title line makes the line below them the person\'s name', () => {
    const { appeal } = imported(page('URGENT ACTION', story, 'PLEASE SEND APPEALS BEFORE 10 August 2031 TO:', '', 'Title', '', 'Leader of the Republic of Examplia', '', 'Grand Elder Aron Sample', '', '12 Liberty Road, Exampletown, Zimbabwe'));
    expect(appeal.targets[0]?.name).toBe('Grand Elder Aron Sample');
    expect(appeal.targets[0]?.title).toBe('Leader of the Republic of Examplia');
  });

  for (const caption of ['Title', 'Name:', 'Address:']) {
    it(`"${caption}" alone on a line is never the official's name`, () => {
      const { appeal } = imported(
        page(
          'URGENT ACTION',
          story,
          'PLEASE SEND APPEALS BEFORE 10 August 2031 TO:',
          '',
          caption,
          '',
          'Leader of the Republic of Examplia',
          '',
          'Grand Elder Aron Sample',
          '',
          'The Office of the Leader',
          '',
          '12 Liberty Road, Exampletown, Zimbabwe',
        ),
      );
      expect(appeal.targets.map((t) => t.name)).not.toContain(caption.replace(':', ''));
      // The address is the person's below the caption and the title, or left off: never on the caption or the title.
      for (const target of appeal.targets.filter((t) => t.address.join(' ').includes('Liberty Road'))) expect(target.name).toContain('Aron Sample');
    });
  }
});

describe('Amnesty USA\'s one-line blocks, one under the other', () => {
  const blocks = page(
    'URGENT ACTION',
    story,
    'Write a letter in your own words or using the sample below as a guide to one or both government officials listed.',
    'Head of judiciary, Aron Q Sample c/o Embassy of Examplia to the European Union Avenue Example No. 15, 1050 Bruxelles, Belgium',
    'H.E. Pedro Ejemplo Permanent Mission of Examplia 622 Example Avenue, 34th Floor New York, NY 10017 Phone: 212 555-0100 Salutation: Dear Ambassador',
    '',
    'SAMPLE LETTER Dear Mr. Aron Q Sample,',
    ...letter,
  );

  it('reads the second line as the second official, its address never on the first', () => {
    const { appeal } = imported(blocks);
    const head = appeal.targets.find((t) => t.name.includes('Aron Q Sample'));
    expect(head?.address.join(' ')).not.toContain('622 Example Avenue');
    const ambassador = appeal.targets.find((t) => t.name.includes('Pedro Ejemplo'));
    expect(ambassador?.address.join(' ')).toContain('622 Example Avenue');
    expect(ambassador?.address.join(' ')).not.toContain('Bruxelles');
  });

  it('splits "Title, Name c/o Embassy ..." into the person, the title and the address in care of the embassy', () => {
    const { appeal } = imported(blocks);
    const head = appeal.targets.find((t) => t.name === 'Aron Q Sample');
    expect(head?.title).toBe('Head of judiciary');
    expect(head?.address[0]).toMatch(/^c\/o Embassy of Examplia/);
  });
});

describe('Amnesty USA\'s one-line block with "The" before the office', () => {
  it('reads "Name The Inspector General of ... Street, Town, Country" as the person with the office and address', () => {
    const { appeal } = imported(
      page(
        'URGENT ACTION',
        story,
        'Write a letter in your own words or using the sample below as a guide to one or both government officials listed.',
        'Aron Sample The Inspector General of Police Force Headquarters Example House Liberty Way Area 11 Exampletown, Nigeria',
        '',
        'Dear Inspector General,',
        ...letter,
      ),
    );
    expect(appeal.targets[0]?.name).toBe('Aron Sample');
    const postal = [appeal.targets[0]?.title ?? '', ...(appeal.targets[0]?.address ?? [])].join(' ');
    expect(postal).toContain('Area 11 Exampletown, Nigeria');
  });
});

describe('salutations', () => {
  it('"Dear Prosecutor General," greets an office, not a person called "General"', () => {
    const { appeal } = imported(
      page(
        'URGENT ACTION',
        story,
        'Aron Sample',
        'Prosecutor General of the Republic of Examplia',
        'Email: [email protected]',
        '',
        'Dear Prosecutor General,',
        ...letter,
      ),
    );
    expect(appeal.targets[0]?.name).toBe('Aron Sample');
  });

  it('an embassy\'s "Dear Ambassador" with no comma above the letter\'s own greeting is not run into it', () => {
    const { appeal } = imported(
      page('URGENT ACTION', story, 'Aron Sample', 'Prosecutor General of Examplia', 'Email: aron@example.gov', 'Salutation:', 'Dear Ambassador', 'Dear Prosecutor General,', ...letter),
    );
    expect(appeal.letter.salutation).toBe('Dear Prosecutor General,');
  });

  it('"SAMPLE LETTER Honorable Minister Example, I am ..." greets with "Honorable Minister Example,"', () => {
    const { appeal } = imported(
      page(
        'URGENT ACTION',
        story,
        'Mr. Aron Sample, MP Ministry of Home Affairs Example Secretariat Exampletown-1000, Bangladesh Fax: +88-02-0000000',
        '',
        'SAMPLE LETTER Honorable Minister Sample, I am gravely concerned by the repeated arrests of returning workers in Examplia, and I urge you to release them.',
        'Yours sincerely,',
      ),
    );
    expect(appeal.letter.salutation).toBe('Honorable Minister Sample,');
  });
});

describe('German good news', () => {
  it('a page headed "Erfolge" under its site chrome tells of results: good news', () => {
    expect(
      kindOf(
        page(
          'Bearbeiten / Suchen:',
          '',
          'Erfolge',
          '',
          'Viele fragen uns, ob Briefaktionen und Urgent Actions überhaupt etwas bewirken. Hier ein Beispiel unserer Gruppe:',
          '',
          'UA 99/31 - Jana Beispiel (Examplien)',
          '',
          'Die Urgent Action wurde am 2. Mai 2031 gestartet. Jana Beispiel wurde am 1. Juni 2031 freigelassen.',
        ),
      ),
    ).toBe('good-news');
  });

  it('"Ihre Briefe zeigen Wirkung!" over a thank-you to the writers is good news', () => {
    expect(
      kindOf(
        page(
          'Ihre Briefe zeigen Wirkung!',
          '',
          'Jeden Monat schreiben wir Briefe gegen das Vergessen. Unter diesem Link findet man die Bilanz zu allen Fällen des Jahres 2031. Vielen Dank für die Unterstützung!',
        ),
      ),
    ).toBe('good-news');
  });
});

describe('a group\'s letter with the minister\'s address block above it', () => {
  const text = page(
    'Letter of the month',
    '',
    'Honourable Minister Aron Sample, MP,',
    'Ministry of Home Affairs',
    'Example Secretariat',
    '',
    'Exampletown, datum',
    '',
    'Your Excellency,',
    '',
    'I am writing to you about Jane Example, who has been held without charge since March 2031, and I urge you to release her.',
    'Yours sincerely,',
  );

  it('greets with "Your Excellency," below the block, and the block is the official', () => {
    const { appeal } = imported(text);
    expect(appeal.letter.salutation).toBe('Your Excellency,');
    expect(appeal.targets.map((t) => t.name)).toEqual(['Honourable Minister Aron Sample, MP']);
  });

  it('reads "Exampletown, datum" as the letter\'s date line, no official', () => {
    expect(refusedReason(text)).toBeUndefined();
    expect(imported(text).appeal.targets.some((t) => t.name.includes('Exampletown'))).toBe(false);
  });
});

describe('a request to write to "your local MP" or to an official inline', () => {
  it('imports an e-mail asking readers to contact their local MP as a draft with no official', () => {
    const text = page(
      'URGENT: Contact your local MP to end indefinite detention',
      '',
      'Dear Friends,',
      '',
      'You can urge your local Member of Parliament to support moves to end indefinite detention.',
      story,
    );
    const { appeal } = imported(text);
    expect(appeal.draft).toBe(true);
    expect(appeal.targets).toEqual([]);
  });

  it('reads "Bitte verschicken Sie Ihren Appell ... an: President ..." as a request to write', () => {
    const text = 'Bitte verschicken Sie Ihren Appell in einem Briefumschlag an: President Aron Example The Example House, 1 Example Avenue, Example City 20500, Examplia. Appelltext: ' + story + ' ' + letter[0];
    expect(refusedReason(text)).toBeUndefined();
  });
});

describe('the number of a good-news page', () => {
  const erfolge = (...cases: string[]): string =>
    page('Erfolge', '', 'Viele fragen uns, ob Urgent Actions etwas bewirken. Hier Beispiele unserer Gruppe:', '', ...cases.flatMap((c) => [c, '', 'Die Urgent Action wurde im Mai 2031 gestartet; die Person wurde im Juni 2031 freigelassen.', '']));

  it('is the one action an "Erfolge" page tells of', () => {
    expect(imported(erfolge('UA 99/31 - Jana Beispiel (Examplien)')).appeal.number).toBe('99/31');
  });

  it('is none where the page tells of several actions', () => {
    expect(imported(erfolge('UA 99/31 - Jana Beispiel (Examplien)', 'UA 12/30 - Aron Example (Examplien)')).appeal.number).toBeUndefined();
  });
});

describe('the number a round-up of successes cites in brackets', () => {
  it('is none: the page tells of other cases too', () => {
    const text = page(
      'Urgent-Actions-Erfolge Januar bis März 2031',
      '',
      'Jana Beispiel ist frei! Die Aktivistin wurde im Februar 2031 freigelassen (UA-062/2030).',
      '',
      'Aron Example darf seine Familie wieder sehen. Die Behörden haben ihm im März 2031 Besuche erlaubt.',
    );
    expect(imported(text).appeal.number).toBeUndefined();
  });
});
