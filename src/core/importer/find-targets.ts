// Finds the officials of a text: under a contact heading, near contact fields or letters, in an
// appeal sentence.
import { addressedBlockLines } from './addressed-block.js';
import { addressToUseLines } from './address-to-use.js';
import { callListLines } from './call-list.js';
import type { AppealSentence } from './appeal-sentence.js';
import { isSalutation, type FoundLetter } from './letter.js';
import { isSignerName, letterSigner } from './letter-signer.js';
import { findEmails } from './contacts.js';
import { cutBlockLines } from './cut-block.js';
import { isDateLine } from './dates.js';
import { followingMessageLines } from './following-message.js';
import { mailedBelowLetterLines } from './mailed-below.js';
import { addressedInProse } from './greeted-official.js';
import { japaneseOfficials } from './cjk-names.js';
import { greetedByName } from './greeted-name.js';
import { bulletedOfficeFirstLines, bulletedRecipientLines, calledOnLines, callHeadingLines, officeThenNameLines, proseRecipientLines, sentToLines, petitionToLines } from './listed-recipients.js';
import { isPlausibleName, opensWithHonorific } from './name-gate.js';
import { HONORIFIC, ROLE } from './offices.js';
import { HOMES, labelledOneLineBlocks, postalBlockLines } from './postal-blocks.js';
import { institutionRequestLines } from './institution-request.js';
import { nordicRequestLines } from './nordic-request.js';
import { floodedInstitutionLines, namedInProseLines } from './named-in-prose.js';
import { formRecipientLines, prewrittenMailLines } from './prewritten-mail.js';
import { proximityTargetLines } from './proximity.js';
import { requestedEmailLines } from './requested-emails.js';
import type { Section } from './sections.js';
import { markEmbassies } from './sources.js';
import { numberedContactLines } from './numbered-contacts.js';
import { officeAddressLines } from './office-address.js';
import { parseTargetsWithOrigins, type ParsedTarget, type TargetLine } from './targets.js';
import { toLineOfficial } from './to-line.js';
import type { Warn } from './types.js';

/** Officials under a contact heading, else by proximity to contact fields or letters, else in an appeal sentence, else a bare postal block. */
export function findTargets(sections: Section[], found: FoundLetter | undefined, sentence: AppealSentence | undefined, lead: TargetLine[] | undefined, warn: Warn): ParsedTarget[] {
  // Names in Japanese script have no capitals for the readers below: their own reader comes first.
  const japanese = japaneseOfficials(sections);
  if (japanese.length > 0) return japanese;
  const sources = [
    () => targetLines(sections, found),
    // "al Prefetto di Milano, Dottor Mario Esempio (a@b.it)": an office, a name and its e-mail leave no doubt whose it is.
    () => proseRecipientLines(sections),
    // "email Mr Example at: a@b.ie": the request to the reader names the official its e-mails are for.
    () => requestedEmailLines(sections),
    // "An: a@b.gov" / "Cc: ..." / "Betreff: ..." / "Sehr geehrter Herr Minister,": a pre-written e-mail's recipients are the greeted official's.
    () => prewrittenMailLines(sections, found?.salutation),
    // "a: Presidente Example" / "Target email addresses: a@b.it": an e-mail form's one recipient, at its target addresses.
    () => formRecipientLines(sections),
    // "Geachte heer de Jonge," ... "brief kan gemaild worden aan:" / "a@b.nl": the greeted person, at the e-mail under the letter.
    () => mailedBelowLetterLines(sections, found),
    // "While you will send the letter to me, please put this address at the top:": the block the letter is addressed to.
    () => addressedBlockLines(sections),
    // "Adresse postale du Premier ministre" / "Hôtel Example" / "57 rue Example" / "75700 Paris": an office's block, named by the office.
    () => officeAddressLines(sections),
    // "• Example Bureau Director Jane Example, 717-555-0100": a call-in's list, each official with their own phone or e-mail.
    () => callListLines(sections),
    () => proximityTargetLines(sections, found),
    () => belowLetterLines(sections, found),
    () => sentence?.target ?? [],
    () => lead ?? [],
    // "To: Minister Jane Example, Minister for Justice": the page's own opening line names whom it is for.
    () => toLineOfficial(sections),
    () => toAddresseeLines(sections),
    () => addressedInProse(linesOutsideBackground(sections), found?.salutation),
    () => bracketedEmailLines(sections),
    () => bulletedRecipientLines(sections),
    () => presenteBlockLines(sections),
    () => followingMessageLines(sections, found),
    () => labelledOneLineBlocks(sections),
    () => postalBlockLines(sections),
    // "Jane Example" / "Presidente de ..." / "Avenida Example" / "Caracas" / "EXAMP": a page cut inside its last block.
    () => cutBlockLines(sections),
    () => personAtEmailLines(sections),
    () => perOfficeLines(sections),
    // "Address to use: The Honourable Jane Example, ... Greeting to use: Dear Minister,": a model letter's addressee on one line.
    () => addressToUseLines(sections),
    () => greetedByName(found?.salutation),
    () => officeThenNameLines(sections),
    () => bulletedOfficeFirstLines(sections),
    // "La tua e-mail sarà inviata a: Señora Presidenta Jane Example, ...": an online action's list of whom it reaches.
    () => sentToLines(sections),
    // "Petición a ser enviada" / "Para: Sr. Jane Example, Presidente de ..., Dr. Ana Other, Fiscal General": a petition's addressees.
    () => petitionToLines(sections),
    // "Call on Minister of Corrections – Hon. Jane Example to:": a petition's request names whom it is for, no contact.
    () => calledOnLines(sections),
    // "Call Qld Environment Minister Jane Example" / "Ministerial Office: (07) ...": a call-in's heading names whom to call.
    () => callHeadingLines(sections),
    // "Contact :" / "1) ... Warden Jane Example ext.1" / "2) DOC director Aron Example (555) 486-9910.": a call-in's list.
    () => numberedContactLines(sections),
    // "nei confronti del presidente del Consiglio Jane Example ... inviarlo a questi recapiti: ...": named in prose, each
    // e-mail only where it spells its official's surname.
    () => namedInProseLines(sections),
    // "inondiamo di e-mail il ministero dell'Interno ... Scrivere a ufficio@ministero.it": the institution, its own domain's e-mail.
    () => floodedInstitutionLines(sections),
    // "Participe e envie sua demanda à Comissão Nacional da Verdade": an institution named at the end of a request.
    () => institutionRequestLines(sections),
    // "skrive til formanden for udvalget, Jane Example,", "Skriv till Jane Example och protestera": named in a Nordic request.
    () => nordicRequestLines(sections),
  ];
  // The writer's own block beside the addressee's is no official's: it is dropped with its address.
  const signer = letterSigner(sections, found);
  for (const source of sources) {
    const lines = source();
    if (lines.every((l) => l.text === '')) continue;
    const targets = parseTargetsWithOrigins(lines, warn).filter((t) => !isSignerName(t.target.name, signer));
    if (!targets.some((t) => !t.target.copy)) continue;
    markEmbassies(targets.map((t) => t.target), asksForEveryListed(sections));
    return targets;
  }
  return [];
}

/*
 * "Write a letter ... to one or both government officials listed", "to any of the officials below", "Contact these two
 * officials": the page makes every official it lists an addressee, its country's ambassador too.
 */
const EVERY_LISTED = /\b(?:(?:to|contact|write to|e-?mail)\s+(?:one or (?:both|more|all)|any|all|each|both)\s+(?:of\s+)?(?:the\s+|these\s+)?(?:(?:two|three|four|government)\s+)?officials\s+(?:listed|below|above)|\bcontact\s+(?:these|the|both)\s+(?:two|three|four)\s+officials)\b/i;

/** The page asks the reader to write to whichever of the officials it lists: no person is a copy for being an embassy's. */
function asksForEveryListed(sections: Section[]): boolean {
  return sections.some((section) => section.kind !== 'background' && section.lines.some((line) => line.length < 2000 && EVERY_LISTED.test(line)));
}

/**
 * A letter without a closing, then the officials' blocks ("Salutation: Your Excellency" / "Prime Minister" / ... / "Fax:
 * ..."), where the letter was found to end: the lines below it as they stand, blank lines kept, so each block stays its
 * own; a "copies to" section's blocks are copies. Below a closing stand the writer's name and the organisers' notes
 * ("Please BCC to ..."), never read so.
 */
function belowLetterLines(sections: Section[], found: FoundLetter | undefined): TargetLine[] {
  const section = found ? sections[found.section] : undefined;
  if (!found || !section || found.closing !== undefined || found.end >= section.lines.length) return [];
  const lines: TargetLine[] = [];
  const read = (texts: string[], copy: boolean): void => {
    for (const text of texts) lines.push({ text, copy });
    lines.push({ text: '', copy });
  };
  read(section.lines.slice(found.end), section.kind === 'copies');
  for (let at = found.section + 1; at < sections.length; at++) {
    const next = sections[at]!;
    if (!HOMES.has(next.kind)) break;
    read(next.rest === '' ? next.lines : [next.rest, ...next.lines], next.kind === 'copies');
  }
  return lines;
}

/**
 * Every line but the background's, in order, read as far as the reader goes: it mostly stops at once (a letter without
 * a greeted surname), and a paste of many short sections is not copied into one array for that.
 */
function* linesOutsideBackground(sections: Section[]): Generator<string> {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    yield* section.lines;
  }
}

/* The sections whose lines are contact details: one set, not an array made for every section. */
const CONTACT_KINDS = new Set<Section['kind']>(['targets', 'copies', 'action']);

/* The blank line that ends each section's details; lines are never changed once made, so every section shares one. */
const BLANK_OFFICIAL: TargetLine = { text: '', copy: false };
const BLANK_COPY: TargetLine = { text: '', copy: true };

/** Contact details sit under their own heading, or (current layout) under "TAKE ACTION" above the letter. */
function targetLines(sections: Section[], letter: FoundLetter | undefined): TargetLine[] {
  const lines: TargetLine[] = [];
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    if (!section || !CONTACT_KINDS.has(section.kind)) continue;
    const copy = section.kind === 'copies';
    const end = letter?.section === s ? Math.min(letter.start, section.lines.length) : section.lines.length;
    if (section.rest !== '') lines.push({ text: section.rest, copy });
    for (let i = 0; i < end; i++) lines.push({ text: section.lines[i] ?? '', copy });
    lines.push(copy ? BLANK_COPY : BLANK_OFFICIAL);
  }
  return lines;
}

/* "president@whitehouse.gov (George W. Bush)": a list's line, an e-mail with its owner's name in brackets after it. */
const BRACKETED_EMAIL = /^\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*\(([^()@\d\n]{3,60})\)\s*[,;.]?\s*$/;

/* "bundeskanzler@bundeskanzler.de", "president@example.gov" alone on a line: an e-mail whose whole local part is an office. */
const OFFICE_EMAIL = /^\s*([a-z]{4,30})@[\w-]+(?:\.[\w-]+)+\s*[,;.]?\s*$/i;
/* A word that is an office and nothing more ("bundeskanzler"). */
const ROLE_ALONE = new RegExp(`^(?:${ROLE.source})$`, 'i');

/**
 * Each e-mail line with its owner's name in brackets, as a block of its own: the name, then the e-mail. In such a list,
 * a bare e-mail whose local part is an office word alone is that office's ("bundeskanzler@..." -> "Bundeskanzler").
 */
function bracketedEmailLines(sections: Section[]): TargetLine[] {
  const lines: TargetLine[] = [];
  let named = 0;
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      if (!line.includes('@')) continue;
      const match = BRACKETED_EMAIL.exec(line.slice(0, 200));
      if (match?.[1] && match[2]) named++;
      const office = match ? undefined : OFFICE_EMAIL.exec(line.slice(0, 200))?.[1];
      const name = match?.[2]?.trim() ?? (office && ROLE_ALONE.test(office) ? office[0]?.toUpperCase() + office.slice(1).toLowerCase() : undefined);
      const email = match?.[1] ?? line.trim().replace(/[,;.]$/, '');
      if (name) lines.push({ text: name, copy: false }, { text: email, copy: false }, { text: '', copy: false });
    }
  }
  return named > 0 ? lines : [];
}

/* "Presente" (or "P r e s e n t e") closes a Spanish letter's addressee block: "Sr. Presidente Juan Manuel Santos" / "República de Colombia" / "Presente". */
const PRESENTE = /^\s*p\s?r\s?e\s?s\s?e\s?n\s?t\s?e\s*[.:,-]?\s*$/i;

const isPresente = (line: string): boolean => PRESENTE.test(line);

/** The addressee block above a "Presente" line (up to a blank or date line), when it opens with a form of address or an office. */
function presenteBlockLines(sections: Section[]): TargetLine[] {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    const at = section.lines.findIndex(isPresente);
    if (at < 1) continue;
    const block: string[] = [];
    for (let i = at - 1; i >= 0 && block.length < 6; i--) {
      const text = section.lines[i] ?? '';
      if (text.trim() === '' || isDateLine(text) || text.length > 100) break;
      block.unshift(text);
    }
    const first = block[0] ?? '';
    if (block.length > 0 && (HONORIFIC.test(first) || ROLE.test(first))) return block.map((text) => ({ text, copy: false }));
  }
  return [];
}

/* "To Her Excellency Ms Jane Example": a letter's addressee line, "To" and a person greeted by a form of address. */
const TO_PERSON = /^(?:to|à|a|an)\s+(.{5,90}?)[,:]?$/i;
/* The letter's body in the writer's own voice: "I am deeply concerned ...", "With great humility we write ...". */
const OWN_VOICE = /^(?:i|je|ich|yo|we|nous|wir)\s\p{L}|^[^.!?\n]{0,40}\b(?:we|i)\s+(?:write|am writing|are writing)\b/iu;
/* "His Excellency Monsieur Joseph Example": a letter's addressee line may open with the excellency alone, without "To". */
const EXCELLENCY = /^(?:(?:his|her) excellency|son excellence|su excelencia|s\.\s?e\.)\s+(.{5,90}?)[,:]?$/iu;

/**
 * "To Her Excellency Ms Jane Example" (or "His Excellency ..." alone) / "Ambassador Extraordinary and Plenipotentiary," / (the
 * greeting, "Your Excellency,") / "I am deeply concerned ...":
 * a letter that opens with its addressee, then the office, then the writer's own words. The person and the office are
 * the official; no address is read from here.
 */
function toAddresseeLines(sections: Section[]): TargetLine[] {
  for (const section of sections) {
    // An addressee line needs a line below it: a section of one line is not copied to look.
    if (section.kind === 'background' || section.lines.length < 2) continue;
    const lines = section.lines.filter((l) => l.trim() !== '');
    for (let i = 0; i < lines.length - 1; i++) {
      const line = lines[i]?.trim() ?? '';
      const excellency = EXCELLENCY.exec(line)?.[1];
      // "Son Excellence (H.E) Jane Example": an excellency that is no form of address the names know, the name after it.
      const bare = excellency !== undefined && !opensWithHonorific(line) && isPlausibleName(excellency);
      const person = TO_PERSON.exec(line)?.[1] ?? (bare ? excellency.replace(/^(?:h\.\s?e|s\.\s?e)\.?\s+/i, '') : excellency ? line.replace(/[,:]$/, '') : undefined);
      if (!person || !(bare || opensWithHonorific(person))) continue;
      const office = lines[i + 1] ?? '';
      const hasOffice = ROLE.test(office) && office.length <= 80;
      // The letter's own greeting may stand between the office and the body ("Votre Excellence,").
      const below = i + (hasOffice ? 2 : 1);
      const body = lines[isSalutation(lines[below] ?? '') ? below + 1 : below] ?? '';
      if (body.length < 60 || !OWN_VOICE.test(body)) continue;
      return [{ text: person, copy: false }, ...(hasOffice ? [{ text: office.replace(/[,:]$/, ''), copy: false }] : [])];
    }
  }
  return [];
}

/* "M. José Example à l'adresse jose@example.gob", "Mr Aron Sample at aron@example.gov", "Sr. Juan Ejemplo en la dirección ...": a person named by a form of address, then their e-mail. */
const PERSON_AT_EMAIL = /((?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sr\.|Sra\.|Monsieur|Madame|Señor|Señora)\s+(?:\p{Lu}[\p{L}'’-]+\s+){1,4})(?:à l['’]adresse|at|en la direcci[oó]n|a la direcci[oó]n|unter)\s+([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/gu;

/** Each person the prose names with a form of address right before their e-mail, as a block of their own. */
function personAtEmailLines(sections: Section[]): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      if (!line.includes('@') || line.length > 1200) continue;
      for (const match of line.matchAll(PERSON_AT_EMAIL)) {
        if (match[1] && match[2]) lines.push({ text: match[1].trim(), copy: false }, { text: `Email: ${match[2]}`, copy: false }, { text: '', copy: false });
      }
    }
  }
  return lines;
}

/* "pour le Ministre de la Justice, Monsieur Tekkari no ...": where each official's part of a contact sentence starts. */
const FOR_OFFICE = /\b(?:pour (?:le|la|l['’])|for the|para (?:el|la))\s+/giu;
/* "Monsieur Exemple", "Mr Aron Sample": a person named by a form of address in a sentence. */
const NAMED = /\b(?:Monsieur|Madame|M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Señor|Señora|Sr\.|Sra\.)\s+((?:\p{Lu}[\p{L}'’-]+\s?){1,4})/u;

/**
 * "Vous pouvez les faxer ... : pour le Président no ..., pour le Ministre de la Justice, Monsieur Exemple no ... ou
 * mju@example.tn, pour le ministre de l'Intérieur, Monsieur Autre, ... mint@example.tn": one sentence lists each
 * office with its person and contacts. Each part that names a person gives an official with the e-mails of that part
 * only; a part that names no one gives none (its details are left off, not guessed).
 */
function perOfficeLines(sections: Section[]): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      if (!line.includes('@') || line.length > 1200) continue;
      const starts = [...line.matchAll(FOR_OFFICE)].map((m) => m.index);
      if (starts.length < 2) continue;
      starts.forEach((start, n) => {
        const part = line.slice(start, starts[n + 1] ?? line.length);
        const person = NAMED.exec(part)?.[0]?.trim();
        const emails = findEmails(part);
        if (person && emails.length > 0) lines.push({ text: person, copy: false }, ...emails.map((e) => ({ text: `Email: ${e}`, copy: false })), { text: '', copy: false });
      });
    }
  }
  return lines;
}

