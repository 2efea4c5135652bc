// Tells an official's name from its title, office and postal lines, in whichever order a block gives them.
import { HONORIFIC, ORGANISATION, ROLE } from './offices.js';
import { isOfficeOnly, isPersonLine } from './office-lines.js';

/** Name, title and organisation come first in either order ("Minister of Security" / "General ... Pacheco"); the rest is the postal address. */
export function assignLines(given: string[]): { name: string; title?: string; organisation?: string; address: string[] } {
  const lines = splitOfficeBuilding(joinBrokenTitle(given));
  // "Monsieur le Ministre de la Justice" is a title, the way French addresses name an office.
  const isRole = (l: string | undefined): boolean => l !== undefined && ROLE.test(l) && (/^(?:monsieur|madame) (?:le|la) /i.test(l) || (!ORGANISATION.test(l) && !HONORIFIC.test(l)));
  const isOrg = (l: string | undefined): boolean => l !== undefined && ORGANISATION.test(l) && !/\d/.test(l);
  // "The White House", "The Kremlin": a person's name never opens with "The" unless a form of address ("The Honorable").
  const isPerson = (l: string | undefined): boolean => l !== undefined && !/\d/.test(l) && !STREET.test(l) && (!/^the\s/i.test(l) || HONORIFIC.test(l)) && (HONORIFIC.test(l) || (!ROLE.test(l) && !ORGANISATION.test(l) && l.split(' ').length <= 6));
  let i = 0;
  let name = lines[0] ?? '';
  let title: string | undefined;
  // "Ministro dos Negócios Estrangeiros" is an office alone, never a title with its holder's name.
  const namedRole = (l: string | undefined): boolean => l !== undefined && !/\d/.test(l) && (isPerson(l) || (ROLE.test(l) && !isOfficeOnly(l) && /\s\p{Lu}[\p{L}'’.-]+\s\p{Lu}/u.test(l)));
  // "Ministry of X" / "Frau Staatsministerin" / "Christine Haderthauer": the institution, a bare title, then the person.
  if (isOrg(lines[0]) && BARE_TITLE.test(lines[1] ?? '') && ROLE.test(lines[1] ?? '') && isPerson(lines[2]) && !BARE_TITLE.test(lines[2] ?? '')) {
    return { name: lines[2] ?? name, title: lines[1], organisation: lines[0], address: lines.slice(3, 15) };
  }
  // "Bayerisches Staatsministerium des Innern" / "Staatsminister Joachim Herrmann": the person is the official, the title cut off.
  const below = isOrg(lines[0]) ? (splitTitleName(lines[1]) ?? splitOneWordTitle(lines[1])) : undefined;
  if (below && isPerson(below.name)) return { name: below.name, title: below.title, organisation: lines[0], address: lines.slice(2, 14) };
  // "Staatsministerin für Integration" / "Staatsministerin Petra Köpping": the office, then the person with a short title.
  const person = isRole(lines[0]) ? splitOneWordTitle(lines[1]) : undefined;
  if (person && isPerson(person.name)) return { name: person.name, title: lines[0], address: lines.slice(2, 14) };
  // "Colombian Embassy in the United States" / "Ambassador Luis Gilberto Murillo Urrutia": the person is second.
  if (isOrg(lines[0]) && namedRole(lines[1])) {
    return { name: lines[1] ?? name, organisation: lines[0], address: lines.slice(2, 14) };
  }
  // "Ministry of Justice" / "Minister of Justice" / "OGAWA Toshio": office, title, then the person.
  if (isOrg(lines[0]) && isRole(lines[1]) && isPerson(lines[2])) {
    return { name: lines[2] ?? name, title: lines[1], organisation: lines[0], address: lines.slice(3, 15) };
  }
  // "Public Prosecutor Hamada al-Sawi": the title, then the name, on one line.
  const titled = splitTitleName(lines[0]);
  // "Right Hon. Prime Minister Pushpa Example": the form of address is the name's, the title is what follows it.
  if (titled && !isPerson(lines[1])) return assignLines([titled.title.replace(HONORIFIC, ''), titled.name, ...lines.slice(1)]);
  // "Governor Kay Ivey" over "Alabama State Capitol": a title word and a name is the name line, not a title.
  // "General Coordinator for Human Rights" / "Ridha Khemakhem": a line that is an office alone is the title of the person below it.
  if ((isRole(lines[0]) && isPerson(lines[1]) && !ROLE_AND_NAME.test(lines[0] ?? '')) || (isOfficeOnly(lines[0] ?? '') && isPersonLine(lines[1] ?? '') && !STREET.test(lines[1] ?? ''))) {
    title = lines[0];
    name = lines[1] ?? name;
    i = 2;
  } else {
    i = 1;
    if (isRole(lines[1])) {
      title = lines[1];
      i = 2;
    }
  }
  let organisation: string | undefined;
  if (isOrg(lines[i])) {
    organisation = lines[i];
    i++;
  }
  return { name, title, organisation, address: lines.slice(i, i + 12) };
}

/*
 * "Place Beauvau", "Rue de Rivoli", "PO Box 720": a street is never a person, even without a house number; nor is an
 * office's building ("Hôtel Matignon", "Palais de l'Élysée", "Casa Presidencial").
 */
const STREET = /^(?:place|rue|avenue|av\.|boulevard|bd|all[ée]e|quai|calle|avenida|plaza|paseo|piazza|via|p\.?\s?o\.? box|postfach|h[oô]tel|palais|palacio|pal[aá]cio|casa)\s/i;

/* "Frau Staatsministerin", "Mr President", "Minister": a form of address at most, then one title word, and no name. */
const BARE_TITLE = /^(?:(?:frau|herr|herrn|mr\.?|mrs\.?|ms\.?|madame|monsieur|se[ñn]or|se[ñn]ora|the)\s+)?\p{L}+$/iu;

const CONNECTOR = /^(?:of|for|the|de|du|des|der|für|del|la)$/i;

/* A title word, then two to four capitalised names: "Governor Kay Ivey", "Prime Minister Shinzo Abe". */
const ROLE_AND_NAME = /^(?:\p{Lu}\p{Ll}+\s+)?(?:Governor|President|Premier|Minister|Prosecutor|Ambassador|Mayor|Judge|King|Queen|Emir|Sultan|Attorney General|Procurator|Gouverneur|Gobernador|Gobernadora|Pr[ée]sident|Presidente|Ministre|Ministro|Ministra)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+(?:,?\s+(?:Jr|Sr|II|III)\.?)?$/u;

/** "Public Prosecutor Hamada al-Sawi" -> title and name; undefined unless the line is a title of two to four capitalised words then two to four name words ("Governor X Y" stays whole). */
function splitTitleName(line: string | undefined): { title: string; name: string } | undefined {
  if (line === undefined || line.length > 80 || /[\d,]/.test(line)) return undefined;
  const words = line.split(' ');
  for (let i = 2; i <= Math.min(4, words.length - 2); i++) {
    const head = words.slice(0, i).join(' ');
    const rest = words.slice(i);
    const headWords = words.slice(0, i);
    // The title ends with its title word ("Public Prosecutor"); small words may join it ("Chief of the Prosecutor"), never end it.
    if (!ROLE.test(words[i - 1] ?? '') || CONNECTOR.test(words[i - 1] ?? '') || !headWords.every((w) => /^\p{Lu}/u.test(w) || CONNECTOR.test(w))) continue;
    if (rest.length < 2 || rest.length > 4 || !/^\p{Lu}\p{Ll}/u.test(rest[0] ?? '') || rest.some((w) => ROLE.test(w) || /^(?:of|de|du|der|des|General|G[ée]n[ée]ral)$/i.test(w))) continue;
    return { title: head, name: rest.join(' ') };
  }
  return undefined;
}


/** "Staatsminister Joachim Herrmann" -> title and name: one title word, then two to four capitalised name words. */
function splitOneWordTitle(line: string | undefined): { title: string; name: string } | undefined {
  const match = /^(\p{Lu}\p{L}+)\s+((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)$/u.exec(line ?? '');
  if (!match?.[1] || !match[2] || !ROLE.test(match[1]) || ROLE.test(match[2]) || ORGANISATION.test(match[2])) return undefined;
  return { title: match[1], name: match[2] };
}

/* A title line broken before its place: "Exma. Sra. Governadora do" / "Estado do Pará", "Minister of" / "Justice". */
const DANGLING = /\s(?:of|of the|for|de|de la|del|do|da|dos|das|du|des|der|von|für)$/i;

/** The first line, an office cut off after a connector, joined with the line it runs on to (never a line with digits). */
function joinBrokenTitle(lines: string[]): string[] {
  const [first, second, ...rest] = lines;
  if (first === undefined || second === undefined || !(ROLE.test(first) || ORGANISATION.test(first)) || !DANGLING.test(first) || /\d/.test(second)) return lines;
  return [`${first} ${second}`, ...rest];
}

/* "Monsieur le Président de la République, Palais de l'Élysée,": an office, then its building on the same line. */
const OFFICE_BUILDING = /^([^,]{3,80}),\s*((?:palais|palacio|pal[aá]cio|palace|h[oô]tel|casa|rue|avenue|calle|avenida)\b[^,]{2,60}),?$/iu;

/** The first line, an office with its building run on after a comma, as two lines: the office, then the building (an address line). */
function splitOfficeBuilding(lines: string[]): string[] {
  const [first, ...rest] = lines;
  const match = first === undefined ? null : OFFICE_BUILDING.exec(first);
  if (!match?.[1] || !match[2] || !ROLE.test(match[1])) return lines;
  return [match[1].trim(), match[2].trim(), ...rest];
}
