// The general rules behind corpus-29's French, German and Spanish misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { codes, imported, kindOf, page, refusedReason } from './helpers.js';

describe('a French request that addresses the letter to an official, then sends it to an e-mail ("en l\'adressant au ..., en l\'envoyant à l\'adresse ...")', () => {
  const request = (addressee: string, copy = ''): string => page(
    `Pour AGIR : copiez-collez le modèle de lettre ci-dessous en l’adressant ${addressee}, en l’envoyant à l’adresse cabinet@example.gov.ex${copy}.`,
    'Vous pouvez aussi personnaliser votre courriel avant de l’envoyer.',
    'Il y a un an, le 3 mars 2031, la cour d’appel d’Exampleville confirmait la condamnation de l’avocate Jane Example à cinq ans de prison.',
  );

  it('imports as a draft with the official, the office under the name, and only that e-mail', () => {
    const { appeal, warnings } = imported(request('au Président de la République d’Examplia, Aron Example', ', avec copie à l’Ambassade d’Examplia : ambassade.examplia@example.com'));
    expect(codes(warnings)).toContain('unsure_appeal');
    expect(appeal.targets.map((t) => [t.name, t.title, t.emails])).toEqual([['Aron Example', 'Président de la République d’Examplia', ['cabinet@example.gov.ex']]]);
  });

  it('keeps an office named alone as the official', () => {
    const { appeal } = imported(request('au ministre de la Justice d’Examplia'));
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([['Ministre de la Justice d’Examplia', ['cabinet@example.gov.ex']]]);
  });

  it('gives the e-mail to nobody when the letter is addressed to no official ("à vos amis")', () => {
    expect(refusedReason(request('à vos amis'))).toBe('import_not_an_appeal');
  });
});

describe('a Spanish repost that asks to send appeals before a date ("Enviar llamamiento antes del 11 de junio de 2031")', () => {
  const repost = (request: string): string => page(
    'Examplia: defensoras de derechos humanos, amenazadas',
    '',
    `Cuatro integrantes de una organización de derechos humanos de Examplia han sufrido amenazas. ${request}`,
    '',
    'El 20 de abril, una de sus fundadoras, Jane Example, llegó a las oficinas de la organización en la capital.',
  );

  it('imports as a draft with the deadline', () => {
    const { appeal } = imported(repost('Enviar llamamiento antes del 11 de junio de 2031.'));
    expect(appeal.draft).toBe(true);
    expect(appeal.deadline).toBe('2031-06-11');
    expect(appeal.targets).toEqual([]);
  });

  it('still refuses the same news without the request', () => {
    expect(refusedReason(repost('Sus vidas corren peligro.'))).toBe('import_not_an_appeal');
  });
});

describe('a group\'s explainer of a monthly letter action ("Die Aktionsform ...", "Was bewirken die Briefe ...?")', () => {
  it('is refused: it names no case to write for', () => {
    const text = page(
      'Briefe gegen das Vergessen',
      '',
      'Die Aktionsform Briefe gegen das Vergessen ist eine monatliche Briefaktion im Rahmen von Kampagnen.',
      '',
      'Was bewirken die Briefe gegen das Vergessen?',
      '',
      'Mit internationalen Appellen können Menschenrechtsverletzungen beendet werden.',
      '',
      'Wo finde ich die Briefe gegen das Vergessen?',
      '',
      'Die Fallbeschreibungen werden im Journal der Sektion veröffentlicht.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('still imports a monthly letter that names its case and official', () => {
    const text = page(
      'Briefe gegen das Vergessen: Jane Example, Examplia',
      '',
      'Die Journalistin Jane Example wurde am 3. März 2031 festgenommen.',
      '',
      'Schreiben Sie an:',
      'Minister Aron Example',
      'Ministry of Justice',
      '1 Example Street',
      'Example City, Examplia',
      'E-Mail: minister@example.gov.ex',
    );
    expect(kindOf(text)).toBe('appeal');
    expect(imported(text).appeal.targets.map((t) => t.emails)).toEqual([['minister@example.gov.ex']]);
  });
});

describe('a letter in which its writer resigns ("le escribo para renunciar a mi posición")', () => {
  const letter = (sentence: string): string => page(
    '18 de diciembre de 2031',
    'Excmo. Señor Presidente de la República de Examplia',
    'Lic. Aron Example',
    'Casa Presidencial',
    'Example City, Examplia',
    'Señor Presidente:',
    `${sentence} Los acontecimientos de las últimas semanas indican que el Gobierno ha recurrido a la represión violenta de la población.`,
  );

  it('is refused as a letter its writer sent', () => {
    expect(refusedReason(letter('Es con mucha tristeza que le escribo para renunciar a mi posición de Embajador de Examplia.'))).toBe('import_not_an_appeal');
    expect(refusedReason(letter('Por la presente le presento mi renuncia al cargo de cónsul.'))).toBe('import_not_an_appeal');
  });

  it('stays a draft when the letter asks the president to act, not to accept a resignation', () => {
    expect(kindOf(letter('Le escribo para pedirle la liberación inmediata de Jane Example.'))).toBe('appeal');
  });
});

describe('a letter-only text headed "Son Excellence (H.E) <name>" / office / "Votre Excellence,"', () => {
  // A transcript's title (cut short) runs the head onto one line above it, and the page gives it twice, as document sites print it.
  const letter = (head: string): string => page(
    `${head} Président de la République du`,
    '',
    'Transcription',
    '',
    `${head} Président de la République du`,
    head,
    'Président de la République d’Examplia',
    'Votre Excellence,',
    'Je vous écris au sujet de la disparition en février 2031 de Monsieur Jane Example, enseignante à Exampleville.',
    'Nous réclamons qu’une enquête soit diligentée en vue de connaître les conditions de sa disparition.',
  );

  it('takes the named person as the official, the office as the title, with no address', () => {
    for (const head of ['Son Excellence H.E Aron Example', 'Son Excellence Aron Example']) {
      const { appeal } = imported(letter(head));
      expect(appeal.targets.map((t) => [t.name, t.title, t.address ?? [], t.emails ?? []])).toEqual([['Aron Example', 'Président de la République d’Examplia', [], []]]);
      expect(appeal.letter.salutation).toBe('Votre Excellence,');
    }
  });

  it('takes no official from an excellency line that names no one', () => {
    expect(imported(letter('Son Excellence le président de la République')).appeal.targets).toEqual([]);
  });
});

describe('a German call to write a postcard or a letter ("schreiben Sie eine Postkarte oder einen Brief")', () => {
  const action = (request: string): string => page(
    'Seit dem Sommer 2030 ist Examplia von Gewalt und Repressionen gegen die eigene Bevölkerung geprägt.',
    `Am 10. Dezember 2030 hat ein Verein eine Postkarten-Aktion für alle politischen Gefangenen in Examplia gestartet. ${request}`,
    '',
    'Damit zeigen wir den politischen Gefangenen, dass wir an sie denken.',
  );

  it('imports as a draft with no official', () => {
    const { appeal, warnings } = imported(action('Machen auch Sie mit und schreiben Sie eine Postkarte oder einen Brief in das Nachbarland!'));
    expect(codes(warnings)).toContain('unsure_appeal');
    expect(appeal.targets).toEqual([]);
  });

  it('still refuses the same news that asks for nothing', () => {
    expect(refusedReason(action('Viele Menschen haben schon mitgemacht.'))).toBe('import_not_an_appeal');
  });
});

describe('a postal block under a line that names its owner by office ("Adresse postale du Premier ministre")', () => {
  const text = (label: string, building = 'Hôtel Example'): string => page(
    'Pour amplifier nos voix, écrivons au Premier ministre au sujet du projet contesté.',
    'Monsieur le Premier ministre,',
    'Je me permets d’attirer votre attention sur une situation très préoccupante à Exampleville.',
    'Je vous prie d’agréer, Monsieur le Premier ministre, l’expression de ma haute considération.',
    label,
    building,
    '57 rue Example',
    '75700 Paris',
    'Si vous envoyez un mail, copiez le texte dans le corps du message.',
  );

  it('makes the office the official, with the building as the first postal line', () => {
    for (const label of ['Adresse postale du Premier ministre', 'Adresse du Premier ministre :']) {
      const { appeal } = imported(text(label));
      expect(appeal.targets.map((t) => [t.name.toLowerCase(), t.address])).toEqual([['premier ministre', ['Hôtel Example', '57 rue Example', '75700 Paris']]]);
    }
  });

  it('never reads an office\'s building ("Palais ...", "Casa ...") as a person under the office', () => {
    const { appeal } = imported(text('Adresse postale du Premier ministre', 'Palais Example'));
    expect(appeal.targets.map((t) => t.name.toLowerCase())).toEqual(['premier ministre']);
  });

  it('reads no official from an address labelled with no office ("Adresse postale de notre association")', () => {
    const { appeal } = imported(text('Adresse postale de notre association'));
    expect(appeal.targets.map((t) => t.address)).not.toContainEqual(['Hôtel Example', '57 rue Example', '75700 Paris']);
  });
});

describe('a template\'s greeting followed by a bracketed note of other greetings', () => {
  it('is the salutation without the note ("« Monsieur le Préfet, [ …le Président..ou Madame la Préfète, etc …]")', () => {
    const text = page(
      'Écrivons aux préfets et au Premier ministre au sujet du projet contesté.',
      '« Monsieur le Préfet, [ …le Président..ou Madame la Préfète, etc …]',
      'Je me permets d’attirer votre attention sur une situation très préoccupante à Exampleville depuis mars 2031.',
      'Je vous prie d’agréer, Monsieur le Préfet, de ma haute considération.',
    );
    expect(imported(text).appeal.letter.salutation).toBe('Monsieur le Préfet,');
  });
});
