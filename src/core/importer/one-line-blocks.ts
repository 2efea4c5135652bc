// Splits an official's block that arrived on one line (Amnesty USA's pages, flattened web pages) into its
// name, office and street.
import { isCountryLine } from './countries.js';
import { opensWithHonorific } from './name-gate.js';
import { HONORIFIC, ORGANISATION, ROLE } from './offices.js';

/* The office that follows a name on a flattened line: "H.E. Name Permanent Mission of ...", "Prosecutor Name Office of ...". */
const OFFICE_START = /\s((?:(?:Royal|Permanent|Federal|Presidential|National)\s+)?(?:[Cc]\/[Oo](?=\s)|Permanent Mission|Office of|Government of|Ministry|Department of|Embassy of|Oficina|Ministerio|Secretar[ií]a|Minist[eè]re|Ambassade|Embajada|Minister (?:of|for)|Palacio|Palais|(?<=(?:Presidential|Royal)\s+)Palace|Presidencia|Fiscal[ií]a)\b.*)$/u;

/*
 * Amnesty USA's one-line block: "Andrey Shved Prosecutor General of the Republic of Belarus Vul.
 * Internatsianalnaya, 22 ..." or "Jane Example The Inspector General of Police ...": two to four capitalised words, an
 * office that opens with a title word (after "The" or not), then
 * the street (a street word, "c/o", a post box or a number).
 */
const ONE_LINE = /^((?:(?!The\s)\p{Lu}[\p{L}'’.-]+\s+){1,3}(?!The\s)\p{Lu}[\p{L}'’-]+)\s+((?:The\s+)?(?:(?:Deputy|Acting|Chief|Head|First|Vice)\s+)?(?:Prosecutor|President|Prime Minister|Minister|Ambassador|Attorney|Governor|Director|Secretary|Chair(?:man|person)?|Commissioner|Inspector|Mayor|King|Emir|Judge|Speaker|Procurator)\b[^\d]{0,120}?)\s+((?:Vul\.|Vulitsa|Ul\.|ul\.|Str\.|Street|St\.|Avenue|Ave\.|Av\.|Calle|Rue|Carrera|Road|Rd\.|P\.?\s?O\.?\s?Box|[Cc]\/[Oo]\s|\d).*)$/u;

/** A one-line block split into name, title and address; undefined when the line is not one. */
export function splitOneLineBlock(line: string): string[] | undefined {
  if (line.length < 40) return undefined;
  const m = ONE_LINE.exec(line.slice(0, 400));
  if (m?.[1] && m[2] && m[3] && !ROLE.test(m[1])) return [m[1], ...titleThenStreet(m[2], m[3])];
  const honoured = splitOfficeHonorificName(line.slice(0, 400));
  if (honoured) return honoured;
  // "Procureur général Zbigniew Ziobro Al. Ujazdowskie 11 00-950 Warsaw Pologne": the title first.
  const t = TITLE_FIRST.exec(line.slice(0, 400));
  if (t?.[1] && t[2] && t[3] && ROLE.test(t[1]) && !ROLE.test(t[2])) return [t[1], t[2], t[3]];
  return splitOfficeNameStreet(line.slice(0, 400)) ?? splitTitleCommaName(line.slice(0, 400)) ?? splitOfficeFormName(line.slice(0, 400)) ?? splitCountryOfficeStreet(line.slice(0, 400));
}

/*
 * "Governor of Lagos State H.E. Jane Q Example Governor’s Office Ikeja ...", "Prime Minister H.E Jane Example Government of
 * Examplia P.O Box 12 ...": an office (of a place or not), a form of address,
 * the person's two to four capitalised words, then where to write (the office's own "Governor’s Office", "Office of",
 * "State House", a street word or a house number).
 */
const OFFICE_FORM_NAME = /^(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?(?:\s+(?:of|for)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)?)\s+((?:H\.\s?E\.?|His Excellency|Her Excellency|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+(?:\p{Lu}[\p{L}'’.-]+\s+){1,3}\p{Lu}[\p{L}'’-]+)\s+((?:\p{Lu}\p{Ll}+['’]s\s+(?:Office|House|Lodge)|Office of|Government of|State House|Government House|P\.?\s?O\.?\s?Box|\d)(?:\s|,).*)$/u;

/** An office, a form of address and a name, then the address: the person (with the form), the office, the address. */
function splitOfficeFormName(line: string): string[] | undefined {
  const m = OFFICE_FORM_NAME.exec(line);
  if (!m?.[1] || !m[2] || !m[3] || !ROLE.test(m[1]) || ROLE.test(m[2].replace(HONORIFIC, ''))) return undefined;
  return [m[2], m[1], m[3]];
}

/* "Prime Minister of Canada 80 Example Street Ottawa ...": an office of a country, no person, then a house number and its street. */
const COUNTRY_OFFICE_STREET = /^(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+(?:of|for)\s+)((?:the\s+)?(?:\p{Lu}[\p{L}'’-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)\s+(\d[\dA-Za-z/-]*,?\s+\p{Lu}.*)$/u;

/**
 * An office that names its country and no one who holds it, then the street: the office is the official the page gives
 * (as "Prime Minister of Canada" on an envelope), the rest the address. Only a country counts after "of": "Minister of
 * Jane Example 12 ..." names a person, not an office.
 */
function splitCountryOfficeStreet(line: string): string[] | undefined {
  const m = COUNTRY_OFFICE_STREET.exec(line);
  if (!m?.[1] || !m[2] || !m[3] || !ROLE.test(m[1]) || !isCountryLine(m[2])) return undefined;
  return [`${m[1]}${m[2]}`, m[3]];
}

/*
 * "Director of Example Division Mr. A.B.C. Example No. 149, Example Building, Town": an office, then a form of address
 * that says where the person's name starts (initials and all), then the street from its number.
 */
const OFFICE_HONORIFIC_NAME = /^(\p{Lu}[^\d,:;@]{2,100}?)\s+((?:Mr|Mrs|Ms|Dr|Mme|Sr|Sra)\.?\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+)\s+((?:No\.\s*\d|\d|P\.?\s?O\.?\s?Box|[Cc]\/[Oo]\s).*)$/u;

/** An office, a form of address and a name, then the street: the person (with their form of address), the office, the street. */
function splitOfficeHonorificName(line: string): string[] | undefined {
  const m = OFFICE_HONORIFIC_NAME.exec(line);
  if (!m?.[1] || !m[2] || !m[3] || !OPENS_ROLE.test(m[1])) return undefined;
  return [m[2], m[1].trim(), m[3]];
}

/* An office at the start of a line: "Director of ...", "Deputy Minister of ...". */
const OPENS_ROLE = new RegExp(`^(?:(?:Deputy|Acting|Chief|Head|First|Vice)\\s+)?(?:${ROLE.source})`, 'i');

/* A person's capitalised words after an office and a comma: "Jane Example", "O. Example", "Vikror Example". */
const PERSON_AFTER_COMMA = /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+$/u;

/**
 * "Minister of Justice, Jane Example" opening a block: the office, a comma, then the person, who is the official; the
 * office is their title. Words of an office or an organisation after the comma ("Ministry of Justice, Kyiv Office") are no person.
 */
export function officeCommaName(texts: string[]): string[] | undefined {
  const first = texts[0] ?? '';
  const parts = first.split(',');
  if (parts.length !== 2 || /\d/.test(first)) return undefined;
  const office = (parts[0] ?? '').trim();
  const person = (parts[1] ?? '').trim();
  // "General Prosecutor" opens like a form of address ("General Example"): the line is left whole, as a name.
  if (!/^\p{Lu}/u.test(office) || !ROLE.test(office) || HONORIFIC.test(`${office} `) || ORGANISATION.test(office.split(/\s+/)[0] ?? '')) return undefined;
  if (!PERSON_AFTER_COMMA.test(person) || ROLE.test(person) || ORGANISATION.test(person) || isCountryLine(person)) return undefined;
  return [person, office, ...texts.slice(1)];
}

/* "Head of judiciary, Jane Q Example c/o Embassy of ... 1050 Brussels": an office, a comma, the person's capitalised words, then where to write. */
const TITLE_COMMA_NAME = /^([^,\d]{3,60}),\s+((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)\s+((?:[Cc]\/[Oo]\s|Office of|Embassy of|Permanent Mission|Ministry|Department of|\d).*)$/u;

/**
 * Amnesty USA writes some blocks title first: "Head of judiciary, Jane Q Example c/o Embassy of ...". The office, the
 * person, then the address as the page gives it ("c/o" kept: it is the person's own postal route, in care of the embassy).
 */
function splitTitleCommaName(line: string): string[] | undefined {
  const m = TITLE_COMMA_NAME.exec(line);
  if (!m?.[1] || !m[2] || !m[3] || !ROLE.test(m[1]) || ROLE.test(m[2])) return undefined;
  return [m[2], m[1].trim(), m[3]];
}

/* An office that ends with its country: "Prosecutor General of the Republic of Belarus", "President of Cuba". */
const OF_COUNTRY = /\bof\s+(?:the\s+)?(?:(?:Republic|Kingdom|State|Federation)\s+of\s+(?:the\s+)?)?/gu;

/**
 * "Prosecutor General of the Republic of Belarus Internatsionalnaya str. 22 ...": an office that names its country
 * ends there; what follows is the street, though no street word the splitter knows opens it.
 */
function titleThenStreet(title: string, street: string): string[] {
  for (const of of title.matchAll(OF_COUNTRY)) {
    const rest = title.slice((of.index ?? 0) + of[0].length).split(' ');
    for (let n = Math.min(3, rest.length - 1); n >= 1; n--) {
      if (isCountryLine(rest.slice(0, n).join(' '))) return [title.slice(0, (of.index ?? 0) + of[0].length) + rest.slice(0, n).join(' '), `${rest.slice(n).join(' ')} ${street}`];
    }
  }
  return [title, street];
}

/* "Minister of Interior Olga Sánchez Cordero Calle Abraham ...": an office whose domain is capitalised, then the name. */
const OFFICE_OF = /^(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+(?:of|for|de|del|of the)\s+)(.+)$/u;
/* Where the street begins: a street word or a house number, or the office's own ministry or presidency ("Secretaría de Estado ...", "Présidence de la République ..."; its accented letter may arrive garbled). */
const STREET_WORD = /\s((?:Calle|Avenida|Av\.|Avda\.|Carrera|Calzada|Paseo|Rue|Boulevard|Vul\.|Ul\.|P\.?\s?O\.?\s?Box|Private Bag|\d|(?:Secretar\S{1,3}a|Ministerio|Ministry|Minist\S{1,2}re|Embassy|Embajada|Office of|Oficina|Palacio|Palais|Casa Presidencial|Pr[ée]sidence|Presidencia|Presid[eê]ncia)(?=\s)).*)$/u;
/* Words that belong to an office's domain, never to a person's name: "Foreign Affairs", "Public Security". */
const DOMAIN_WORD = /^(?:interior|justice|justicia|foreign|affairs|home|defen[cs]e|security|public|state|republic|government|internal|exterior|exteriores|relaciones|seguridad|gobernaci[oó]n|p[uú]blica|nation|national|nacional|finance|health|education|labou?r|human|rights|derechos|humanos|la|el|the)$/i;

/**
 * "Minister of Interior Olga Sánchez Cordero Calle Abraham González No. 48 ...": the office, the person's two or three
 * capitalised words, then the street from its street word or number. The person's words are the last ones before the
 * street that are not an office's domain ("Interior", "Affairs") or its country ("... of Examplia Jane Example"), so the office
 * keeps at least one word after "of".
 */
function splitOfficeNameStreet(line: string): string[] | undefined {
  const office = OFFICE_OF.exec(line);
  if (!office?.[1] || !office[2] || !ROLE.test(office[1])) return undefined;
  const street = STREET_WORD.exec(office[2]);
  if (!street?.[1]) return undefined;
  const words = office[2].slice(0, street.index).trim().split(/\s+/);
  let start = words.length;
  while (start > 1 && words.length - start < 4 && /^\p{Lu}[\p{L}'’-]+$/u.test(words[start - 1] ?? '') && !DOMAIN_WORD.test(words[start - 1] ?? '') && !isCountryLine(words[start - 1] ?? '')) start--;
  const name = words.slice(start);
  if (name.length < 2) return undefined;
  return [`${office[1]}${words.slice(0, start).join(' ')}`, name.join(' '), street[1]];
}

/*
 * A title (a title word and its lower-case words), two or three capitalised names, then an abbreviated street ("St. ",
 * "Av. ") or a number. A lone capital and a full stop ("Ana Maria Q. Example") is a middle initial, no street.
 */
const TITLE_FIRST = /^(\p{Lu}\p{Ll}+(?:\s+(?:\p{Ll}[\p{L}'’-]*|of|the))*)\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,2}\p{Lu}[\p{L}'’-]+)\s+((?:\p{Lu}\p{Ll}{1,3}\.\s|\d).*)$/u;

/** "H.E. Majid Takht Ravanchi Permanent Mission of ..." -> the name, then the office on its own line. */
export function splitNameFromOffice(lines: string[]): string[] {
  const first = lines[0];
  if (first === undefined || first.length < 30) return lines;
  const office = OFFICE_START.exec(first);
  const head = office ? first.slice(0, office.index).trim() : '';
  if (!office?.[1] || !/\p{Lu}[\p{L}'’.-]*\s+\p{Lu}/u.test(head) || head.split(' ').length > MAX_NAME_WORDS) return lines;
  // "New York Office of the High Commissioner ..." over "New York, NY 10017": the words the block's town line repeats are the office's place, no name.
  if (lines.slice(1).some((line) => line.startsWith(`${head},`) || line.startsWith(`${head} `))) return lines;
  return [head, office[1], ...lines.slice(1)];
}

/* A long form of address makes a long name: "His Majesty King Salman bin Abdul Aziz Al Saud" is nine words. */
const MAX_NAME_WORDS = 10;

/* Where the street starts in an office run on from a name: a house number, then a capitalised word ("601 New Hampshire Ave.") or a numbered street ("2630 16th Street NW"). */
const STREET_START = /\s(?=\d[\dA-Za-z/-]*,?\s+(?:\d+(?:st|nd|rd|th)\s+)?\p{Lu})/u;

/**
 * Amnesty USA's current block, "His Majesty King Salman ... Office of His Majesty the King Royal Court, Riyadh
 * Kingdom of Saudi Arabia" or "Ambassador Princess Reema ... Royal Embassy of Saudi Arabia 601 New Hampshire Ave.,
 * NW Washington, DC 20037": the name, the office, then the street from its house number on, kept whole (its commas
 * part street and town, not name and office). Undefined when the line opens with no name before an office, or
 * when a comma ends the name (a comma-separated list).
 */
export function splitFlatOfficeBlock(line: string): string[] | undefined {
  if (line.length < 60) return undefined;
  const split = splitNameFromOffice([line.slice(0, 400)]);
  if (split.length < 2) return undefined;
  const [name = '', office = ''] = split;
  // "Minister Dawda Jallow, Ministry of Justice, Marina Parade": commas part name and office, a list read elsewhere.
  if (name.includes(',')) return undefined;
  const street = STREET_START.exec(office);
  if (!street || street.index < 10) return [name, ...splitCountry(office)];
  return [name, office.slice(0, street.index).trim(), office.slice(street.index).trim()];
}

/** "Office of the King Royal Court, Riyadh Kingdom of Saudi Arabia" -> the office, then the country it ends with. */
function splitCountry(office: string): string[] {
  const words = office.split(' ');
  for (let n = Math.min(6, words.length - 2); n >= 1; n--) {
    const tail = words.slice(-n).join(' ');
    if (isCountryLine(tail)) return [words.slice(0, -n).join(' '), tail];
  }
  return [office];
}

/* Two to four capitalised words, after a form of address or none: "Mr Alex Example", "Ken O’Example". */
const PERSON = /^(?:(?:the\s+)?(?:hon\.?|honou?rable|mr\.?|mrs\.?|ms\.?|dr\.?|senator|sen\.)\s+)?(?:\p{Lu}[\p{L}'’.-]+\s+){1,3}\p{Lu}[\p{L}'’-]+$/iu;
/* An office at the start of what follows the name: "Minister for ...", "MP, Federal Member for ...". */
const OFFICE_OPENS = new RegExp(`^(?:MP\\b|(?:(?:Deputy|Acting|Federal|State|Chief)\\s+)?(?:${ROLE.source}))`, 'i');

/** "Dr. Agustín García Calderón,: Presidente de la Corte Suprema": a person, a comma, then their office. */
export function nameCommaTitle(texts: string[]): string[] | undefined {
  const first = texts[0] ?? '';
  const comma = first.indexOf(',');
  if (comma < 0) return undefined;
  const head = first.slice(0, comma).trim();
  const office = first.slice(comma + 1).replace(/^[\s:]+|[\s:]+$/g, '');
  if (office === '') return undefined;
  if (first.split(',').length === 2 && opensWithHonorific(head) && ROLE.test(office)) return [head, office, ...texts.slice(1)];
  // "Mr Alex Hawke, Minister for Immigration, Citizenship, ...", "Ken Example, MP, Federal Member for ...": after a short
  // name, an office that opens the rest takes all of it, commas and all (a list of three parts or more).
  if (first.split(',').length >= 3 && PERSON.test(head) && OFFICE_OPENS.test(office)) return [head, office, ...texts.slice(1)];
  return undefined;
}

/**
 * "Jane Example: Minister of Citizenship and Immigration": a person, a colon, then their office, on the block's first line.
 * The person is the official, the office their title; "Minister of Justice: Jane Example" (office first) is not this.
 */
export function nameColonTitle(texts: string[]): string[] | undefined {
  const first = texts[0] ?? '';
  const colon = first.indexOf(':');
  if (colon < 0 || first.indexOf(':', colon + 1) >= 0) return undefined;
  const head = first.slice(0, colon).trim();
  const office = first.slice(colon + 1).trim();
  if (!PERSON.test(head) || ROLE.test(head) || !OFFICE_OPENS.test(office)) return undefined;
  return [head, office, ...texts.slice(1)];
}

/*
 * "Mr Abdülhamit Example Minister of Justice": after a form of address, a person's capitalised words, then an office
 * that opens with a title word and says of what ("of", "for", "de"). "His Excellency Ambassador Jane Example" says of
 * nothing: its title word is part of the name line.
 */
const PERSON_THEN_OFFICE = /^((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)\s+((?:(?:Deputy|Acting|Vice|First)\s+)?\p{Lu}\p{Ll}+(?:\s+General)?\s+(?:of|for|de|del|du|des|der|für)\s+[^\d]{3,80})$/u;

/* Words that qualify an office ("Human Rights Commissioner of ..."), never a person's given name or surname. */
const OFFICE_QUALIFIER = /^(?:human|rights|national|federal|state|public|supreme|high|special|regional|district|city|county|provincial|police|army|military|justice|interior|foreign|affairs|defen[cs]e|security|general|royal|permanent|presidential|chief|deputy|acting|vice|first|the|new|south|north|east|west|united)$/i;

/**
 * A form of address, a name and an office on one line, as the name's line and the office's. Without a form of
 * address ("Jane Example President of Examplia" over the office's address), two to four words of a person's name only.
 */
export function nameThenOffice(texts: string[]): string[] | undefined {
  const first = (texts[0] ?? '').slice(0, 200);
  const form = HONORIFIC.exec(`${first} `)?.[0] ?? '';
  const match = PERSON_THEN_OFFICE.exec(first.slice(form.length));
  if (!match?.[1] || !match[2]) return undefined;
  if (form === '' && (texts.length < 2 || match[1].split(/\s+/).some((word) => OFFICE_QUALIFIER.test(word) || ORGANISATION.test(word)))) return undefined;
  const office = match[2];
  if (!ROLE.test(office.split(' ').slice(0, 2).join(' ')) || match[1].split(/\s+/).some((word) => ROLE.test(word) || /^excellen/i.test(word))) return undefined;
  return [`${form}${match[1]}`, office, ...texts.slice(1)];
}

/* Two to four capitalised name words. */
const NAME_WORDS = /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+$/u;

/**
 * "President of the Republic of South Sudan Salva Kiir Mayardit": a block's first line that names an office of a
 * country, then its holder, as the person's line and the office's, so the person is the official. The words before the
 * name must read as a country ("the Republic of South Sudan"), so no name word is taken for a place or the reverse.
 */
export function officeOfCountryName(texts: string[]): string[] | undefined {
  const m = OFFICE_OF.exec((texts[0] ?? '').slice(0, 160));
  if (!m?.[1] || !m[2] || !ROLE.test(m[1])) return undefined;
  const words = m[2].split(/\s+/);
  for (let n = 2; n <= Math.min(4, words.length - 1); n++) {
    const name = words.slice(-n).join(' ');
    const place = words.slice(0, -n).join(' ');
    if (NAME_WORDS.test(name) && !ROLE.test(name) && !ORGANISATION.test(name) && isCountryLine(place)) return [name, `${m[1]}${place}`, ...texts.slice(1)];
  }
  return undefined;
}
