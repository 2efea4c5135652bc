/*
 * Web pages copied as text often lose their line breaks: a whole contact block or a letter arrives on one line
 * ("H.E. Name Permanent Mission ... Phone: ... Email: ... Salutation: Dear Ambassador SAMPLE LETTER Dear
 * Ambassador Name, I am ..."). Long lines are cut again before the marks that start a field, a heading or a
 * letter, so the line-based readers find them wherever they sat.
 */

/** Lines shorter than this are layout, not flattening: the seed and pdftotext output stay as they are. */
const LONG_LINE = 140;

/** Only the start of a huge line is cut; the rest is prose that no reader looks into. */
const SCAN_LIMIT = 4000;

/* A contact label with its colon: "Fax:", "Email:", "E-mail :", "Twitter/X:", "Correo-e:", "Salutation:". */
const FIELD = /(?<=\S\s{1,3})(?=(?:e-?mails?|correo-?e|correo electr[oó]nico|courriel|phone|tel[ée]?(?:phone|fono)?|t[ée]l\.?|fax|twitter\/x|twitter|x|facebook|instagram|salutation|saludo|tratamiento)\s?:\s?\S)/giu;
/* "SAMPLE LETTER Dear ...", "Sample letter: Your Excellency, ...", "CARTA MODELO Señor ...". */
const LETTER_HEADING = /(?<=\S\s{1,3})(?=(?:SAMPLE LETTER|MODEL LETTER|CARTA MODELO|MODELO DE CARTA|MOD[EÈ]LE DE LETTRE|LETTRE TYPE)\b)/gu;
/*
 * An office as a caption over the next block: "... Salutation: Your Excellency Minister of Defence: His Excellency General
 * Jane Example Ministry of ...", "... to your country: President: His Excellency ...": the office, a colon, a form of address.
 */
const CAPTION_OFFICE = String.raw`(?:President|Prime Minister|(?:Deputy\s+)?Minister|Attorney General|Prosecutor General|Governor|Ambassador|Speaker|Chief Justice|Head of State)\b[^:.,;!?\d]{0,50}`;
const CAPTION_FORM = String.raw`(?:His|Her|Your) (?:Excellency|Majesty|Highness)\b`;
const CAPTION = new RegExp(String.raw`(?<=\S\s{1,3})(?=${CAPTION_OFFICE}:\s{1,3}${CAPTION_FORM})`, 'gu');
/* A piece cut at a caption: the office, its colon, then the block from its form of address on. */
const CAPTION_PIECE = new RegExp(String.raw`^(${CAPTION_OFFICE}):\s{1,3}(${CAPTION_FORM}.*)$`, 'u');
/* "Salutation: Your Excellency 'Information current as of ...": a form of address alone is the whole value; what follows is the page's. */
const AFTER_FORM = /(?<=(?:[Ss]alutation|[Ss]aludo|[Tt]ratamiento)\s?:\s{1,3}(?:Your (?:Excellency|Majesty|Royal Highness|Highness)|Su Excelencia|Votre Excellence)\s{1,3})(?=[^\s,.;:!])/gu;
/*
 * A salutation inside a line: "... Office of the Public Prosecutor Dear Counsellor, I write ...", or glued to the heading
 * before it where a page lost the break ("Il messaggioGentilissimo, L'indignazione ..."). A "Salutation:" field's value is
 * no new line.
 */
const SALUTATION = /(?<=\S\s{1,3}|\p{Ll})(?<!(?:[Ss]alutation|[Ss]aludo|[Tt]ratamiento)\s?:\s{1,3})(?=(?:Dear|Your (?:Excellency|Majesty|Royal Highness|Highness)|Estimad[oa]s?|Señor(?:a)?|Monsieur|Madame|Sehr (?:geehrte|verehrte)[rn]?|Geachte|Exzellenz|Excelent[ií]simo|Gentilissim[oa]|Gentile|Egregi[oa])\b(?:[^,:.\n]|(?<=\b(?:Mr|Mrs|Ms|Dr|Sr|Sra|Mme|Prof|\p{Lu}))\.){0,60}[,:]\s+\p{Lu})/gu;
/* The letter body after a salutation that ends with a comma or colon: "Dear Ambassador Ravanchi, I am ...", or glued to it ("Monsieur le Ministre,Considérant"). */
/* A long sentence may go on in lower case: "Dear Head of State Migration Service, journalist and poet ... was detained". */
/* A letter quoted in a page opens with a quotation mark, no part of its salutation: „Sehr geehrter Herr Gouverneur, Jane ...". */
/* "Mr." and "Dr." keep their full stop: "SAMPLE LETTER Dear Mr. President," is one salutation; a king is greeted "Your Majesty ...,". */
const AFTER_SALUTATION = /^(?:["“„«]\s*)?((?:SAMPLE LETTER\s+|MODEL LETTER\s+)?(?:Dear|Your (?:Excellency|Majesty|Royal Highness|Highness)|Estimad[oa]s?|Señor(?:a)?|Monsieur|Madame|Sehr (?:geehrte|verehrte)[rn]?|Geachte|Exzellenz|Excelent[ií]simo|Gentilissim[oa]|Gentile|Egregi[oa])\b(?:[^,:.\n]|(?<=\b(?:Mr|Mrs|Ms|Dr|Sr|Sra|Mme|Prof|\p{Lu}))\.){0,60}[,:])\s*(?=\p{Lu}|\p{Ll}[^\n]{80})/u;

/* A salutation that ends a short line after an address of at least 20 characters. */
const TRAILING_SALUTATION = /^(\S.{19,}?)\s+((?:Dear|Your (?:Excellency|Majesty|Royal Highness|Highness)|Estimad[oa]s?|Sehr (?:geehrte|verehrte)[rn]?|Exzellenz)\b[^,:.!?]{0,60}[,:])$/u;

/*
 * "Mr Name Minister of Justice Due to postal restrictions ..., please only send physical mail to the Embassy": a note on
 * how to send, run on after a name or an office (no sentence mark before it), starts a line of its own.
 */
const SENDING_NOTE = /(?<=[^\s.!?:;,]\s{1,3})(?=(?:Due to|Owing to|Because of|Please)\s\p{Ll})/gu;
/*
 * "Please mail letters to: Ambassador Jane Example Permanent Mission ... New York, NY, USA 10017-3505 If you are able to
 * ...": the block after the request starts a line, and a sentence after its postcode ends it.
 */
const AFTER_REQUEST = /(?<=\b(?:mail|send|write|address)\s(?:your\s)?(?:letters?|appeals?|cards?)\sto:\s{1,3})(?=\p{Lu})/gu;
const AFTER_POSTCODE = /(?<=\d{4,}(?:-\d{3,})?\s{1,3})(?=(?:If|When|Please|We|You|This)\s\p{Ll})/gu;

/*
 * "... Fax: +963 11 ... Salutation - Your Excellency Minister of ...": a dash for the label's colon, inside a run-on line as
 * at a line's start (normalize.ts), before a capital: the field reads as "Salutation:" so it is cut and read as one.
 */
const DASHED_SALUTATION = /(?<=(?:^|\s)(?:[Ss]alutation|[Ss]aludo|[Tt]ratamiento))\s[-–—]\s(?=\p{Lu})/gu;

/*
 * "· Mr. Jane Example, President of ...,· Mr. Aron Example, Prime Minister ...": a list of officials run into one line,
 * each item a bullet and a form of address; each item starts a line of its own.
 */
const PERSON_BULLET = /(?<=\S\s{0,3})(?=[·•]\s{1,3}(?:Mr|Mrs|Ms|Dr|Mme|H\.\s?E)\.?\s)/gu;
const SHORT_LETTER_HEADING = /^(SAMPLE LETTER|MODEL LETTER|CARTA MODELO|MODELO DE CARTA|MOD[EÈ]LE DE LETTRE|LETTRE TYPE|MUSTERBRIEF)\s+(?=\p{Lu})/u;

/** Cuts long flattened lines before fields, letter headings and salutations; short lines pass unchanged. */
export function unflatten(lines: string[]): string[] {
  // The lines are copied from the first one cut on: a text with nothing to cut (most texts) is returned as it is.
  let out: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length < LONG_LINE) {
      // "SAMPLE LETTER Dear Mr. President," on one short line: the heading, then the salutation on its own.
      const heading = SHORT_LETTER_HEADING.exec(line);
      // "Supreme Leader C/o Permanent Mission ... Geneva, Switzerland Dear Mr Khamenei,": the address, then the salutation.
      // An address of 20 characters, a space and a greeting with its comma are 26 at least: a shorter line is not tried.
      const greeting = heading || line.length < 26 || !(line.endsWith(',') || line.endsWith(':')) ? null : TRAILING_SALUTATION.exec(line);
      if (heading?.[1]) (out ??= lines.slice(0, i)).push(heading[1], line.slice(heading[0].length));
      else if (greeting?.[1] && greeting[2]) (out ??= lines.slice(0, i)).push(greeting[1], greeting[2]);
      else out?.push(line);
      continue;
    }
    const into = (out ??= lines.slice(0, i));
    const run = line.replace(DASHED_SALUTATION, ': ');
    const head = run.slice(0, SCAN_LIMIT);
    const cuts = new Set<number>();
    for (const pattern of [FIELD, LETTER_HEADING, SALUTATION, SENDING_NOTE, CAPTION, AFTER_FORM, AFTER_REQUEST, AFTER_POSTCODE, PERSON_BULLET]) {
      for (const m of head.matchAll(pattern)) if (m.index !== undefined && m.index > 0) cuts.add(m.index);
    }
    const points = [...cuts].sort((a, b) => a - b);
    let from = 0;
    const pieces: string[] = [];
    for (const at of points) {
      pieces.push(run.slice(from, at).trim());
      from = at;
    }
    pieces.push(run.slice(from).trim());
    const kept = pieces.filter((p) => p !== '');
    kept.forEach((piece, k) => {
      // "... Thank you. Minister of Interior Name Ministry of Interior Street City Country Dear Minister: ...": the
      // address the letter is for ends the piece before its salutation, after the last sentence.
      const tail = GREETING.test(kept[k + 1] ?? '') ? ADDRESS_TAIL.exec(piece) : null;
      // "Minister of Defence: His Excellency Jane Example ...": the caption's office on a line of its own, above the name.
      const caption = CAPTION_PIECE.exec(piece);
      if (tail?.[1] && tail[2]) into.push(...splitSalutation(tail[1]), tail[2]);
      else if (caption?.[1] && caption[2]) into.push(caption[1], caption[2]);
      else into.push(...splitSalutation(piece));
    });
  }
  return out ?? lines;
}

const GREETING = /^(?:Dear|Your (?:Excellency|Majesty|Royal Highness|Highness)|Estimad[oa]s?|Señor(?:a)?|Monsieur|Madame|Sehr (?:geehrte|verehrte)[rn]?|Geachte|Exzellenz|Excelent[ií]simo)\b/u;
/* The words after a piece's last full stop: 20 to 200 characters, no sentence mark, starting with a capital. */
const ADDRESS_TAIL = /^(.*[.!?])\s+(\p{Lu}[^.!?]{20,200})$/su;

/* "Honorable Minister Example,", "Honourable Premier,": a salutation by form of address, then the body's capital. */
const HONORABLE_GREETING = /^((?:The\s+)?Hono(?:u)?rable\b[^,:.\n]{0,60}[,:])\s*(?=\p{Lu})/u;

/** "SAMPLE LETTER Dear Ambassador Ravanchi, I am gravely concerned ..." -> heading, salutation, body. */
function splitSalutation(piece: string): string[] {
  const heading = /^(SAMPLE LETTER|MODEL LETTER|CARTA MODELO|MODELO DE CARTA)\s+(?=\S)/u.exec(piece);
  const rest = heading ? piece.slice(heading[0].length) : piece;
  // "SAMPLE LETTER Honorable Minister Example, I am ...": after the heading, "Honorable" greets; elsewhere it heads an address.
  const found = AFTER_SALUTATION.exec(rest) ?? (heading ? HONORABLE_GREETING.exec(rest) : null);
  const parts = heading ? [heading[1] ?? ''] : [];
  if (found?.[1] && rest.length > found[0].length + 20) parts.push(found[1], rest.slice(found[0].length));
  else parts.push(rest);
  return parts;
}
