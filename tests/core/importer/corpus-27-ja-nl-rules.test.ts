// The general rules behind corpus-27's Japanese, Dutch and English misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isMailHeader } from '../../../src/core/importer/contacts.js';
import { isClosing } from '../../../src/core/importer/letter.js';
import { isPlausibleName } from '../../../src/core/importer/name-gate.js';
import { codes, imported, page, refusedReason } from './helpers.js';

describe('a Dutch model e-mail with its address under the letter', () => {
  const text = (...below: string[]): string =>
    page(
      'Actie voor gratis zelftesten',
      '',
      'Wat kan jij doen?',
      '',
      'Je kunt onderstaande voorbeeldmail sturen naar het ministerie (mailadres onderaan de brief).',
      '',
      'Voorbeeldmail',
      '',
      'Geachte heer van Example,',
      '',
      'Bij deze wil ik u oproepen om de motie over gratis zelftesten snel uit te voeren, zodat niemand wordt vergeten.',
      '',
      'Iedereen moet voor de feestdagen toegang hebben tot testen en maskers.',
      '',
      'Hoogachtend,',
      '',
      '[vul hier je eigen naam in]',
      '',
      ...below,
    );

  it('reads "Hoogachtend," as a closing and "Voorbeeldmail" as a heading, never a name', () => {
    expect(isClosing('Hoogachtend,')).toBe(true);
    expect(isPlausibleName('Voorbeeldmail')).toBe(false);
    expect(isPlausibleName('Voorbeeldbrief')).toBe(false);
    expect(isPlausibleName('Minister Aron Example')).toBe(true);
  });

  it('gives the greeted person the e-mail the page says the letter is mailed to, and the BCC list to no one', () => {
    const result = imported(text('brief kan gemaild worden aan:', '', 'aron.vanexample@ministerie.example.nl', '', 'met in de BCC (liever niet bij Aan of CC):', '', 'j.sample@kamer.example.nl (ABC)', 'k.other@kamer.example.nl (DEF)'));
    expect(result.appeal.targets.map((t) => t.name)).toEqual(['Van Example']);
    expect(result.appeal.targets[0]?.emails).toEqual(['aron.vanexample@ministerie.example.nl']);
    expect(result.appeal.targets.flatMap((t) => t.emails)).not.toContain('j.sample@kamer.example.nl');
    expect(result.appeal.letter.salutation).toBe('Geachte heer van Example,');
  });

  it('gives no e-mail when the line under the letter points to none', () => {
    const result = imported(text('Deze brief is in kopie gestuurd aan de indieners van de motie.', '', 'Vragen? Mail ons op info@actie.example.org'));
    expect(result.appeal.targets.flatMap((t) => t.emails)).toEqual([]);
  });
});

describe('requests to write that name no official with an address', () => {
  it('imports "schrijf een brief naar een politicus!" as a draft with no official', () => {
    const text = page(
      'Spreek je uit!',
      '',
      'We horen van veel mensen dat ze iets willen doen. Dat bracht ons op het volgende idee: schrijf een brief naar een politicus!',
      '',
      'Stuur de Kamerleden die asiel in hun portefeuille hebben een e-mail waarin je aangeeft dat je het beleid onacceptabel vindt.',
    );
    const result = imported(text);
    expect(codes(result.warnings)).toContain('unsure_appeal');
    expect(result.appeal.targets).toEqual([]);
  });

  it('refuses a Dutch news text that only tells of a letter to politicians', () => {
    expect(refusedReason(page('Nieuws uit Den Haag', '', 'De minister schreef gisteren een brief aan de Kamer over het asielbeleid. Politici reageerden verdeeld op de plannen van het kabinet.'))).toBe('import_not_an_appeal');
  });

  it('imports a forwarded mail offering a "possible message to be sent to world leaders", its headers no official', () => {
    const text = page(
      '---------- Forwarded message ----------',
      'Date: Tue, 07 Sep 1999 18:29:58 +0100',
      'From: Jane Example <jane@example.org>',
      'Reply-To: list@lists.example.edu',
      'Subject: Examplia (Urgent)',
      '',
      'Dear colleagues and friends',
      '',
      'If you agree, please act NOW - send the message to these world leaders and to your national leaders.',
      '',
      'Possible message to be sent to world leaders:',
      '',
      'An international force is essential to prevent the killing of the people of Examplia.',
    );
    expect(isMailHeader('Reply-To: list@lists.example.edu')).toBe(true);
    const result = imported(text);
    expect(result.appeal.targets).toEqual([]);
    expect(codes(result.warnings)).toContain('unsure_appeal');
  });

  it('reads a mail\'s sender block above "Dear All" as the sender\'s, and "- Fax Your Govt" in its title as the request', () => {
    const text = page(
      'Help Stop Example Weapons - Fax Your Govt re Treaty Review',
      '',
      '',
      'John Example',
      'Friends of Example Town,',
      '17 Example Street, Newtown, NSW, Australia, 2042',
      'Fax (61)(2)9000-0000  ph (61)(2)9000-0001',
      '',
      'Dear All',
      '',
      "I'm hoping you can use your networks to spread this appeal to governments to support the coalition at the review conference.",
    );
    const result = imported(text);
    expect(result.appeal.targets).toEqual([]);
    expect(codes(result.warnings)).toContain('unsure_appeal');
  });
});

describe('Japanese requests to send to an official', () => {
  it('makes the official a request names with a title the target: "<name>総理宛に年賀状を出そう!"', () => {
    const text = page(
      '2031年12月23日',
      '',
      '山田総理宛に年賀状を出そう!',
      '',
      'その余分のハガキの1枚を使って、山田総理に宛てて国民の声をしたためた年賀状を出しませんか?と言うお誘いです。',
    );
    const result = imported(text);
    expect(result.appeal.targets.map((t) => [t.name, t.title])).toEqual([['山田', '総理']]);
    expect(result.appeal.targets[0]?.emails).toEqual([]);
  });

  it('reads a bulleted "<name>代議士へFAXで送る" and a yearless deadline in the page\'s own year', () => {
    const text = page(
      'このページは、要請書の送り方についてまとめたものです。',
      '既にメールで出した人は、郵送・FAXで再送してください!',
      '',
      '要請書を送る方法は二つです。',
      '',
      '○郵送',
      '○鈴木代議士へFAXで送る',
      '',
      '郵送の場合は、3月10日以前の消印分まで有効です。',
      '',
      '(2031/3/8 改訂)',
    );
    const result = imported(text);
    expect(result.appeal.targets.map((t) => [t.name, t.title])).toEqual([['鈴木', '代議士']]);
    expect(result.appeal.deadline).toBe('2031-03-10');
    expect(codes(result.warnings)).toContain('deadline_year');
  });

  it('refuses a Japanese news line that the prime minister sent cards', () => {
    expect(refusedReason(page('山田総理は年賀状を出した。', '', '官邸によると、総理は毎年多くの年賀状を受け取っている。'))).toBe('import_not_an_appeal');
  });
});
