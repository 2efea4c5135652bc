// "SÜDAFRIKA Im März 2020": a letter's date line run onto the country line that ends the address above it.
import { isCountryLine } from './countries.js';
import { isDateLine } from './dates.js';

/** Longer lines are prose: a country and a date line together are short. */
const MAX_LINE = 80;
/* A country written in capitals, then the rest of the line. */
const CAPITALS_FIRST = /^\p{Lu}[\p{Lu}\s.'’-]*\p{Lu}\s/u;

/**
 * The lines with each country line that has the letter's date run onto it ("SÜDAFRIKA Im März 2020") cut in two: the
 * country ends the address, the date is the date line the block readers pass over. Other lines are left as they are.
 */
export function splitDatedCountries(lines: string[]): string[] {
  let out: string[] | undefined;
  lines.forEach((line, i) => {
    const parts = datedCountry(line);
    if (parts && !out) out = lines.slice(0, i);
    if (out) out.push(...(parts ?? [line]));
  });
  return out ?? lines;
}

/** "SÜDAFRIKA Im März 2020" -> ["SÜDAFRIKA", "Im März 2020"]; undefined for any other line. */
function datedCountry(line: string): [string, string] | undefined {
  if (line.length > MAX_LINE || !CAPITALS_FIRST.test(line)) return undefined;
  // The country is the longest run of capitals at the start that is a country, the rest a date line.
  for (let at = line.indexOf(' '); at > 0; at = line.indexOf(' ', at + 1)) {
    const country = line.slice(0, at).trim();
    const date = line.slice(at + 1).trim();
    if (country !== country.toUpperCase()) break;
    if (isCountryLine(country) && isDateLine(date)) return [country, date];
  }
  return undefined;
}
