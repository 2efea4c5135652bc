// The general rules behind corpus-25's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isAddressPart, isPlausibleName } from '../../../src/core/importer/name-gate.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, page } from './helpers.js';

const body = [
  'I am writing to express my concern about the detention of Aron Example, a teacher held since March for a peaceful protest.',
  'I urge you to release him at once and to drop every charge against him.',
];

describe('a building line is an address line, never an official', () => {
  it('reads floors, suites, towers and wings, in several languages, as address parts', () => {
    for (const line of ['Example Tower South, 21st Floor', 'Floor 3', 'Suite 400, 12 Example Road', 'Block C', 'East Wing', '3e étage', 'Piso 5, Edificio Ejemplo', 'planta 2', '4. Etage', 'Torre Norte']) {
      expect(isAddressPart(line), line).toBe(true);
      expect(isPlausibleName(line), line).toBe(false);
    }
    // Names and offices still pass.
    expect(isPlausibleName('Minister Jane Example')).toBe(true);
    expect(isPlausibleName('Ministry of Example Affairs')).toBe(true);
    expect(isPlausibleName('Jane Floor')).toBe(true);
  });

  it('makes the person before "Name: Title" the official, with the postal lines below as the address', () => {
    const text = page(
      'Copy this letter into your e-mail',
      '',
      'Jane Example: Minister of Example Affairs',
      '',
      'Example Tower North, 12th Floor',
      '100 Example Avenue',
      'Example City, Province',
      'X1X 1X1',
      '',
      'Subject: Teachers facing deportation',
      '',
      'Dear Minister Example:',
      '',
      ...body,
    );
    const { appeal } = imported(text);
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]?.name).toBe('Jane Example');
    expect(appeal.targets[0]?.title).toBe('Minister of Example Affairs');
    expect(appeal.targets[0]?.address).toEqual(['Example Tower North, 12th Floor', '100 Example Avenue', 'Example City, Province', 'X1X 1X1']);
  });

  it('leaves a block whose only candidate name is its building line off, asking the moderator', () => {
    const text = page(
      'Copy this letter into your e-mail',
      '',
      'Example Tower North, 12th Floor',
      '100 Example Avenue',
      'Example City, Province',
      'X1X 1X1',
      '',
      'Dear Minister:',
      '',
      ...body,
    );
    const { appeal, warnings } = imported(text);
    expect(appeal.targets.map((t) => t.name)).not.toContain('Example Tower North, 12th Floor');
    expect(appeal.targets.flatMap((t) => t.address ?? [])).not.toContain('100 Example Avenue');
    expect(warnings.map((w) => w.code)).toContain('unsure_address');
  });
});

describe('a sheet\'s heading with its headline is never an official', () => {
  const letter = ['', 'Dear Minister,', '', ...body];

  it('refuses "URGENT APPEAL: ...", "ACTION ALERT: ..." and their kin as names', () => {
    for (const line of ['URGENT APPEAL: Teacher Held Without Charge', 'Urgent Action: Teacher Held', 'ACTION ALERT: Free the Example Four', 'Appel urgent : Un enseignant détenu', 'Acción urgente: Maestro detenido']) {
      expect(isPlausibleName(line), line).toBe(false);
    }
  });

  it('gives the block under the heading to the name below it', () => {
    const text = page('URGENT APPEAL: Teacher Held Without Charge', 'Minister Jane Example', 'Ministry of Example Affairs', '100 Example Avenue', 'Example City', 'Email: jane@example.gov', ...letter);
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Minister Jane Example']);
    expect(appeal.targets[0]?.emails).toEqual(['jane@example.gov']);
  });

  it('leaves an address under the heading with no name off', () => {
    const text = page('ACTION ALERT: Teacher Held Without Charge', '100 Example Avenue', 'Example City', 'Email: office@example.gov', ...letter);
    const { appeal, warnings } = imported(text);
    expect(appeal.targets.flatMap((t) => t.emails)).not.toContain('office@example.gov');
    expect(warnings.map((w) => w.code)).toContain('unsure_address');
  });
});

describe('officials a letter names', () => {
  it('makes each minister greeted by surname an official, with no address', () => {
    const text = page('Example letter for Aron', '', '2 February 2021', '', 'Dear Ministers Example and Sample,', '', ...body, '', 'Sincerely,');
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Example', 'Sample']);
    expect(appeal.targets.flatMap((t) => [...t.address, ...t.emails])).toEqual([]);
  });

  it('reads no official from a greeting of a group', () => {
    const text = page('Dear Ministers Members and Friends,', '', ...body, '', 'Sincerely,');
    const result = importUrgentAction(text);
    expect(result.ok ? result.appeal.targets.map((t) => t.name) : []).not.toContain('Members');
  });

  it('reads a model letter\'s addressee run on one line after "Address to use:" up to "Greeting to use:"', () => {
    const text = page(
      'A model letter',
      '',
      '(date) Address to use: The Honourable Jane Example, P.C., M.P. Minister for Justice, Security and Prisons Example Department of Justice Example City, Province, X1X 1X1 Greeting to use: Dear Minister, Some points you might include in your letter: say you are writing about the long delays.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]?.name).toContain('Jane Example');
    expect(appeal.targets[0]?.title).toBe('Minister for Justice, Security and Prisons');
    expect(appeal.targets[0]?.address).toEqual(['Example Department of Justice Example City, Province, X1X 1X1']);
  });
});

describe('letters headed to an official but mailed through the organiser', () => {
  const text = page(
    'Monday, March 2, 2026',
    '',
    'Letters of support needed',
    '',
    'Please take some time to write a letter on behalf of Aron. The board will read every one.',
    '',
    'While you will send the letter to me (address below), please put this address at the top:',
    '',
    'Example Review Board',
    'c/o Example Department of Justice',
    'P. O. Box 12345',
    'Example City, EX 10001',
    '',
    'After you write and sign your letter, please send it to me by April 10 at:',
    '',
    'Bella Organiser',
    'PO Box 99',
    'Exampletown, EX 20002',
  );

  it('imports the page, with the block to head the letter with as the official and never the organiser\'s box', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Example Review Board']);
    const lines = appeal.targets.flatMap((t) => [t.organisation ?? '', ...t.address]);
    expect(lines).toContain('P. O. Box 12345');
    expect(lines).not.toContain('PO Box 99');
  });

  it('reads "by April 10" in the year of the post\'s own date', () => {
    expect(imported(text).appeal.deadline).toBe('2026-04-10');
  });
});

describe('a deadline said as "The deadline for appeals is <date>" inside a paragraph', () => {
  it('reads it', () => {
    const text = page(
      'Urgent Actions for May',
      '',
      'Please write to the authorities urging the immediate release of Aron Example, a teacher held for a peaceful protest, and to grant him the medical care he needs, see the attachment for details. The deadline for appeals is 4th July 2031',
    );
    expect(imported(text).appeal.deadline).toBe('2031-07-04');
  });
});
