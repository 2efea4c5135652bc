// The general rules behind corpus-35's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, kindOf, page } from './helpers.js';

/** An Urgent Action sheet whose contact section holds the given blocks. */
const sheet = (...blocks: string[][]): string =>
  page(
    'Urgent Action: Journalist Held Without Charge (Examplia: UA 12.34)',
    '',
    'Mara Example, a journalist, has been held without charge since March. She has had no access to a lawyer.',
    '',
    'Write a letter, send an email, call, fax or tweet calling for her release.',
    '',
    'Contact these officials by 30 June, 2031:',
    '',
    ...blocks.flatMap((block) => [...block, '']),
  );

/** Each official's name and the first line of its address. */
const officials = (text: string) => imported(text).appeal.targets.map((t) => ({ name: t.name, title: t.title, first: [t.organisation, ...t.address].filter(Boolean)[0] }));

describe("a block's title or office line is never the official's name; the person's name line is", () => {
  it("reads a Chargé d’Affaires title above the name, with the typographic apostrophe, as the title", () => {
    const found = officials(sheet(['Chargé d’Affaires', 'Tomas K. Vendrell', 'Embassy of Examplia', '1400 Elm Street NW, Washington DC 20009', 'Tel: 1 202 555 0100  Fax: 1 202 555 0101', 'Salutation: Dear Chargé d’Affaires']));
    expect(found).toEqual([{ name: 'Tomas K. Vendrell', title: 'Chargé d’Affaires', first: 'Embassy of Examplia' }]);
  });

  it('reads a styled office ("His Excellency Honorable Prime Minister") above the name as the title', () => {
    const found = officials(sheet(['His Excellency Honorable Prime Minister', 'Abel Tumo Ravensi', 'P.O Box 77, Eastport, Examplia', 'Email: pm.example@example.org', 'Salutation: Your Excellency,']));
    expect(found).toEqual([{ name: 'Abel Tumo Ravensi', title: 'His Excellency Honorable Prime Minister', first: 'P.O Box 77, Eastport, Examplia' }]);
  });

  it('splits a name run on before its office ("Jane Example President of Examplia") above the office lines', () => {
    const found = officials(sheet(['Lorin Vasko President of Examplia', 'Presidential Administration of Examplia', '12 Liberty Street', '100200, Eastport']));
    expect(found).toEqual([{ name: 'Lorin Vasko', title: 'President of Examplia', first: 'Presidential Administration of Examplia' }]);
  });

  it('reads "Inspector General of Police" above the name as the title, not the official', () => {
    const found = officials(sheet(['Inspector General of Police', 'Aron K. Example', 'Police Headquarters', 'P.O. Box 12, Eastport, Examplia', 'Fax: +999 555 0100']));
    expect(found).toEqual([{ name: 'Aron K. Example', title: 'Inspector General of Police', first: 'Police Headquarters' }]);
  });

  it('never reads an office\'s building ("The White House") below a bare title as the person', () => {
    const found = officials(sheet(['The Governor', 'The State House', '1 Capitol Square, Eastport, EX 10001', 'Fax: 555 0100']));
    expect(found[0]?.name).not.toBe('The State House');
  });

  it('keeps an office qualified by its field whole ("Human Rights Commissioner of Examplia")', () => {
    const found = officials(sheet(['Human Rights Commissioner of Examplia', 'Office of the Commissioner', '5 Court Road, Eastport, Examplia']));
    expect(found[0]?.name).not.toBe('Human Rights');
  });
});

describe('a one-line block that opens with the office, then a form of address and the name', () => {
  it('reads "Prime Minister H.E Jane Example Government of ..." as the person, the office and the address', () => {
    const text = page(
      'Urgent Action: Two Editors Detained (Examplia: UA 98.76)',
      '',
      'On 3 May, editors Aron Example and Lena Example were detained after reporting on protests. They have had no access to lawyers.',
      '',
      '  1. Please take action as soon as possible. This Urgent Action expires on March 5, 2032.',
      '  2. Write a letter in your own words to one or both government officials listed. You can also email, fax, call or Tweet them.',
      'Prime Minister H.E Rosa Talven Government of the Republic of Examplia P.O Box C44. Civic Plaza H20 Eastport; The Republic of Examplia Fax: +999 2404 4073 Email: pm.office@example.org',
      'Ambassador H.E. Milo Arbet Embassy of the Republic of Examplia 1800 Example Avenue, NW, Washington DC 20009 Phone: (202) 555-0102 Fax: (202) 555-0103',
    );
    const [first] = imported(text).appeal.targets;
    expect(first?.name).toContain('Rosa Talven');
    expect(first?.title).toBe('Prime Minister');
    expect(first?.address.join(' ')).toContain('P.O Box C44');
    expect(first?.emails).toEqual(['pm.office@example.org']);
  });
});

describe('the kind of a "Further information" sheet, from its own wording', () => {
  it('reads an amnesty.org title "Examplia: Further information on fear of torture: ..." as an update, not a refusal', () => {
    const text = page(
      'Examplia: Further information on fear of torture: Twelve students held incommunicado',
      '',
      'Amnesty International has learnt that four of the students were transferred to a regional prison, where their families have been allowed to visit them. Eight others are still held at an unknown place.',
    );
    expect(kindOf(text)).toBe('update');
  });

  it('reads a closure that tells of a pardon as good news', () => {
    const text = page(
      'Urgent Action',
      'Examplian prisoner pardoned',
      'Aron Example, sentenced to death in 2029, has been granted a pardon by the Examplian President.',
      'No further action is requested from the Urgent Action network. Many thanks to all who sent appeals.',
      'This is the first update of UA 301/31.',
    );
    expect(kindOf(text)).toBe('good-news');
  });

  it('reads "no further action is required on his behalf" beside appeals for the others as an update', () => {
    const text = page(
      'Further information on UA 44/31 - Examplia: Lena Example, Aron Example, Milo Example',
      'Amnesty International has learned that Lena Example was released on 2 May. Thank you to all those who sent appeals, no further action is required on her behalf.',
      'Aron Example and Milo Example are still in detention.',
      'FURTHER RECOMMENDED ACTION: Please send telegrams and airmail letters calling for their release.',
    );
    expect(kindOf(text)).toBe('update');
  });

  it('still reads one released person with "no further action is required on his behalf" and no request as good news', () => {
    const text = page(
      'Further information on UA 45/31 - Examplia: Aron Example',
      'Amnesty International has learned that Aron Example was released on 2 May. Thank you to all those who sent appeals, no further action is required on his behalf.',
    );
    expect(kindOf(text)).toBe('good-news');
  });
});

describe('a sentence wrapped at the width of an old sheet is never a postal line', () => {
  it('reads no address out of a list of the people at risk and the wrapped prose below it', () => {
    const text = page(
      'Further information on UA 71/31 (ABC 12/03/31, 2 March 2031) - Examplia: Lena Example, Aron Example',
      'EXAMPLIA:Lena Example',
      'Aron Example',
      'Mr Tembo',
      'Amnesty International has learned that Lena Example, a teacher formerly',
      'employed by the government Department of Education, was released from',
      'detention in Examplia on 3 April 2031. Thank you to all those who sent appeals,',
      'no further action is required on her behalf.',
    );
    const result = importUrgentAction(text);
    const addresses = result.ok ? result.appeal.targets.flatMap((t) => t.address) : [];
    expect(addresses.filter((line) => /was released|teacher formerly/.test(line))).toEqual([]);
  });
});

describe('a salutation under a note on copies greets the official above the note', () => {
  it('keeps "Salutation: Your Excellency," for the official when a copies note stands between', () => {
    const text = page(
      'Examplia: release the detained editors (UA 55/31)',
      'Two editors have been held since May for reporting on protests.',
      'Write to the Prime Minister of Examplia urging him to release them.',
      'Write to:',
      'Prime Minister',
      'Abel Tumo Ravensi',
      'P.O Box 77, Eastport, Examplia',
      'Email: pm.example@example.org',
      'Please be sure to send copies to the Prime Minister’s secretary: clerk@example.org',
      'Salutation: Your Excellency,',
    );
    const { appeal } = imported(text);
    expect(appeal.targets[0]?.name).toBe('Abel Tumo Ravensi');
    expect(appeal.targets[0]?.salutation).toBe('Your Excellency');
  });
});

describe('safety under rewrites: whose address an address is', () => {
  it('never makes a forwarded mail\'s "From" its official, whatever the spacing', () => {
    const text = page(
      'From: reader@example.net',
      '',
      '',
      'Take Action!',
      '',
      '',
      'Stop reprisals in Examplia',
      '',
      '',
      'Write to the Minister of Justice calling for the release of Aron Example.',
      '',
      '',
      'Monsieur Jean Exemple',
      'Ministre de la Justice',
      '19 Avenue Example',
      'Eastport, Examplia',
      '',
      '',
      'Dear Minister,',
      '',
      'I urge you to release Aron Example.',
    );
    const names = imported(text).appeal.targets.map((t) => t.name);
    expect(names).not.toContain('From');
  });

  it('starts the next official below a note that sends the post elsewhere, even when the e-mail label is not read', () => {
    const text = page(
      'Urgent Action: Activists Arrested (Examplia: UA 41.31)',
      '',
      'Activists were arrested on 14 March for their work with the poor.',
      '',
      '  1. Please take action as-soon-as possible. This Urgent Action expires on May 21st, 2031.',
      '  2. Write a letter in your own words or using the sample below as a guide to one or both government officials listed.',
      'Mr Jane Example Home Minister of Examplia Due to postal restrictions caused by COVID-19, please only send physical mail to the Embassy Mail: [email protected]',
      'Ambassador Aron Example Embassy of Examplia 2107 Example Ave. NW, Washington DC 20008 Phone: 202 555 0100 I Fax: 202 555 0101 Salutation: Dear Ambassador',
      '',
      'Dear Home Minister, I write to express my deep concern over the arrest of the activists.',
    );
    const targets = imported(text).appeal.targets;
    const embassy = targets.filter((t) => [t.organisation, ...t.address].join(' ').includes('2107 Example Ave'));
    expect(embassy.map((t) => t.name)).toEqual(['Ambassador Aron Example']);
  });
});

describe('an office of a country, then its holder, on one line', () => {
  it('reads "President of the Republic of South Sudan Jane Example" as the person with the office for a title', () => {
    const found = officials(sheet(['President of the Republic of South Sudan Jane Example Twitter: @ExampleGov Salutation: Your Excellency']));
    expect(found.map((t) => [t.name, t.title])).toEqual([['Jane Example', 'President of the Republic of South Sudan']]);
  });

  it('keeps an office of an institution whole ("Governor of the Central Bank Aron Example")', () => {
    const found = officials(sheet(['Governor of the Central Bank Aron Example', 'Fax: +999 555 0100']));
    expect(found[0]?.name).not.toBe('Bank Aron Example');
    expect(found[0]?.title).not.toBe('Governor of the Central');
  });
});
