// Officials named in Japanese script: a name in kanji or katakana beside its office title ("内閣総理大臣 岸田 文雄 様",
// "川口順子外務大臣", "イツハク・リオール駐日大使"), with the postal lines (〒) and e-mails that follow it.
import type { Section } from './sections.js';
import type { ParsedTarget } from './types.js';

/* A run of katakana (with the long mark), parts joined by "・", a Latin initial allowed between them: "ハワード・H・ベーカー". */
const KATAKANA_NAME = String.raw`[ァ-ヴー]{2,}(?:・(?:[A-Z]\.?|[ァ-ヴー]{2,}))*`;
/* A name in kanji: family and given names, with or without a space between them ("岸田 文雄", "川口順子"). */
const KANJI_NAME = String.raw`\p{Script=Han}{1,3}[ \u3000]?\p{Script=Han}{1,3}`;
/*
 * An office title: a ministry's minister, the prime minister ("総理" for short), a member of the Diet ("代議士"), a
 * president, an ambassador, a secretary of state, a governor or mayor. The ministry prefixes are listed so that a kanji name run into its title splits where the title starts.
 */
const TITLE = String.raw`(?:内閣総理大臣|総理大臣|総理|首相|代議士|大統領|(?:駐日)?(?:特命全権)?大使|国務長官|(?:外務|防衛|国防|法務|財務|総務|内務|司法|厚生労働|国土交通|文部科学|経済産業|農林水産|環境|警察|官房)(?:大臣|長官|相)|知事|市長|議長)(?![館省府局庁])`;
/* A Japanese honorific after a name: "様", "殿", "閣下". */
const HONORIFIC = String.raw`(?:様|殿|閣下)`;

/* "内閣総理大臣 岸田 文雄 様", "宛 名 斉藤 鉄夫 様", "外務大臣 林芳正殿": a title (or nothing) before, an honorific after. */
const TITLE_NAME_HONORIFIC = new RegExp(String.raw`(?:(${TITLE})[ \u3000]*)?(${KATAKANA_NAME}|${KANJI_NAME})[ \u3000]*${HONORIFIC}`, 'u');
/* "*川口順子外務大臣 〒...", "(イツハク・リオール駐日大使)": a list item or a bracket opening with a name run into its title. */
const NAME_TITLE_ITEM = new RegExp(String.raw`^[*＊・●■◆◇○-]?[^(（]{0,20}?[(（]?(${KATAKANA_NAME}|\p{Script=Han}{2,4}?)(${TITLE})(.*)$`, 'u');
/* A Japanese postal line: a postcode mark, or a prefecture and ward opening the line ("東京都千代田区..."). */
const POSTAL = /(〒\s?\d{3}-?\d{4}[^\n]*|^(?:東京都|北海道|(?:京都|大阪)府|\p{Script=Han}{2,3}県)\p{Script=Han}{1,4}[市区町村][^\n]*)/u;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
/* The next recipient's marker: a list bullet or a numbered heading ("❷−2", "1.宛 先"). */
const NEXT_ITEM = /^(?:[*＊●■◆◇○]|[❶-❿]|\d\s?[.．]\s*宛\s?[先名])/u;

/* "オルメルト首相事務所のファックス番号とメールアドレスは以下の通りです。": a sentence saying the contacts below are an official's. */
const CONTACTS_BELOW = new RegExp(String.raw`(${KATAKANA_NAME}|\p{Script=Han}{2,4}?)(${TITLE})(?:事務所|官邸)?の[^。]{0,30}(?:メールアドレス|ファックス|FAX|住所|宛先)[^。]{0,20}(?:以下|次)`, 'u');

/*
 * A request to the reader to send something to an official named with their title: "福田総理宛に年賀状を出そう!",
 * "福田総理に宛てて...年賀状を出しませんか", "戸井田代議士へFAXで送ってください". The name is the kanji or katakana run right
 * before the title; the request's verb (let's send, won't you send, please send) follows in the same sentence.
 */
const ADDRESSED_REQUEST = new RegExp(
  String.raw`(?<![\p{Script=Han}ァ-ヴー])(${KATAKANA_NAME}|\p{Script=Han}{2,4}?)(${TITLE})(?:宛て?に?|に宛てて|へ)[^。\n]{0,80}?(?:出そう|送ろう|書こう|出しましょう|送りましょう|出しませんか|送りませんか|書きませんか|(?:出して|送って|書いて)(?:ください|下さい))`,
  'gu',
);

/** The officials a Japanese request names as whom to send to (no contact: the page gives none). */
function requestedOfficials(lines: string[]): ParsedTarget[] {
  const found: ParsedTarget[] = [];
  for (const raw of lines) {
    const line = raw.slice(0, 2000);
    if (!hasJapanese(line)) continue;
    for (const match of line.matchAll(ADDRESSED_REQUEST)) {
      const [whole, name, title] = match;
      if (!name || !title || found.some((f) => f.target.name === name) || found.length >= 3) continue;
      found.push({ target: { name, title, address: [], emails: [], social: [], copy: false }, origins: [{ value: name, line: whole.slice(0, 200) }] });
    }
  }
  return found;
}

/* A whole line that is a name in katakana or kanji. */
const CJK_NAME = new RegExp(String.raw`^(?:${KATAKANA_NAME}|${KANJI_NAME})$`, 'u');

/** Whether a line (or a name) is written in Japanese script: kana or kanji and nothing Latin but initials. */
export function isCjkName(text: string): boolean {
  return CJK_NAME.test(text.trim());
}

/** A name and title read from one line, when the line names an official in Japanese script. */
function officialOn(line: string): { name: string; title?: string; rest: string } | undefined {
  const honoured = TITLE_NAME_HONORIFIC.exec(line);
  // "担当者様", "皆様", "お客様": a person in charge or everyone, greeted politely, is no one's name.
  if (honoured?.[2] && !/(?:者|皆|客|方|位)$/u.test(honoured[2]) && !/[ぁ-ん]$/u.test(line.slice(0, honoured.index ?? 0))) return { name: honoured[2].trim(), ...(honoured[1] ? { title: honoured[1] } : {}), rest: line.slice((honoured.index ?? 0) + honoured[0].length) };
  const item = /^[*＊・●■◆◇○-]|[(（]/u.test(line) ? NAME_TITLE_ITEM.exec(line) : null;
  if (item?.[1] && item[2]) return { name: item[1], title: item[2], rest: item[3] ?? '' };
  return undefined;
}

/**
 * The officials of a Japanese text: each line that names one (by title and honorific, or as a list item with its title),
 * with the postal line and e-mail on it or on the lines below, up to the next item. Truncated e-mails ("webmaster@...")
 * are no address. Only lines outside the story are read.
 */
/* Kana or kanji: a line that may name a Japanese official. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

const hasJapanese = (line: string): boolean => JAPANESE.test(line);

export function japaneseOfficials(sections: Section[]): ParsedTarget[] {
  const found: ParsedTarget[] = [];
  // Most texts hold no Japanese at all: nothing is gathered or tested for them.
  if (!sections.some((s) => s.kind !== 'background' && (JAPANESE.test(s.heading) || s.lines.some(hasJapanese)))) return found;
  const lines = sections.filter((s) => s.kind !== 'background').flatMap((s) => [s.heading, ...s.lines]);
  for (let i = 0; i < lines.length && found.length < 30; i++) {
    // Only a line's first 2,000 characters are read, so a pasted run of kana costs no more than a short line.
    const line = (lines[i] ?? '').slice(0, 2000).trim();
    // A sentence of the story names officials too ("シャロン首相、ブッシュ大統領..."): only short lines are read.
    const below = CONTACTS_BELOW.exec(line);
    if ((line.length > 80 || /[。、]/.test(line)) && !below) continue;
    const official = below?.[1] && below[2] ? { name: below[1], title: below[2], rest: '' } : officialOn(line);
    if (!official) continue;
    const address: string[] = [];
    const emails: string[] = [];
    const target: ParsedTarget = { target: { name: official.name, address, emails, social: [], copy: false }, origins: [{ value: official.name, line: line.slice(0, 200) }] };
    if (official.title) target.target.title = official.title;
    const take = (text: string): void => {
      const postal = POSTAL.exec(text.trim())?.[1]?.trim();
      if (postal && !address.includes(postal)) {
        address.push(postal);
        target.origins.push({ value: postal, line: text.slice(0, 200) });
      }
      const email = EMAIL.exec(text)?.[0];
      if (email && !emails.includes(email)) {
        emails.push(email);
        target.origins.push({ value: email, line: text.slice(0, 200) });
      }
    };
    take(official.rest);
    for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
      const next = (lines[j] ?? '').slice(0, 2000).trim();
      if (NEXT_ITEM.test(next) || officialOn(next)) break;
      take(next);
    }
    found.push(target);
  }
  // No line names an official with an address or a bullet: the request to the reader may name one ("福田総理宛に...出そう").
  return found.length > 0 ? found : requestedOfficials(lines);
}
