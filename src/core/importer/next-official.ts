// Where one official's block ends and the next begins when no blank line stands between them.
import { countryOf, endsAddress, isCountryLine } from './countries.js';
import { opensOfficial, ORGANISATION } from './offices.js';

/*
 * "Embassy of Zimbabwe in the United States", "Office of the Prosecutor", "Botschaft der ...", "la Embajada de ...": a
 * line that opens with an organisation's name.
 */
const OPENS_WITH_ORGANISATION = new RegExp(String.raw`^(?:(?:the|der|die|das|la|le|l'|el|il)\s+)?(?:${ORGANISATION.source})`, 'i');

/** An address's last line: a postcode, a country alone, or a town and then the country ("Causeway, Harare, Zimbabwe"). */
function closesAddress(line: string): boolean {
  return endsAddress(line) || (line.includes(',') && countryOf(line) !== undefined);
}

/**
 * After an address's last line, a line that opens with an office or a form of address is the next official's ("Toronto
 * ON M7A 1Y6" / "Minister of Public Safety"), and so is a line that opens with an office's or an embassy's name
 * ("Causeway, Harare, Zimbabwe" / "Embassy of Zimbabwe in ..."): an address goes on after its town and country with no
 * organisation of its own. Read as one block, the second official's address and e-mail would go to the first; read
 * apart, a second block with no plausible name loses its address and the moderator is asked.
 */
export function opensNextOfficial(last: string, line: string): boolean {
  if (!closesAddress(last)) return false;
  if (opensOfficial(line)) return true;
  return line.length <= 100 && !/\d/.test(line) && OPENS_WITH_ORGANISATION.test(line);
}

/**
 * Where the next official's block starts with no blank line before it: after an address's last line (above), or after a
 * country alone ("TUNESIEN" then "Botschaft der tunesischen Republik"), at any line that opens with an organisation.
 */
export function opensNextBlock(last: string, line: string): boolean {
  if (opensNextOfficial(last, line)) return true;
  return isCountryLine(last) && last.trim().split(/\s+/).length <= 3 && OPENS_WITH_ORGANISATION.test(line.trim());
}

/* A one-line block is long: a name, an office and a street run together ("H.E. Jane Example Permanent Mission of ..."). */
const ONE_LINE_BLOCK_LENGTH = 60;

/**
 * Amnesty USA's one-line blocks stand one under the other with no blank line: a line that holds a whole official and
 * ends on a town or a country, then a line that opens with an office or a form of address and holds a whole official
 * too, are two officials. Read as one block, the second official's address would go to the first.
 */
export function opensNextOneLineBlock(last: string, line: string): boolean {
  return last.length >= ONE_LINE_BLOCK_LENGTH && line.length >= ONE_LINE_BLOCK_LENGTH && /\d/.test(line) && opensNextOfficial(last, line);
}
