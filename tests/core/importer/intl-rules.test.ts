// The importer reads officials named in Japanese script, Finnish and Japanese deadlines, a greeting that names the
// official after a lower-case office, and never takes a heading word for an official (issue 27, corpus-16), on texts
// written for the test.
import { describe, expect, it } from 'vitest';
import { unmaskAtList } from '../../../src/core/importer/at-addresses.js';
import { isCjkName } from '../../../src/core/importer/cjk-names.js';
import { greetedByName } from '../../../src/core/importer/greeted-name.js';
import { isNoNameLine, isPlausibleName } from '../../../src/core/importer/name-gate.js';
import { trailingDeadline } from '../../../src/core/importer/trailing-deadlines.js';
import { imported, page } from './helpers.js';

describe('officials named in Japanese script', () => {
  it('reads a title, a kanji name and an honorific, with the postal line below, for each of two ministries', () => {
    const { appeal } = imported(
      page(
        '抗議のはがきを送りましょう',
        '',
        '❶ 法務省',
        '宛先 … 法務大臣 山田 一郎 様',
        '郵送',
        '〒100-0001 東京都千代田区例町 1-2-3',
        '❷ 環境省',
        '宛先 … 環境大臣 鈴木花子殿',
        '〒100-0002 東京都千代田区見本町4-5',
      ),
    );
    expect(appeal.targets.map((t) => [t.name, t.title, t.address])).toEqual([
      ['山田 一郎', '法務大臣', ['〒100-0001 東京都千代田区例町 1-2-3']],
      ['鈴木花子', '環境大臣', ['〒100-0002 東京都千代田区見本町4-5']],
    ]);
  });

  it('reads list items naming a katakana name in brackets after an embassy, or a kanji name run into its title', () => {
    const { appeal } = imported(
      page(
        '抗議文を送りましょう。あて先は以下の通りです。',
        '',
        '*エグザンプル大使館  (ジョン・Q・サンプル駐日大使)',
        '〒100-0003 東京都港区例1-1',
        '',
        '*田中太郎外務大臣  〒100-0004 東京都千代田区見本2-2',
        '',
        '*テスター首相メールアドレス:office@...',
      ),
    );
    expect(appeal.targets.map((t) => [t.name, t.title, t.address, t.emails])).toEqual([
      ['ジョン・Q・サンプル', '駐日大使', ['〒100-0003 東京都港区例1-1'], []],
      ['田中太郎', '外務大臣', ['〒100-0004 東京都千代田区見本2-2'], []],
      // A shortened e-mail ("office@...") is no address.
      ['テスター', '首相', [], []],
    ]);
  });

  it('reads a sentence that says the fax and e-mail below are an official\'s, and not a name inside the story', () => {
    const { appeal } = imported(
      page(
        '葉書アクション',
        '',
        'サンプル首相とテスト大使にも必ず同時に送ってください。エアメールで約6日かかります。',
        '',
        'なお、サンプル首相事務所のファックス番号とメールアドレスは以下の通りです。',
        '',
        'Fax: 000 1 234 5678',
        'pm.office@example.gov',
      ),
    );
    expect(appeal.targets.map((t) => [t.name, t.emails])).toEqual([['サンプル', ['pm.office@example.gov']]]);
  });

  it('passes a Japanese name through the name gate, and nothing Latin or a sentence as one', () => {
    expect(isCjkName('岸辺 一郎')).toBe(true);
    expect(isCjkName('ジョン・Q・サンプル')).toBe(true);
    expect(isPlausibleName('川上花子')).toBe(true);
    expect(isCjkName('Mario Rossi')).toBe(false);
    expect(isCjkName('抗議の意思を示してください')).toBe(false);
  });
});

describe('deadlines written after the date', () => {
  it('reads Finnish "saakka" and "mennessä" after a dotted date', () => {
    expect(trailingDeadline('Vetoomukseen kerätään nimiä 3.11.2031 saakka')).toBe('2031-11-03');
    expect(trailingDeadline('Lähetä vetoomus 15.2.2030 mennessä')).toBe('2030-02-15');
    expect(trailingDeadline('Tapahtui 3.11.2031 Helsingissä')).toBeUndefined();
  });

  it('reads the Japanese "まで" after a full date and "〆切" before one', () => {
    expect(trailingDeadline('2031年6月24日（火）までに送ってください')).toBe('2031-06-24');
    expect(trailingDeadline('〆切：2031年7月1日')).toBe('2031-07-01');
    expect(trailingDeadline('2031年6月24日に逮捕されました')).toBeUndefined();
  });

  it('gives an appeal its Finnish deadline', () => {
    const { appeal } = imported(page('Vapauttakaa Esimerkki', '', 'Arvoisa ministeri Maija Esimerkki,', '', 'Pyydän teitä vapauttamaan vangin.', '', 'Vetoomukseen kerätään nimiä 3.11.2031 saakka'));
    expect(appeal.deadline).toBe('2031-11-03');
  });
});

describe('an official named in the greeting', () => {
  it('reads the name after a lower-case office, as Finnish and Italian write it', () => {
    expect(greetedByName('Arvoisa tasavallan presidentti Maija Esimerkki,').map((l) => l.text)).toEqual(['Maija Esimerkki', 'Tasavallan presidentti']);
    expect(greetedByName('Egregio signor ministro Mario Esempio,').map((l) => l.text)).toEqual(['Mario Esempio', 'Signor ministro']);
  });

  it('reads no name where capitals do not mark where it starts, or where only an office is greeted', () => {
    expect(greetedByName('Dear Chief Justice Example,')).toEqual([]);
    expect(greetedByName('Arvoisa tasavallan presidentti,')).toEqual([]);
    expect(greetedByName('Gentile Mario Esempio,')).toEqual([]);
  });

  it('makes that person the official of a letter that gives no block for them', () => {
    const { appeal } = imported(page('Vapauttakaa vangit', '', 'Arvoisa oikeusministeri Maija Esimerkki,', '', 'Pyydän teitä vapauttamaan vangin.', '', 'Ystävällisin terveisin'));
    expect(appeal.targets.map((t) => t.name)).toEqual(['Maija Esimerkki']);
  });
});

describe('heading words', () => {
  it('never takes a heading or a form\'s mark alone on a line for an official', () => {
    for (const line of ['Appello', '(OBBLIGATORIO)', 'URGENTE', 'Urgent']) expect(isNoNameLine(line)).toBe(true);
    expect(isNoNameLine('Mario Appello')).toBe(false);
  });
});

describe('Japanese polite words that name no one', () => {
  it('takes no "担当者様" (the person in charge) or "皆様" (everyone) for an official', () => {
    const { appeal } = imported(
      page('抗議のはがきを送りましょう', '', '宛先 … 担当者様', '〒100-0001 東京都千代田区例町 1-2-3', '', '宛先 … 外務大臣 山田 一郎 様', '〒100-0005 東京都千代田区見本町 9-9'),
    );
    expect(appeal.targets.map((t) => t.name)).toEqual(['山田 一郎']);
  });
});

describe('Italian lists and sentences of officials with e-mails', () => {
  it('reads "x at y.it" as an e-mail only in a list made of such addresses', () => {
    expect(unmaskAtList('- al Ministro: ministro at esempio.it, segreteria at esempio.gov.it,')).toBe('- al Ministro: ministro@esempio.it, segreteria@esempio.gov.it');
    expect(unmaskAtList('info at esempio.org; staff at esempio.org')).toBe('info@esempio.org; staff@esempio.org');
    // A sentence that says "at" is no list: nothing changes.
    expect(unmaskAtList('We met the minister at esempio.it yesterday')).toBe('We met the minister at esempio.it yesterday');
    expect(unmaskAtList('Contatti: ministro at esempio.it, oppure chiamate')).toBe('Contatti: ministro at esempio.it, oppure chiamate');
  });

  it('makes each "to whom: e-mails" line an official, "per conoscenza" ones copies, and the quoted letter\'s long greeting its salutation', () => {
    const { appeal } = imported(
      page(
        'Una lettera per Mario Esempio',
        '',
        'Vi preghiamo di inviare una lettera ai seguenti indirizzi:',
        '- al Ministro della Giustizia della Repubblica: ministro at giustizia.example.it, gabinetto at giustizia.example.it,',
        '- per conoscenza all’Ambasciatore di Esempia: ambasciata at example.it',
        '',
        '"Egregio Ministro della Giustizia della Repubblica,',
        'le chiediamo di liberare Mario Esempio, detenuto senza processo da tre anni.',
        'Distinti saluti"',
      ),
    );
    expect(appeal.targets.map((t) => [t.name, t.emails, t.copy])).toEqual([
      ['Ministro della Giustizia della Repubblica', ['ministro@giustizia.example.it', 'gabinetto@giustizia.example.it'], false],
      ['Ambasciatore di Esempia', ['ambasciata@example.it'], true],
    ]);
    expect(appeal.letter.salutation).toBe('Egregio Ministro della Giustizia della Repubblica,');
  });

  it('reads officials a sentence names by office and name with the e-mail after each', () => {
    const { appeal } = imported(
      page(
        'Azione urgente: sgombero a Esempia',
        '',
        'Potete scrivere al Prefetto di Esempia, Dottor Mario Esempio (prefettura.esempia@example.it), o al vicesindaco di Esempia, Anna De Prova (vicesindaco@example.it).',
      ),
    );
    expect(appeal.targets.map((t) => [t.name, t.title, t.emails])).toEqual([
      ['Mario Esempio', 'Prefetto di Esempia', ['prefettura.esempia@example.it']],
      ['Anna De Prova', 'Vicesindaco di Esempia', ['vicesindaco@example.it']],
    ]);
  });
});
