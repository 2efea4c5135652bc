// The general rules behind corpus-37's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isPlausibleName } from "../../../src/core/importer/name-gate.js";
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { kindOf, refusedReason } from './helpers.js';

describe('a heading run together with the first words of a mirrored page is never an official', () => {
  const mirrored =
    'URGENT ACTIONJOURNALIST HELD INCOMMUNICADOBen Other, a reporter in Examplia, is being held in Central Prison, in the north of Examplia. ' +
    'He was arrested in the capital, Example City, on 3 March 2021, and charged with spreading rumours. He needs a lawyer.TAKE ACTION: Write a letter ' +
    'in your own words to one or both government officials listed.Click here to let us know the actions you took on Urgent Action 12.21. ' +
    'Mr. Jane ExampleMinister of Justice12 Palace Road, Example CityExampliaEmail: minister@justice.example ' +
    'Ambassador Tom SampleEmbassy of Examplia 1 Embassy Row NW, Washington DC 20008\n\nSalutation: Dear Minister\n\n' +
    'Dear Minister, I am writing to urge you to release Ben Other, who was detained for his reporting.';

  it('reads no name in a run-together heading', () => {
    expect(isPlausibleName('URGENT ACTIONJOURNALIST HELD INCOMMUNICADOBen Other')).toBe(false);
    expect(isPlausibleName('STUDENT LEADER AT RISKMaria Sample')).toBe(false);
    expect(isPlausibleName('President Jane Example')).toBe(true);
    expect(isPlausibleName('Minister Karim McDONALD')).toBe(true);
  });

  it('attaches no address to the heading', () => {
    const result = importUrgentAction(mirrored);
    const targets = result.ok ? result.appeal.targets : [];
    for (const target of targets) {
      expect(target.name).not.toMatch(/URGENT ACTION|INCOMMUNICADO/);
    }
    const owners = targets.filter((t) => t.emails.includes('minister@justice.example')).map((t) => t.name);
    expect(owners.every((name) => /Jane Example/.test(name))).toBe(true);
  });
});

describe("a one-line block of an office of a country, its holder, then the presidency's own address", () => {
  const block =
    'President of the Republic of Chad Amina Sample Présidence de la République Place de la Nation, Example City 1000 Chad Fax: +999 1 23 45 Email: [email protected]';
  const text = [
    'Urgent Action: Teacher held without charge (Examplia: UA 77.21)',
    '',
    'Ben Other, a teacher, was arrested on 3 May 2021 and is held without charge.',
    '',
    'TAKE ACTION',
    '  1. Write a letter in your own words or using the sample below as a guide to one or both government officials listed.',
    block,
    'Ambassador Tom Sample Embassy of the Republic of Examplia 2000 Example Ave. NW, Washington DC 20008 Phone: 202 555 0100 Salutation: Dear Ambassador',
    '',
    'SAMPLE LETTER Your Excellency, I urge you to release Ben Other immediately and unconditionally.',
  ].join('\n');

  it('reads the holder as the official, the office as the title and the presidency as the address', () => {
    const result = importUrgentAction(text);
    const targets = result.ok ? result.appeal.targets : [];
    const president = targets.find((t) => t.name === 'Amina Sample');
    expect(president?.title).toBe("President of the Republic of Chad");
    expect(president?.address[0]).toMatch(/^Présidence de la République Place de la Nation/);
    expect(targets.some((t) => /Chad Jane/.test(t.name))).toBe(false);
  });
});

describe("a social-media label and a section heading under the last block are no officials", () => {
  const text = [
    'In Examplia, the journalist Ben Other has been detained since March 2022 on baseless charges.',
    'Write to the Examplian Prime Minister urging him to release Ben Other immediately.',
    'Write to:',
    'Prime Minister Jane Sample',
    'Email: office@pm.example',
    'X (formerly Twitter): @ExamplePM',
    'Salutation: Dear Prime Minister:',
    'And copy:',
    'His Excellency Tom EXAMPLE',
    'Ambassador',
    'Embassy of the Republic of Examplia',
    '12 Example Street',
    'Ottawa, ON K1A 0A1',
    'Email: embassy@examplia.example',
    'Silencing the Press',
    'Since 2021, the authorities of Examplia have opened criminal cases against at least twenty journalists for their reporting on corruption.',
  ].join('\n');

  it('reads the Prime Minister and the ambassador only', () => {
    const result = importUrgentAction(text);
    const names = result.ok ? result.appeal.targets.map((t) => t.name) : [];
    expect(names.some((n) => /Jane Sample/.test(n))).toBe(true);
    expect(names.some((n) => /Tom EXAMPLE/.test(n))).toBe(true);
    expect(names.filter((n) => /Twitter|Silencing/.test(n))).toEqual([]);
  });

  it("keeps the handle and the salutation under the label with the Prime Minister", () => {
    const result = importUrgentAction(text);
    const minister = result.ok ? result.appeal.targets.find((t) => /Jane Sample/.test(t.name)) : undefined;
    expect(minister?.social).toEqual(['X/Twitter: @ExamplePM']);
    expect(minister?.salutation).toBe('Dear Prime Minister:');
  });
});

describe("a group's page of newsletter items that tell of Urgent Actions as news is refused", () => {
  const digest = (second: string): string =>
    [
      'Our group follows events in Examplia. Do read the country page of the International Secretariat too.',
      'Highlights from our Newsletters 2024',
      'March 2024',
      '',
      'Ana Sample',
      'Amnesty has issued a new Urgent Action calling on the Attorney General to drop the charges against Ana Sample, a trade unionist who was arrested after a strike in the capital.',
      'Highlights from our Newsletters 2023',
      'October 2023',
      second,
      'May 2023',
      'In a new report, Amnesty found that the water supply of the northern towns fails for weeks each summer.',
    ].join('\n');

  it('refuses a page telling of two actions issued', () => {
    expect(refusedReason(digest('Amnesty has launched an updated Urgent Action against a bill that would close the offices of many community radios in Examplia.'))).toBe('import_not_an_appeal');
  });
});

describe('"Further information on EXTRA ..." heads an update, as "Further information on UA ..." does', () => {
  it('reads the sheet as an update', () => {
    const text = [
      '• Campaigns',
      '',
      'Further information on EXTRA 12/93 (EUR 01/02/93, 3 March) - Examplia: fear of torture: Ana Sample, Tom Example',
      '',
      'EXTERNAL (for general distribution) AI Index: EUR 01/05/93',
      '10 April 1993',
      'Further information on EXTRA 12/93 (EUR 01/02/93, 3 March 1993) - Fear of Torture',
      'EXAMPLIA: Ana Sample, journalist',
      'Tom Example, lawyer',
      '',
      'Ana Sample and Tom Example are still held in Example City prison without charge. Their lawyers have not been allowed to see them.',
      '',
      'RECOMMENDED ACTION: Please send telegrams/faxes/express and airmail letters:',
      '- urging that Ana Sample and Tom Example be released at once.',
    ].join('\n');
    expect(kindOf(text)).toBe('update');
  });
});

describe("a post's last paragraph that opens with good news and tells the release makes the post good news", () => {
  const post = (last: string): string =>
    [
      'Keep Ana Sample safe in prison',
      '',
      'Ana Sample is a 58-year-old teacher who was imprisoned in 2004 in Examplia after an unfair trial. Her family fear for her health.',
      '',
      'I have drafted a letter to the President of Examplia calling for her release. Feel free to download the letter and send copies yourself.',
      '',
      last,
    ].join('\n');

  it('reads the release note as good news, never a release on bail', () => {
    expect(kindOf(post('Great news from our country coordinator. Ana Sample was released from prison on 4 June.'))).toBe('good-news');
    expect(kindOf(post('Good news from our coordinator: Ana Sample was released on bail on 4 June, and her trial goes on.'))).not.toBe('good-news');
  });
});

describe('a lead that says the text collects success stories makes it a good-news round-up, not an explainer', () => {
  it('imports the round-up as good news', () => {
    const text = [
      'Urgent Action Network Office',
      '',
      'January 2004 - June 2004',
      '',
      'Here is a collection of success stories from recent Urgent Actions, for speakers and staff. We are often asked for good news about Urgent Actions and thanks from those we wrote for.',
      '',
      'EXAMPLIA: Ana Sample (UA 12/04 issued 3 February 2004). Ana Sample, a teacher held without charge, was released on 20 March and wrote to thank the members of the network.',
      '',
      'OTHERLAND: Tom Example (UA 40/04 issued 2 April 2004). The death sentence of Tom Example was commuted to a prison term on 1 May.',
    ].join('\n');
    expect(kindOf(text)).toBe('good-news');
  });
});

describe('a petition that calls on a minister by office and name, with no comma between them, names its official', () => {
  const petition = (request: string): string =>
    [
      'Examplia: Free the land-rights activists',
      '',
      'Three activists of a land-rights group have been held in Example City since May for a peaceful march.',
      '',
      request,
      '',
      'Release the three activists immediately and unconditionally.',
      'Ensure that land-rights groups can work without fear.',
    ].join('\n');

  for (const request of ['Sign the petition and call on the Minister of Interior Karim Sample to:', '- Call on the Minister of Interior Karim Sample to:']) {
    it(`reads the minister, the office as the title: ${request}`, () => {
      const result = importUrgentAction(petition(request));
      const targets = result.ok ? result.appeal.targets : [];
      expect(targets.map((t) => [t.name, t.title])).toEqual([['Karim Sample', 'Minister of Interior']]);
    });
  }
});

describe('"sending a card expressing support" to the family asks for a card of solidarity, not a letter to an official', () => {
  it('reads the card address as the solidarity card, no official', () => {
    const text = [
      'Do not let Ana Sample die in prison',
      '',
      'Ana Sample is a 58-year-old teacher who was imprisoned in 2004 in Examplia after an unfair trial. She is in poor health.',
      '',
      'Please also consider sending a card expressing support to Ana Sample’s family. Simple flowers are best. Cards should be addressed to:',
      'Ana Samplova',
      '12 Example Lane',
      'Example Village',
    ].join('\n');
    const result = importUrgentAction(text);
    const appeal = result.ok ? result.appeal : undefined;
    expect(appeal?.targets.map((t) => t.name) ?? []).not.toContain('Ana Samplova');
    expect(appeal?.solidarity?.to).toBe('Ana Samplova');
  });
});
