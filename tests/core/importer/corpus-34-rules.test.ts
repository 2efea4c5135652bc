// The general rules behind corpus-34's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { isSignerName, letterSigner } from '../../../src/core/importer/letter-signer.js';
import { formRecipientLines } from '../../../src/core/importer/prewritten-mail.js';
import type { Section } from '../../../src/core/importer/sections.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { isSalutation } from '../../../src/core/importer/letter.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

const supportLetter = (closing: string): string =>
  page(
    'A reader\'s blog',
    '',
    'Aron Example is on trial for a peaceful protest. He asked for letters of support to the judge. Here is mine:',
    '',
    'Honorable District Judge Jane Example',
    '12 Court Street',
    'Example City EX 10001',
    '',
    'Paul Writer',
    '45 Elm Road',
    'Othertown, EX 20002-1234',
    '',
    'Re: Case 11-222',
    '',
    'Dear Judge Example,',
    '',
    'I am writing in support of Aron Example, who is tried in your court for a peaceful protest. I urge you to treat him fairly and to release him without penalty.',
    '',
    closing,
    '',
    'Paul Q. Writer',
  );

describe("a letter's writer, whose own block stands beside the addressee's, is never the official", () => {
  it('reads the name under the closing as the signer, initials aside', () => {
    const found = { section: 0, start: 0, end: 3, paragraphs: ['I urge you to act.', 'Very truly yours,', 'Paul Q. Writer'], lang: 'en' as const };
    expect(letterSigner([], found)).toBe('Paul Q. Writer');
    expect(isSignerName('Paul Writer', 'Paul Q. Writer')).toBe(true);
    expect(isSignerName('Jane Example', 'Paul Q. Writer')).toBe(false);
    // Only a whole name matches: a shared surname is another person.
    expect(isSignerName('Anna Writer', 'Paul Writer')).toBe(false);
    expect(isSignerName('Writer', 'Paul Writer')).toBe(false);
    // On a page of model letters the next addressee's block follows a closing: no signature.
    const sections: Section[] = [{ kind: 'letter', heading: '', rest: '', lines: ['I urge you to act.', 'Yours sincerely,', '', 'President Jane Example', 'Office of the President', ''] }];
    const modelPage = { section: 0, start: 0, end: 1, closing: 'Yours sincerely,', paragraphs: ['I urge you to act.'], lang: 'en' as const };
    expect(letterSigner(sections, modelPage)).toBeUndefined();
    const signed = { ...sections[0]!, lines: ['I urge you to act.', 'Yours sincerely,', '', 'Paul Writer', ''] };
    expect(letterSigner([signed], modelPage)).toBe('Paul Writer');
  });

  for (const closing of ['Very truly yours,', 'Sincerely,', 'Yours faithfully,']) {
    it(`gives the judge the letter greets her own address and the writer's to nobody ("${closing}")`, () => {
      const { appeal } = imported(supportLetter(closing));
      expect(appeal.targets.map((t) => t.name)).not.toContain('Paul Writer');
      const addresses = appeal.targets.flatMap((t) => t.address ?? []);
      expect(addresses).not.toContain('45 Elm Road');
      expect(addresses.join(' ')).not.toContain('Othertown');
      for (const target of appeal.targets) expect(target.name).toBe('Jane Example');
    });
  }

  it('keeps an official whose name is not the signer\'s, above a letter signed by someone else', () => {
    const text = page(
      'Write to the judge',
      '',
      'Honorable District Judge Jane Example',
      '12 Court Street',
      'Example City EX 10001',
      '',
      'Dear Judge Example,',
      '',
      'I urge you to release Aron Example without penalty for his peaceful protest.',
      '',
      'Sincerely,',
      '',
      'Paul Writer',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name)).toEqual(['Jane Example']);
    expect(appeal.targets[0]?.address).toEqual(['12 Court Street', 'Example City EX 10001']);
  });
});

describe('a call to write cut before its addresses still imports, as a draft', () => {
  it('reads a German imperative to mail a federal ministry (a compound ministry name) as a request', () => {
    const text = page(
      'Keine Abschiebung von Darius Beispiel nach Exampleland',
      '',
      'Schickt Protestmails an das Bundesjustizministerium und die Ausländerbehörde',
      '',
      'Darius Beispiel sitzt seit Mai in Abschiebungshaft. Sein Asylantrag wurde ohne Prüfung seiner Gründe abgelehnt. Die Abschiebung ist für kommenden Dienstag geplant und muss gestoppt werden.',
    );
    expect(refusedReason(text)).toBeUndefined();
    const { appeal } = imported(text);
    expect(appeal.draft).toBe(true);
    expect(appeal.targets).toEqual([]);
  });

  it('reads "we ask organizations to write letters" as a request, its addressees cut off', () => {
    const text = page(
      'Solidarity with the Riverbend farmers',
      '',
      'We ask organizations to write personal letters about the farmers\' situation to the authorities of Exampleland and press them to act.',
      '',
      'Letters should demand:',
      '  1. That the eviction of the Riverbend settlement be halted.',
      '  2. That the charges against Tomas Example be dropped.',
    );
    expect(refusedReason(text)).toBeUndefined();
    expect(imported(text).appeal.targets).toEqual([]);
  });

  it('still refuses a text that only reports letters organizations wrote', () => {
    const text = page(
      'Riverbend farmers evicted',
      '',
      'Several organizations wrote letters to the authorities of Exampleland last month. The eviction of the Riverbend settlement went ahead on Monday.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });
});

describe('a model letter headed "Courrier-type" is offered to the reader, not sent by others', () => {
  const modelLetter = (heading: string): string =>
    page(
      'Soutien aux militants détenus en Exampleland',
      '',
      'Marc Exemple, porte-parole de notre association, vient d’adresser un courrier à l’ambassadeur d’Exampleland à propos de douze militants détenus depuis mars.',
      '',
      heading,
      '',
      'Son Excellence l’Ambassadeur de la République d’Exampleland',
      'Ambassade de la République d’Exampleland',
      '12 rue de l’Exemple',
      '75008 Paris',
      '',
      'Monsieur l’Ambassadeur,',
      '',
      'Nous attirons votre attention sur la situation de douze militants arrêtés le 3 mars, détenus depuis cette date et poursuivis pour avoir manifesté pacifiquement. Nous vous demandons leur libération immédiate.',
    );

  it('imports the model letter with its addressee', () => {
    const { appeal } = imported(modelLetter('Courrier-type 1'));
    expect(appeal.letter.salutation).toBe('Monsieur l’Ambassadeur,');
  });

  it('refuses the same letter under a news headline that says it was sent', () => {
    expect(refusedReason(modelLetter('Sa lettre'))).toBe('import_not_an_appeal');
  });
});

describe('news of an action already taken', () => {
  it('reads letters received and a request to continue as an update', () => {
    const text = page(
      'Monday, March 2, 2015',
      '',
      'Your messages reached the fishermen',
      '',
      'Two weeks ago our team sent an alert about the fishermen of Puerto Ejemplo, whose boats were seized. Within a week we received eighty letters, which we passed on to the community. Please continue to send letters of concern to the port authority; the details are below.',
    );
    expect(kindOf(text)).toBe('update');
  });

  it('keeps a first call for letters an appeal', () => {
    const text = page(
      'The fishermen of Puerto Ejemplo need you',
      '',
      'Our team learned this week that the boats of the fishermen of Puerto Ejemplo were seized. Please send letters of concern to the port authority; the details are below.',
    );
    expect(refusedReason(text)).toBeUndefined();
    expect(kindOf(text)).toBe('appeal');
  });

  it('reads a campaign\'s results post with a release "finally" won as good news', () => {
    const text = page(
      'Thank you, letter writers!',
      '',
      'Supporters across the world wrote more than a million letters in last year\'s marathon.',
      '',
      'In January, Mara Example was finally released after nine years in prison. Tens of thousands of you demanded her release.',
    );
    expect(kindOf(text)).toBe('good-news');
  });

  it('keeps an appeal whose case was finally released on bail an appeal', () => {
    const text = page(
      'Write for Mara Example',
      '',
      'Mara Example was finally released on bail in January, but her trial goes on. Please write to the Minister of Justice and urge that the charges be dropped.',
    );
    expect(kindOf(text)).toBe('appeal');
  });
});

describe("a letter its writer already sent is refused, a model letter is not", () => {
  const body = 'Ich bin in großer Sorge um die zwölf Geflüchteten, die seit dem 3. Mai vor dem Rathaus im Hungerstreik sind. Ich bitte Sie um ein baldiges Gespräch über ihre Lage.';

  it('refuses a politician\'s own letter introduced as "Mein Brief an ..."', () => {
    const text = page(
      'Mein Schreiben an die Justizministerin Beispiel',
      '',
      'Die Lage der Geflüchteten spitzt sich zu. In meinem Brief bitte ich die Ministerin um ein Gespräch.',
      '',
      'Mein Brief an die Justizministerin:',
      '',
      'Sehr geehrte Frau Ministerin,',
      '',
      body,
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('imports the same letter when the page asks readers to send it', () => {
    const text = page(
      'Schreiben Sie an die Justizministerin Beispiel',
      '',
      'Die Lage der Geflüchteten spitzt sich zu. Bitte schicken Sie diesen Musterbrief an die Ministerin.',
      '',
      'Sehr geehrte Frau Ministerin,',
      '',
      body,
    );
    expect(refusedReason(text)).toBeUndefined();
  });

  it('refuses an organisation\'s letter published as its press release', () => {
    const text = page(
      '3 de marzo de 2015 Comunicado de Prensa',
      '',
      'Carta al Gobernador del Estado de Ejemplo',
      '',
      'Ana Ejemplo Ruiz',
      'Gobernadora del Estado de Ejemplo',
      '',
      'Distinguida señora Gobernadora:',
      '',
      'Le escribimos para manifestarle nuestra preocupación por las amenazas contra la defensora Marta Ejemplo y le pedimos garantizar su seguridad.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });

  it('refuses a letter closed "Je vous prie de recevoir ..." and signed with a name and a profession', () => {
    const text = page(
      'À Nantes, le 4 avril 2018.',
      'Madame la Consule,',
      'Enseignante, je m’inquiète du sort des journalistes détenus en Exampleland depuis janvier. Pourriez-vous m’indiquer si votre gouvernement compte les libérer ?',
      'Je vous prie de recevoir, Madame la Consule, l’expression de mes salutations respectueuses.',
      'Claire Exemple,',
      'professeure des écoles.',
    );
    expect(refusedReason(text)).toBe('import_not_an_appeal');
  });
});

describe('an "Att:" block above the greeting, an office\'s initials inside it', () => {
  const attBlock = (office: string): string =>
    page(
      'Our email campaign asks the parks service to change its camping rules.',
      'Below is the letter template and the recipient\'s email address.',
      'Instructions:',
      'Att: Ms Dana Example',
      'Director of Visitor Policy',
      office,
      'visitor.policy@parks.example.gov',
      'Dear Ms Example,',
      'As a walker who camps in the parks you administer, I am writing to ask you to reform the camping rules this season.',
    );

  it('reads the person after "Att:" as the official, with the block\'s e-mail', () => {
    const { appeal } = imported(attBlock('Example Parks Service'));
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]?.name).toContain('Dana Example');
    expect(appeal.targets[0]?.name).not.toMatch(/^Att/);
    expect(appeal.targets[0]?.emails).toEqual(['visitor.policy@parks.example.gov']);
  });

  it('climbs over the office\'s initials ("EXPL NPWS") to the person', () => {
    const { appeal } = imported(attBlock('EXPL NPWS'));
    expect(appeal.targets.map((t) => t.name)).toEqual(['Ms Dana Example']);
    expect(appeal.targets[0]?.emails).toEqual(['visitor.policy@parks.example.gov']);
  });

  it('still stops at a capitals heading with vowels in every word', () => {
    const text = page(
      'Mara Example is held without charge.',
      'TAKE ACTION',
      'visitor.policy@parks.example.gov',
      'Dear Director,',
      'I am writing to ask you to release Mara Example, who is held without charge.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => t.name).join(' ')).not.toContain('TAKE ACTION');
  });
});

describe("an e-mail form's recipient line over its target addresses", () => {
  const form = (recipient: string): string =>
    page(
      'E-mail urgente',
      '',
      'La diga minaccia i pescatori del lago Esempio. Questa settimana il Ministro visita la regione: mandagli subito l’email pre-compilata qui a fianco.',
      '',
      recipient,
      '',
      'Target email addresses: gabinetto.ministro@esteri.example.it',
      '',
      'CC email addresses: sottosegretario@esteri.example.it',
    );

  it('gives the one official named on the "a:" line the target address, never the copy', () => {
    const { appeal } = imported(form('a: Ministro Rossi'));
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]?.name).toContain('Rossi');
    expect(appeal.targets[0]?.emails).toEqual(['gabinetto.ministro@esteri.example.it']);
  });

  it('pairs no address with two officials on the line (this reader leaves them to the list readers)', () => {
    const lines = (recipient: string): Section[] => [{ kind: 'preamble', heading: '', rest: '', lines: [recipient, '', 'Target email addresses: gabinetto.ministro@esteri.example.it'] }];
    expect(formRecipientLines(lines('a: Ministro Rossi'))[0]?.text).toBe('Ministro Rossi');
    expect(formRecipientLines(lines('a: Ministro Rossi e Ministra Bianchi'))).toEqual([]);
    expect(formRecipientLines(lines('a: Ministro Rossi, Ministra Bianchi'))).toEqual([]);
  });
});

describe('a plural Italian greeting of several officials', () => {
  it('reads "Egregi Presidente ..., Ministro ... e Ministro ...:" as the salutation', () => {
    const text = page(
      'E-mail urgente',
      '',
      'a: Presidente Esempio, Ministro Anna Altra, Ministro Bruno Terzo',
      '',
      'Egregi Presidente Esempio, Ministro Anna Altra e Ministro Bruno Terzo:',
      '',
      'Sono molto preoccupato per i popoli indigeni della valle del fiume Esempio, le cui terre non sono ancora protette. Vi chiedo di creare subito le riserve promesse.',
    );
    const { appeal } = imported(text);
    expect(appeal.letter.salutation).toBe('Egregi Presidente Esempio, Ministro Anna Altra e Ministro Bruno Terzo:');
  });

  it('does not read a plural sentence without the trailing colon or comma as a greeting', () => {
    expect(isSalutation('Cari amici vi scriviamo per raccontarvi la nostra ultima azione.')).toBe(false);
    expect(isSalutation('Egregi Presidente Esempio, Ministro Anna Altra e Ministro Bruno Terzo:')).toBe(true);
  });
});

describe("a call-in's heading names the official to call", () => {
  it('reads "Call <office> <name>" with the phone line under it', () => {
    const text = page(
      'Tell the Minister to enforce the law',
      '',
      'Our lawyers delivered a letter to the Minister this week. Can you please make a call to ask the Minister to act against the mine?',
      '',
      'Call Westland Mines Minister Jordan Example',
      '',
      'Ministerial Office: (08) 5550 1234',
      '',
      'What to say:',
      '  • I am calling about the mine\'s breaches of its licence.',
    );
    const { appeal } = imported(text);
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]?.name).toBe('Jordan Example');
    expect(appeal.targets[0]?.phone).toBe('(08) 5550 1234');
    expect(appeal.targets[0]?.address ?? []).toEqual([]);
  });

  it('reads no official from a call heading without an office word', () => {
    const text = page(
      'Tell the company to stop',
      '',
      'Please make a call to the company today.',
      '',
      'Call Westland Mining Jordan Example',
      '',
      'Head Office: (08) 5550 1234',
    );
    const result = importUrgentAction(text);
    const names = result.ok ? result.appeal.targets.map((t) => t.name) : [];
    expect(names).not.toContain('Jordan Example');
  });
});
