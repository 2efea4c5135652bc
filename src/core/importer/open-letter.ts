// Tells a letter written and sent by others (an open letter, an organisation's letter quoted in news) from a model
// letter the reader is asked to send: only a request to the reader makes a letter an appeal.
import { isClosing, isSalutation, type FoundLetter } from './letter.js';
import { ORGANISATION, ROLE } from './offices.js';
import { showsItsWriterSentIt, signedByANamedWriter } from './sent-letter.js';

/*
 * A request to the reader around the letter: "sample letter", "copy and paste", "use the letter below", "lettre type", "Courrier-type 1", "please send", "Musterbrief", "carta
 * modelo", "voorbeeldbrief", "your name", "[Name]". Read in the text outside the letter's own lines, where the page
 * speaks to its reader; inside the letter "please" is said to the official.
 */
const ASKS_READER = /\b(?:sample|model|example|suggested|draft) (?:letter|e-?mail|message|text|note|card)|\b(?:ask(?:ing|s)?|urg(?:e|es|ing)|encourag(?:e|es|ing)|invit(?:e|es|ing)) (?:you|people|everyone|readers|supporters|members)\b|\bdo the same\b|\bjoin (?:me|us)\b|\bbest to (?:e-?mail|write|call|send|contact)\b|\bsend (?:a|an|your|this|the|it)\b|\b(?:letter|text|message|e-?mail|card) to (?:send|copy|sign|use|print)\b|\bletter template\b|\b(?:lettres?|courriers?)[- ]types?\b|\buse (?:the|this|our) (?:letter|text|model|template|e-?mail)\b|\btemplate\b|\bcopy(?:,)? (?:and )?paste\b|\bcopy (?:this|the|it)\b|\bplease\b|\bsend (?:it|this|the letter|your|a (?:letter|copy|fax|e-?mail))\b|\b(?:write|fax|e-?mail|sign|send) (?:to|now|today|your)\b|\byour (?:own )?(?:name|address|words|letter)\b|\bmuster(?:brief|text|schreiben|mail)e?n?\b|\bbriefvorschlag\b|\bvorlage\b|\bschreiben sie\b|\bschicken sie\b|\bcarta (?:modelo|tipo)\b|\bmodelo de carta\b|\bcopi[ae]\b|\benv[ií]a\b|\bescrib[ae]\b|\bfirma\b|\bmod[eè]le\b|\benvoyez\b|\b[ée]crivez\b|\bvoorbeeld(?:brief|brieven)?\b|\bstuur\b|\bschrijf\b|\bmodelo\b|\benvie\b|\bescreva\b|\bassine\b|\bfeel free\b|\byou (?:can|could|may|might) (?:also )?(?:send|write|use|copy|sign|adapt|print|download|e-?mail|fax)\b|\bdownload\b|\bvous pouvez\b|\bpuede(?:s| usted)\b|\bsie k[öo]nnen\b|\bje kunt\b|\bvoc[eê] pode\b/i;
/*
 * A gap for the reader to fill: "[Your name]", "[Ort, Datum]". Never a page's "[email protected]" (an address hidden by
 * the site), a bracketed date ("[17 March 2015]") or a number ("[1]", "[...]"): those are not asked of anyone.
 */
const PLACEHOLDER = /\[(?!\s*(?:e-?mail protected|[\d\s./-]+|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\.{3}|…)\s*\])[^\]\n]{2,40}\]/iu;
/* A sender's field to fill in above the letter: "Nom : ……………", "Name: ________", "Adresse : ........". */
const SENDER_FIELD = /^[^\S\n]*\p{L}[\p{L} ]{1,24}:[^\S\n]*(?:…{2,}|\.{4,}|_{3,})/mu;

/* A site's menu of links: "[Letters, Documents...] - [Action Campaign] - [HOME]", brackets joined by dashes (en or em too) or bars alone on a line. */
const LINK_MENU = /^[^\S\n]*\[[^\]\n]{1,60}\](?:[^\S\n]*[-–—|·•][^\S\n]*\[[^\]\n]{1,60}\])+[^\S\n]*$/gm;

function asksReader(s: string): boolean {
  // A menu's bracketed links are the site's, no gap for the reader to fill.
  return ASKS_READER.test(s) || PLACEHOLDER.test(s.replace(LINK_MENU, ''));
}

/* The page tells of a letter that others wrote or sent: "USCIRF wrote to King Salman", "a letter written by experts", "dirigieron esta carta", "Wysłany list do Ambasadora" (Polish: the letter sent). */
const BY_OTHERS = /\b(?:wrote|have written|has written|sent|signed|signing up to|dirigieron|dirigi[oó]|enviaron|firmaron|ont [ée]crit|a [ée]crit|ont adress[ée]|schrieben|haben geschrieben|unterzeichneten)\b[^.!?\n]{0,80}\b(?:letters?|notes?|cartas?|lettres?|briefe?)\b|\b(?:letters?|cartas?|lettres?|brief) (?:written|signed|sent) by\b|\b(?:open letter|carta abierta|lettre ouverte|offener brief|carta aberta|list otwarty)\b|\b(?:wys[łl]an[yaie]|wys[łl]ali|wys[łl]a[łl][aoy]?|napisali|napisa[łl][ao]?|podpisali|skierowali|skierowan[yaie])\s+(?:\p{L}+\s+){0,2}?(?:list|listy|pismo|apel)\b|\b(?:list|pismo|apel)\s+(?:wys[łl]an[yaie]|napisan[yaie]|podpisan[yaie]|skierowan[yaie])\b/imu;
/*
 * A reminder of a letter already sent: "Erinnerungsschreiben", "reminder letter", "wir haben Ihnen am 6.12. geschrieben",
 * "we wrote to you on 6 December", "erneut angeschrieben". Its writers sent it twice; no reader is asked to send it.
 */
const REMINDER = /\b(?:erinnerungsschreiben|reminder letter|letter of reminder|lettre de (?:relance|rappel)|carta (?:de )?recordatorio)\b|\b(?:(?:wir|ich) (?:haben|habe) (?:ihnen|sie)|(?:we|i) (?:wrote|have written) to you|nous vous avons (?:[ée]crit|adress[ée])|le escribimos|les escribimos)\b[^.!?\n]{0,60}?\b(?:am|on|le|el)\s+\d|\b(?:erneut|nochmals|wieder) angeschrieben\b/iu;
/*
 * A headline that names a letter's writer and its addressee: "USCIRF Letter to Saudi King Salman", "PEN's letter to
 * President X". A headline without a writer ("Letter to Yemen's vice-president", "A letter to the President") is what a
 * model letter is called as well: it says nothing of who sent it. Nor does a sentence's object, "ich übergebe Ihnen
 * einen Brief an Minister X" (German declines the article and the possessive).
 */
const HEADLINE = /^[^\n.!?]{0,60}?(?<!\b(?:a|an|the|my|our|sample|model|example|suggested|una?|la|le|el|ein|eine|einen|mein|meinen|unser|unseren|den|diesen))[ \t](?:Letter|letter|Carta|carta|Lettre|lettre|Brief) (?:to|a|al|à|an) \p{Lu}/mu;
/*
 * A page that shows letters it has received or that supporters sent: "the letters sent to us", "here you will find many
 * of those we have received", "cartas que hemos recibido", "Briefe, die uns erreicht haben". They are already sent.
 */
const RECEIVED = /\b(?:letters?|e-?mails?|cards?|messages?)\b[^.!?\n]{0,40}\b(?:sent to us|we (?:have |had )?received|received from|(?:sent|written) by (?:our |your )?(?:supporters|members|readers|friends))\b|\b(?:we|i) (?:have |had )?received\b[^.!?\n]{0,60}\b(?:letters?|e-?mails?|cards?)\b|\bof those we (?:have )?received\b|\bcartas (?:que )?(?:hemos )?recibid[ao]s\b|\blettres (?:que nous avons )?re[çc]ues\b|\bbriefe,? die uns erreicht\b/i;
/*
 * A letter to a newspaper that carries the letter: "Dear Editor", "Señora directora: ... solicito hacer pública la
 * siguiente carta", "please publish the following letter". The writer asks the paper to print it, no reader to send it.
 */
const TO_EDITOR = /^\s*(?:dear (?:editor|sir or madam, editor)|to the editor|se[ñn]or(?:a)? director(?:a)?|estimad[oa] director(?:a)?|monsieur le r[ée]dacteur|madame la r[ée]dactrice|sehr geehrte(?:r)? (?:herr|frau) (?:chef)?redakt(?:eur|eurin))\b|\b(?:publish|print) (?:the following|this) letter\b|\b(?:hacer p[uú]blica|publicar) (?:la siguiente|esta) carta\b|\bpublier (?:la lettre suivante|cette lettre)\b|\bfolgenden brief (?:zu )?ver[öo]ffentlichen\b/im;

/* A form to fill in: "May ___, 2002", "(Company Name)", "(Add your signature)", "(your name)": the reader completes and sends it. */
const BLANKS = /_{3,}|\((?:[^)\n]{0,20}\b(?:your|company|organi[sz]ation|sender)(?:['’]s)?\b[^)\n]{0,20}|name|signature|date)\)/i;
/* "Copies to:", "cc:", "Kopie an:", "Copie à :": the writer's own copies under a letter already sent. */
const COPIES_BELOW = /^(?:copies? to|cc|c\.c\.|kopien? an|copie à|copias? a)\s*:/im;
/* "Elisabet W. Middelthon" over "Chair, Writers in Prison Committee, Norwegian PEN": a named signer with an office. */
const SIGNER = /^(?:(?:dr|prof|mr|mrs|ms)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.?[\p{L}'’-]*){1,3}$/u;

/* A signer's name, then their office in an organisation, on one line: "Sidiki Example Président de la FIDH". */
const SIGNED_WITH_OFFICE = /^(?:\p{Lu}[\p{L}'’.-]+\s+){1,3}(?:pr[ée]sident(?:e)?|chair(?:man|person|woman)?|secretary[- ]general|secr[ée]taire g[ée]n[ée]ral(?:e)?|director(?:a)?|directeur|directrice|executive director|vorsitzende[r]?)\s+(?:de la|du|de l['’]|des|of the|of|de|del|der|des)\s+\p{Lu}/iu;

/**
 * A letter signed by a named person who gives their office ("Chair, Writers in Prison Committee"), or followed by the
 * writer's own "Copies to:" list: a letter already sent by its writer. A model letter ends with a blank for the reader.
 */
function sentByItsWriter(after: string): boolean {
  const lines = after.split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, 40);
  const closing = lines.findIndex((l) => isClosing(l));
  const [name, office] = closing >= 0 ? lines.slice(closing + 1, closing + 3) : [];
  // The office is a short line of its own ("Chair, Writers in Prison Committee"), not a page's "Related Keywords: ..." line.
  const signed = name !== undefined && office !== undefined && SIGNER.test(name) && name.length <= 50 && office.length <= 100 && !office.includes(':') && (ROLE.test(office) || ORGANISATION.test(office) || /\b(?:chair|pen|committee|association|society|foundation|league|centre|center)\b/i.test(office));
  // A page of model letters goes on with the next letter's addressee and salutation: its closing is signed by no one.
  if (closing < 0 || lines.slice(closing + 1).some((l) => isSalutation(l))) return false;
  // "Jane Example Président de la FIDH, Ann Other Président de la LDH": signers named with their office on one line.
  const signedInLine = lines.slice(closing + 1, closing + 3).some((l) => l.length <= 200 && SIGNED_WITH_OFFICE.test(l));
  return signed || signedInLine || COPIES_BELOW.test(lines.slice(closing).join('\n'));
}

/*
 * The writer resigns in the letter: "le escribo para renunciar a mi posición", "presento mi renuncia", "I hereby resign",
 * "I tender my resignation", "je vous présente ma démission", "hiermit trete ich ... zurück". Only its writer sends that.
 */
const RESIGNS = /\b(?:renunciar a mi (?:posici[oó]n|cargo|puesto|nombramiento)|present(?:o|ar) (?:mi|la) (?:renuncia|dimisi[oó]n)|(?:i )?hereby resign|tender(?:ing)? my resignation|submit(?:ting)? my resignation|(?:pr[ée]senter|pr[ée]sente|remettre|remets|donner|donne) ma d[ée]mission|je d[ée]missionne|meinen r[üu]cktritt|trete ich\b[^.!?\n]{0,60}\bzur[üu]ck)/iu;

/*
 * "Als Bürgermeister Ihrer Heimatstadt Graz verfolge ich ...", "As Mayor of Example City I ...", "En tant que maire de ...":
 * the letter opens with its writer's own office. A reader sending a model letter holds none; the official who wrote it did.
 */
const WRITER_IN_OFFICE = /^\s*(?:als|as|en tant que|en qualit[ée] de|como|in qualit[àa] di|enquanto|in mijn hoedanigheid van)\s+(?:\p{L}+\s+){0,2}?(?:b[üu]rgermeister(?:in)?|oberb[üu]rgermeister(?:in)?|mayor|lord mayor|maire|alcalde(?:sa)?|sindac[oa]|prefeit[oa]|burgemeester|landeshauptmann|abgeordnete[r]?|member of (?:parliament|congress)|d[ée]put[ée]e?|diputad[oa]|deputat[oa]|senator(?:in)?|s[ée]nat(?:eur|rice))(?!\p{L})/iu;

/* A letter in the writers' own plural voice: "We write to you", "Los signatarios de esta carta", "nous vous écrivons". */
const WE = /\b(?:we|us|our|nous|nos dirigimos|nosotros|wir|the undersigned|los signatarios|les soussign[ée]s|die unterzeichnenden)\b/gi;
const I = /\b(?:i|me|my|je|moi|yo|mi|ich|mich|mein|eu)\b/gi;

/**
 * A letter that nobody is asked to send: no request to the reader outside the letter, and the page tells that others
 * wrote it or the letter speaks in its writers' plural voice ("We write to you on behalf of the Commission").
 */
export function isLetterByOthers(text: string, found: FoundLetter | undefined): boolean {
  if (!found?.salutation) return false;
  const { frame, body, after, at } = aroundLetter(text, found, found.salutation);
  // Letters already received or sent to a paper are shown, not offered: what follows them is more of the same letters.
  if ((RECEIVED.test(frame) || TO_EDITOR.test(frame)) && !asksReader(frame.replace(TO_EDITOR, ' '))) return true;
  if (REMINDER.test(frame) || REMINDER.test(body.slice(0, 2000))) return true;
  if (readerIsAsked(text, frame, body, after)) return false;
  const opening = body.slice(0, 800);
  const we = opening.match(WE)?.length ?? 0;
  const i = opening.match(I)?.length ?? 0;
  // The signature and copies sit from the closing on; the body's own lines may be re-spaced, the closing is as written.
  const closingAt = whereClosing(text, found, at);
  const tail = closingAt >= 0 ? text.slice(closingAt, closingAt + 5000) : after.slice(0, 5000);
  const closingOn = tail.split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, 3);
  return BY_OTHERS.test(frame) || HEADLINE.test(frame) || RESIGNS.test(body.slice(0, 3000)) || WRITER_IN_OFFICE.test(opening.slice(0, 300)) || (we >= 2 && we > i * 2) || sentByItsWriter(tail) || (closingAt >= 0 && (signedByANamedWriter(closingOn) || (signedAtTheEnd(tail) && headlineGreetsAddressee(frame, found.salutation)))) || showsItsWriterSentIt(frame, body);
}

/* A gap for the signer's name, not a name: "Your name", "Nome e cognome", "Firma", "[Name]". */
const NAME_GAP = /\b(?:your|name|nome|cognome|nombre|firma|signature|unterschrift|naam|nom|imi[eę]|nazwisko)\b/i;

/* "Cara Cancellieri, le segnalo un amico in carcere": a letters column's headline, the letter's greeting and its gist. */
const GREETING_HEADLINE = /^\s*(?:cara|caro|dear|querid[oa]|cher|ch[èe]re|liebe[r]?|beste)\s+(\p{Lu}[\p{L}'’-]+)\s*,\s*\S/iu;

/** The headline above the letter greets the official the letter greets, by the same name: a newspaper prints a reader's letter so. */
function headlineGreetsAddressee(frame: string, salutation: string): boolean {
  const headline = frame.split('\n').find((l) => l.trim() !== '') ?? '';
  const name = GREETING_HEADLINE.exec(headline)?.[1];
  return name !== undefined && salutation.split(/[\s,:;!]+/).includes(name);
}

/**
 * The text ends with the closing and one person's name under it ("... le porgo distinti saluti," over "Mario Example"):
 * the letter is signed by its writer. Alone that leaves a draft (a letter-only page may be signed too); under a
 * headline that greets the same official it is a reader's letter a newspaper printed.
 */
function signedAtTheEnd(tail: string): boolean {
  const lines = tail.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.length === 2 && lines[1]!.length <= 50 && SIGNER.test(lines[1]!) && !NAME_GAP.test(lines[1]!);
}

/**
 * Where the letter's closing starts in the text. A closing without a stop is read with the lines under it ("Yours
 * sincerely Jane Example Senator"), which the text holds on lines of their own: its first words mark it then.
 */
function whereClosing(text: string, found: FoundLetter, at: number): number {
  return closingSpan(text, found, at).start;
}

/** The closing's start and end in the text: its first line alone when it was read with the lines under it. */
function closingSpan(text: string, found: FoundLetter, at: number): { start: number; end: number } {
  if (!found.closing || at < 0) return { start: -1, end: -1 };
  const whole = text.indexOf(found.closing, at);
  if (whole >= 0) return { start: whole, end: whole + found.closing.length };
  const start = text.indexOf(found.closing.slice(0, 15), at);
  const lineEnd = start >= 0 ? text.indexOf('\n', start) : -1;
  return { start, end: start < 0 ? -1 : lineEnd < 0 ? text.length : lineEnd };
}

/** The page above the letter, the letter's body, and what follows it (from the closing on when it has one). */
function aroundLetter(text: string, found: FoundLetter, salutation: string): { frame: string; body: string; after: string; at: number } {
  const at = text.indexOf(salutation.slice(0, 40));
  const frame = at > 0 ? text.slice(0, Math.min(at, 20_000)) : '';
  const body = found.paragraphs.join(' ').slice(0, 20_000);
  // Whatever follows the letter ("Send this letter to ...") is outside it as well; excerpts often stop inside it. The
  // body's lines may be re-spaced, so the closing (as written) marks its end when there is one.
  const closing = closingSpan(text, found, at);
  const after = closing.start >= 0 ? text.slice(closing.end, closing.start + 100_000) : at >= 0 ? text.slice(at, at + 100_000).split(body.slice(-200))[1] ?? '' : '';
  return { frame, body, after, at };
}

/*
 * A petition's button, a line of its own: "Sign Petition", "Petition unterschreiben", "Signez la pétition". Its letter's
 * "we, the undersigned" are the readers who sign; a page's button is never a line of the letter, wherever it was read to.
 */
const SIGN_BUTTON = /^[^\S\n]*(?:sign (?:the |this )?petition|petition (?:unterschreiben|unterzeichnen)|jetzt unterschreiben|signez (?:la |cette )?p[ée]tition|firma(?:r)? (?:la |esta )?petici[oó]n|assin(?:e|ar) (?:a |esta )?peti[çc][aã]o|firma (?:la )?petizione|teken (?:de )?petitie)[^\S\n]*[.!]?[^\S\n]*$/im;

/** A request to the reader around the letter, a gap in it to fill in, a form's blanks, or a petition's button. */
function readerIsAsked(text: string, frame: string, body: string, after: string): boolean {
  return asksReader(frame) || asksReader(after.slice(0, 5000)) || PLACEHOLDER.test(body) || BLANKS.test(text.slice(0, 100_000)) || SENDER_FIELD.test(frame) || SIGN_BUTTON.test(text.slice(0, 100_000));
}

/**
 * A letter that nobody around it is asked to send, and nothing shows it was sent by others: a letter-only page, or an
 * open letter whose writers the excerpt does not name. Imported as a draft that says so; the moderator decides.
 */
export function nobodyAskedToSend(text: string, found: FoundLetter | undefined): boolean {
  if (!found?.salutation) return false;
  const { frame, body, after } = aroundLetter(text, found, found.salutation);
  return !readerIsAsked(text, frame, body, after);
}
