// The general rules behind corpus-31's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { splitOneLineBlock } from '../../../src/core/importer/one-line-blocks.js';
import { parseTargets } from '../../../src/core/importer/targets.js';
import { imported, page, refusedReason } from './helpers.js';

/* A case card of a writing marathon's page: every line spaced by a blank one, the addressee whole on one line. */
const card = (person: string, country: string, addressee: string): string[] => [
  person,
  '',
  country,
  '',
  'Uwięziony za pokojowy protest',
  '',
  'Więcej',
  '',
  '×',
  '',
  `${person} jest nauczycielem, który od marca przebywa w areszcie za udział w pokojowym proteście w swoim mieście.`,
  '',
  'Domagamy się:',
  '',
  '  • Wezwij władze, by uwolniły go natychmiast i bezwarunkowo.',
  '',
  'Napisz list do:',
  '',
  'Pobierz wzór listu w wersji PDF',
  '',
  'Podpisz online',
  '',
  addressee,
  '',
];

describe('an official written whole on one line', () => {
  it('splits an office of a country with no one named, then its street and postcode', () => {
    expect(splitOneLineBlock('Prime Minister of Exampleland 12 Example Street Example City, Example Province X1A 0B2')).toBeUndefined();
    expect(splitOneLineBlock('Prime Minister of Canada 12 Example Street Ottawa, Ontario K1A 0B2')).toEqual(['Prime Minister of Canada', '12 Example Street Ottawa, Ontario K1A 0B2']);
  });

  it('splits an office, a form of address and a name, then the office\'s own address', () => {
    expect(splitOneLineBlock('Governor of Example State H.E. Jane Quinn Example Governor’s Office Example Town Example State')).toEqual([
      'H.E. Jane Quinn Example',
      'Governor of Example State',
      'Governor’s Office Example Town Example State',
    ]);
    // No form of address: nothing says where the office ends and the person begins.
    expect(splitOneLineBlock('Governor of Example State Jane Quinn Example Governor’s Office Example Town')).toBeUndefined();
  });

  it('reads each card\'s addressee under "Napisz list do:", past the download and sign buttons, and not the next card\'s person', () => {
    const text = page(
      'Kogo bronimy?',
      '',
      ...card('Jan Przykładowy', 'Kanada', 'Prime Minister of Canada 12 Example Street Ottawa, Ontario K1A 0B2'),
      ...card('Adam Example', 'Nigeria', 'Governor of Example State H.E. Jane Quinn Example Governor’s Office Example Town Example State'),
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Prime Minister of Canada', 'H.E. Jane Quinn Example']);
    expect(appeal.targets[0]?.address).toEqual(['12 Example Street Ottawa, Ontario K1A 0B2']);
    expect(appeal.targets[1]?.title).toBe('Governor of Example State');
    expect(appeal.targets[1]?.organisation).toBe('Governor’s Office Example Town Example State');
  });

  it('ends the block at a whole official\'s postcode: the lines below it are no part of it, and a text block with no contact detail after it is no official', () => {
    const lines = ['Prime Minister of Canada 12 Example Street Ottawa, Ontario K1A 0B2', 'Jane Example', 'Exampleland', 'Held for a peaceful protest'];
    const targets = parseTargets(lines.map((text) => ({ text, copy: false })), () => undefined);
    expect(targets.map((t) => t.name)).toEqual(['Prime Minister of Canada']);
    expect(targets[0]?.address).toEqual(['12 Example Street Ottawa, Ontario K1A 0B2']);
  });
});

describe('texts that ask no reader to write stay refused', () => {
  it('refuses a press release on a letter-writing campaign\'s launch', () => {
    const text = page(
      'Date: December 8, 2030',
      '',
      'Global: Example Rights Group annual letter-writing campaign comes amid a clampdown',
      '',
      'Example Rights Group is launching its annual letter-writing campaign globally ahead of Human Rights Day.',
      '',
      'This year the campaign includes Jane Example, a housing activist in hiding because of threats against her.',
      '',
      '“People who dare to speak out are at risk,” said Aron Example, the group\'s director.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('imports the same launch when the page asks the reader to write, or says "please"', () => {
    const launch = 'Example Rights Group is launching the annual letter-writing campaign, Write for Rights.';
    expect(refusedReason(page('Write a letter to save lives this summer', '', launch, '', 'This year the campaign features Jane Example.'))).toBeUndefined();
    expect(refusedReason(page('Letter for Jane Example', '', 'UPDATE: Example Group has launched a letter writing campaign.', '', 'Please use this letter if you want.'))).toBeUndefined();
  });

  it('refuses a committee\'s page on how it joins the Urgent Action network, though its members mail the letter off', () => {
    const text = page(
      'The Example Committee participates in the Urgent Action Network to combat injustice around the world.',
      '',
      'What is the Urgent Action Network?',
      '',
      'The Urgent Action Network is a group of volunteers who pressure governments to stop abuses.',
      '',
      'How does the Committee participate?',
      '',
      'Committee members draft a letter, have it signed by the Union\'s President, and email, fax, or mail the letter off to the intended recipients as soon as possible.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('refuses a Swedish or Norwegian guide titled "how does one write"', () => {
    const swedish = page('HUR SKRIVER MAN EN BLIXTAKTION?', '', 'Kortfattat', '', 'Skriv hellre kortfattat än inget brev alls.', '', 'Språket', '', 'Använd om möjligt mottagarlandets språk.');
    expect(refusedReason(swedish)).toBe('import_not_an_appeal');
    const norwegian = page('Hvordan skriver man et appellbrev?', '', 'Skriv kort og høflig.', '', 'Bruk gjerne mottakerlandets språk.');
    expect(refusedReason(norwegian)).toBe('import_not_an_appeal');
  });
});
