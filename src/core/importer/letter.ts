// Finds the sample letter, its salutation and closing, or composes one from the points to raise.
import { pastAddressHead } from './address-head.js';
import type { Section } from './sections.js';
import { contactBlockStart } from './letter-end.js';
import { toParagraphs } from './paragraphs.js';
import type { Warn } from './types.js';

/** Languages whose salutations and closings the importer knows. */
export type LetterLang = 'en' | 'es' | 'fr' | 'de' | 'it' | 'sv' | 'no' | 'da' | 'fi' | 'ja';

/** The letter as found; `start` is where it begins in `sections[section].lines`, so targets above it can be read; `end` where its body ends. */
export type FoundLetter = {
  section: number;
  start: number;
  end: number;
  salutation?: string;
  paragraphs: string[];
  closing?: string;
  lang: LetterLang;
};

const OPENING = /^(?:dear\b|your (?:excellenc(?:y|ies)|majest(?:y|ies)|royal highness(?:es)?|highness(?:es)?)\b|estimad[oa]s?\b|distinguid[oa]s?\b|apreciad[oa]s?\b|excelent[ií]ss?im[oa]\b|sehr geehrte[r]?\b|sehr verehrte[r]?\b|geachte\b|exzellenz\b|拝啓)/i;
/* Portuguese forms of address: "Exma. Sra. Governadora", "Excelentíssimo Senhor Presidente", "Prezado Senhor". */
const PT_OPENING = /^(?:ex(?:m|celent[ií]ssim)[oa]s?\.?\s+s(?:r|ra|enhor|enhora)\.?(?:\s|$)|prezad[oa]s?\s)/i;
/* Forms of address that also start a name in an address block; only a trailing comma or colon makes them a salutation. */
/* "Honorable Governor Bush:", "To the Honourable Minister,", "Hon. Example,": "The Honorable ..." also heads an address block. */
const OPENING_STRICT = /^(?:se[ñn]or(?:a|es)?\b|sr\.|sra\.|monsieur\b|m\.\s+(?:le|la)\s|mme\.?\s+(?:la|le)\s|madame\b|mesdames\b|messieurs\b|cher\b|ch[èe]re\b|excellence\b|votre excellence\b|(?:to )?(?:the )?hon(?:ou?rable\b|\.))/i;
/*
 * Italian, Nordic and Finnish greetings that also open ordinary sentences ("Gentile" is "kind", "Bästa" "best", "Hyvä"
 * "good") or an Italian address block ("Egregio Signor Ministro" above the street): a salutation only with a trailing
 * comma or colon, and a few words.
 */
const OPENING_WITH_COMMA = /^(?:gentil[ei]|gentilissim[oaie]|egregi[oa]|illustrissim[oa]|spettabile|signor(?:a)?|eccellenza|caro|cara|[äa]rade|b[äa]sta|k[äa]ra|kj[æe]re|k[æe]re|arvoisa|hyv[äa])(?:\s+[^\s,:]+){0,6}\s*[,:]$/i;
/*
 * An Italian greeting in the plural greets several officials, their names parted by commas: "Egregi Presidente Example,
 * Ministro Ana Other e Ministro Ben Third:". Still only with the trailing comma or colon.
 */
const PLURAL_WITH_COMMA = /^(?:egregi|gentili|gentilissimi|illustrissimi|cari|care)\s+(?:[^\s:]+\s+){0,14}[^\s:]+\s*[,:]$/i;
/* "Monsieur le Premier Ministre", "Madame la Ministre", "Señor Presidente", "Herr Minister": an office greeted without a comma. */
const BARE_OFFICE = /^(?:monsieur|madame)\s+(?:le|la|l['’])\s*\p{L}|^(?:se[ñn]or(?:a)?|excelent[ií]simo(?:\s+se[ñn]or)?)\s+\p{Lu}|^(?:herr|frau)\s+(?:bundes)?(?:minister|pr[äa]sident|botschafter|staatsanwalt)/iu;
/* "Guten Tag,", "Hello,", "Bonjour Monsieur le Ministre,", "Buenos días,": a neutral greeting an e-mail to an office opens with. */
const NEUTRAL_GREETING = /^(?:guten tag|hallo|hello|good (?:morning|afternoon|day)|bonjour|buenos d[ií]as|buenas tardes|bom dia|goedendag|goedemiddag)\b[^.!?@\d]{0,60}[,:]$/i;
/* The first words of a letter's body in the writer's own voice: "Je suis ...", "I am ...", "Ich ...", "Le escribo ...". */
const SINGULAR = /^(?:i|i'm|je|j['’]|ich|yo|eu)\s*\p{L}/iu;
const FIRST_PERSON = /^(?:i|i'm|je|j['’]|nous|we|ich|wir|yo|me|le|les|nos|eu)\s*\p{L}/iu;
const CLOSING = /^(?:mit freundlichen gr(?:ü|ue)(?:ß|ss)en|hochachtungsvoll|hoogachtend|(?:met )?vriendelijke groet(?:en)?|atenciosamente|yours sincerely|yours faithfully|yours truly|sincerely|respectfully(?: yours)?[,.]?$|kind regards|best regards|with respect|muy atentamente|atentamente|cordialmente|un (?:cordial )?saludo|reciba un (?:cordial )?saludo|le saluda atentamente|veuillez agr[ée]er|je vous prie d['’]agr[ée]er|nous vous prions d['’]agr[ée]er|(?:je vous prie|nous vous prions) de recevoir\b|veuillez recevoir\b|recevez,? |cordialement|respectueusement|bien [àa] vous|distinti saluti|cordiali saluti|in fede\b|con osservanza|med v[äa]nlig(?:a)? h[äa]lsning(?:ar)?|v[äa]nliga h[äa]lsningar|med vennlig hilsen|med venlig hilsen|ystävällisin terveisin|敬具)/i;

/** Sections a sample letter can sit in; never background or the short labelled fields. */
const LETTER_HOME = new Set<Section['kind']>(['preamble', 'banner', 'header', 'summary', 'letter', 'action', 'targets', 'copies', 'deadline']);

/* "Dear friends,", "Estimadas y estimados apelantes,": a newsletter to members opens so, not a letter to an official. */
const TO_MEMBERS = /^(?:dear|estimad[oa]s?|queridos?|queridas?|chers?|ch[èe]res?|car[ie]|care|gentili|k[äa]ra|kj[æe]re|k[æe]re|hyv[äa]t)(?:\s+(?:y|e|et|and)\s+\p{L}+)?\s+(?:friends?|apelantes|appellants?|activistas|simpatizantes|firmantes|signataires|colleagues?|supporters?|members?|activists?|all|concerned (?:party|parties|citizens?|friends?)|amig[oa]s|compañer[oa]s|ami(?:e)?s|membres|amic[ih]e?|soci[ei]?|attivist[ie]|v[äa]nner|venner|medlemmer|medlemmar|ystäv[äa]t|j[äa]senet)(?![\p{L}])/iu;
/* The first words of a letter's body: "Me dirijo a usted", "I am writing", "Je vous écris". */
const LETTER_START = /^(?:me dirijo|le escribo|les escribo|escribo|quisiera|i am writing|i write|i'm writing|i am concerned|i am gravely|je vous [ée]cris|je me permets|je vous adresse)\b/i;

/* "Mr Morrison,", "Ms. Example:": a title and a name alone on a line, with its comma or colon, greets by name. */
const BY_NAME = /^(?:M[Rr]|M[Rr][Ss]|M[Ss]|Miss|D[Rr])\.?\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}[,:]$/u;

/*
 * "Dear Gabriel,": an organisation's e-mail greets its reader by first name. An official is greeted by a title or a
 * surname ("Dear Minister,", "Dear Sir,", "Dear Mr Example,", "Dear Governor Nixon:"), never by one given name.
 */
const TO_READER = /^[Dd]ear\s+(\p{Lu}\p{Ll}+)\s*[,!]$/u;
const FORM_OF_ADDRESS = /^(?:sir|madam|madame|excellency|counsel+or|colleague|friend|supporter|member|president|minister|governor|ambassador|secretary|senator|representative|congressman|congresswoman|judge|prosecutor|commissioner|chairman|chairperson|chair|mayor|director|premier|king|queen|prince|princess|sheikh|general|colonel|officer|warden|superintendent|attorney|justice|councillor|councilor|comrade)$/i;

/** A greeting to the text's reader by first name, not to an official. */
function greetsReader(line: string): boolean {
  const name = TO_READER.exec(line)?.[1];
  return name !== undefined && !FORM_OF_ADDRESS.test(name);
}

/** "Dear ...", "Estimado ...:", "Monsieur le Ministre,", "Mr Morrison,": the line that opens a letter. */
export function isSalutation(raw: string): boolean {
  // "« Monsieur le Préfet, [ …le Président..ou Madame la Préfète, etc …]": a template's note of other greetings is no part of it.
  const line = /[)\]]\s*$/.test(raw) ? withoutNote(unquote(raw)) : unquote(raw);
  if (line.length > 160 || TO_MEMBERS.test(line) || greetsReader(line)) return false;
  if (OPENING.test(line) || OPENING_WITH_COMMA.test(line) || PLURAL_WITH_COMMA.test(line)) return true;
  // "Exma. Sra. Governadora" alone greets; "Exma. Sra. Governadora do" / "Estado do Pará" opens an address block.
  if (PT_OPENING.test(line) && (/[,:]$/.test(line) || (line.split(/\s+/).length <= 4 && !/\b(?:do|da|de|dos|das)$/i.test(line)))) return true;
  // "Monsieur le Président de la République, Palais de l'Élysée,": an office and its building head an address, they greet no one.
  const addressed = /,\s*(?:palais|palacio|pal[aá]cio|h[oô]tel|rue|avenue|place|calle|avenida|\d)/i.test(line);
  return (OPENING_STRICT.test(line) && line.length <= 120 && /[,:]$/.test(line) && !addressed) || BY_NAME.test(line);
}

/**
 * '"Your Excellency,': a letter quoted in a page opens with a quotation mark, no part of its salutation; "1. Dear _____,":
 * a letter posted as a blog's numbered comment opens with the comment's number, no part of it either.
 */
function unquote(line: string): string {
  return line.replace(/^["“„«‘']\s*/, '').replace(/^\s*\d{1,2}[.)]\s+(?=dear\b)/i, '');
}

/* "Your excellency (la salutation e' da cambiare ...)": an editor's note in brackets after the greeting is no part of it. */
const withoutNote = (line: string): string => line.replace(/\s+[([][^)\]]{20,160}[)\]]\s*$/, '');

/* An Italian letter closes at the end of its last sentence: "La ringrazio e le porgo distinti saluti,". */
const CLOSING_AT_END = /\b(?:porgo|porgiamo|invio|inviamo)\s+(?:i\s+(?:miei|nostri)\s+)?(?:pi[uù]\s+)?(?:distinti|cordiali|rispettosi|sentiti)\s+saluti\s*[,.]?\s*$/i;

/** "Yours sincerely,", "Atentamente,", "Veuillez agréer ...", "... e le porgo distinti saluti,": the line that closes a letter. */
export function isClosing(line: string): boolean {
  return line.length <= 300 && (CLOSING.test(line) || (line.length <= 160 && CLOSING_AT_END.test(line)));
}

function langOf(salutation: string | undefined, closing: string | undefined): LetterLang {
  const text = `${salutation ?? ''} ${closing ?? ''}`.trim();
  if (/^(?:dear|your (?:excellency|majesty|royal highness|highness)|yours|sincerely|respectfully|kind|best|with)\b/i.test(text)) return 'en';
  if (/^(?:estimad|distinguid|apreciad|excelent|se[ñn]or|sr\.|sra\.|atentamente|muy|cordialmente|un |reciba|le saluda)/i.test(text)) return 'es';
  if (/^(?:sehr geehrte|sehr verehrte|exzellenz|mit freundlichen|hochachtungsvoll)/i.test(text)) return 'de';
  if (/^(?:gentil[ei]|gentilissim|egregi[oa]?|illustrissim[oa]|eccellenza|signor|spettabile|caro|cara|distinti|cordiali saluti|in fede|con osservanza)/i.test(text)) return 'it';
  if (/^(?:monsieur|madame|mesdames|messieurs|cher|ch[èe]re|excellence|votre excellence|veuillez|je vous|recevez|respectueusement|bien)/i.test(text)) return 'fr';
  if (/^(?:[äa]rade|b[äa]sta|k[äa]ra|med v[äa]nlig|v[äa]nliga)/i.test(text)) return 'sv';
  if (/^(?:kj[æe]re|med vennlig)/i.test(text)) return 'no';
  if (/^(?:k[æe]re|med venlig)/i.test(text)) return 'da';
  if (/^(?:arvoisa|hyv[äa]|yst[äa]v[äa]llisin)/i.test(text)) return 'fi';
  if (/^(?:拝啓|敬具)/.test(text)) return 'ja';
  return 'en';
}

/** Finds the sample letter: from its salutation (or a "LETTER" heading) to its closing. */
export function findLetter(sections: Section[], warn: Warn): FoundLetter | undefined {
  // "Honourable Minister ...," over the address, then "Your Excellency,": the letter's own greeting is the second.
  const opening = pastAddressHead(sections, findLine(sections, isSalutation), (line) => OPENING.test(unquote(line)) && isSalutation(line)) ?? findTitleSalutation(sections);
  const wrapped = opening ? undefined : findWrappedSalutation(sections);
  if (wrapped) return { ...readFrom(sections, wrapped.section, wrapped.line + 2, warn, wrapped.salutation), start: wrapped.line };
  if (opening) {
    const lines = sections[opening.section]?.lines ?? [];
    const run = salutationRun(lines, opening.line);
    const above = opening.line - 1;
    // "Exmo. Senhor Ministro dos Negócios Estrangeiros" / "Dr. Jane Example,": the office greeted, then the person, one greeting.
    if (opensGreetingAbove(lines[above] ?? '', lines[opening.line] ?? '')) {
      return { ...readFrom(sections, opening.section, run.next, warn, `${lines[above]?.trim()}\n${run.salutation}`), start: above };
    }
    // "Dra. Jane Example" alone under the greeting names the addressee in the letter's head; the body starts below it.
    let person = run.next;
    while (lines[person] === '') person++;
    const next = HEAD_PERSON.test(lines[person] ?? '') ? person + 1 : run.next;
    return { ...readFrom(sections, opening.section, next, warn, run.salutation), start: opening.line };
  }
  const letterSection = sections.findIndex((s) => s.kind === 'letter' && s.lines.some((l) => l !== ''));
  if (letterSection >= 0) {
    warnNoSalutation(warn);
    return readFrom(sections, letterSection, 0, warn, undefined);
  }
  const closing = findLine(sections, isClosing);
  if (!closing) return undefined;
  warnNoSalutation(warn);
  const lines = sections[closing.section]?.lines ?? [];
  // Without a salutation the letter starts after the last contact detail or bullet above the closing.
  let start = 0;
  for (let i = 0; i < closing.line; i++) {
    if (isContactLike(lines[i] ?? '')) start = i + 1;
  }
  return readFrom(sections, closing.section, start, warn, undefined);
}

function warnNoSalutation(warn: Warn): void {
  warn('no_salutation', 'The sample letter has no salutation ("Dear ..."); a general one was used.');
}

function isContactLike(line: string): boolean {
  return /@|^(?:e-?mail|correo|courriel|tel|t[ée]l|phone|fax|salutation|saludo|twitter|x|facebook|instagram)\b.{0,20}:|^[•·▪*–-]\s?/i.test(line) || /^[A-Z .]{2,12}$/.test(line);
}

/* "Madame la", "Monsieur le", "Dear": the first words of a salutation that a page's narrow column broke off. */
const BROKEN_OPENING = /^(?:madame|monsieur)\s+(?:la|le|l['’])$|^(?:dear|se[ñn]or(?:a)?|sehr geehrte[rn]?)$/i;

/*
 * A form of address and an office with no punctuation ("Exmo. Senhor Ministro da Justiça", "Monsieur le Ministre") right
 * above a greeting by name that ends with its comma: the greeting's first line, never a line of its own.
 */
function opensGreetingAbove(line: string, greeting: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > 80 || /\d|[,:;.!?]$/.test(text)) return false;
  return (PT_OPENING.test(text) || BARE_OFFICE.test(text)) && BY_NAME.test(greeting.trim());
}

/** "Madame la" / "Ministre de la Justice,": a salutation wrapped over two lines, read as one. */
function findWrappedSalutation(sections: Section[]): { section: number; line: number; salutation: string } | undefined {
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    if (!section || !LETTER_HOME.has(section.kind)) continue;
    const at = section.lines.findIndex((l, i) => BROKEN_OPENING.test(l.trim()) && isSalutation(`${l.trim()} ${section.lines[i + 1]?.trim() ?? ''}`));
    if (at >= 0) return { section: s, line: at, salutation: `${section.lines[at]?.trim()} ${section.lines[at + 1]?.trim()}` };
  }
  return undefined;
}

type LinePosition = { section: number; line: number };

/** The first line, in a section a letter can sit in, that `greets` takes, given the next non-blank line below it. */
function firstGreeting(sections: Section[], greets: (line: string, next: (skip?: number) => string) => boolean): LinePosition | undefined {
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    if (!section || !LETTER_HOME.has(section.kind)) continue;
    const lines = section.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line !== '' && greets(line, (skip = 0) => nonBlankBelow(lines, i, skip))) return { section: s, line: i };
    }
  }
  return undefined;
}

/** The `skip`-th non-blank line below line `at` (0: the next), read in place; '' past the end. */
function nonBlankBelow(lines: string[], at: number, skip: number): string {
  for (let i = at + 1, seen = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    if (seen === skip) return lines[i] ?? '';
    seen++;
  }
  return '';
}

/** "Fiscal General de México:" then "Me dirijo a usted ...": a short line that greets by title alone. */
function findTitleSalutation(sections: Section[]): LinePosition | undefined {
  const byTitle = firstGreeting(sections, (line, next) => line.length <= 80 && /^\p{Lu}[^.!?@]*[,:]$/u.test(line) && LETTER_START.test(next()));
  return byTitle ?? findBareOffice(sections) ?? findPortugueseHead(sections);
}

/* "Dra. Jane Example", "- Sr. Aron Example": the person a letter's head names under the office it greets. */
const HEAD_PERSON = /^(?:[-*•·]\s+)?(?:[Dd]r[a]?|S[Rr][Aa]?|[Ee]ng[a]?|[Pp]rof[a]?)\.?\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}$/u;
/* A Portuguese letter's first words in the writer's voice: "Venho por este meio solicitar", "Escrevo-lhe", "Dirijo-me". */
const PT_LETTER_START = /^(?:venho|escrevo|dirijo-me|gostaria|eu)\b/i;

/**
 * "Exma. Senhora Embaixadora do Reino de X", then "Dra. Jane Example" alone, then "Venho por este meio solicitar ...": a
 * Portuguese letter's head greets the office in full, with no comma; the person's line under it is no part of the greeting.
 * An address head ("Exma. Sra. Governadora do" / "Estado do Pará", a street) is followed by no letter in the writer's voice.
 */
function findPortugueseHead(sections: Section[]): LinePosition | undefined {
  return firstGreeting(sections, (line, below) => {
    if (line.length > 120 || !PT_OPENING.test(line) || /[.!?;:,@\d]$/.test(line) || /\b(?:do|da|de|dos|das)$/i.test(line)) return false;
    const next = HEAD_PERSON.test(below()) ? below(1) : below();
    return next.length >= 60 && PT_LETTER_START.test(next);
  });
}

/**
 * "Monsieur le Premier Ministre" with no comma, or "Guten Tag,", then "Je suis fortement préoccupé ...": an office alone
 * on a line, or a neutral greeting, greets when a long sentence in the writer's own voice follows it. Above an address
 * ("Palais de l'Élysée") an office heads a block; above a member's news ("Hello, here is our update") nothing greets.
 */
function findBareOffice(sections: Section[]): LinePosition | undefined {
  return firstGreeting(sections, (line, below) => {
    const neutral = NEUTRAL_GREETING.test(line);
    if (line.length > 120 || !((BARE_OFFICE.test(line) && !/[.!?;:,@\d]$/.test(line)) || neutral)) return false;
    const next = below();
    // After "Hello," a member's news speaks as "we"; only a writer's own "I" makes it a letter to an office.
    const voice = neutral ? SINGULAR.test(next) : FIRST_PERSON.test(next);
    return next.length >= 60 && (/[.!?]$/.test(next) || next.length >= 120) && (voice || LETTER_START.test(next));
  });
}

/**
 * "Sehr geehrter Herr X," over "Sehr geehrter Herr Y,": a letter to several officials greets each on its own line. The
 * lines in a row (blank lines between allowed) are one salutation; returns it and the line after the last of them.
 */
function salutationRun(lines: string[], first: number): { salutation: string; next: number } {
  const parts = [withoutNote(unquote(lines[first] ?? ''))];
  let last = first;
  // Six at most: a letter greets a few officials, a longer run is a list, not one greeting.
  for (let i = first + 1; i < lines.length && i <= last + 2 && parts.length < 6; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    if (!isSalutation(line)) break;
    parts.push(withoutNote(unquote(line)));
    last = i;
  }
  // "Salutation:" / "Dear Ambassador" / "Dear Prosecutor General,": a greeting with no comma above the letter's own is an
  // embassy block's "Salutation:" value run on from a column; the letter greets with the punctuated line.
  const punctuated = parts.findIndex((p) => /[,:]$/.test(p));
  const greeting = punctuated > 0 && parts.slice(0, punctuated).every((p) => !/[,:;!.]$/.test(p)) ? parts.slice(punctuated) : parts;
  return { salutation: greeting.join(' '), next: last + 1 };
}

function findLine(sections: Section[], test: (line: string) => boolean): { section: number; line: number } | undefined {
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    if (!section || !LETTER_HOME.has(section.kind)) continue;
    const line = section.lines.findIndex((l) => l !== '' && test(l));
    if (line >= 0) return { section: s, line };
  }
  return undefined;
}

function readFrom(sections: Section[], s: number, from: number, warn: Warn, salutation: string | undefined): FoundLetter {
  const lines = sections[s]?.lines ?? [];
  let end = lines.length;
  let closing: string | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isClosing(line)) {
      end = i;
      closing = line;
      // A long French closing may be wrapped over a few lines; it ends with a full stop.
      for (let j = i + 1; j < Math.min(lines.length, i + 4) && !/[.,!]$/.test(closing) && lines[j] !== ''; j++) {
        closing = `${closing} ${lines[j]}`;
      }
      break;
    }
  }
  if (!closing) end = contactBlockStart(lines, from) ?? end;
  const paragraphs = toParagraphs(lines.slice(from, end));
  const start = salutation ? Math.max(0, from - 1) : from;
  if (!closing) {
    warn('no_letter_closing', 'The sample letter has no closing ("Yours sincerely"); a general one was used.');
    const last = paragraphs[paragraphs.length - 1] ?? '';
    if (s === sections.length - 1 || !/[.!?:)"”]$/.test(last)) {
      warn('truncated', 'The text seems to stop in the middle of the letter; check it against the original.');
    }
  }
  return { section: s, start, end, salutation, paragraphs, closing, lang: langOf(salutation, closing) };
}
