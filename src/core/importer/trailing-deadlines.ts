// Deadlines whose word follows the date, as Finnish and Japanese write them ("1.12.2006 saakka", "2025年6月24日まで"),
// the Japanese "〆切" (closing) before a date, and a Japanese date without its year ("3月10日以前の消印分まで有効").

/* "1.12.2006 saakka", "31.1.2027 mennessä", "15.3.2020 asti": day, month and year with dots, then "until". */
const FINNISH = /(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(?:saakka|asti|menness[äa])(?!\p{L})/u;
const JAPANESE_DATE = String.raw`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`;
/* "2025年6月24日（火）まで", "2025年6月24日までに": a full date, a weekday in brackets maybe, then "until". */
const JAPANESE_UNTIL = new RegExp(String.raw`${JAPANESE_DATE}\s*(?:[(（][^)）]{1,3}[)）])?\s*(?:まで|迄)`, 'u');
/* "〆切：2025年6月24日", "〆切り 2025年6月24日". */
const JAPANESE_CLOSING = new RegExp(String.raw`〆切?り?\s*[:：]?\s*${JAPANESE_DATE}`, 'u');

const DIGIT = /\d/;

/** The deadline a line gives with its word after the date (or after "〆切"), as YYYY-MM-DD. */
export function trailingDeadline(line: string): string | undefined {
  const text = line.slice(0, 400);
  // Every form has a date in digits: a line without a digit (most lines) is not run through the three patterns.
  if (!DIGIT.test(text)) return undefined;
  const finnish = FINNISH.exec(text);
  if (finnish) return iso(finnish[3], finnish[2], finnish[1]);
  const japanese = JAPANESE_UNTIL.exec(text) ?? JAPANESE_CLOSING.exec(text);
  return japanese ? iso(japanese[1], japanese[2], japanese[3]) : undefined;
}

function iso(year: string | undefined, month: string | undefined, day: string | undefined): string | undefined {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/*
 * "3月10日以前の消印分まで有効" (postmarked on or before), "3月10日必着" (to arrive by), "3月10日（月）まで": a month and a day
 * without the year, then the word that makes it a deadline. A year before the month ("2008年3月10日") is the full form above.
 */
const JAPANESE_YEARLESS = /(?<![\d年]\s*)(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[(（][^)）]{1,3}[)）])?\s*(?:まで|迄|以前|必着|消印有効|〆切|締め?切)/u;
/* The page's own date in Japanese or with slashes: "2008/3/8", "2008年3月8日". */
const JAPANESE_PAGE_DATE = /(?<!\d)((?:19|20)\d{2})\s*(?:\/|年)\s*(\d{1,2})\s*(?:\/|月)\s*(\d{1,2})(?!\d)/u;

/** The first full date a Japanese text gives (a page's date, "(2008/3/8 改訂)"), as YYYY-MM-DD. */
export function japanesePageDate(lines: Iterable<string>): string | undefined {
  for (const line of lines) {
    if (!DIGIT.test(line)) continue;
    const m = JAPANESE_PAGE_DATE.exec(line.slice(0, 400));
    const date = m ? iso(m[1], m[2], m[3]) : undefined;
    if (date) return date;
  }
  return undefined;
}

/** A Japanese deadline without its year, read as the first such day on or after the page's own date. */
export function japaneseYearlessDeadline(line: string, dated: string): string | undefined {
  const m = JAPANESE_YEARLESS.exec(line.slice(0, 400));
  if (!m) return undefined;
  const year = Number(dated.slice(0, 4));
  const same = iso(String(year), m[1], m[2]);
  return same !== undefined && same >= dated ? same : iso(String(year + 1), m[1], m[2]);
}
