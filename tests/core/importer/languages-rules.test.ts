// The importer reads Italian, and enough Swedish, Norwegian, Danish, Finnish and Japanese to see an appeal (issue 27,
// corpus-15), on texts written for the test.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/core/importer/dates.js';
import { isClosing, isSalutation } from '../../../src/core/importer/letter.js';
import { opensOfficial } from '../../../src/core/importer/offices.js';
import { importUrgentAction } from '../../../src/core/importer/index.js';
import { imported, kindOf, page, refusedReason } from './helpers.js';

/** The refusal's sentence, or undefined when the text imports. */
function refusal(text: string): string | undefined {
  const result = importUrgentAction(text);
  return result.ok ? undefined : result.message;
}
const IN_GENERAL = /Urgent Actions in general/;

const storia = 'Mario Esempio è detenuto senza accusa dal marzo 2031 e la sua famiglia non ha potuto vederlo.';

describe('Italian', () => {
  it('reads an "Azione urgente" with its letter, salutation, closing and deadline', () => {
    const { appeal } = imported(
      page(
        'Esempia: azione urgente per Mario Esempio',
        '',
        storia,
        '',
        'Scrivete entro il 24 giugno 2031.',
        '',
        'Gentile Ministro,',
        '',
        'Le chiedo di rilasciare immediatamente e senza condizioni Mario Esempio, detenuto solo per le sue opinioni.',
        '',
        'Distinti saluti',
      ),
    );
    expect(appeal.letter.salutation).toBe('Gentile Ministro,');
    expect(appeal.letter.closing).toBe('Distinti saluti');
    expect(appeal.letter.lang).toBe('it');
    expect(appeal.deadline).toBe('2031-06-24');
  });

  it('reads a "Scadenza:" heading and "fino al" as deadlines', () => {
    const letter = ['Gentile Ministro,', '', 'Le chiedo di rilasciare Mario Esempio.', '', 'Distinti saluti'];
    expect(imported(page('Azione urgente', '', storia, '', 'SCADENZA: 3 luglio 2031', '', ...letter)).appeal.deadline).toBe('2031-07-03');
    expect(imported(page('Azione urgente', '', storia, '', "Si può agire fino al 3 luglio 2031.", '', ...letter)).appeal.deadline).toBe('2031-07-03');
  });

  it('takes "Egregio Signor Presidente" and "Cordiali saluti", and "In fede" as a closing', () => {
    expect(isSalutation('Egregio Signor Presidente della Repubblica,')).toBe(true);
    expect(isSalutation('Signor Presidente,')).toBe(true);
    expect(isSalutation('Eccellenza,')).toBe(true);
    expect(isClosing('Cordiali saluti,')).toBe(true);
    expect(isClosing('In fede')).toBe(true);
    expect(isClosing('Con osservanza')).toBe(true);
  });

  it('does not take a sentence that opens with "Gentile" for a salutation', () => {
    expect(isSalutation('Gentile e disponibile, il personale della scuola ha accolto la famiglia con affetto.')).toBe(false);
    expect(isSalutation('Cari amici,')).toBe(false);
    // Above a street, "Egregio Signor Ministro" heads an address block.
    expect(isSalutation('Egregio Signor Ministro della Giustizia')).toBe(false);
  });

  it('imports a page that only asks "scrivi al Ministro", with no "Azione urgente"', () => {
    const text = page(storia, '', 'Per favore, scrivi al Ministro della Giustizia per chiedere il rilascio di Mario Esempio.');
    expect(refusedReason(text)).toBeUndefined();
  });

  it('reads an online action\'s list of recipients, one official per line with the office in brackets', () => {
    const { appeal } = imported(
      page(
        'Azione urgente',
        '',
        storia,
        '',
        'La tua e-mail sarà inviata al Presidente e ai Ministri competenti:',
        'Presidente Paolo Esempio (Presidente della Repubblica, Governo di Esempia)',
        'Ministra Anna Campione (Ministra della Giustizia, Governo di Esempia)',
        '',
        'Grazie per il tuo sostegno.',
      ),
    );
    const names = appeal.targets.map((t) => t.name);
    expect(names.some((n) => n.includes('Paolo Esempio'))).toBe(true);
    expect(names.some((n) => n.includes('Anna Campione'))).toBe(true);
    expect(names.every((n) => !n.includes('('))).toBe(true);
  });

  it('reads "Egregio Signor Ministro" above a name and street as the block\'s office, and "Gentile Ministro," as the greeting', () => {
    const { appeal } = imported(
      page('Azione urgente', '', storia, '', 'Scrivi a:', 'Egregio Signor Ministro della Giustizia', 'On. Luca Campione', 'Via Esempio 1', '00100 Esempiopoli', '', 'Gentile Ministro,', '', 'Le chiedo di rilasciare Mario Esempio.', '', 'Distinti saluti'),
    );
    expect(appeal.targets).toHaveLength(1);
    expect(appeal.targets[0]?.name).toContain('Luca Campione');
    expect(appeal.targets[0]?.address).toEqual(['Via Esempio 1', '00100 Esempiopoli']);
    expect(appeal.letter.salutation).toBe('Gentile Ministro,');
  });

  it('marks a "Per conoscenza" block as a copy', () => {
    const { appeal } = imported(
      page(
        'Azione urgente',
        '',
        storia,
        '',
        'Scrivi a:',
        'Procuratore Generale Luca Esempio',
        'Via Esempio 1',
        '00100 Esempiopoli',
        '',
        'Per conoscenza:',
        'Ambasciata di Esempia',
        'Via Campione 2',
        '00100 Roma',
      ),
    );
    const embassy = appeal.targets.find((t) => [t.name, ...(t.address ?? [])].some((l) => l.includes('Ambasciata')));
    expect(embassy?.copy).toBe(true);
  });

  it('knows Italian titles and forms of address', () => {
    expect(opensOfficial('On. Mario Esempio')).toBe(true);
    expect(opensOfficial('Sig.ra Anna Campione')).toBe(true);
    expect(opensOfficial('Dott. Luca Esempio')).toBe(true);
    expect(opensOfficial('S.E. Paolo Esempio')).toBe(true);
    expect(opensOfficial('Procuratore Generale della Repubblica')).toBe(true);
    expect(opensOfficial('Governatore dello Stato')).toBe(true);
    expect(opensOfficial('Ambasciatore di Esempia')).toBe(true);
  });

  it('recognises good news: "Buone notizie" and "è stato rilasciato"', () => {
    expect(kindOf(page('Azione urgente: buone notizie!', '', 'Mario Esempio è stato rilasciato il 3 aprile 2031. Grazie a tutti coloro che hanno scritto.'))).toBe('good-news');
  });

  it('composes a missing letter in Italian, with an Italian closing', () => {
    const { appeal } = imported(page('Azione urgente', '', 'Mario Esempio rischia la tortura', '', storia, '', 'Scrivi al Ministro della Giustizia di Esempia.'));
    expect(appeal.letter.lang).toBe('it');
    expect(appeal.letter.closing).toBe('Distinti saluti');
  });

  it('refuses an explainer about Urgent Actions in general', () => {
    const text = page(
      "Cos'è un'azione urgente?",
      '',
      "Un'azione urgente è un appello di Amnesty International per persone in pericolo immediato. Migliaia di attivisti inviano messaggi alle autorità entro pochi giorni.",
    );
    expect(refusal(text)).toMatch(IN_GENERAL);
  });
});

describe('Swedish, Norwegian and Danish', () => {
  it('reads a Swedish "Blixtaktion": the letter, its greeting and closing, the deadline', () => {
    const { appeal } = imported(
      page(
        'Blixtaktion: Mario Esempio',
        '',
        'Mario Esempio har suttit fängslad utan åtal sedan mars 2031.',
        '',
        'Skriv till justitieministern senast den 24 juni 2031.',
        '',
        'Ärade minister,',
        '',
        'Jag uppmanar er att omedelbart och villkorslöst frige Mario Esempio.',
        '',
        'Med vänlig hälsning',
      ),
    );
    expect(appeal.letter.salutation).toBe('Ärade minister,');
    expect(appeal.letter.closing).toBe('Med vänlig hälsning');
    expect(appeal.letter.lang).toBe('sv');
    expect(appeal.deadline).toBe('2031-06-24');
  });

  it('greets with "Kjære" and "Kære" and closes with "Med vennlig hilsen" and "Med venlig hilsen"', () => {
    expect(isSalutation('Kjære statsminister,')).toBe(true);
    expect(isSalutation('Kære minister,')).toBe(true);
    expect(isSalutation('Bästa herr president,')).toBe(true);
    expect(isClosing('Med vennlig hilsen')).toBe(true);
    expect(isClosing('Med venlig hilsen')).toBe(true);
  });

  it('marks a Norwegian and a Danish letter with their own language', () => {
    const letter = (greeting: string, closing: string): string =>
      page('Mario Esempio er fengslet uten tiltale.', '', 'Skriv til statsministeren.', '', greeting, '', 'Jeg ber dere løslate Mario Esempio straks og uten vilkår.', '', closing);
    expect(imported(letter('Kjære statsminister,', 'Med vennlig hilsen')).appeal.letter.lang).toBe('no');
    expect(imported(letter('Kære statsminister,', 'Med venlig hilsen')).appeal.letter.lang).toBe('da');
  });

  it('does not take "Bästa sättet ..." (a sentence) for a salutation', () => {
    expect(isSalutation('Bästa sättet att hjälpa är att skriva ett brev till myndigheterna.')).toBe(false);
  });

  it('imports a Norwegian request "Skriv til ..." that names no Urgent Action', () => {
    expect(refusedReason(page('Mario Esempio er fengslet uten tiltale.', '', 'Skriv til statsministeren og krev at han løslates.'))).toBeUndefined();
  });

  it('refuses "Vad är en blixtaktion?" (an explainer)', () => {
    const text = page('Vad är en blixtaktion?', '', 'En Urgent Action utfärdas när det är extra bråttom. Den innehåller information om vad som har hänt och adresser till myndigheterna.');
    expect(refusal(text)).toMatch(IN_GENERAL);
  });
});

describe('Finnish', () => {
  it('reads "Kirjoita ...", "Arvoisa presidentti," and "Ystävällisin terveisin", with a deadline in the partitive', () => {
    const { appeal } = imported(
      page(
        'Mario Esempio on vangittu ilman syytettä.',
        '',
        'Kirjoita presidentille viimeistään 24. kesäkuuta 2031.',
        '',
        'Arvoisa presidentti,',
        '',
        'Vaadin, että Mario Esempio vapautetaan välittömästi ja ehdoitta.',
        '',
        'Ystävällisin terveisin',
      ),
    );
    expect(appeal.letter.salutation).toBe('Arvoisa presidentti,');
    expect(appeal.letter.closing).toBe('Ystävällisin terveisin');
    expect(appeal.letter.lang).toBe('fi');
    expect(appeal.deadline).toBe('2031-06-24');
  });

  it('does not take "Hyvä uutinen on ..." (a sentence) for a salutation', () => {
    expect(isSalutation('Hyvä uutinen on, että hänet vapautettiin eilen.')).toBe(false);
  });

  it('refuses a FAQ, "Usein kysytyt kysymykset"', () => {
    const text = page('Urgent Action: usein kysytyt kysymykset', '', 'Urgent Action on Amnestyn nopean toiminnan verkosto. Vetoomuksia lähetetään viranomaisille kaikkialta maailmasta.');
    expect(refusal(text)).toMatch(IN_GENERAL);
  });
});

describe('Japanese', () => {
  it('reads a section page: "緊急行動", the addressee heading, an English letter and a date in 年月日', () => {
    const { appeal } = imported(
      page(
        '緊急行動：マリオ・エセンピオさんを釈放してください',
        '',
        'マリオ・エセンピオさんは2031年3月から起訴されないまま拘禁されています。手紙を書いてください。',
        '',
        '締め切り：2031年6月24日',
        '',
        'Dear Minister,',
        '',
        'I urge you to release Mario Esempio immediately and unconditionally.',
        '',
        'Yours sincerely,',
      ),
    );
    expect(appeal.deadline).toBe('2031-06-24');
    expect(appeal.letter.salutation).toBe('Dear Minister,');
    // The page is Japanese, its model letter English: the letter's language is the letter's own.
    expect(appeal.letter.lang).toBe('en');
  });

  it('composes a missing letter in Japanese for a Japanese page without one', () => {
    const { appeal } = imported(page('緊急行動：マリオ・エセンピオさんを釈放してください', '', 'マリオ・エセンピオさんは起訴されないまま拘禁されています。手紙を書いてください。'));
    expect(appeal.letter.lang).toBe('ja');
    expect(appeal.letter.closing).toBe('敬具');
  });

  it('takes "拝啓" as a salutation and "敬具" as a closing', () => {
    expect(isSalutation('拝啓')).toBe(true);
    expect(isClosing('敬具')).toBe(true);
  });

  it('refuses a FAQ, "よくある質問"', () => {
    const text = page('UA（Urgent Action＝緊急行動）よくある質問', '', 'Q. UAとは？', 'A. UAは、危険が差し迫った人を救うために、世界中から手紙やメールを送る仕組みです。');
    expect(refusal(text)).toMatch(IN_GENERAL);
  });
});

describe('dates in these languages', () => {
  it('reads Italian, Swedish, Norwegian, Finnish and Japanese dates', () => {
    expect(parseDate('entro il 24 giugno 2031')).toBe('2031-06-24');
    expect(parseDate('1 dicembre 2031')).toBe('2031-12-01');
    expect(parseDate('senast den 3 maj 2031')).toBe('2031-05-03');
    expect(parseDate('innen 3. desember 2031')).toBe('2031-12-03');
    expect(parseDate('viimeistään 3. heinäkuuta 2031')).toBe('2031-07-03');
    expect(parseDate('2031年6月24日まで')).toBe('2031-06-24');
  });
});
