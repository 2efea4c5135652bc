// The general rules behind corpus-19's misses (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { asksTheReader } from '../../../src/core/importer/reader-request.js';
import { codes, imported, kindOf, page, refusedReason } from './helpers.js';

const story = 'Jane Example, a teacher, was arrested at her home in Exampletown on 3 March 2031 and has not been seen since.';

describe('a request whose letter or addressee is elsewhere imports as a draft the moderator checks', () => {
  const requests: [string, string][] = [
    ['a Polish "zaapeluj o"', 'Examplia: zaapeluj o uwolnienie Jane Example.'],
    ['a Polish "napisz do" a minister', 'Napisz do ministra sprawiedliwości w sprawie Jane Example.'],
    ['a website to send the letter from', 'Please go to the website of our section to send the following letter to the authorities.'],
    ['a French "faites de même"', "J'ai écrit au ministre. Si vous pensez comme moi, je vous invite à faire de même."],
    ['an English "do the same"', 'I wrote to the minister last week, and I encourage you to do the same.'],
    ['a Norwegian proposed letter', 'Vi håper på mange brev. Her er forslag til brev som du kan bruke.'],
    ['a Dutch example letter below', 'Wilt u een brief versturen, dan kunt u onderstaande voorbeeldbrief gebruiken.'],
    ['a request to tell the government', 'Update: Tell US Government to press Examplia to free Jane Example'],
  ];
  for (const [what, request] of requests) {
    it(`${what}: a draft marked unsure_appeal`, () => {
      const text = page(story, '', request);
      expect(asksTheReader(text)).toBe(true);
      const { appeal, warnings } = imported(text);
      expect(appeal.draft).toBe(true);
      expect(codes(warnings)).toContain('unsure_appeal');
    });
  }

  it('"tell us" and a page that only says example letters are handed out at an event still ask nothing', () => {
    expect(asksTheReader(page(story, 'Tell us what you think of our work.'))).toBe(false);
    expect(asksTheReader(page('Op zaterdag staat er een tafel klaar met voorbeeldbrieven en informatie.'))).toBe(false);
  });

  it('a page that opens "To: <official>" (a petition) imports with that official, title kept apart', () => {
    const text = page('To: Minister Ann Sample, Minister for Home Affairs', '', 'Stop the 10-day deadline for applicants', '', 'Applicants have been given ten days to fill in a long form.');
    const { appeal, warnings } = imported(text);
    expect(codes(warnings)).toContain('unsure_appeal');
    expect(appeal.targets.map((t) => [t.name, t.title])).toEqual([['Minister Ann Sample', 'Minister for Home Affairs']]);
  });
});

describe('the official of an opening "To:" line', () => {
  it('takes the address run into the line up to "Subject:", and the greeting that follows', () => {
    const text = page('To: Prime Minister Tom Sample, 12 Hill Road, Sampleville Examplia Subject: Justice for Jane Dear Prime Minister, ' + story + ' I ask you to see that she is released. Regards, Signed: ______ Name:');
    const { appeal } = imported(text);
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]?.name).toContain('Tom Sample');
    expect(appeal.targets[0]?.address).toEqual(['12 Hill Road, Sampleville Examplia']);
    expect(appeal.letter.salutation).toBe('Dear Prime Minister,');
  });

  it('leaves a line of two officials to the list reader, and a line with no name alone', () => {
    const none = importUrgentAction(page('To: Minister for Home Affairs', '', story, 'Please write to the minister.'));
    expect(none.ok && none.appeal.targets.map((t) => t.name)).not.toContain('Minister for Home Affairs');
  });
});

describe("a letter headed by an excellency and its office, after the organiser's own address", () => {
  it('makes the excellency the official and never gives them the address the letters are collected at', () => {
    const text = page(
      'Aksjon: brev til presidenten',
      '',
      'Brevene kan sendes til følgende navn og adresse:',
      'Kari Sample, Sampleveien 1, 0150 Oslo',
      '',
      'Og her er forslag til brev:',
      '',
      'Sted og dato',
      '',
      'His Excellency Monsieur Tom Sample',
      'President of the Republic of Examplia',
      '',
      'With great humility we write to your Excellency concerning Jane Example, who has been held since 2031.',
      '',
      'Yours sincerely',
    );
    const { appeal } = imported(text);
    expect(appeal.targets.map((t) => [t.name, t.title, t.address])).toEqual([['His Excellency Monsieur Tom Sample', 'President of the Republic of Examplia', []]]);
  });
});

describe('an appeal sentence with its salutation below', () => {
  it('greets the official as the "Salutation:" line says, and reads a bracketed fax as a fax', () => {
    const text = page(story, '', 'Please write, calling for her release, to: Tom Sample, Minister of the Interior, 1 Palace Road, Sampleville, Examplia. (Faxes: 12 3 456 7890).', '', 'Salutation: Dear Minister', '');
    const { appeal } = imported(text);
    expect(appeal.targets[0]?.salutation).toBe('Dear Minister');
    expect(appeal.targets[0]?.fax).toBe('12 3 456 7890');
    expect(appeal.targets[0]?.address.join(', ')).not.toContain('(');
    expect(appeal.letter.salutation).toBe('Dear Minister,');
  });
});

describe('good news in the words of the news', () => {
  it('a title that ends on the release, over a lead that tells it, is good news even beside other requests', () => {
    expect(kindOf(page('Text action update: three students released', 'Three students held for six months in Examplia have been released. The President pardoned them on 2 May.', 'Want to take action by text? Join our network today.'))).toBe('good-news');
  });

  it('a stopped deportation is good news, in English and in Spanish; a request to stop one is not', () => {
    expect(kindOf(page('A family can stay', 'After weeks of calls, the deportation was halted on 26 March and the family went home.'))).toBe('good-news');
    expect(kindOf(page('¡La acción tuvo éxito!', 'La acción colectiva tuvo éxito en detener la deportación de dos personas. El 26 de marzo llegó la noticia.'))).toBe('good-news');
    expect(kindOf(page('Urgent Action', story, 'Please write to the minister to stop the deportation of Jane Example.'))).toBe('appeal');
  });

  it('a campaign that led to the release of prisoners is good news, its "to take action" a report, not a request', () => {
    expect(kindOf(page('Letter-writing campaign results in freed prisoners', 'Letters from 2 million people led to the release of two prisoners of conscience.', 'Supporters came together to take action against injustice.'))).toBe('good-news');
  });

  it('a round-up of successes has no single UA number, whatever number one of its paragraphs cites', () => {
    const text = page('Urgent-Actions-Erfolge Januar bis März 2032', '', 'Gute Nachrichten aus drei Ländern.', '', 'EXAMPLIA – JOURNALISTIN FREIGELASSEN', '', 'Am 2. März 2032 wurde Jane Example freigelassen. (UA-062/2031)');
    const result = importUrgentAction(text);
    expect(result.ok && result.kind).toBe('good-news');
    expect(result.ok && result.appeal.number).toBeUndefined();
  });
});

describe('what is no appeal stays refused', () => {
  it('an explainer of the Red de Acciones Urgentes', () => {
    expect(refusedReason(page('Cuando hay personas en riesgo, Amnistía activa una red de miles de personas que envían cartas.', 'La primera Acción Urgente se emitió en 1973.', 'Unite a la Red de Acciones Urgentes: escribir salva vidas.'))).toBe('import_not_an_appeal');
  });
});
