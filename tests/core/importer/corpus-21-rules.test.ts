// The general rules behind corpus-21's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { imported, page } from './helpers.js';

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
