// The gate an official's name must pass before it may carry an address: a person's name or an office, never a
// label, a sentence, a conjunction or a web form's boilerplate.
import { isCjkName } from './cjk-names.js';
import { isCountryLine } from './countries.js';
import { HONORIFIC, ORGANISATION, ROLE } from './offices.js';

/* "Telephone (011-503) ...", "Web-Page: ...", "Country/Region: ...", "X (formerly Twitter): @...", a mail's "From": a line that labels a value names no one. */
const LABEL = /^(?:from|sent|cc|bcc|x|twitter|facebook|instagram|tiktok|tel(?:ephone|[ée]fono|[ée]phone)?|phone|fax|t[ée]l[ée]copie|mobile|cell|e-?mail|correo|courriel|web(?:[- ]?page|[- ]?site)?|site|url|online|address|adresse|direcci[oó]n|anschrift|country|region|country\/region|date|fecha|datum|subject|re|asunto|betreff|objet|ref(?:erence)?|kontakt|contact|contacto|contato|info|endere[çc]o|indirizzo|adres)(?!\p{L})\.?\s*(?:[:(/\d+]|$)/iu;
/* "and/or", "or", "y/o", "et/ou", "oder": the word between two officials' blocks, never one of them. */
export const CONJUNCTION = /^(?:and|or|and\/or|or\/and|y|o|y\/o|e|ou|et|et\/ou|und|oder|bzw\.?|en|of|en\/of)(?:\s+(?:an|to|a|à|aan))?$/i;
/* A web form's or a page's boilerplate: privacy promises, form fields, captchas, file names. */
export const PAGE_CHROME = /\b(?:never be used|will not be (?:shared|used)|privacy|separate multiple|captcha|security (?:code|test)|your (?:name|e-?mail(?: address)?)\s*:|cookies?\b|log (?:in|out)\b|subscribe|newsletter|all rights reserved|copyright)|\.(?:jpe?g|png|gif|pdf|docx?|rtf)$/i;
/* Words that may stand in lower case inside a name or an office: "Ministre de l'Intérieur", "Kingdom of Saudi Arabia". */
const SMALL = /^(?:of|the|and|for|to|in|on|at|de|del|della|di|da|das|do|dos|du|des|la|le|les|el|los|las|y|e|et|van|von|der|den|zu|für|und|bin|bint|ibn|al|el-|al-|d'|l'|ben|abu|af|av)$/i;

/* A heading of the sheet itself, never whom to write to. */
const BANNER = /\b(?:urgent action|acci[oó]n urgente|action urgente|a[cç][aã]o urgente|eilaktion|further information|weitere informationen)\b/i;
/* "(en) Some Headline", "[list-name] Headline", "Re: ...", "Fwd: ...": a mailing list's subject line, a message's headline, never whom to write to. */
const LIST_SUBJECT = /^(?:\((?:[a-z]{2}|[a-z]{2}[-_][a-z]{2})\)|\[[\w .-]{2,30}\]|(?:re|fwd?|aw|tr|rv|sv|wg)\s?:)\s*\S/i;
/* "19 August 2013", "August 19, 2013", "19.08.2013" at a line's end. */
const DATE_TAIL = /\s+(?:\d{1,2}\.?\s+\p{L}+\.?|\p{L}+\.?\s+\d{1,2},?|\d{1,2}[./]\d{1,2}[./])\s*\d{4}$/u;
/* "al-Sawi", "el-Sisi", "d'Estaing", "bin-Salman": a particle joined to a name. */
const PARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|ben|bin|ibn|abu|da|de|di|du|d|l|van|von)[-'’]\p{L}/u;

/* Month and weekday names in the languages the importer reads: "May ___", "Monday", "Juli 2015" date a letter, they name no one. */
const MONTH_OR_DAY = /^(?:jan(?:uary|vier|uar)?|feb(?:ruary|rero|ruar)?|f[ée]vrier|mar(?:ch|zo|s)?|m[äa]rz|apr(?:il)?|abril|avril|may|mayo|mai|june?|junio|juin|juni|july?|julio|juillet|juli|aug(?:ust)?|agosto|ao[uû]t|sep(?:t|tember)?|septiembre|septembre|oct(?:ober)?|octubre|octobre|oktober|nov(?:ember)?|noviembre|novembre|dec(?:ember)?|diciembre|d[ée]cembre|dezember|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\.?$/i;
/* A blog's or archive's own chrome: "Daily Archives: July 11, 2011", "Posted by", "Filed under", "Tags:", "Leave a comment", "One Comment on ...". */
const ARCHIVE_CHROME = /^(?:(?:daily|monthly|yearly|weekly|blog)\s+)?archives?\b|\b(?:posted (?:on|by|in)|filed under|permalink|read more|leave a (?:comment|reply)|share this|previous post|next post)\b|^(?:tags?|categor(?:y|ies)|labels?|archivo|archiv)\s*:|^(?:one|no|\d{1,4})\s+(?:comments?|responses?|replies|thoughts)\s+(?:on|to)\b/i;

/* A form of address alone on its line ("The Honorable" above "President George W. Bush"): the name is on the next line. */
const ADDRESS_FORM_ONLY = /^(?:the\s+)?(?:hono(?:u)?rable|hon\.?|h\.\s?e\.?|(?:his|her|your)\s+(?:excellency|majesty|highness|honou?r)|son excellence|excelent[ií]simo(?:\s+se[ñn]or)?|excelent[ií]sima(?:\s+se[ñn]ora)?|mr\.?|mrs\.?|ms\.?|dr\.?|sir|madam|sir or madam|madam\/sir|sir\/madam|herrn?|frau|se[ñn]or|se[ñn]ora|se[ñn]orita|sr\.?|sra\.?|srta\.?|don|do[ñn]a|monsieur|madame|mademoiselle|m\.|mme\.?|mlle\.?|messieurs|mesdames|signor[ea]?|sig\.(?:ra)?|excellency|excellence|exzellenz)$/i;

/* "Sehr geehrter Herr Bundespräsident Joachim Gauck,", "Dear Monte Kwinter", "Geachte heer": a letter's greeting, never its addressee's block. */
const GREETING = /^(?:dear|sehr geehrte[rn]?|sehr verehrte[rn]?|geehrte[rn]?|hochverehrte[rn]?|liebe[rn]?|estimad[oa]s?|querid[oa]s?|distinguid[oa]s?|prezad[oa]s?|caro|cara|geachte|beste|gentil[ei]|egregi[oa]|illustrissim[oa]|[äa]rade|k[äa]ra|kj[æe]re|k[æe]re|arvoisa)\s/i;

/* A heading or a form's mark alone on a line ("Appello", "(OBBLIGATORIO)", "URGENTE"): it heads or marks a field, it names no one. */
/* "dell'Interno", "all'Istruzione", "l'Intérieur", "d'Italia": an elided small word glued to a capitalised one. */
const ELIDED = /^(?:dell|dall|all|nell|sull|d|l)['’]\p{Lu}/u;
/* "Scrivere a ufficio@example.it": the verb of a request, alone before the e-mail, is no one's name. */
const REQUEST_VERB = /^(?:scrivere|scrivete|scrivi|inviare|inviate|mandare|mandate|spedire|write|escribir|escriban|escriba|enviar|env[ií]en|[ée]crire|[ée]crivez|escrever|escrevam|schreiben|schreibt|napisz(?:cie)?|pisz(?:cie|my)?)$/i;
const HEADING_WORD = /^\(?(?:appell[oi]|obbligatori[oa]|urgente|urgent|importante?|attenzione|aggiornamento|appeal|appel|llamamiento|obligatori[oa]|obligatoire|required|mandatory|pflichtfeld|dringend)\)?$/i;

/*
 * "Example of e-mail to ambassadors in ...", "Sample letter to the Minister", "Musterbrief", "Modèle de lettre", "Carta de
 * muestra", "Voorbeeldmail", or the word "Brief" ("Letter") alone: a heading over the letter that follows. "Letter from Example Group" names the letter's writer, never its addressee.
 */
const LETTER_HEADING = /^(?:(?:an?\s+|the\s+)?(?:letter|message|e-?mail|note)s?\s+from\s+\S|(?:carta|texto|mensaje) de muestra\b|(?:an?\s+)?(?:example|sample|model|template|draft|suggested)s?\s+(?:of\s+)?(?:an?\s+|the\s+)?(?:e-?mail|letter|message|appeal|text)s?\b|(?:e-?mail|letter|message)\s+template\b|(?:muster|beispiel)(?:brief|text|schreiben)\b|mod[eè]le de (?:lettre|courriel|message)\b|(?:modelo|ejemplo) de (?:carta|correo|mensaje)\b|carta modelo\b|(?:voorbeeld|model)(?:brief|mail|e-?mail|tekst|bericht)(?:en)?\b|(?:brief|letter|carta|lettre|lettera|list|brev|appell?|appeal)$)/i;

/* "An das" / "An den" / "To the" / "À la" alone above an institution: the letter's "to", never a name. */
const TO_THE_ALONE = /^(?:an(?:\s+(?:den|die|das|dem))?|to(?:\s+the)?|[àa](?:\s+la|\s+l')?|au|aux|al|a la|alla|allo|ao|à l'attention de)$/i;

/* "Justice for Jane Example", "Gerechtigkeit für ...", "Libertad para ...": a campaign's slogan for the person at risk, never whom to write to. */
const SLOGAN = /^(?:justice|freedom|free|gerechtigkeit|freiheit|justicia|libertad|libert[ée]|giustizia|libert[àa]|justi[çc]a|liberdade|vrijheid|gerechtigheid)\s+(?:for|f[üu]r|para|pour|per|voor)\s+/iu;
/** A slogan names its person with a capital after "for" ("for the Example Prisoners" is none); read apart from the "i" flag, which folds \p{Lu}. */
function isSlogan(text: string): boolean {
  const head = SLOGAN.exec(text);
  return head !== null && /^\p{Lu}/u.test(text.slice(head[0].length));
}

/* "Title", "Name:", "Address:" alone on a line: a form's caption over the field it heads, never the official's name. */
const FIELD_CAPTION = /^(?:title|job title|full name|name|names|position|office|address|titel|funktion|name und anschrift|nom|titre|fonction|nombre|t[ií]tulo|cargo|nome|naam|functie|adres|indirizzo|dirección|direccion)$/i;

/* "URGENT APPEAL: Teacher Held Without Charge", "ACTION ALERT: ...", "Appel urgent : ...": a sheet's heading and its headline. */
const HEADLINE = /^(?:urgent\s+(?:appeal|action|alert)|action\s+alert|appel\s+urgent|action\s+urgente|acci[oó]n\s+urgente|a[cç][aã]o\s+urgente|llamamiento\s+urgente|appello\s+urgente|azione\s+urgente|eil(?:aktion|appell)|dringender\s+appell|spoedactie)\s*[:!–—-]/i;
/** A sheet's heading with its headline after a colon: whatever reader proposes it, it heads the page and names no one. */
export function isHeadlineLine(line: string): boolean {
  return HEADLINE.test(line.trim());
}

/**
 * A line that can never be a name, so a block's first line of this kind is skipped, not made its official: a date or a
 * month ("May ___, 2002"), a form of address alone ("The Honorable"), a greeting ("Sehr geehrter Herr ..."), a blank to fill in (underscores or dots: "Nom : ………"), a blog's archive heading, or one short capitalised word
 * ("BY" of "BY FAX:", "TO", "CC").
 */
export function isNoNameLine(line: string): boolean {
  const text = line.trim().replace(/[,;:]+$/, '');
  // "An den Bundesaußenminister" over "Herrn F.W. Steinmeier": German letters say "to the" office above the name.
  if (/_{2,}|…{2,}|\.{4,}/.test(text) || isHeadlineLine(line) || HEADING_WORD.test(text) || REQUEST_VERB.test(text) || LETTER_HEADING.test(text) || isSlogan(text) || FIELD_CAPTION.test(text) || ARCHIVE_CHROME.test(text) || ADDRESS_FORM_ONLY.test(text) || GREETING.test(text) || /^an (?:den|die|das)\s/i.test(text) || TO_THE_ALONE.test(text)) return true;
  const words = text.replace(/[\d,./-]+/g, ' ').trim().split(/\s+/).filter((w) => w !== '');
  // Only digits and month or day names: a date ("2002", "15 May 2002", "Monday, November 15, 2004").
  if (words.every((w) => MONTH_OR_DAY.test(w))) return true;
  return words.length === 1 && text.length <= 3 && /^\p{Lu}+$/u.test(text);
}

/* A line's first word that makes it a part of a postal address: a street, a corner, a post box, a district. */
const ADDRESS_OPENER = /^(?:cnr\.?|corner|cor\.|calle|c\/|avenida|av\.|avda\.?|carrera|calzada|paseo|camino|carretera|rue|avenue|boulevard|bd|chemin|all[ée]e|quai|impasse|via|viale|piazza|corso|largo|rua|travessa|pra[çc]a|stra(?:ß|ss)e|private bag|p\.?\s?o\.?\s?box|box|postfach|apartado|casilla|bo[iî]te postale|delegaci[oó]n|alcald[ií]a|colonia|col\.|barrio|zona|distrito|municipio|comuna|district|arrondissement|bezirk|cedex)(?=\s|$)/i;
/* A seat of government named as a building ("The Palais des Nations", "Palais de l'Élysée", "Casa Rosada"): an address line. */
const BUILDING = /^(?:the\s+)?(?:palais|pal[aá]cio|palacio|palazzo|casa rosada|casa de nari[ñn]o|casa presidencial)(?=\s|$)/i;
/* A part of a building, in a comma's part of its own: "21st Floor", "Floor 3", "Suite 400", "3e étage", "piso 5", "planta 2",
   "Tower South", "Block C", "East Wing", "Edificio B". It says where in a building the office sits, never who sits there. */
const BUILDING_PART = /^(?:\d{1,3}(?:st|nd|rd|th|e|er|ère|ème|º|ª|\.)?\s+(?:floor|fl\.?|storey|etage|étage|piso|planta|stock|og|verdieping)|(?:floor|fl\.|storey|suite|ste\.|room|rm\.|unit|etage|étage|piso|planta|stock|bureau|oficina|despacho)\s+(?:no\.?\s*)?[\dA-Z][\dA-Z-]{0,4}|(?:ground|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|upper|lower|main)\s+(?:floor|storey)|(?:rez[- ]de[- ]chauss[ée]e|erdgeschoss|planta baja))$/i;
/* A building's named part: "Jean-Example Tower South", "Block C", "East Wing", "Torre Norte", "Edificio B", "Tour Nord". */
const BUILDING_WING = /(?:^|\s)(?:tower|towers|building|block|wing|tour|torre|edificio|edif[ií]cio|immeuble|geb[äa]ude|bloque|bloc|ala)\s+(?:north|south|east|west|nord|sud|est|ouest|norte|sur|oeste|este|[a-z]|\d{1,3}|[ivx]{1,4})$|^(?:north|south|east|west|nord|sud|est|ouest|norte|sur|oeste|este|left|right)\s+(?:wing|tower|block|ala|aile|fl[üu]gel)$/i;
/** A comma's part that names a floor, a suite, a tower or a wing: a building line, so an address line and never a name. */
export function isBuildingPartLine(line: string): boolean {
  return line.split(',').some((part) => {
    const text = part.trim().replace(/[.;:]+$/, '');
    return BUILDING_PART.test(text) || BUILDING_WING.test(text);
  });
}

/** A seat of government named as a building: the address of the official named above or below it, never an official. */
export function isBuildingLine(line: string): boolean {
  return BUILDING.test(line.trim());
}

/* A line's last word that makes it a part of a postal address: a street or a building ("Munhumutapa Building"). */
const ADDRESS_CLOSER = /\s(?:street|st\.|avenue|ave\.?|road|rd\.?|lane|causeway|boulevard|blvd\.?|drive|square|highway|building|bldg\.?|palace|tower|towers|complex|centre|center|plaza|estate|straße|strasse|str\.|platz|weg|gasse|ring|allee)$/i;

/**
 * A line that reads as a part of a postal address, never as an official: a street or a corner ("Cnr Samora Machel
 * Avenue and ..."), a building ("Munhumutapa Building"), a post box, a district ("Delegación Cuauhtémoc ..."), a
 * country alone, or a town before a country ("Harare, Zimbabwe"). An office ("Ministry of Justice Building") is not.
 */
export function isAddressPart(line: string): boolean {
  const text = line.trim().replace(/[,;:.]+$/, '');
  if (text === '' || isCountryLine(text)) return text !== '';
  // A town then its country: "Causeway, Harare, Zimbabwe"; a name is never followed by a country after a comma.
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length >= 2 && isCountryLine(parts[parts.length - 1] ?? '') && parts.slice(0, -1).every((p) => !ROLE.test(p) && !HONORIFIC.test(`${p} `))) return true;
  if (isBuildingLine(text) || isBuildingPartLine(text)) return true;
  if (ROLE.test(text) || ORGANISATION.test(text) || HONORIFIC.test(`${text} `)) return false;
  return ADDRESS_OPENER.test(text) || ADDRESS_CLOSER.test(text);
}

/* "URGENT ACTIONOPPOSITION LEADER ...CAREAlain Example": a page whose lines ran together glues a heading in capitals to
   the next capitalised word. No name or office is written so (read without the "i" flag, which would fold the capitals). */
const RUN_TOGETHER_HEADING = /\p{Lu}{4,}\p{Lu}\p{Ll}|\b(?:URGENT ACTION|FURTHER INFORMATION)\p{Lu}{2,}/u;
/** A heading run onto the next line's words: it heads the page, never names whom to write to. */
export function isRunTogetherHeading(text: string): boolean {
  return RUN_TOGETHER_HEADING.test(text);
}

/**
 * A plausible official: short, mostly capitalised words (or an office title), no digits run, no label, no URL or
 * e-mail, no sentence and no boilerplate. A name that fails carries no address: the preview asks the moderator.
 */
export function isPlausibleName(name: string): boolean {
  // "President Alyaksandr Lukashenka   19 August 2013": the letter's date run onto the name line is no part of it.
  if (isNoNameLine(name) || isNoNameLine(name.replace(DATE_TAIL, ''))) return false;
  const text = name.trim().replace(DATE_TAIL, '').replace(/[,;:]+$/, '');
  // Japanese script has no capitals to read: a run of kanji or katakana of a name's length passes as it is.
  if (isCjkName(text)) return true;
  if (text.length < 2 || text.length > 90) return false;
  if (LABEL.test(text) || CONJUNCTION.test(text) || PAGE_CHROME.test(text)) return false;
  // A digit is no part of a name or an office ("UA 1/33", a phone number), unless an ordinal ("5th Committee").
  if (/@|https?:\/\/|www\./i.test(text) || /\d/.test(text.replace(/\b\d{1,3}(?:st|nd|rd|th|er|e|º|ª)\b/g, ''))) return false;
  if (BANNER.test(text) || LIST_SUBJECT.test(text) || isRunTogetherHeading(text) || isAddressPart(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 12) return false;
  // A sentence: many lower-case words that are not the small words of names and offices, or a full stop after several words.
  // "dell'Interno", "de l'Intérieur": an elided small word before a capital is part of the name, as "dell' Interno" would be.
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !SMALL.test(w.replace(/[,.]$/, '')) && !PARTICLE.test(w) && !ELIDED.test(w));
  if (lower.length > 2 || (lower.length > 0 && lower.length * 2 >= words.length && !HONORIFIC.test(`${text} `))) return false;
  // "Thank you!", "Grazie di cuore!": an exclamation is the page's own voice; no name or office ends so.
  if (/!$/.test(text)) return false;
  if (/[.!?]$/.test(text) && words.length > 5 && !/\b(?:jr|sr|st|dr|mr|mrs|ms)\.$/i.test(text)) return false;
  return /^[\p{Lu}\p{Lt}("'“]/u.test(text) || HONORIFIC.test(`${text} `);
}

/** A line that opens an official's block: a form of address and a name ("Ms. Kiran Kaur", "Lic. Felix Garrid Safie"). */
export function opensWithHonorific(line: string): boolean {
  return HONORIFIC.test(line) && isPlausibleName(line.split(',')[0] ?? line);
}

/* "1.  Excelentísimo Sr. ...": the number of a list's item, before a capital. */
export const NUMBERED = /^\d{1,2}[.)]\s+(?=\p{Lu})/u;

/* "· Mr. Jane Example, Minister of Justice of Examplia,": an item of a list of officials, a form of address, a name, a comma and an office. */
const PERSON_BULLET = /^[•·▪*]\s*(?:Mr|Mrs|Ms|Dr|Mme|H\.\s?E)\.?\s+\p{Lu}[^,;:@\d]{2,60}[,;]\s*\p{Lu}/u;

/** A bullet that is an item of a list of officials, not an instruction: it opens that official's block. */
export function isPersonBullet(line: string): boolean {
  return PERSON_BULLET.test(line);
}
/* "Secretary's", "Secretary's email": a possessive qualifies a label, it names no one. */
export const POSSESSIVE = /^[\p{L} ]{1,30}['’]s$/u;
