// The general rules behind corpus-23's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

const letter = [
  'I am writing to express my concern about the detention of Jane Example, a teacher held since March for a peaceful protest.',
  'I urge you to release her at once and to drop every charge against her.',
];

describe('an Amnesty USA page that asks to write to "one or both government officials listed"', () => {
  const text = page(
    'Urgent Action Update: Teacher Held (Examplia: UA 40.21)',
    '',
    'TAKE ACTION:',
    '  1. Write a letter in your own words or using the sample below as a guide to one or both government officials listed. You can also email, fax, call or Tweet them.',
    'Minister Aron Example Ministry of Justice, Examplia Due to postal restrictions, please only send physical mail to the Embassy Fax: +99 1 234 5678',
    'Ambassador Bella Maria Q. Sample Embassy of Examplia 1600 Example Ave. NW, Washington DC 20036 Phone: 202 555 0100 Salutation: Dear Ambassador',
    '',
    `Dear Minister Example, ${letter.join(' ')}`,
  );

  it('makes the embassy\'s ambassador a target, not a copy, with the middle initial in the name', () => {
    const { appeal } = imported(text);
    const ambassador = appeal.targets.find((t) => t.name.includes('Sample'));
    expect(ambassador?.name).toContain('Bella Maria Q. Sample');
    expect(ambassador?.copy).toBe(false);
    expect(ambassador?.address.join(' ')).toContain('1600 Example Ave. NW');
  });

  it('gives the official whose post goes to the embassy no postal address of their own', () => {
    const { appeal } = imported(text);
    const minister = appeal.targets.find((t) => t.name.includes('Aron Example'));
    expect(minister).toBeDefined();
    expect(minister?.address).toEqual([]);
    expect(minister?.fax).toBe('+99 1 234 5678');
  });

  it('still marks an embassy listed after a minister a copy when the page does not ask for every official', () => {
    const { appeal } = imported(text.replace(' to one or both government officials listed', ''));
    expect(appeal.targets.find((t) => t.name.includes('Sample'))?.copy).toBe(true);
  });
});

describe('a one-line block that ends with an online form', () => {
  const text = page(
    'Urgent Action Update: Teacher Held (Examplia: UA 41.21)',
    '',
    '1. Write a letter in your own words or using the sample below as a guide to one or both government officials listed.',
    'Aron Bertil Example President of the Republic of Peru Example St. 23, 12345 Lima Peru Online form: https://letters.example.org/ (in English) https://letters.example.org/send (in Spanish) Twitter: @ExamplePresident',
    'Ambassador Bella Sample Embassy of Peru 2650 Example Ave. NW, Washington DC 20007 Phone: 202 555 0101',
    '',
    `SAMPLE LETTER Dear President Example, ${letter.join(' ')}`,
  );

  it('reads the official, the street as the address and the first form as the contact', () => {
    const { appeal } = imported(text);
    const president = appeal.targets.find((t) => t.name.includes('Aron Bertil Example'));
    expect(president?.address).toEqual(['Example St. 23, 12345 Lima Peru']);
    expect(president?.social).toContain('Web form: https://letters.example.org/');
  });
});

describe('bulleted one-line contacts that put the office first', () => {
  const text = page(
    'Urgent Action: Activist Held at the Border',
    '',
    'Please call or email the offices below and demand that Jane Example be allowed to go home.',
    '  • Examplia Embassy in US, Aron Bertil Example, 1014 Example Street, NW Washington, DC 20001; T: 202.555.0102, E:',
    '  • US Embassy in Examplia, Ambassador Bella Sample, Avenida Ejemplo, Exampletown, Honduras, T: 011 (504) 5555-0103, E:',
    '  • Examplia Embassy in Canada, 151 Example',
  );

  it('reads each bullet with a person as one official, the office and street as the address', () => {
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Aron Bertil Example', 'Ambassador Bella Sample']);
    expect(appeal.targets[0]?.organisation).toBe('Examplia Embassy in US');
    expect(appeal.targets[0]?.address).toEqual(['1014 Example Street, NW Washington, DC 20001']);
    expect(appeal.targets[0]?.phone).toBe('202.555.0102');
    expect(appeal.targets[1]?.address).toEqual(['Avenida Ejemplo, Exampletown, Honduras']);
  });
});

describe('sample letters to officials named by office and, in brackets, by name', () => {
  const text = page(
    'How you can help two activists',
    '',
    'One way you can help them is to send letters to the law enforcement officials.',
    '',
    'In English, to the Prosecutor General (Aron Example):',
    '',
    'In English, to the Interior Minister (Bella Sample):',
    '',
    'The fax numbers are on the office\'s site.',
  );

  it('imports a draft with each named official and no invented contact', () => {
    const { appeal } = imported(text);
    expect(appeal.draft).toBe(true);
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([['Aron Example', 'Prosecutor General'], ['Bella Sample', 'Interior Minister']]);
    expect(appeal.targets.every((t) => t.address.length === 0 && t.emails.length === 0)).toBe(true);
  });
});

describe('a letter greeting its official by name, then office', () => {
  it('makes the greeted person the official, the office their title', () => {
    const { appeal } = imported(page(
      'Please forward the below letter to the authorities today!',
      '',
      'Dear Mr. Aron Bertil Example, Examplian Ambassador to the United States,',
      '',
      ...letter,
    ));
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([['Aron Bertil Example', 'Examplian Ambassador to the United States']]);
  });

  it('makes no official of a greeting by name alone', () => {
    const { appeal } = imported(page('Please forward the below letter to the authorities today!', '', 'Dear Mr. Aron Example,', '', ...letter));
    expect(appeal.targets).toEqual([]);
  });
});

describe('Spanish blocks and dates', () => {
  const text = page(
    'Amnistía convocó la acción urgente "UA 262/16", que consiste en enviar antes del próximo 30 de diciembre peticiones al presidente y al embajador de Examplia.',
    'Aron Example',
    'Presidente de la República de Examplia',
    'Ciudad Ejemplo, Examplia',
    'Email: presidente@example.gob',
    'Encabezado: Su Excelencia',
  );

  it('reads "Encabezado:" as the salutation', () => {
    const { appeal } = imported(text);
    expect(appeal.targets[0]?.salutation).toBe('Su Excelencia');
  });

  it('reads a deadline without its year in the year the UA number gives, and asks the moderator to check that year', () => {
    const { appeal, warnings } = imported(text);
    expect(appeal.deadline).toBe('2016-12-30');
    expect(warnings.find((w) => w.code === 'deadline_year')?.message).toBe("The deadline's year is not in the text; 2016 was taken from the UA number. Check it before saving.");
    expect(imported(text.replace('próximo 30 de diciembre', '30 de diciembre de 2016')).warnings.map((w) => w.code)).not.toContain('deadline_year');
  });

  it('reads a January deadline of a late action in the next year', () => {
    const { appeal } = imported(text.replace('UA 262/16', 'UA 330/16').replace('30 de diciembre', '20 de enero'));
    expect(appeal.deadline).toBe('2017-01-20');
  });
});

describe('kinds', () => {
  it('reads a German-language numbered follow-up that still asks for letters as an update with its validity date', () => {
    const text = page(
      'Examplia: Erfolg: Aktivist wieder zu Hause',
      '',
      'UA-200/2013-2',
      '',
      'Gültigkeit: Sie können an dieser Aktion bis 8. Mai 2013 teilnehmen.',
      '',
      'Der Aktivist ist wieder zu Hause, steht aber unter Überwachung. Daher sind weitere Aktionen erforderlich.',
      'Appellieren Sie an die Behörden und fordern Sie seine Freilassung.',
    );
    expect(kindOf(text)).toBe('update');
    const result = importUrgentAction(text);
    expect(result.ok && result.appeal.deadline).toBe('2013-05-08');
  });

  it('reads a blog\'s "UPDATE:" note over a letter offered for reuse as an appeal', () => {
    const text = page(
      'UPDATE: Letter to stop the executions',
      '',
      'UPDATE: A group has launched a letter writing campaign and has translated this letter into several languages.',
      '',
      'This is the letter I wrote to send to the country\'s diplomats. Please use it for your own letters:',
      '',
      ...letter,
    );
    expect(kindOf(text)).toBe('appeal');
  });

  it('imports a post that asks readers to help with a petition whose address is elsewhere', () => {
    const text = page(
      'Amnesty speaks out on Examplia',
      '',
      'Amnesty has released a petition demanding the release of the opposition politician Jane Example.',
      '',
      'Please help with this petition. You will find the address of the ministry on its page.',
    );
    expect(refusedReason(text)).toBeUndefined();
  });
});
