// The solidarity part of an appeal: a card or message to the person at risk, read only where the text asks for one.
import type { Solidarity } from '../appeal.js';
import { ROLE } from './offices.js';
import { foldKey, type Section } from './sections.js';

/*
 * Write for Rights cases and some Urgent Actions ask for two things: a letter to an official and a card to the
 * person at risk ("Send her your drawings and messages of solidarity and hope: Zeynab Jalalian, Khoy Prison, ...").
 * The card's part is read only from a line that asks for it, never guessed; its address is never an official's.
 */

/* The request, accent-free: "send ... messages of solidarity", "show your solidarity", "write a card to", German, French, Spanish. */
const ASK =
  /(?:^|[•·▪*–\-\s])(?:please\s+)?(?:(?:send|write|post)\b[^.:]{0,60}?\b(?:messages?|cards?|notes?|letters?|words?) of (?:solidarity|support|hope)\b|send (?:her|him|them|the family) (?:a )?(?:card|message)s?\b|send(?:ing)? (?:a |an )?(?:card|postcard|message)s? expressing (?:support|solidarity)\b|show (?:your|our) solidarity\b|write (?:a |an )?(?:solidarity )?(?:card|postcard|message of solidarity|solidarity message) to\b|schreiben sie\b[^.:]{0,60}?\bsolidarit[aä]tsbotschaft|solidarit[aä]tskarten?\b[^.:]{0,40}?\b(?:an|schreiben|senden)\b|envoyez\b[^.:]{0,40}?\b(?:message|carte)s? de solidarit[ée]|[ée]crivez (?:une carte|un message)\b|env[ií]a(?:le|les)?\b[^.:]{0,40}?\b(?:mensajes?|tarjetas?) de (?:solidaridad|apoyo)|escr[ií]be(?:le|les)? (?:una tarjeta|un mensaje))/i;

/* "to Zeynab Jalalian:", "an Nasrin Sotoudeh:", "à Ahmed:", "a María:" before the colon of the request. */
const TO_NAME = /\b(?:to|an|à|a)\s+(\p{Lu}[\p{L}'’.-]+(?:\s+(?:al-|el-|de\s+|da\s+|van\s+)?\p{Lu}[\p{L}'’.-]+){0,4})\s*[:,]?\s*$/u;
/* "#FreeJane", "#Example2025": a hashtag has a letter; "#322800" is a prisoner's number. */
const HASHTAG = /(?<![\p{L}\d_])#(?=[\d_]*\p{L})[\p{L}\d_]{2,60}/gu;
/* Safety advice beside the request: "Do not include your home address", "Schreiben Sie nicht Ihre Adresse". */
const ADVICE = /^(?:[•·▪*–-]\s*)?(?:please\s+)?(?:do not|don['’]t|never|avoid)\b[^.]{0,120}\b(?:address|name|politic|religio)|nennen sie nicht|keine (?:politischen|religi[öo]sen)|n['’]indiquez pas|no (?:incluyas|escribas|pongas)/i;
const LANGUAGES = /\b(?:in|en|auf)\s+((?:English|Spanish|French|German|Arabic|Persian|Farsi|Russian|Chinese|Portuguese|Turkish|Englisch|Spanisch|Französisch|Deutsch|Arabisch|Persisch|Russisch|inglés|español|francés|árabe|anglais|espagnol|français|arabe)(?:\s*(?:,|or|oder|o|ou|and|und|y|et)\s*(?:English|Spanish|French|German|Arabic|Persian|Farsi|Russian|Chinese|Portuguese|Turkish|Englisch|Spanisch|Französisch|Deutsch|Arabisch|Persisch|Russisch|inglés|español|francés|árabe|anglais|espagnol|français|arabe))*)/u;

const line500 = (s: string): string => (s.length > 500 ? s.slice(0, 500).trim() : s);

/** The solidarity part the text asks for, or undefined. Reads at most the first 2,000 lines of the text. */
export function findSolidarity(sections: Section[]): Solidarity | undefined {
  const lines: string[] = [];
  for (const section of sections) {
    if (lines.length >= 2000) break;
    if (section.kind !== 'background') lines.push(section.heading, ...section.lines.slice(0, 2000));
  }
  lines.length = Math.min(lines.length, 2000);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '' || line.length > 1500) continue;
    const ask = ASK.exec(foldKey(line).slice(0, 600).replace(/[’]/g, "'"));
    if (!ask) continue;
    return readFrom(line, ask.index + ask[0].length, lines.slice(i + 1, i + 16));
  }
  return cardBlock(lines) ?? polishLetters(lines) ?? toAnyPrisoner(lines) ?? writeToPrisonerItem(lines);
}

/* "Schreibt ihm.", "Write to her.", "Écrivez-lui": a request to write to the person the item is about. */
const WRITE_TO_THEM = /(?:^|[.!?]\s+)(?:(?:schreibt|schreib|schreiben sie)\s+(?:ihm|ihr|ihnen)|write to (?:him|her|them)|[ée]crivez-(?:lui|leur)|escr[ií]ban?le|escr[ií]banles|scrivetegli|scrivetele|schrijf (?:hem|haar))(?![\p{L}])/iu;
/* "Jane Example, Journalist ...": the item opens with the person's name and a comma. */
const NAME_COMMA = /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}),\s/u;
/* The person is held: "sitzt im Abschiebeknast", "in prison", "en détention". */
const HELD = /knast|gef[äa]ngnis|\bhaft\b|inhaftiert|\bprison|\bjail|\bdetention|\bdetained|imprisoned|c[áa]rcel|prisi[oó]n|carcere|d[ée]tention|d[ée]tenue?\b|gevangenis/iu;

/**
 * A solidarity group's list of prisoners to write to: an item that opens with the person's name, says they are held and
 * asks to write to them ("Jane Example, Journalistin – sitzt im Knast ... Schreibt ihr."). Their name is the card's; an
 * address the item gives is left to the moderator. An item about an official (an office in its opening) is none.
 */
function writeToPrisonerItem(lines: string[]): Solidarity | undefined {
  for (const line of lines) {
    if (line.length < 30 || line.length > 1500) continue;
    const name = NAME_COMMA.exec(line)?.[1];
    if (!name || !WRITE_TO_THEM.test(line) || !HELD.test(line) || ROLE.test(line.slice(0, 120))) continue;
    return { to: name, address: [], hashtags: [], languages: [], advice: [] };
  }
  return undefined;
}

/* Polish: "piszmy do nich listy!", "napiszcie list do Jana Example", "wyślijmy kartki": letters to the prisoners themselves. */
const POLISH_ASK = /(?:^|[\s–—-])(?:piszmy|napiszmy|piszcie|napiszcie|wy[sś]lijmy|wy[sś]lijcie)\s+(?:\p{L}+\s+){0,3}?(?:list|listy|kartk[ię]|kartki|pocztówk[ię]|pocztówki)(?![\p{L}])/iu;
/* "Oto adres aresztu w języku rosyjskim:", "Poniżej adres więzienia:": the line the address follows. */
const POLISH_ADDRESS = /^(?:oto|poni[żz]ej|tu(?:taj)?(?: jest)?)\s+adres\b[^:\n]{0,80}:\s*(.*)$/iu;
/* "Przy liście do Janiny Example", "list do Jana Example": the prisoner a letter goes to, named after "do". */
const POLISH_TO = /(?<![\p{L}])(?:do|dla)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2})/u;

/**
 * A Polish page that asks for letters to prisoners ("piszmy do nich listy!") and gives the address on the line after "Oto
 * adres ...:": the card goes to the first prisoner named after "do" (as the page names them), at that address.
 */
function polishLetters(lines: string[]): Solidarity | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > 1500 || !POLISH_ASK.test(line)) continue;
    const at = lines.slice(i + 1, i + 5).findIndex((l) => POLISH_ADDRESS.test(l.trim()));
    if (at < 0) return undefined;
    const own = POLISH_ADDRESS.exec(lines[i + 1 + at]!.trim())?.[1]?.trim() ?? '';
    const rest = lines.slice(i + 2 + at).filter((l) => l.trim() !== '');
    const address = own !== '' ? own : rest.shift()?.trim() ?? '';
    const to = POLISH_TO.exec(line.slice(POLISH_ASK.exec(line)!.index))?.[1] ?? rest.slice(0, 4).map((l) => POLISH_TO.exec(l)?.[1]).find((n) => n !== undefined);
    if (!to || address === '' || address.length > 300) return undefined;
    return { to: line500(to), address: [line500(address)], hashtags: [], languages: [], advice: [] };
  }
  return undefined;
}

/* "sending a letter or postcard to a political prisoner in Burma", "écrire à un prisonnier politique": a card to whichever prisoner the reader picks. */
const ANY_PRISONER =
  /\b(?:send(?:ing)?|writ(?:e|ing)|post(?:ing)?|envoyer|[ée]crire|escribir|enviar|escrever|schreiben)\b[^.:!?]{0,50}?\b(?:to|à|a|an)\s+(?:a|an|un|une|una?|einen?)\s+((?:political |jailed |imprisoned )?(?:prisoner of conscience|prisoner|detainee)|prisonni(?:er|ère) (?:politique|d'opinion)|pres[oa] pol[ií]tic[oa]|pres[oa] de conciencia|politische[nr]? gefangene[nr]?)\b/iu;

/** A request for a card to a prisoner of a kind, not a named one: the card's addressee is that kind, its address left for the moderator. */
function toAnyPrisoner(lines: string[]): Solidarity | undefined {
  for (const line of lines) {
    const to = ANY_PRISONER.exec(line.slice(0, 1500))?.[1];
    if (to) return { to: line500(to), address: [], hashtags: [], languages: [], advice: [] };
  }
  return undefined;
}

/* The rules for the cards under a Write for Rights case's address: "Les messages doivent être brefs", "Keep your card ...". */
const CARD_RULES = /\b(?:cards?|postcards?|cartes?|tarjetas?|postales?|karten|postkarten|grußkarten)\b/i;
const PERSON = /^\p{Lu}[\p{L}'’.-]+(?:\s+(?:al-|el-|de\s+|da\s+|van\s+)?\p{Lu}[\p{L}'’.-]+){1,3}$/u;

/**
 * A case page whose address block starts with the person the page is about (named in its first lines) and is
 * followed at once by the rules for the cards: the block is where the cards go, the person at risk's, never an official's.
 */
function cardBlock(lines: string[]): Solidarity | undefined {
  const opening = lines.filter((l) => l !== '').slice(0, 6).join(' ');
  for (let i = 0; i < lines.length; i++) {
    const name = (lines[i] ?? '').trim();
    if (!PERSON.test(name) || !opening.includes(name)) continue;
    const address: string[] = [];
    let j = i + 1;
    for (; j < Math.min(lines.length, i + 24) && address.length < 8; j++) {
      const next = (lines[j] ?? '').trim();
      if (next === '') continue;
      if (next.length > 60 || /[.!?]$/.test(next) || /^\d+[.)]\s/.test(next)) break;
      address.push(next);
    }
    const after = lines.slice(j, j + 4).filter((l) => l !== '');
    if (address.length >= 2 && after.some((l) => CARD_RULES.test(l) || /^\d+[.)]\s/.test(l)) && after.slice(0, 3).some((l) => CARD_RULES.test(l))) {
      return { to: name, address: address.map(line500), hashtags: [], languages: [], advice: after.filter((l) => ADVICE.test(l)).slice(0, 10).map(line500) };
    }
  }
  return undefined;
}

/* "Jane Example #322800, Aron Example #293906, at:": people, each maybe with a number, then "at" and the colon. */
const PEOPLE_AT = /^(\p{Lu}[^:]{2,300}?),?\s+(?:at|à|an)\s*:$/u;

/** The address on its own lines below a request, up to a blank line, advice, a hashtag or a sentence. */
function blockBelow(below: string[]): string[] {
  const block: string[] = [];
  for (const next of below) {
    if (next === '' || block.length >= 12 || ADVICE.test(next) || next.includes('#') || (/[.!?]$/.test(next) && next.split(' ').length > 8)) break;
    block.push(next);
  }
  return block;
}

/** The request line (the address after its colon, or on the lines below), its hashtags, languages and advice. */
function readFrom(line: string, askEnd: number, below: string[]): Solidarity | undefined {
  const colon = line.indexOf(':', askEnd);
  const before = colon >= 0 ? line.slice(0, colon + 1) : line;
  const after = colon >= 0 ? line.slice(colon + 1).trim() : '';
  // "Write a card to Mona in English or Arabic:": the languages are no part of the name.
  let to = TO_NAME.exec(before.replace(/\s*:$/, '').replace(LANGUAGES, '').trim())?.[1];
  let address: string[] = [];
  // "#Example" after the address is a hashtag; "#322800" after a name is a prisoner's number.
  const parts = after.replace(/\s*(?:[-–]\s*)?#(?=\p{L}).*$/u, '').split(/\s*,\s*/).map((p) => p.trim().replace(/\.$/, '')).filter((p) => p !== '');
  // "Jane Example #322800, Aron Example #293906, at:": the prisoners by name and number, their address on the lines below.
  const atBelow = PEOPLE_AT.exec(after)?.[1];
  if (atBelow) {
    address = blockBelow(below);
    if (address.length < 2) return undefined;
    to ??= atBelow.trim();
  } else if (parts.length > 0) {
    // "Zeynab Jalalian, Khoy Prison, Salmas Road, ...": the name first, then the address.
    if (!to && parts.length >= 2 && /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,4}$/u.test(parts[0] ?? '')) to = parts.shift();
    address = parts;
  } else if (colon >= 0) {
    // The address on its own lines below the request, up to a blank line.
    const block = blockBelow(below);
    // The name heads the block below ("Mona Example" / "Qanater Prison"), whether or not the request named her.
    if (block.length >= 2 && (!to || block[0] === to)) to = block.shift();
    address = block;
  }
  if (!to) return undefined;
  const context = [line, ...below.slice(0, 6)];
  const hashtags = [...new Set(context.join(' ').match(HASHTAG) ?? [])].slice(0, 10);
  const languages = (LANGUAGES.exec(line)?.[1] ?? '').split(/\s*(?:,|\bor\b|\boder\b|\bo\b|\bou\b|\band\b|\bund\b|\by\b|\bet\b)\s*/).filter((l) => l !== '').slice(0, 10);
  const advice = below.filter((l) => ADVICE.test(l)).slice(0, 10).map(line500);
  return { to: line500(to), address: address.slice(0, 12).map(line500), hashtags, languages, advice };
}
