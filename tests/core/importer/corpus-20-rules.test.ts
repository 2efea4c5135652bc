// The general rules behind corpus-20's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { cleanLines } from '../../../src/core/importer/normalize.js';
import { imported, page } from './helpers.js';

const story = 'Jane Example has been held without charge since March 2031 and her family has not been allowed to see her.';
const letter = ['I urge you to release Jane Example immediately and unconditionally.', 'Yours sincerely,'];

describe('two officials\' blocks with no blank line between them', () => {
  const blocks = (caption: string, name: string): string =>
    page(
      'URGENT ACTION',
      story,
      'Contact information:',
      'President of the Republic of Examplia',
      'His Excellency Aron Sample',
      'Office of the President',
      '12 Liberty Road',
      'Exampletown, Harare, Zimbabwe',
      caption,
      name,
      '400 Example Avenue, NW,',
      'Washington DC 20009',
      'Email: embassy@example.org',
      'Salutation: Dear Ambassador',
      '',
      'Sample letter:',
      'Dear President,',
      ...letter,
    );

  for (const [caption, name] of [
    ['Embassy of Examplia in the United States', 'His Excellency Ambassador Pedro Ejemplo'],
    ['Embassy of Examplia in the United States', 'Ambassador Pedro Ejemplo'],
    ['Ministry of Foreign Affairs', 'Mr Pedro Ejemplo'],
  ] as const) {
    it(`"${caption}" / "${name}" after "Harare, Zimbabwe" opens the second official's block`, () => {
      const { appeal } = imported(blocks(caption, name));
      const president = appeal.targets.find((t) => t.name.includes('Aron Sample'));
      expect(president?.address.join(' ')).not.toContain('Example Avenue');
      expect(president?.emails ?? []).not.toContain('embassy@example.org');
      const second = appeal.targets.find((t) => t.name.includes('Pedro Ejemplo'));
      expect(second?.emails).toEqual(['embassy@example.org']);
      expect(second?.address).toContain('Washington DC 20009');
    });
  }

  it('leaves the second block\'s address off, never on the first official, when the second has no name to read', () => {
    const { appeal } = imported(blocks('Embassy of Examplia in the United States', 'Switchboard and visitors'));
    const president = appeal.targets.find((t) => t.name.includes('Aron Sample'));
    expect(president?.address.join(' ')).not.toContain('Example Avenue');
    expect(president?.emails ?? []).not.toContain('embassy@example.org');
  });
});

describe('a link\'s note copied from a web page', () => {
  it.each([
    ['Email: info@example.orgopens in a new tab', 'Email: info@example.org'],
    ['Email: info@example.org (opens in a new window)', 'Email: info@example.org'],
    ['Web form: https://example.gov/contact external link', 'Web form: https://example.gov/contact'],
    ['Courriel : info@example.fr (lien externe)', 'Courriel : info@example.fr'],
    ['E-Mail: info@example.de öffnet in einem neuen Fenster', 'E-Mail: info@example.de'],
    ['Correo: info@example.es (se abre en una nueva ventana)', 'Correo: info@example.es'],
    ['E-mail: info@example.nl opent in een nieuw tabblad', 'E-mail: info@example.nl'],
  ])('"%s" reads "%s"', (line, clean) => {
    expect(cleanLines(line)).toEqual([clean]);
  });

  it('is page chrome alone on a line', () => {
    expect(cleanLines(page('Read the report', 'opens in a new tab', 'Write to the minister.'))).toEqual(['Read the report', 'Write to the minister.']);
  });

  it('stays when the words are the text\'s own', () => {
    const line = 'The new museum opens in a new window of time, and an external link between the two cases was found.';
    expect(cleanLines(line)).toEqual([line]);
  });

  it('comes off an e-mail in an official\'s block', () => {
    const { appeal } = imported(page('URGENT ACTION', story, 'Write to:', 'Minister of Justice Aron Sample', 'Email: minister@example.orgopens in a new tab', '', 'Dear Minister,', ...letter));
    expect(appeal.targets[0]?.emails).toEqual(['minister@example.org']);
  });
});
