/** What a section of an Urgent Action holds; decides which parser reads it. */
export type SectionKind =
  | 'preamble' | 'banner' | 'header' | 'title' | 'number' | 'summary' | 'letter' | 'action' | 'points'
  | 'targets' | 'copies' | 'background' | 'language' | 'deadline' | 'concerning' | 'ignore';

/** A heading and the lines under it, up to the next heading. */
export type Section = {
  kind: SectionKind;
  /** The heading line as written. */
  heading: string;
  /** Text after the heading's colon (or after the heading words, for headings without one). */
  rest: string;
  /** Content lines up to the next heading; '' marks a blank line. */
  lines: string[];
};

type HeadingRule = { kind: SectionKind; phrase: string; loose?: boolean };

/*
 * Phrases are compared without accents, in capitals, with straight apostrophes. English, Spanish and
 * French, current (AIUSA) and older (International Secretariat) layouts; German, Austrian and Swiss section
 * pages ("APPELLE AN", "KOPIE AN", "MUSTERBRIEF"), Dutch, Portuguese and Italian headings, and a few Swedish, Norwegian
 * and Finnish ones ("BREVFÖRSLAG", "KOPIA TILL", "MÄÄRÄAIKA").
 */
const RULES: HeadingRule[] = [
  ...words('banner', ['URGENT ACTION', 'ACCION URGENTE', 'ACTION URGENTE', 'AZIONE URGENTE', 'BLIXTAKTION']),
  ...words('title', ['URGENT ACTION TITLE', 'TITULO DE LA ACCION URGENTE', "TITRE DE L'ACTION URGENTE", 'TITLE', 'TITULO', 'TITRE']),
  ...words('number', ['URGENT ACTION TYPE AND NUMBER', 'TYPE AND NUMBER', 'UA NUMBER', 'TIPO Y NUMERO DE AU', 'TIPO Y NUMERO', 'NUMERO DE AU', "TYPE ET NUMERO DE L'AU", 'TYPE ET NUMERO']),
  ...words('ignore', ['PUBLICATION DATE', 'ISSUE DATE', 'FECHA DE PUBLICACION', 'DATE DE PUBLICATION', 'INDEX NUMBER', 'NUMERO DE INDICE', "NUMERO D'INDEX", 'LINK TO PREVIOUS UA', 'ENLACE A LA AU ANTERIOR', "LIEN VERS L'AU PRECEDENTE"]),
  ...words('summary', ['URGENT ACTION SUMMARY', 'SUMMARY', 'RESUMEN DE LA ACCION URGENTE', 'RESUMEN', "RESUME DE L'ACTION URGENTE", 'RESUME']),
  ...words('letter', ['URGENT ACTION LETTER', 'SAMPLE LETTER', 'MODEL LETTER', 'CARTA DE LA ACCION URGENTE', 'MODELO DE CARTA', 'CARTA MODELO', "LETTRE DE L'ACTION URGENTE", 'MODELE DE LETTRE', 'LETTRE TYPE', 'COURRIER-TYPE', 'COURRIER TYPE', 'MUSTERBRIEF', 'BRIEFVORSCHLAG', 'BRIEFENTWURF', 'INHALT', 'VOORBEELDBRIEF', 'CARTA-MODELO', 'LETTERA MODELLO', 'LETTERA TIPO', 'MODELLO DI LETTERA', 'TESTO DELLA LETTERA', 'BREVFORSLAG', 'EXEMPELBREV', 'MALLBREV', 'MALLIKIRJE']),
  ...words('deadline', ['PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL', 'PLEASE TAKE ACTION AS SOON AS POSSIBLE', 'APPEAL DEADLINE NOTICE', 'APPEAL DEADLINE', 'DEADLINE', 'ACTUE LO ANTES POSIBLE HASTA', 'ACTUA LO ANTES POSIBLE HASTA', 'ACTUEN LO ANTES POSIBLE HASTA', 'ACTUE LO ANTES POSIBLE', 'ACTUA LO ANTES POSIBLE', 'ACTUEN ANTES DEL', 'ACTUA ANTES DEL', 'ACTUE ANTES DEL', 'FECHA LIMITE', 'BITTE SCHICKEN SIE IHRE APPELLE BIS', 'APPELLE BIS', 'EINSENDESCHLUSS', 'DELAI D\'ENVOI', 'ENVIE ATE', 'AJA ATE', 'ACTUE ATE', 'PLAZO', "MERCI D'AGIR AVANT LE", "MERCI D'AGIR", 'AGISSEZ AVANT LE', "AGISSEZ JUSQU'AU", 'AGISSEZ DES QUE POSSIBLE', 'DATE LIMITE', 'SCADENZA', 'AGISCI ENTRO', 'SISTA DAG', 'FRIST', 'MAARAAIKA']),
  ...words('action', ['TAKE ACTION', 'ACTUE', 'ACTUA', 'ACTUEN', 'PASA A LA ACCION', 'AGISSEZ', "PASSEZ A L'ACTION"]),
  ...words('points', ['PLEASE WRITE IMMEDIATELY', 'ESCRIBAN INMEDIATAMENTE', 'ECRIVEZ IMMEDIATEMENT', 'SCRIVETE IMMEDIATAMENTE']),
  // "Target's contact details & “copies to”": Amnesty's own heading, whatever its case, and whatever follows it on its line.
  ...words('targets', ["TARGET'S CONTACT DETAILS", 'TARGETS CONTACT DETAILS', 'TARGET CONTACT DETAILS'], true),
  ...words('targets', ['CONTACT DETAILS', 'CONTACT INFORMATION', 'PLEASE SEND APPEALS BEFORE', 'SEND APPEALS BEFORE', 'PLEASE SEND APPEALS TO', 'SEND APPEALS TO', 'APPEALS TO', 'PLEASE WRITE TO', 'ENVIEN LLAMAMIENTOS', 'DATOS DE CONTACTO', 'DESTINATARIOS', 'DESTINATARIO', 'ENVOYEZ VOS APPELS', 'COORDONNEES', 'DESTINATAIRES', 'DESTINATAIRE', 'APPELLE AN', 'APPELL AN', 'BITTE SCHREIBEN SIE AN', 'SCHREIBEN SIE AN', 'ADRESSATEN', 'ADRESSAT', 'WRITE TO', 'SCHRIJF NAAR', 'ESCREVA PARA', 'SCRIVI A', 'SCRIVI AL', 'SCRIVI ALLA', 'SCRIVETE A', 'DESTINATARI', 'SKRIV TILL', 'SKRIV TIL', 'NAPISZ LIST DO', 'NAPISZCIE LIST DO', 'NAPISZ DO', 'TARGET']),
  // "Postadresse:" / "An den Bundesaußenminister" / "Herrn F.W. Steinmeier": a labelled postal block names whom to write to.
  ...words('targets', ['POSTADRESSE', 'POSTANSCHRIFT', 'POSTAL ADDRESS', 'MAILING ADDRESS', 'DIRECCION POSTAL', 'ADRESSE POSTALE']),
  ...words('targets', ['DA INDIRIZZARE A'], true),
  ...words('copies', ['ALSO SEND COPIES TO', 'ENVIEN TAMBIEN COPIAS', 'ENVOYEZ EGALEMENT DES COPIES'], true),
  ...words('copies', ['AND COPIES TO', 'COPIES TO', 'COPY TO', 'COPIAS A', 'COPIA A', 'COPIES A', 'COPIE A', 'COPIE AUX', 'KOPIE AN', 'KOPIEN AN', 'SENDE EINE KOPIE AN', 'SENDEN SIE EINE KOPIE AN', 'SENDEN SIE KOPIEN AN', 'BITTE SENDEN SIE EINE KOPIE AN', 'KOPIE NAAR', 'E UNA COPIA AI QUOTIDIANI', 'E UNA COPIA A', 'PER CONOSCENZA', 'IN COPIA A', 'KOPIA TILL', 'KOPI TIL']),
  // "Com cópia para:", "Con copia a", "Avec copie à", "Mit Kopie an", "cc:": the block below is copies, never officials.
  ...words('copies', ['COM COPIA PARA', 'COM COPIA A', 'COPIA PARA', 'CON COPIA A', 'CON COPIA PARA', 'AVEC COPIE A', 'AVEC COPIE AU', 'AVEC COPIE AUX', 'MIT KOPIE AN', 'CC']),
  ...words('background', ['ADDITIONAL INFORMATION', 'BACKGROUND INFORMATION', 'BACKGROUND', 'INFORMACION ADICIONAL', 'INFORMACION COMPLEMENTARIA', 'INFORMATIONS COMPLEMENTAIRES', 'INFORMATION COMPLEMENTAIRE', "COMPLEMENT D'INFORMATION", 'CONTEXTE']),
  ...words('language', ['PREFERRED LANGUAGE TO ADDRESS TARGET', 'PREFERRED LANGUAGE', 'IDIOMA PREFERENTE PARA DIRIGIRSE', 'IDIOMA PREFERENTE', 'IDIOMA PREFERIDO', 'LANGUE A PRIVILEGIER', 'LANGUE PREFEREE']),
  ...words('concerning', ['NAME AND PRONOUNS', 'NAME AND PRONOUN', 'NOMBRE Y PRONOMBRES', 'NOMBRE Y PRONOMBRE', 'NOMS ET PRONOMS', 'NOM ET PRONOM']),
].sort((a, b) => b.phrase.length - a.phrase.length);

function words(kind: SectionKind, phrases: string[], loose = false): HeadingRule[] {
  return phrases.map((phrase) => ({ kind, phrase, loose }));
}

/** The rules by the first letter of their phrase, in their order: a line is compared with the few that can match. */
const RULES_BY_LETTER = new Map<string, HeadingRule[]>();
for (const rule of RULES) RULES_BY_LETTER.set(rule.phrase[0]!, [...(RULES_BY_LETTER.get(rule.phrase[0]!) ?? []), rule]);

/** Accent-free, straight-quoted, so "ACTÚE" and "ACTUE", "TARGET’S" and "TARGET'S" compare equal. */
export function foldKey(text: string): string {
  // Most lines are plain ASCII: nothing to fold, which makes a long paste of short lines read faster.
  if (PLAIN.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”«»]/g, '"');
}

const PLAIN = /^[\t\x20-\x5f\x61-\x7e]*$/;

/** Old layouts open with "UA 123/19 Index: ...", "Further information on UA: 53/14 ..." or "THIRD UA 60/16". */
const UA_HEADER =
  /^(?:(?:further|more) information on |informacion complementaria sobre (?:la )?|complement d'information sur (?:l')?|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|primera|segunda|tercera|cuarta|quinta) )?(?:ua|au)\s*:?\s*\d{1,4}\s*[./]\s*\d{2,4}\b/i;

/* Quotes, stars, hashes and bullets before a heading's words; one pattern, not a new one made for every line. */
const LEADING_MARKS = /^[\s"*#•·]+/;
/* A heading's colon after its words, maybe after a bracketed note ("TARGET (in English):"); made once, as above. */
const HEADING_COLON = /^\s*(?:\([^)]{0,80}\))?\s*:/;
/* Up to sixty characters before a colon: the tail capitalTail looks at; made once, as above. */
const CAPITAL_TAIL = /^[^:]{1,60}:/;

/* "1) ", "2. ": a numbered list's mark before an item. */
const LIST_NUMBER = /^\s*\d{1,2}[.)]\s+/;
/* The headings a page may number as a list's item when it lists its parts ("1) Contact information", "2) Sample letter"). */
const NUMBERED_KINDS: ReadonlySet<SectionKind> = new Set(['targets', 'copies', 'letter', 'background']);

/** The heading a line opens, if it is one. */
export function detectHeading(line: string): { kind: SectionKind; rest: string; block?: boolean } | undefined {
  const heading = detectPlainHeading(line);
  if (heading || !LIST_NUMBER.test(line)) return heading;
  // A numbered item that is a heading alone on its line ("1) Contact Information") is that heading, never a name.
  const item = line.replace(LIST_NUMBER, '');
  const numbered = item.length <= 60 ? detectPlainHeading(item) : undefined;
  return numbered && numbered.rest === '' && NUMBERED_KINDS.has(numbered.kind) && !/[.!?]$/.test(item.trim()) ? numbered : undefined;
}

function detectPlainHeading(line: string): { kind: SectionKind; rest: string; block?: boolean } | undefined {
  if (line === '' || line.length > 400) return undefined;
  const raw = foldKey(line.slice(0, 160)).replace(LEADING_MARKS, '');
  if (UA_HEADER.test(raw)) return { kind: 'header', rest: line };
  const key = raw.toUpperCase();
  for (const rule of RULES_BY_LETTER.get(key[0] ?? '') ?? []) {
    if (!key.startsWith(rule.phrase)) continue;
    const after = key.slice(rule.phrase.length);
    // "LANGUE À PRIVILÉGIER POUR LA RÉDACTION DE VOS APPELS : français": a capitalised tail before the colon is still the heading.
    const colon =
      HEADING_COLON.exec(after) ??
      capitalTail(raw.slice(rule.phrase.length)) ??
      // "Escriban inmediatamente, en español o en su propio idioma:"
      (rule.kind === 'points' ? /^,[^:]{0,80}:\s*$/.exec(after) : null);
    if (!colon && after !== '' && !/^[\s.!"]/.test(after)) continue;
    const capitals = raw.slice(0, rule.phrase.length) === key.slice(0, rule.phrase.length);
    // "Appell an", "Kopie an", "Write to", "Sample letter", "Background" alone on a line introduce officials, copies, the
    // letter or the story in any case.
    const alone = (rule.kind === 'targets' || rule.kind === 'copies' || rule.kind === 'letter' || rule.kind === 'background') && after.trim().replace(/[:.]$/, '').replace(/^(?:N[O°]\s?)?\d{1,2}$/, '').trim() === '';
    if (!capitals && !colon && !rule.loose && !alone) continue;
    // A capitalised banner stands alone; "URGENT ACTION" inside a sentence is prose.
    if (rule.kind === 'banner' && !colon && after.trim() !== '') continue;
    // Headings without a colon are short; a long capitalised-prefix line is prose.
    if (!colon && !rule.loose && line.length > rule.phrase.length + 60) continue;
    const rest = colon ? restAfter(line, rule.phrase.length, colon[0].length) : '';
    return rule.phrase === 'TARGET' ? { kind: rule.kind, rest, block: true } : { kind: rule.kind, rest };
  }
  return introHeading(line, raw);
}

/* "Et si ..., envoyez la aussi en copie à :", "Please also send a copy to:": a sentence that ends by introducing copies. */
const COPY_INTRO = /\b(?:en copie|une copie|a copy|copies|copia|una copia|eine kopie|kopien)\s+(?:a|to|an|al|aux)\s*:\s*$/i;
/*
 * "send the above appeals via the Chinese Embassy in London:", "c/o the Ambassador:": the block that follows is the route
 * the letters take (a copy), never the official they are for.
 */
const ROUTE_INTRO = /\b(?:via|through|c\/o|care of|by way of|par l'intermediaire d[eu']|par le biais d[eu']|por (?:medio|conducto) de|a traves de|uber|ueber)\b[^:]{0,80}\b(?:embass(?:y|ies)|ambassadors?|high commission|consulates?|missions?|embajadas?|embajador|ambassades?|ambassadeur|botschaft(?:en)?|botschafter)\b[^:]{0,60}:\s*$/i;
/* "L'imprimer, la signer, l'envoyer à : Monsieur le Ministre", "you may address a letter to", "Please mail letters to:": a sentence that ends by naming whom to write to. */
const TARGET_INTRO = /\b(?:l'envoyer|envoyez-(?:la|le)|send (?:it|them|(?:your |the )?letters?)|mail (?:it|(?:your |the )?letters?)|address (?:a|your) letters?|adressez (?:votre|la) lettre)\b[^:]{0,40}?\b(?:a|to)\s*(?::\s*(.{0,120}))?$/i;

/* "La tua e-mail sarà inviata al Presidente del Brasile e ai Ministri competenti:": an online action lists its recipients. */
const RECIPIENTS_INTRO = /\b(?:la tua|il tuo|la vostra|il vostro) (?:e-?mail|mail|lettera|messaggio|appello) (?:sara|verra) inviat[oa] (?:a|al|alla|ai|agli|alle|allo)\b[^:]{0,100}:\s*$/i;

const FOLLOWING_ADDRESS = /\b(?:send|post|mail|address|write|fax)\b[^:]{0,60}\b(?:to|at) the following (?:postal |mailing )?address(?:es)?\s*:\s*$/i;

/* "L'adresse :", "Address:", "Endereço:" alone on a line: the block below is where the letters go. */
const ADDRESS_ALONE = /^(?:l'|the |la |die )?(?:adresse|address|direccion|endereco|anschrift|adres)\s*:\s*$/i;

/** A sentence ending in "... en copie à :" or "... l'envoyer à : Name" opens copies or officials like a heading. */
function introHeading(line: string, raw: string): { kind: SectionKind; rest: string; block: boolean } | undefined {
  if (line.length > 250) return undefined;
  // These five end with a colon: a line without one (most lines) is not scanned for them.
  const colon = raw.includes(':');
  if (colon && (COPY_INTRO.test(raw) || ROUTE_INTRO.test(raw))) return { kind: 'copies', rest: '', block: true };
  // "Please post the letter to the following address:": the block below is the addressee's.
  if (colon && (FOLLOWING_ADDRESS.test(raw) || ADDRESS_ALONE.test(raw.trim()) || RECIPIENTS_INTRO.test(raw))) return { kind: 'targets', rest: '', block: true };
  const intro = TARGET_INTRO.exec(raw);
  if (!intro) return undefined;
  return { kind: 'targets', rest: intro[1] === undefined ? '' : line.slice(line.lastIndexOf(':') + 1).trim(), block: true };
}

function capitalTail(after: string): RegExpExecArray | null {
  const tail = CAPITAL_TAIL.exec(after);
  if (!tail || !/^\s/.test(after)) return null;
  return tail[0] === tail[0].toUpperCase() ? tail : null;
}

/** Maps a position in the folded key back onto the original line by skipping the same number of letters. */
function restAfter(line: string, phraseLength: number, colonLength: number): string {
  const colonAt = line.indexOf(':', Math.max(0, phraseLength - 4));
  if (colonAt >= 0 && colonAt <= phraseLength + colonLength + 4) return line.slice(colonAt + 1).trim();
  return line.slice(phraseLength + colonLength).trim();
}

/** Splits cleaned lines into sections at every recognised heading. */
export function splitSections(lines: string[]): Section[] {
  const sections: Section[] = [{ kind: 'preamble', heading: '', rest: '', lines: [] }];
  // Each section's lines are one run of the input, sliced out where the section ends: growing an array line by line
  // for every section made a paste of many short sections slow.
  let start = 0;
  const endAt = (at: number): void => {
    const current = sections[sections.length - 1];
    if (current) current.lines = lines.slice(start, at);
  };
  // Under "Target:" or a sentence that names whom to write to, only the block that follows is contact details.
  let block = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heading = detectHeading(line);
    if (heading) {
      endAt(i);
      sections.push({ kind: heading.kind, heading: line, rest: heading.rest, lines: [] });
      start = i + 1;
      block = heading.block === true;
      continue;
    }
    if (block && (line === '' ? i > start : isProseLine(line))) {
      endAt(i);
      sections.push({ kind: 'preamble', heading: '', rest: '', lines: [] });
      start = i;
      block = false;
    }
  }
  endAt(lines.length);
  return sections;
}

/** A sentence, not an address line: long, or ending like one ("Goal: Praise the court ... accountable."). */
function isProseLine(line: string): boolean {
  // "Ms Jane Example: jane@example.gov (Minister for Home Affairs).": a line that gives an e-mail is a contact line.
  if (line.length <= 200 && /[\w.+-]@[\w-]+\.\w/.test(line) && line.split(' ').length <= 12) return false;
  return (line.length > 120 && !isAddressRun(line)) || (/[.!?]$/.test(line) && line.split(' ').length > 6);
}

/** "Ambassador Jane Example Permanent Mission ... 799 Example Plaza New York, NY, USA 10017-3505": a block run on one line, no sentence in it, its postcode last. */
function isAddressRun(line: string): boolean {
  return line.length <= 250 && /\d$/.test(line) && !/\p{Ll}{2,}[.!?](?:\s|$)/u.test(line);
}

/** The first non-empty line of a section's inline text and content. */
export function sectionValue(section: Section): string {
  if (section.rest !== '') return section.rest;
  return section.lines.find((l) => l !== '') ?? '';
}
