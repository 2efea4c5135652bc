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

describe('a request to write in words the importer did not read imports as a draft', () => {
  const story = 'Jane Example, a teacher, has been held since March for a peaceful protest and is at risk of torture.';

  it('takes a Danish, Norwegian or Swedish "urges people to write to" and "where one can write to"', () => {
    expect(refusedReason(page('Aktion for Jane Example', '', 'Organisationen opfordrer mennesker til at skrive til formanden for udvalget, Aron Example.', '', story))).toBeUndefined();
    expect(refusedReason(page('Aktion for Jane Example', '', 'En aktion på hjemmesiden, hvor man kan skrive til ministeren og støtte kravene.', '', story))).toBeUndefined();
    expect(refusedReason(page('Aksjon for Jane Example', '', 'Vi oppfordrer alle til å skrive til justisministeren.', '', story))).toBeUndefined();
  });

  it('takes "participants are asked to write letters" of a group\'s letter-writing session', () => {
    const text = page('Letter-writing session, December 4', '', 'The Example Club invites students to a letter-writing session.', 'Participants are also asked to write separate letters to the responsible government authorities.');
    expect(refusedReason(text)).toBeUndefined();
  });

  it('takes the Polish "Wezwij władze ..." and the Russian "просьба поддержать ..."', () => {
    expect(refusedReason(page('Jan Przykładowy', '', 'Jan Przykładowy został aresztowany za pokojowy protest. Wezwij władze Przykładowa do uwolnienia go.'))).toBeUndefined();
    expect(refusedReason(page('Уважаемые коллеги!', 'Сегодняшнее письмо - это просьба поддержать кампанию давления на правительство Примерии.', 'Яна Пример задержана за мирный протест.'))).toBeUndefined();
  });

  it('still refuses a report that people once wrote', () => {
    expect(refusedReason(page('Letters from 2004', '', 'In 2004 Jane Example wrote many letters for prisoners, she told the newspaper.', '', 'She still keeps the replies in a box.'))).toBe('import_not_an_appeal');
  });
});

describe('an official a Nordic request names in prose', () => {
  it('takes "skrive til <office>, <Name>," and "Skriv till <Name> och protestera" as the official, with no contact', () => {
    const danish = page('Aktion for Jane Example', '', 'Organisationen opfordrer mennesker til at skrive til formanden for Folketingets Udvalg, Aron Example, vedr. frihedsberøvelsen.');
    expect(imported(danish).appeal.targets.map((t) => [t.name, t.emails, t.address])).toEqual([['Aron Example', [], []]]);
    const swedish = page('Insats maj 2030', '', 'Skriv till Aron Example-Sample och protestera mot tortyr och godtyckliga fängslanden.');
    expect(imported(swedish).appeal.targets.map((t) => t.name)).toEqual(['Aron Example-Sample']);
  });

  it('takes no prisoner a card of support goes to, and no organisation', () => {
    const card = page('Skriv ett kort', '', 'Skriv till Jane Example och ge henne hopp i fängelset.');
    expect(imported(card).appeal.targets).toEqual([]);
    const organisation = page('Aktion', '', 'Vi opfordrer alle til at skrive til os, Amnesty International, med idéer.');
    expect(imported(organisation).appeal.targets).toEqual([]);
  });
});
