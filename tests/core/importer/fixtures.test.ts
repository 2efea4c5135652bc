import { describe, expect, it } from 'vitest';
import { codes, fixture, imported } from './helpers.js';

describe('older labelled layout: "UA 123/19 Index: ..." with points to raise', () => {
  const { appeal, warnings } = imported(fixture('old-labelled-ua-123-19.txt'));

  it('reads number, title, deadline from the "SEND APPEALS BEFORE" heading and languages from "WRITE IMMEDIATELY in ..."', () => {
    expect([appeal.reference, appeal.number, appeal.id]).toEqual(['UA 123/19', '123/19', 'ua-123-19']);
    expect(appeal.title).toBe("Women's rights defender sentenced to prison");
    expect(appeal.deadline).toBe('2019-04-23');
    expect(appeal.preferredLanguages).toEqual(['English', 'Persian']);
    expect(appeal.concerning).toBe('Leila Rahimi');
  });

  it('reads the main target and the "copies to" ambassador, skipping the blank template', () => {
    expect(appeal.targets.map((t) => [t.name, t.copy])).toEqual([
      ['Ebrahim Raisi', false],
      ['Ambassador Hamid Baeidinejad', true],
    ]);
    expect(appeal.targets[0]?.title).toBe('Head of Judiciary');
    expect(appeal.targets[0]?.social).toEqual(['Twitter: @Raisi_com']);
    expect(appeal.targets[0]?.salutation).toBe('Dear Mr Raisi');
    expect(appeal.targets[1]?.emails).toEqual(['info@iran-embassy.org.uk']);
    expect(JSON.stringify(appeal)).not.toMatch(/Address 1|insert local/);
  });

  it('makes a draft letter from the points, greeting the target by its salutation', () => {
    expect(appeal.letter.salutation).toBe('Dear Mr Raisi,');
    expect(appeal.letter.paragraphs).toHaveLength(3);
    expect(appeal.letter.paragraphs[0]).toMatch(/^Calling on the Iranian authorities .* human rights work;$/);
    expect(appeal.letter.closing).toBe('Yours sincerely,');
    expect(appeal.draft).toBe(true);
    expect(codes(warnings)).toContain('no_letter');
    expect(appeal.background).toHaveLength(2);
  });
});

describe('"Further information on UA: 53/14" with contact details run into prose', () => {
  const { appeal, warnings } = imported(fixture('further-information-ua-53-14.txt'));

  it('reads the number and a complete appeal', () => {
    expect([appeal.reference, appeal.id]).toEqual(['UA 53/14', 'ua-53-14']);
    expect(appeal.title).toBe('Tortured youth still faces execution in Nigeria');
    expect(appeal.deadline).toBe('2014-07-17');
    expect(appeal.letter.salutation).toBe('Dear Governor,');
    expect(appeal.letter.paragraphs).toHaveLength(3);
    expect(appeal.draft).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('takes emails joined by "and", ";" and "or", and a handle, out of the prose', () => {
    const [governor, copy] = appeal.targets;
    expect(governor?.name).toBe('Governor Emmanuel Uduaghan');
    expect(governor?.emails).toEqual(['info@deltastate.gov.ng', 'governor@deltastate.gov.ng']);
    expect(governor?.social).toEqual(['@DeltaStateGov']);
    expect(governor?.country).toBe('Nigeria');
    expect(copy?.copy).toBe(true);
    expect(copy?.emails).toEqual(['ag@deltajustice.gov.ng', 'justice@deltajustice.gov.ng', 'registry@deltajustice.gov.ng']);
  });
});

describe('several targets, social handles and an embassy under COPIES TO', () => {
  const { appeal } = imported(fixture('several-targets-ua-88-23.txt'));

  it('reads three targets, the last a copy', () => {
    expect(appeal.id).toBe('ua-88-23');
    expect(appeal.targets.map((t) => [t.name, t.copy])).toEqual([
      ['Attorney General Consuelo Porras', false],
      ['President Bernardo Arévalo', false],
      ['Ambassador Hilda Caballeros', true],
    ]);
    expect(appeal.targets[0]?.emails).toEqual(['fiscalgeneral@mp.gob.gt', 'despacho@mp.gob.gt', 'secretaria@mp.gob.gt']);
    expect(appeal.targets[0]?.social).toEqual(['Twitter: @MPguatemala', 'Facebook: facebook.com/MPdeGuatemala']);
    expect(appeal.targets[1]?.emails).toEqual(['presidencia@presidencia.gob.gt', 'secretaria@presidencia.gob.gt']);
    expect(appeal.targets[1]?.social).toEqual(['@BArevalodeLeon']);
    expect(appeal.targets[2]?.country).toBe('USA');
  });

  it('leaves target salutations alone when the letter cannot say whom it greets', () => {
    expect(appeal.letter.salutation).toBe('Dear Attorney General,');
    expect(appeal.targets.every((t) => t.salutation === undefined)).toBe(true);
    expect(appeal.deadline).toBe('2023-12-15');
    expect(appeal.preferredLanguages).toEqual(['Spanish', 'English']);
  });
});

describe('a UA pasted from a web page', () => {
  const { appeal, warnings } = imported(fixture('html-pasted-ua-45-24.txt'));

  it('strips tags and scripts and decodes entities', () => {
    expect(appeal.id).toBe('ua-45-24');
    expect(appeal.title).toBe('Free activist detained for a protest in Tunisia');
    expect(appeal.summary).toBe('Student activist Amira Ben Salem was arrested in Tunis on 3 May after a peaceful protest & has been held since.');
    expect(appeal.letter.salutation).toBe('Dear Minister,');
    expect(appeal.letter.paragraphs[1]).toContain('protest – a right protected by Tunisia’s constitution');
    expect(JSON.stringify(appeal)).not.toMatch(/<|&nbsp;|&amp;|trap/);
    expect(appeal.deadline).toBe('2024-06-30');
  });

  it('treats a "[email protected]" address as missing, never as an address', () => {
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]?.emails).toEqual([]);
    expect(appeal.targets[0]?.social).toEqual(['Twitter: @MinJusticeTN']);
    expect(codes(warnings)).toEqual(['hidden_email']);
    expect(appeal.draft).toBe(true);
  });
});

describe('a Spanish UA ("ACCIÓN URGENTE", "AU 72/24")', () => {
  const { appeal, warnings } = imported(fixture('spanish-au-72-24.txt'));

  it('reads the Spanish headings, number, letter and date', () => {
    expect([appeal.reference, appeal.number, appeal.id]).toEqual(['AU 72/24', '72/24', 'ua-72-24']);
    expect(appeal.title).toBe('Libertad para defensora indígena en México');
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]?.name).toBe('Sra. Ernestina Godoy Ramos');
    expect(appeal.targets[0]?.emails).toEqual(['fiscal.general@fgr.org.mx']);
    expect(appeal.letter).toMatchObject({ lang: 'es', salutation: 'Estimado Sr. Ministro:', closing: 'Atentamente,' });
    expect(appeal.letter.paragraphs).toHaveLength(2);
    expect(appeal.deadline).toBe('2025-07-01');
    expect(appeal.preferredLanguages).toEqual(['Español', 'Inglés']);
    expect(appeal.background).toHaveLength(2);
    expect(appeal.concerning).toBe('Kenia Hernández (ella)');
    expect(warnings).toEqual([]);
  });
});

describe('a French UA ("ACTION URGENTE")', () => {
  const { appeal, warnings } = imported(fixture('french-au-91-24.txt'));

  it('reads the French headings, letter and "1er juillet 2025"', () => {
    expect([appeal.reference, appeal.id]).toEqual(['AU 91/24', 'ua-91-24']);
    expect(appeal.targets[0]).toMatchObject({ name: 'Monsieur Domitien Ndayizeye', title: 'Ministre de la Justice', emails: ['cabinet@justice.gov.bi'] });
    expect(appeal.letter.lang).toBe('fr');
    expect(appeal.letter.salutation).toBe('Monsieur le Ministre,');
    expect(appeal.letter.closing).toBe("Veuillez agréer, Monsieur le Ministre, l'expression de ma haute considération.");
    expect(appeal.deadline).toBe('2025-07-01');
    expect(appeal.preferredLanguages).toEqual(['Français']);
    expect(appeal.background).toHaveLength(1);
    expect(warnings).toEqual([]);
  });
});

describe('a text cut off in the middle of the letter', () => {
  const { appeal, warnings } = imported(fixture('partial-cut-mid-letter.txt'));

  it('imports what is there as a draft and warns about each missing part', () => {
    expect(appeal.id).toBe('ua-34-25');
    expect(appeal.targets[0]?.emails).toEqual(['dhssecretary@hq.dhs.gov']);
    expect(appeal.letter.salutation).toBe('Dear Secretary Noem,');
    expect(appeal.letter.paragraphs).toHaveLength(3);
    expect(appeal.letter.closing).toBe('Yours sincerely,');
    expect(appeal.deadline).toBeNull();
    expect(appeal.draft).toBe(true);
    expect(codes(warnings).sort()).toEqual(['no_background', 'no_deadline', 'no_language', 'no_letter_closing', 'truncated']);
  });
});

describe('a letter without a salutation and a UA without a number', () => {
  const { appeal, warnings } = imported(fixture('no-salutation-ua-19-25.txt'));

  it('uses a general salutation, an id from the title, and says so', () => {
    expect(appeal.id).toBe('stop-the-eviction-of-the-el-tule-communi');
    expect(appeal.reference).toBe('Stop the eviction of the El Tule community');
    expect(appeal.letter.salutation).toBe('Dear Sir or Madam,');
    expect(appeal.letter.paragraphs).toHaveLength(2);
    expect(appeal.letter.paragraphs[0]).toMatch(/^I am writing to urge you/);
    expect(appeal.targets[0]).toMatchObject({ name: 'Mayor Mayer Mizrachi', emails: ['alcaldia@mupa.gob.pa'], country: 'Panama' });
    expect(appeal.deadline).toBe('2025-07-01');
    expect(codes(warnings).sort()).toEqual(['no_number', 'no_salutation']);
    expect(appeal.draft).toBe(true);
  });
});

describe('contact details all on one line, "UA: 7/22"', () => {
  const { appeal } = imported(fixture('one-line-contacts-ua-7-22.txt'));

  it('splits the line into name, organisation, address and labelled fields', () => {
    expect([appeal.reference, appeal.id]).toEqual(['UA 7/22', 'ua-7-22']);
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]).toMatchObject({
      name: 'Minister of Justice Dawda Jallow',
      organisation: 'Ministry of Justice',
      address: ['Marina Parade', 'Banjul', 'Gambia'],
      country: 'Gambia',
      emails: ['minister@moj.gov.gm', 'info@moj.gov.gm'],
      social: ['Twitter: @MoJGambia'],
      salutation: 'Dear Minister',
    });
    expect(appeal.letter.salutation).toBe('Dear Minister,');
    expect(appeal.letter.closing).toBe('Sincerely,');
    expect(appeal.deadline).toBe('2025-07-01');
  });
});

describe('real French Urgent Action pages (corpus)', () => {
  it('takes the name captioning a letter about that person for the subject, not for whom to write to', () => {
    const { appeal, warnings } = imported(fixture('corpus/fr-2024-china-amnesty-fr-zhang-zhan.txt'));
    expect(appeal.targets).toEqual([]);
    expect(codes(warnings)).toContain('no_target');
    expect(appeal.letter).toMatchObject({ lang: 'fr', salutation: 'Madame la directrice,' });
  });

  it('reads "Veuillez continuer à rédiger des lettres d\'appel" as an appeal, in French', () => {
    const { appeal, warnings } = imported(fixture('corpus/fr-2024-china-amnesty-ch-ua-090-24-update.txt'));
    expect(appeal.letter.lang).toBe('fr');
    expect(appeal.letter.salutation).toBe('Madame, Monsieur,');
    expect(codes(warnings)).toEqual(expect.arrayContaining(['no_letter', 'no_target']));
  });
});
