// The importer's gate (appeal or not) and salutation rules, each on a written text of its own.
import { describe, expect, it } from 'vitest';
import { codes, imported, kindOf, page, refusedReason } from './helpers.js';

const ADDRESS_AND_LETTER = [
  'Minister Example Person',
  'Ministry of Justice',
  '1 Example Street',
  'Example City',
  '',
  'Dear Minister,',
  'I am writing to urge you to release the teacher Ana Example, who has been held without charge since March.',
  'She must have access to a lawyer and her family.',
  'Yours sincerely,',
];

describe('a letter and the page around it', () => {
  it('imports a letter under a headline that names no writer ("Letter to the minister"): a model letter is called that too', () => {
    expect(refusedReason(page('Letter to Example\'s justice minister', '', ...ADDRESS_AND_LETTER))).toBeUndefined();
  });

  it('still refuses a letter whose headline names its writer and whose page tells that they wrote it', () => {
    expect(refusedReason(page('WRITERS GUILD Letter to Minister Example', 'The Guild wrote to the minister last week.', ...ADDRESS_AND_LETTER, 'The Writers Guild'))).toBe('import_not_an_appeal');
  });

  it('refuses a page that shows letters it has received, even when the letters themselves say "please"', () => {
    const text = page(
      'To thank our supporters we show here some of the letters sent to us about the case.',
      ...ADDRESS_AND_LETTER,
      'A reader',
      '',
      'Dear Minister,',
      'Please show mercy and release Ana Example.',
      'Sincerely,',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('imports a page of letters received that asks the reader to send one too', () => {
    const text = page('Here are letters we have received from members. Please send your own letter to the minister as well.', ...ADDRESS_AND_LETTER);
    expect(refusedReason(text)).toBeUndefined();
  });

  it('refuses a letter to the editor that asks the paper to publish a letter to an official', () => {
    const text = page(
      'Señor director: le ruego publicar la siguiente carta al ministro de Justicia. Gracias.',
      'Señor Ministro:',
      'Le escribo porque la maestra Ana Ejemplo sigue detenida sin cargos desde marzo, y su familia no sabe nada de ella.',
      'Le pido que la libere de inmediato.',
      'Atentamente,',
      'Juan Ejemplo',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });
});

describe('guides and good news', () => {
  it('refuses a guide titled as a question in the first person ("Wie schreibe ich einen Appellbrief?", "How do I write ...")', () => {
    const advice = ['Bleiben Sie immer höflich.', 'Fassen Sie sich kurz: eine Seite genügt.', 'Schreiben Sie, wer Sie sind.'];
    expect(refusedReason(page('Wie schreibe ich einen Appellbrief?', '', ...advice))).toBe('import_not_an_appeal');
    expect(refusedReason(page('How do I write a good appeal letter?', '', 'Be polite.', 'Keep it short: one page is enough.'))).toBe('import_not_an_appeal');
  });

  it('reads a round-up of outcomes credited to the readers as good news, not as an explainer', () => {
    const text = page(
      'What our network did this year',
      '',
      'Because of you, people have been freed and lives have been saved. Urgent Actions are at the heart of our work.',
      'Below are some good news stories from the Urgent Action network.',
      '',
      'Ana Example - Exampleland',
      'The teacher was released in May after months in detention.',
    );
    expect(kindOf(text)).toBe('good-news');
  });

  it('does not read a release on bail credited to the readers as good news', () => {
    const text = page('Teacher at risk in Exampleland', '', 'Thanks to your letters Ana Example was released on bail in May, but her trial opens next week.', 'Email the minister today and ask him to drop the charges.');
    expect(kindOf(text)).toBe('appeal');
  });

  it('does not read an appeal that thanks earlier letters as good news while it still asks for letters', () => {
    const text = page('UA 12/30 Exampleland: teacher detained again', 'Thanks to your letters Ana Example was freed in 2029, but she was arrested again.', 'Please write immediately to the minister.', ...ADDRESS_AND_LETTER);
    expect(kindOf(text)).toBe('appeal');
  });
});

describe('salutations', () => {
  const BODY = ['I am writing to urge you to release the teacher Ana Example, who has been held without charge since March.', 'Yours sincerely,'];

  it('keeps the letter as imported when the text gives a salutation', () => {
    expect(imported(page(...ADDRESS_AND_LETTER)).appeal.letter.salutation).toBe('Dear Minister,');
  });

  it('reads several salutation lines in a row as one salutation, blank lines between them allowed', () => {
    expect(imported(page('Please send this letter.', 'Dear Minister Example,', 'Dear Deputy Minister Sample,', ...BODY)).appeal.letter.salutation).toBe('Dear Minister Example, Dear Deputy Minister Sample,');
    expect(imported(page('Musterbrief', '', 'Sehr geehrte Frau Ministerin,', '', 'Sehr geehrter Herr Staatssekretär,', '', 'Ich schreibe Ihnen wegen der Lehrerin Ana Beispiel, die seit März ohne Anklage festgehalten wird.', 'Mit freundlichen Grüßen')).appeal.letter.salutation).toBe('Sehr geehrte Frau Ministerin, Sehr geehrter Herr Staatssekretär,');
  });

  it('reads "Honorable X:", "To the Honourable X," and "Hon. X," as salutations, but not an address line "The Honorable X" without a comma', () => {
    expect(imported(page('Sample letter', 'Honorable Governor Example:', ...BODY)).appeal.letter.salutation).toBe('Honorable Governor Example:');
    expect(imported(page('Sample letter', 'To the Honourable Minister Sample,', ...BODY)).appeal.letter.salutation).toBe('To the Honourable Minister Sample,');
    expect(imported(page('Sample letter', 'Hon. Jane Example,', ...BODY)).appeal.letter.salutation).toBe('Hon. Jane Example,');
    const block = imported(page('Please write to:', 'The Honorable Jane Example', 'State Capitol', 'Example City', '', 'Dear Governor Example,', ...BODY));
    expect(block.appeal.letter.salutation).toBe('Dear Governor Example,');
  });

  it('reads an office greeted without a comma ("Monsieur le Ministre") when a sentence in the writer\'s voice follows it', () => {
    const text = page('Modèle de lettre :', '', 'Monsieur le Ministre de la Justice', '', "Je suis très préoccupé par le sort de l'enseignante Ana Exemple, détenue sans inculpation depuis mars dernier.", 'Veuillez agréer, Monsieur le Ministre, mes salutations.');
    expect(imported(text).appeal.letter.salutation).toBe('Monsieur le Ministre de la Justice');
  });

  it('reads a neutral greeting ("Guten Tag,", "Hello,") when the writer\'s own "I" follows, not above a group\'s "we" news', () => {
    const letter = page('Mailvorlage:', 'Betreff: Abschiebungen stoppen', 'Guten Tag,', 'ich wende mich an Sie, weil die Lehrerin Ana Beispiel nächste Woche abgeschoben werden soll, obwohl sie hier gefährdet ist.', 'Mit freundlichen Grüßen');
    expect(imported(letter).appeal.letter.salutation).toBe('Guten Tag,');
    const news = page('Please write to the minister about Ana Example.', 'Hello,', 'We met last Tuesday and wrote twenty letters for the teacher Ana Example, thank you all for coming along.', 'Yours sincerely,');
    expect(imported(news).appeal.letter.salutation).not.toBe('Hello,');
  });

  it('does not read an office over an address as a salutation ("Monsieur le Président" over "Palais de l\'Élysée")', () => {
    const text = page('Écrivez au président :', 'Monsieur le Président de la République', "Palais de l'Élysée", '55 rue du Faubourg Saint-Honoré', '75008 Paris', '', "Je suis très préoccupé par le sort de l'enseignante Ana Exemple, détenue sans inculpation depuis mars dernier.");
    expect(imported(text).appeal.letter.salutation).not.toBe('Monsieur le Président de la République');
  });
});

describe('the official a salutation greets', () => {
  const PETITION = [
    'Freedom for the Example Prisoners',
    'Dear Governor Sample:',
    'Please commute the sentences of the prisoners held for twenty years after an unfair trial in Example County.',
    'You have the power to do justice and to show mercy this season.',
  ];

  it('reads the greeted official ("Dear Governor Sample:") when the line above the letter names no one, with the web form given for them', () => {
    const { appeal } = imported(page(...PETITION, 'I will write to the Governor (Web form https://governor.example.gov/contact) to ask for clemency.'));
    expect(appeal.targets.map((t) => t.name)).toEqual(['Governor Sample']);
    expect(appeal.targets[0]?.social).toEqual(['Web form: https://governor.example.gov/contact']);
  });

  it('keeps an official read above the letter when it is a person or an office, or when it can be reached', () => {
    const { appeal } = imported(page('Governor Jane Sample', 'State Capitol', 'Example City', '', ...PETITION.slice(1)));
    expect(appeal.targets[0]?.name).toBe('Governor Jane Sample');
  });

  it('does not take a salutation that greets an office alone ("Dear Prime Minister,") for a name', () => {
    const { appeal } = imported(page('Freedom for the Example Prisoners', 'Dear Prime Minister,', ...PETITION.slice(2)));
    expect(appeal.targets.map((t) => t.name)).not.toContain('Prime Minister');
  });
});

describe('a request to the reader as the only sign', () => {
  const about = (request: string): string => page('Eviction in Example Valley', '', 'Families in Example Valley face eviction next week without any offer of new housing.', request);

  it('imports as a draft, with a warning, a text whose only sign is a request to write to an official', () => {
    const { appeal, warnings } = imported(about('Please send a short message to the governor asking for a stay.'));
    expect(appeal.draft).toBe(true);
    expect(codes(warnings)).toContain('unsure_appeal');
  });

  it('reads the request in German, French, Dutch and Portuguese, and a call to sign a petition', () => {
    for (const request of ['Schreibt dem Innenminister noch heute und bittet ihn, die Räumung zu stoppen.', "Interpellez le ministre de l'Intérieur pour qu'il arrête l'expulsion.", 'Stuur de minister een kaart.', 'Assine a petição para impedir o despejo.', 'Unterschreibt die Petition gegen die Räumung.']) {
      expect(codes(imported(about(request)).warnings), request).toContain('unsure_appeal');
    }
  });

  it('still refuses a text that asks for letters in general, with no one to reach, and a page that asks to sign up or write to us', () => {
    expect(refusedReason(page('Our letter evening', '', 'Write letters for prisoners of conscience with us every month.', 'Sign up for our newsletter.'))).toBe('import_not_an_appeal');
    expect(refusedReason(page('Chocolate cookies', '', 'Mix the butter and sugar. Bake for twelve minutes.', 'Send us your photos by e-mail.'))).toBe('import_not_an_appeal');
  });
});

describe('a letter nobody is asked to send', () => {
  const LETTER = ['Dear Minister Example,', 'I am writing about the teacher Ana Example, held without charge since March.', 'I ask you to release her.', 'Yours sincerely,', 'John Writer'];

  it('imports a letter-only text as a draft that says nobody is asked to send it', () => {
    const { appeal, warnings } = imported(page(...LETTER));
    expect(appeal.draft).toBe(true);
    expect(codes(warnings)).toContain('unsure_sender');
  });

  it('does not say so when the page asks the reader to send it, above or below the letter (a closing on its own line marks the end)', () => {
    expect(codes(imported(page('Please send this model letter to the minister.', ...LETTER)).warnings)).not.toContain('unsure_sender');
    expect(codes(imported(page(...LETTER, '', 'Copy this letter and send it today.')).warnings)).not.toContain('unsure_sender');
    expect(codes(imported(page('Hier unser Musterschreiben:', ...LETTER)).warnings)).not.toContain('unsure_sender');
  });
});
