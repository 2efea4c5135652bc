// Deadlines whose word follows the date, as Finnish and Japanese write them ("1.12.2006 saakka", "2025年6月24日まで"),
// and the Japanese "〆切" (closing) before a date.

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
