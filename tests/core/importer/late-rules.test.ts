// fixlate: officials a page gives only by e-mail, in the request to the reader (issue 27), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { imported, page } from './helpers.js';

const letter = [
  'Dear Minister,',
  'I am writing to express my concern about the detention of Jane Example, a teacher held since March.',
  'I urge you to release her at once.',
  'Yours sincerely,',
];

describe('an e-mail in the request to the reader goes to the official the request names', () => {
  it('attaches "email Mr <surname> at: ..." to the person the page names in full', () => {
    const { appeal } = imported(page(
      'Teachers Ask For Help',
      '',
      'The Example Teachers Union has written to Aron Sample TD, Minister for Education, about the closures.',
      '',
      'The union asks that members email Mr Sample at: aron.sample@example.ie in support of its requests.',
    ));
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([['Aron Sample', ['aron.sample@example.ie']]]);
  });

  it('joins "send to <office>" with the line of e-mails under it', () => {
    const { appeal } = imported(page(
      'APPEAL: Free the striking teachers',
      '',
      'Please copy the letter below into an email and send to Permanent Mission of Exampleland to the United Nations',
      '',
      'mission@example.org. and un-desk@example.int',
      '',
      ...letter,
    ));
    const mission = appeal.targets.find((t) => t.name.includes('Permanent Mission of Exampleland'));
    expect(mission?.emails).toEqual(['mission@example.org', 'un-desk@example.int']);
    expect(appeal.targets.filter((t) => !t.copy)).toHaveLength(1);
  });

  it('gives "the following mail to the embassy" the e-mail on the labelled line below it', () => {
    const { appeal } = imported(page(
      'Sollecito urgente',
      'Cari amici, vi chiediamo di mandare la seguente mail all\'ambasciata Italiana a Esempio.',
      '______',
      'indirizzo: ambasciata.esempio@example.it',
      'oggetto: Sollecito intervento',
      'Egregio ambasciatore,',
      'le scrivo per chiedere il suo intervento a favore della carovana bloccata al confine.',
      'Distinti saluti',
    ));
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([['Ambasciata Italiana a Esempio', ['ambasciata.esempio@example.it']]]);
  });

  it('gives an office named alone the person the letter\'s head names under that office, and nothing when there is none', () => {
    const head = (person: string[]): string => page(
      'Escreva à embaixada. Reproduzimos o texto que deve enviar, dirigido à embaixadora, para embaixada@example.pt.',
      '',
      'Exma. Senhora Embaixadora da República de Exemplo',
      ...person,
      'Venho por este meio solicitar a sua atenção para a situação do senhor João Exemplo, preso há um mês.',
      'Atenciosamente',
    );
    const named = imported(head(['Dra. Maria Exemplo'])).appeal;
    expect(named.targets.map((t) => [t.name, t.emails])).toEqual([['Dra. Maria Exemplo', ['embaixada@example.pt']]]);
    const unnamed = imported(head([])).appeal;
    expect(unnamed.targets.flatMap((t) => t.emails ?? [])).toEqual([]);
  });

  it('attaches nothing to the reader\'s own representative', () => {
    const result = imported(page(
      'Refugee children held',
      'Please email your local MP at: info@example-party.org to ask for their release.',
    ));
    expect(result.appeal.targets.flatMap((t) => t.emails ?? [])).toEqual([]);
  });
});
