// The signs that a text is an appeal or is none: requests to write, guides, form letters, index pages, news.
import { addressedBlockLines } from './addressed-block.js';
import { japaneseOfficials } from './cjk-names.js';
import { bulletedRecipientLines } from './listed-recipients.js';
import { postalBlockLines } from './postal-blocks.js';
import type { Section } from './sections.js';

/* "Dear Governor______", "Dear Senator ___________:": a form whose addressee is left blank. */
const BLANK = /_{3,}/;
/* "[Name of Governor]", "[defendant’s name]", "[execution date]": a gap the reader fills in. */
const PLACEHOLDER = /\[[^\]\n]{2,40}\]/g;

/* "Dear _____,": a salutation whose addressee is wholly blank, no title before the gap. */
const WHOLLY_BLANK = /^dear\s+_{3,}\s*[,:]?$/i;
/* A gap left for the case itself: "(inmate name)", "(Specific comments about this case)", "[execution date]". */
const CASE_BLANK = /\([^)\n]{0,30}\b(?:name|date|case|comments?)\b[^)\n]{0,30}\)|\[[^\]\n]{2,40}\]/i;
/* A letter about one case tells when: a year or a month ("on Friday December 29th", "since March 2031"). */
const CONCRETE_CASE = /\b(?:19|20)\d{2}\b|\b(?:january|february|march|april|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|f[ée]vrier|mars|avril|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\b/i;

/**
 * A form letter: its addressee is a blank line, or a bracketed gap when the text has more gaps for the case itself
 * ("Dear [Name of Governor]", "the execution of [defendant’s name] scheduled for [execution date]"). One gap for
 * the member's own MP ("Dear [NAME] MP") is an appeal to write to whoever that is.
 */
export function isBlankForm(salutation: string, text: string): boolean {
  // "Dear _____," (no title at all) over a letter about one case told with its date ("... attacked on December 29th"):
  // a template whose official the moderator adds, still an appeal. "Dear Senator ____" is a form for any official of a
  // kind, and a form with gaps for the case itself ("(inmate name)") is none.
  if (WHOLLY_BLANK.test(salutation.trim())) return CASE_BLANK.test(text.slice(0, 200_000)) || !CONCRETE_CASE.test(text.slice(0, 20_000));
  if (BLANK.test(salutation)) return true;
  const slots: string[] = salutation.match(PLACEHOLDER) ?? [];
  const gaps: string[] = text.slice(0, 200_000).match(PLACEHOLDER) ?? [];
  if (slots.length === 0 || gaps.length < 4) return false;
  // "Dear [General][Minister]," / "Dear [title]," over a letter about a named case: the reader picks the title, the case
  // is written; an appeal. A slot for the name ("[Name of Governor]") or gaps for the case itself make a blank form.
  const caseGaps = gaps.filter((g) => !slots.includes(g) && CASE_GAP.test(g) && !/\byour\b/i.test(g));
  return slots.some((slot) => NAME_SLOT.test(slot)) || caseGaps.length > 0 || !CONCRETE_CASE.test(text.slice(0, 20_000));
}

/* A bracketed gap for a person's name: "[Name of Governor]", "[nom]", "[nombre]". */
const NAME_SLOT = /\b(?:name|names|nom|nombre|nome)\b/i;
/* A bracketed gap for the case itself: "[defendant’s name]", "[execution date]"; "[date]" dates the letter, "[your name]" signs it. */
const CASE_GAP = /\b(?:name|case|defendant|inmate|prisoner|nom|nombre)\b|\b\p{L}+ date\b|\bfecha de\b/iu;

/* "Startseite Urgent Actions 2014 09", "Urgent Actions 2016": the heading of an archive page listing a month's actions. */
export const ACTION_INDEX = /(?:^|\s)(?:urgent actions|actions urgentes|acciones urgentes|eilaktionen)\s+(?:19|20)\d{2}(?:\s+\d{1,2})?\s*$/im;

/*
 * "UA News September 1995: Urgent Action Newsletter", "BOLETÍN DE ACCIONES URGENTES", "INTERNO (sólo para miembros)": a
 * section's bulletin about many actions, or an internal circular, in its opening lines.
 */
const BULLETIN = /^[^\n]{0,60}\b(?:newsletter|bolet[ií]n|bulletin|rundbrief|nieuwsbrief|boletim|ua news)\b[^\n]{0,60}$|\b(?:interno|internal|intern|interne)\b[^\n]{0,20}\b(?:only|s[oó]lo|solo|uniquement|nur|alleen)\b/im;

/* "Amnesty has issued a new Urgent Action urging ...", "has launched an updated Urgent Action": an action told of as news. */
const ISSUED_ACTION = /\b(?:has|have|had)\s+(?:issued|launched|published|released)\s+(?:a|an)\s+(?:new\s+|updated\s+|further\s+)?(?:urgent action|acci[oó]n urgente|action urgente)/gi;

/** A digest that tells of two Urgent Actions or more as news (a group's newsletter items): many cases, none to act on here. */
function reportsSeveralActions(text: string): boolean {
  return (text.slice(0, 200_000).match(ISSUED_ACTION) ?? []).length >= 2;
}

/** A bulletin or an internal circular, said in its first lines, or a digest of actions told as news. */
export function isBulletin(text: string): boolean {
  if (reportsSeveralActions(text)) return true;
  // "I will ask all friends ... to send this bulletin to Zimbabwe embassy by e-mail": a bulletin the reader is asked to send is an appeal.
  const head = text.slice(0, 600);
  const line = BULLETIN.exec(head)?.[0];
  return line !== undefined && !INVITATION.test(line);
}

/* "(UA-270/2012)", "UA 97/10", "AU 116/07": the numbers of the actions a text cites. */
const CITED_UA = /\b(?:UA|AU)[\s:-]{0,3}(\d{1,4})\s?[./]\s?(\d{2,4})\b/g;

/** How many different actions a text cites by number. */
export function citedUaNumbers(text: string): number {
  const numbers = new Set<string>();
  for (const m of text.slice(0, 200_000).matchAll(CITED_UA)) numbers.add(`${Number(m[1])}/${m[2]}`);
  return numbers.size;
}

/* "UA 124/07 - Jane Example (Examplia)": a UA number that opens its line, a case's own heading. */
const CASE_HEADING = /^\s*(?:UA|AU)[\s:-]{0,3}\d{1,4}\s?[./]\s?\d{2,4}\b/m;

/**
 * A round-up that tells of one action under its number as a heading: that action is the text's. One number cited in
 * brackets in a round-up's prose ("(UA-062/2019)") is one of the cases it tells of, the others unnumbered.
 */
export function headsOneCase(text: string): boolean {
  return citedUaNumbers(text) === 1 && CASE_HEADING.test(text.slice(0, 200_000));
}

/*
 * A campaign's or a text's name for an appeal, a petition's wording, an old UA's concern heading, a request to send
 * appeals before a date ("Enviar llamamiento antes del 11 de junio"), or a contact field.
 */
const APPEAL_WORDS = /(?:^|\s)(?:текст звернення|звернення до|петиці[яюї]|текст обращения|обращение к|петици[яюи])(?=\s|$|[:.,])|^\s*urgent appeals?\s*[:!]?\s*$|^\s*petition (?:to|for|against)\s|\b(?:proposed|suggested) (?:text|letter|e-?mail|message|action)\b|\brequests? your (?:urgent )?intervention\b|\bencourage you to (?:write|send|sign|call|e-?mail)\b|\bplease write to\b|urgent action|acci[oó]n urgente|action urgente|a[cç][aã]o urgente|lettres? d['’]appel|briefe? gegen das vergessen|musterbrief|briefvorschlag|appellbrief|mailvorlage|briefvorlage|mustermail|^\s*schreibt (?:an|ihnen)\s?:?\s*$|appelle an|eilaktion|pilna akcja|azion[ei] urgent[ei]|lettera (?:modello|tipo)|modello di lettera|blixtaktion(?:er)?|\bvetoomu(?:s|ksen|kseen)\b|緊急行動|要請先|宛先\s*[:：]|\bwe,? the undersigned\b|\bsign (?:the|our|this) petition\b|\bpaper petition\b|^fear (?:of|for) (?:imminent execution|torture|safety)\b|\bplease write\b[^.\n]{0,60}\bamnesty\b|\bletter[- ]writing (?:campaign|action)\b|^\s*take action\s*!?\s*$|\bsend your (?:letters?|appeals?) to\b|\bcon tu firma\b|\b(?:enviar|env[ií]en?|mand(?:ar|en?))\s+(?:sus\s+|los\s+)?llamamientos?\s+(?:antes del?|hasta el)\s+\d|\b(?:send|post)\s+(?:your\s+)?appeals\s+(?:before|by|until)\s+\d|\benvoye[zr]\s+(?:vos\s+)?appels\s+(?:avant le|jusqu['’]au)\s+\d|\bfirma (?:la|esta) petici[oó]n\b|\bsignez (?:la|cette) p[ée]tition\b|\b(?:fax|tel|telefon|phone|e-?mail|correo-e|courriel)\s?:\s?\S/im;

/*
 * A sentence that asks the reader to write, send, call or tell an official: "Please send the letters to ...", "Call
 * Governor Nathan Deal at ...", "Écrivez au ministre ...", "Écrivez-lui donc en ligne", "convida ... a escrever um
 * e-mail". Only the imperative (or an invitation) counts: a report that members "send messages" asks nothing.
 */
const INVITATION = new RegExp(
  [
    String.raw`(?:^|[.!?]\s+)(?:please\s+)?(?:write|send)\b[^.!?\n]{0,60}\b(?:letters?|appeals?|e-?mails?)\b[^.!?\n]{0,60}\bto\b`,
    String.raw`(?:^|[.!?]\s+)(?:please\s+)?(?:tell|urge|call|phone|e-?mail|write (?:directly |also |today |now )?to|contact|let)\s+(?:the\s+)?(?:governor|gov\.|attorney general|senator|president|prime minister|minister|ministry|prosecutor|ambassador|authorities|mayor|king|board|your (?:mp|senator|representative|governor))\b`,
    // "PLEASE PLEASE PLEASE CALL TODAY!!", "Please join us in a mass mailing to Governor Corbett."
    String.raw`\bplease\s+(?:please\s+){0,4}(?:call|write|e-?mail|fax|contact)\s+(?:today|now|immediately|them|him|her)\b|\bplease join us in a (?:mass mailing|letter[- ]writing|call-in)\b`,
    // "We need as many calls and emails to the Governor as possible", "CWS is urging people to write to ..."
    String.raw`\bwe need\b[^.!?\n]{0,30}\b(?:calls|e-?mails|letters|cards|faxes)\b[^.!?\n]{0,30}\bto (?:the )?(?:governor|president|minister|senator|board|mayor)\b|\b(?:urg|encourag|invit)(?:es|ing|ed)\s+(?:people|everyone|readers|supporters|members|the public)\s+to\s+(?:write|call|e-?mail|fax|send|contact)\b`,
    // "please email Gordon Brown today", "can I ask everyone to do an Urgent Action letter": a request to the readers.
    String.raw`\bplease\s+(?:e-?mail|write to|fax|tweet)\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\b|\bask\s+(?:everyone|everybody|all of you|you all|members|supporters)\s+to\s+(?:write|send|do|sign|e-?mail)\b`,
    // "pide ... enviar cartas al embajador", "asked people to send letters to": a request reported, still a request.
    String.raw`\b(?:pide|pidi[oó]|piden|solicita|solicit[oó])\b[^.!?\n]{0,120}\b(?:enviar|escribir|mandar)\s+(?:cartas|correos|mensajes|misivas)\b|\bask(?:s|ed|ing)?\s+(?:all\s+)?(?:people|everyone|readers|supporters|the public|(?:my |our )?friends(?: of [\p{L} ]{1,30})?)\s+to\s+(?:write|send)\s+(?:letters|cards|e-?mails|this (?:bulletin|letter|appeal|message|e-?mail))\b`,
    // JavaScript's \b is ASCII-only: after "à" it never holds, so these end on a lookahead for a non-letter instead.
    // "nous vous demandons d’écrire en faveur de", "Vous pouvez les faxer aux numéros suivants": a French request to the reader.
    String.raw`\bmerci de (?:copier|signer|envoyer|faxer|poster|[ée]crire)\b|(?:^|[.!?]\s+)copiez (?:la|cette) lettre\b|`+
    String.raw`\bnous vous (?:demandons|invitons|prions) d['’](?:[ée]crire|envoyer|signer|agir)|\bvous pouvez (?:les |l['’]|leur |lui )?(?:faxer|envoyer|[ée]crire|adresser)(?!\p{L})`,
    String.raw`(?:^|[.!?]\s+)(?:[ée]crivez|envoyez|appelez|t[ée]l[ée]phonez)(?:-(?:lui|leur))?\s+(?:au|aux|à|donc|en ligne|une? (?:lettre|carte|courriel|message|e-?mail|tweet)|vos (?:lettres|cartes|appels))(?!\p{L})`,
    String.raw`(?:^|[.!?¡]\s*)(?:por favor,?\s+)?(?:escrib[aei]n?|escribid|env[ií](?:a|e|en|ad)|ll[aá]men?|mand[ae]n?)\s+(?:al?|una carta|un correo|sus cartas|cartas|correos|mensajes|postales)(?!\p{L})`,
    // "pueden enviar una nota personal", "vous pouvez écrire", "podem enviar": an invitation in the second or third person.
    String.raw`\b(?:pueden|puede|puedes|podés|podem|pode|podes)\s+(?:enviar|escribir|mandar|escrever|firmar|assinar)\s+(?:una?|umas?|cartas|correos|al?|ao|à|esta|este|esse|essa)(?!\p{L})`,
    // "APPEL adressé à Monsieur le Président", "carta dirigida al Presidente", "letter addressed to the Governor": a letter for signing.
    String.raw`^\s*(?:appel|lettre|p[ée]tition|carta|petici[oó]n|peti[cç][aã]o|apelo|letter|appeal|petition)\s+(?:ouverte\s+)?(?:adress[ée]e?|dirigid[ao]|endere[cç]ad[ao]|addressed)\s+(?:à|a|al|ao|to)(?!\p{L})`,
    // "we are asking you to mark the anniversary by sending a letter or postcard to a political prisoner", "please take a few minutes to write to": a request to the reader.
    String.raw`\b(?:we are asking you|we ask you|we urge you|please)\b[^.!?\n]{0,60}\b(?:writ(?:e|ing)|send(?:ing)?)\s+(?:a |an |your )?(?:letters?|postcards?|cards?|e-?mails?|appeals?|messages?|(?:letter|card) or (?:a )?postcard)?\s*to\s+(?:an?|the|your|this|these|him|her|them)\b`,
    // "Amnesty International is calling for urgent messages to be sent", "give your support to Amnesty's appeal now", "act on his behalf".
    String.raw`\b(?:calling|calls|asking|asks) for (?:urgent )?(?:messages|appeals|letters|e-?mails|faxes|cards) to be sent\b|\bplease\b[^.!?\n]{0,60}\b(?:support|join)\b[^.!?\n]{0,30}\bappeals?\b|\bact on (?:his|her|their) behalf\b`,
    // "¡Actúa!", "Súmate a esta acción", "firma en apoyo", "Vous pouvez télécopier votre message au ...": a call to act or sign.
    String.raw`(?:^|[.!?¡]\s*)(?:act[uú]a|s[uú]mate|[uú]nete|firma|sign|signez|unterschreib(?:e|en sie))\b[^.!?\n]{0,80}\b(?:acci[oó]n|action|aktion|petici[oó]n|petition|p[ée]tition|apoyo|support|here|aqu[ií]|ici|hier|now|ahora|maintenant|jetzt)\b|^\s*¡?act[uú]a!|\bvous pouvez (?:t[ée]l[ée]copier|faxer|[ée]crire|envoyer|signer)\b|\b(?:kann man|k[öo]nnen sie)\b[^.!?\n]{0,80}\b(?:anschreiben|unterschreiben|abschicken)\b`,
    // "Go here to send an email to Tony Blair", "Kindly add your name ... and either fax or email the letter": a request to act.
    String.raw`\b(?:go|click) here to (?:send|write|e-?mail|sign|fax)\b|\b(?:kindly|please)\s+(?:add your name|sign (?:the|this|our) (?:letter|petition))\b|(?:(?:^|[.!?]\s+)(?:please\s+)?|\b(?:please|kindly|either)\s+)(?:fax|e-?mail|send|post|mail)\s+(?:or\s+(?:fax|e-?mail)\s+)?the (?:letter|petition|e-?mail)\b[^.!?\n]{0,120}\bto the\b`,
    // "Email Tony Blair.", "Tell Gordon Brown ...": a page's title line that asks to write to a named person.
    String.raw`^(?:e-?mail|write to|tell|urge|fax)\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\b`,
    String.raw`\bconvida\b[^.!?\n]{0,80}\ba (?:escrever|enviar|assinar)\b|(?:^|[.!?]\s*)(?:escreva|escrevam|envie|enviem|mande)\s+(?:ao|à|aos|às|uma|um|cartas|a sua carta)(?!\p{L})`,
    // "pede que enviemos esta carta", "Vamos escrever ao Presidente", "carta-tipo": a Portuguese call to write.
    String.raw`\bpede(?:m)? que (?:enviemos|escrevamos|escreva|envie)\b|\bvamos (?:escrever|enviar)\s+(?:ao|à|aos|às|uma|um|cartas)(?!\p{L})|\bcarta[- ]tipo\b`,
    // Dutch and German calls: "Schrijf een brief aan", "Stuur een kaart naar", "Schreiben Sie an", "Schicken Sie eine Karte".
    // Italian: "Scrivi alla Presidente", "Per favore, scrivi alle autorità", "Invia subito una mail", "Firma l'appello", "puoi scrivere".
    String.raw`(?:^|[.!?:]\s+)(?:per favore,?\s+)?(?:scrivi|scrivete|invia|inviate|manda|mandate|firma|firmate|intervieni|intervenite|partecipa)\s+(?:a|al|alla|alle|ai|agli|allo|all['’]|una?|subito|anche tu|ora|adesso|l['’]appello|la (?:petizione|lettera|mail|e-?mail)|questa|questo|il tuo|la tua)(?!\p{L})|\b(?:puoi|potete|pu[oò])\s+(?:scrivere|inviare|firmare|mandare)\s+(?:a|al|alla|alle|ai|una?|l['’]appello|la lettera|questa|questo)(?!\p{L})`,
    // Swedish, Norwegian, Danish, Finnish: "Skriv till ...", "Skriv til ...", "Skicka ett brev", "Kirjoita presidentille", "Toimi nyt!".
    String.raw`(?:^|[.!?:]\s+)(?:skriv|send|skicka|sänd)\s+(?:till?|et(?:t)? (?:brev|kort|e-?post)|brev|e-?post|en e-?post)(?!\p{L})|(?:^|[.!?:]\s+)(?:kirjoita|lähetä|allekirjoita)\s+\p{L}+|^\s*toimi(?:\s+nyt)?\s*!?\s*$`,
    // Japanese: "手紙を書いてください", "要請文を送ってください", "アピール文を作り、メール、ファックス...で、できるだけ早く送ってください".
    String.raw`(?:手紙|はがき|ハガキ|メール|要請文|要請|アピール|FAX|ファックス)を?(?:書いて|送って)(?:ください|下さい)|(?:アピール文|要請文|手紙|はがき|ハガキ)を[^。\n]{0,80}?(?:書いて|送って|出して)(?:ください|下さい)`,
    String.raw`(?:^|[.!?]\s+)(?:schrijf|stuur|mail)\s+(?:een|uw|je|ook)?\s*(?:brief|kaart|e-?mail|bericht|brieven|kaarten)?\s*(?:aan|naar)\b|(?:^|[.!?]\s+)(?:schreiben|schicken|senden|faxen)\s+sie\b[^.!?\n]{0,40}\b(?:an|einen brief|eine karte|eine e-?mail|appelle)\b`,
  ].join('|'),
  'imu',
);

/** "Urgent Action", a petition's wording, a contact field, or a sentence inviting the reader to write: an appeal said in words. */
export function saysItIsAnAppeal(text: string): boolean {
  const head = text.slice(0, 200_000);
  return APPEAL_WORDS.test(head) || INVITATION.test(head);
}

/* The line of an Urgent Action's list of people at risk: a name and "(m)" or "(f)". */
const AT_RISK = /^\p{Lu}[^\n(]{2,60}\s\((?:m|f|male|female)\)\s*$/imu;

/**
 * "Urgent Action" in any of the three languages, "lettres d'appel", a contact field, a "write immediately" heading, an
 * invitation to write, or an official's postal address block (a petition that opens with its addressees).
 */
export function showsAnAppeal(text: string, sections: Section[]): boolean {
  const head = text.slice(0, 200_000);
  // An Amnesty Urgent Action reposted elsewhere keeps its list of people at risk: "Ayman Hkiri (m)", "Name (f)".
  const atRisk = /\bamnesty international\b/i.test(head) && AT_RISK.test(head);
  return atRisk || APPEAL_WORDS.test(head) || INVITATION.test(head) || sections.some((s) => ['points', 'targets', 'letter'].includes(s.kind)) || postalBlockLines(sections).length > 0 || addressedBlockLines(sections).length > 0 || bulletedRecipientLines(sections).length > 0 || japaneseOfficials(sections).some((o) => (o.target.address ?? []).length + (o.target.emails ?? []).length > 0);
}

const URGENT_ACTION_WORDS = /urgent action|acci[oó]n urgente|action urgente|a[cç][aã]o urgente|eilaktion/i;
const URGENT_ACTION = new RegExp(URGENT_ACTION_WORDS.source, 'gi');
/* "una Acción Urgente", "the urgent action", "de l'action urgente": the words as a thing a sentence speaks of. */
const IN_PROSE = new RegExp(String.raw`\b(?:an?|the|this|una?|la|el|les?|une|l'|de|des|der|die|eine|uma?|a)\s+(?:${URGENT_ACTION_WORDS.source})\b`, 'i');
/* A sentence that asks the reader to do something, in the languages the importer reads. */
const IMPERATIVE = /(?:^|[.!?¡]\s+)(?:please\s+|por favor,?\s+|bitte\s+)?(?:call|write|send|sign|take action|tell|urge|contact|e-?mail|join|ask|act|help|click|escrib[ae]n?|firm[ae]n?|env[ií][ae]n?|act[uú][ae]n?|[uú]nete|p[ií]de(?:le)?|ll[aá]m[ae]n?|[ée]crivez|signez|envoyez|agissez|appelez|schreiben sie|unterschreiben sie|escreva|assine|envie|scrivi|scrivete|firma|invia|inviate|intervieni|skriv|skicka|kirjoita|toimi|allekirjoita)\b/im;

/**
 * Every sign of an appeal the text shows is "Urgent Action" spoken of inside sentences ("lanzó una Acción Urgente
 * (AU) Global"): no banner or heading, no invitation, field or contact heading, and no sentence asking anything.
 */
export function onlyReportsUrgentActions(text: string, sections: Section[]): boolean {
  const head = text.slice(0, 200_000);
  if (APPEAL_WORDS.test(head.replace(URGENT_ACTION, ' ')) || INVITATION.test(head) || IMPERATIVE.test(head)) return false;
  if (sections.some((s) => s.kind !== 'preamble' && s.kind !== 'background')) return false;
  const lines = head.split('\n').filter((l) => URGENT_ACTION_WORDS.test(l));
  return lines.length > 0 && lines.every((l) => l.length > 120 && IN_PROSE.test(l));
}

/* "How to Write an Urgent Action Letter", "Tipps zum Briefeschreiben", "How They Work", "¿Qué es una Acción Urgente?" (its opening "¿" too), "Cómo escribir una carta": a text about letter writing or Urgent Actions in general. */
const GUIDE_TITLE = /^[¿¡]?\s*(?:how to (?:write|send)\b|hur skriver (?:man|jag|du)\b|hvordan skriver (?:man|jeg|du)\b|how (?:they|it|urgent actions?) works?$|what is an urgent action\b|qu['’]est-ce qu['’]une action urgente\b|comment (?:ça|çà|ca) marche\b|qu[ée] es una acci[oó]n urgente\b|was ist eine (?:urgent action|eilaktion)\b|(?:a )?guide to (?:writing|letter)|gu[ií]a(?: breve)? para escribir\b|letter[- ]writing (?:guide|tips)|c[oó]mo escribir\b|comment [ée]crire\b|wie (?:schreibe|schreibt) man\b|wie schreibe ich\b|hoe schrijf (?:je|ik)\b|how (?:do|should|can) (?:i|you|we) write\b|c[oó]mo (?:escribo|escribir|se escribe)\b|comment (?:r[ée]diger|[ée]crire|j['’][ée]cris)\b|(?:[ée]crire des lettres|writing letters|escribir cartas|briefe schreiben|brieven schrijven)$|(?:(?:practical\s+)?(?:tips|hints|advice)|conseils(?:\s+pratiques)?|consejos(?:\s+pr[aá]cticos)?|consigli(?:\s+pratici)?|(?:praktische\s+)?tipps) (?:for|on|pour|para|per|zum|f[üu]r(?: das)?) (?:writing|[ée]crire|r[ée]diger|escribir|redactar|scrivere|(?:briefe|appell)?schreiben|verfassen)\b)/i;

/** A guide opens with a title that says so, within its first lines. */
export function isGuide(sections: Section[]): boolean {
  const first: string[] = [];
  for (const section of sections) {
    for (const line of [section.heading, ...section.lines]) {
      if (line !== '' && first.length < 8) first.push(line.trim());
    }
    if (first.length >= 8) break;
  }
  // A title broken over short lines ("GUÍA BREVE" / "PARA ESCRIBIR" / "CARTAS") is read whole as well.
  return first.some((line, i) => GUIDE_TITLE.test(line) || (line.length <= 40 && [2, 3].some((n) => first.length >= i + n && GUIDE_TITLE.test(first.slice(i, i + n).join(' ')))));
}

/*
 * What a guide to appeal letters says of them: "Grundelemente eines Appellbriefes", "sollten in jedem Appell enthalten
 * sein", "Hinweise zur Form", "every appeal letter should include", "tips for writing", "conseils pour rédiger".
 */
const TEACHES_LETTERS = /\bgrundelemente (?:eines|des|jedes) (?:appell|brief)|\bin jedem (?:appell|brief|appellbrief|appellschreiben) enthalten\b|\bhinweise (?:zur form|zum (?:schreiben|verfassen)|f[üu]r (?:das schreiben|appellbriefe|eure briefe|ihre briefe))\b|\bevery (?:appeal )?letter should (?:include|contain|have)\b|\bwhat to (?:include|say|write) in (?:your|an?) (?:appeal )?letters?\b|\b(?:tips|hints|advice) (?:on|for) (?:writing|how to write) (?:appeal |good )?letters?\b|\bconseils pour (?:r[ée]diger|[ée]crire) (?:une |vos |des )?lettres?\b|\bconsejos para (?:escribir|redactar) (?:una |sus |tus )?cartas?\b|\bwhy write (?:a |your )?(?:personal |own )?(?:letter|mail|e-?mail)\b|\b(?:to whom|who) should (?:i|you|we) (?:write|address)\b|\bwhat (?:do|should) (?:i|you|we) (?:put|write) (?:as|in) (?:the )?(?:subject|address|salutation|greeting)\b/gi;

/** A text that teaches how appeal letters are written, in two places or more of its opening: a guide, not an appeal. */
export function teachesLetterWriting(text: string): boolean {
  const found = new Set((text.slice(0, 8000).match(TEACHES_LETTERS) ?? []).map((m) => m.toLowerCase()));
  return found.size >= 2;
}

/* "e.g.:", "for example:", "Example:" closing a line (not a name "Jane Example"): what follows is a sample of form. */
const EXAMPLE_CUE = /(?:\be\.\s?g\.|\bfor (?:example|instance)|\bsuch as)\s*:?\s*$|\bexample\s*:\s*$/i;

/**
 * A salutation shown as an example of form: "In emails the name and title should suffice, e.g.:" then a name, a title
 * and "Dear Mrs Example" a few lines below. A guide's sample greeting is no letter to send.
 */
export function showsSalutationAsExample(text: string, salutation: string): boolean {
  const at = text.indexOf(salutation);
  if (at < 0) return false;
  const before = text.slice(Math.max(0, text.lastIndexOf('\n', Math.max(0, at - 1)) - 600), at).split('\n').slice(-7, -1);
  return before.some((line) => EXAMPLE_CUE.test(line.trim()));
}

/* Urgent Actions as a system: "the Urgent Action network", a monthly letter action explained ("Die Aktionsform ...", "Was bewirken die Briefe ...?", "Wo finde ich die Briefe ...?"), "la Red de Acciones Urgentes", "30 years of Urgent Action", "Wie läuft eine Eilaktion ab?", "ua-Netz", "nätverket för blixtaktioner". */
const IN_GENERAL = /\bdie aktionsform\b|\bwas bewirken (?:die |unsere |diese )?(?:briefe|appelle|eilaktionen|urgent actions)\b|\bwo finde ich (?:die |aktuelle )?(?:briefe|appelle|eilaktionen|urgent actions)\b|\bn[äa]tverket f[öo]r blixtaktioner\b|\bred (?:de|mundial de) acciones urgentes\b|\br[ée]seau (?:des |d['’])actions urgentes\b|\bnetwork of urgent actions?\b|\bblixtaktionsn[äa]tverk|\b(?:urgent actions?|ua|eilaktions?|action urgente|acci[oó]n urgente)[- ](?:network|netz(?:es|werk)?|scheme|system|appeal system|programme|program|r[ée]seau|red)\b|\b\d+ (?:years|jahre|ans|a[ñn]os) (?:of |der |d['’]|de )?(?:urgent actions?|eilaktionen|actions? urgentes?|acciones urgentes)\b|\bwie l[äa]uft eine eilaktion\b|\bwie funktioniert eine eilaktion\b|\bhow (?:does|do) (?:an? |the )?urgent actions? (?:network )?work\b|\bcomment fonctionne(?:nt)? (?:une|les) actions? urgentes?\b|\bc[oó]mo funciona(?:n)? (?:una|las) acci(?:[oó]n|ones) urgentes?\b|\bcos['’]?\s?[èe] (?:un['’]\s?)?azione urgente\b|\bcome funziona(?:no)? (?:il sistema |la rete |le |un['’]\s?)?azion[ei] urgent[ei]\b|\b(?:il|del) (?:programma|sistema) (?:delle )?azioni urgenti\b|\bvad [äa]r (?:en )?(?:blixtaktion|urgent action)\b|^om (?:urgent actions?|blixtaktion(?:er)?)\b|\bhva er (?:en )?(?:urgent action|hasteaksjon)\b|\bhvad er (?:en )?urgent action\b|\bmik[äa] on (?:urgent action|kiireellinen vetoomus)\b|\busein kysytyt kysymykset\b|よくある質問|(?:UA|緊急行動)[^\n]{0,20}(?:って何|とは[?？])/im;

/** The text speaks of Urgent Actions as a system (their network, their history, how they work), with no request to the reader. */
export function speaksOfUrgentActionsInGeneral(text: string): boolean {
  const head = text.slice(0, 200_000);
  return IN_GENERAL.test(head) && !INVITATION.test(head);
}

/* "Amnesty International is launching its annual letter-writing campaign", "launched Write for Rights": a campaign's launch told as news. */
const CAMPAIGN_LAUNCH = /\b(?:is launching|are launching|launches|launched|has launched|have launched|kicks off|kicked off)\s+(?:its|their|the|an?|this year['’]s)\s+(?:(?:annual|yearly|global|worldwide|international|human rights)\s+)*(?:letter[- ]writing (?:campaign|marathon)|write for rights|write-a-thon|writing marathon)\b/i;

/**
 * A press release on a letter-writing campaign's launch that asks the reader nothing (no imperative, invitation or "please"): news
 * of the campaign, not an appeal to act on.
 */
export function announcesLetterCampaign(text: string): boolean {
  const head = text.slice(0, 200_000);
  // "Please use it if you want": a "please" anywhere asks the reader something.
  return CAMPAIGN_LAUNCH.test(head) && !INVITATION.test(head) && !IMPERATIVE.test(head) && !/\bplease\b/i.test(head);
}

/* A UN mechanism that receives appeals: "the Special Rapporteur", "Special Procedures", "the Working Group on ...". */
const UN_MECHANISM = /\b(?:special rapporteur|special procedures?|working group on|committee against torture|treaty bod(?:y|ies)|rapporteur sp[ée]cial|relator especial|sonderberichterstatter)\b/i;
/* How it works: "Submission of information", "will act upon receiving", "Urgent appeals are also transmitted". */
const HOW_IT_RECEIVES = /\b(?:submission of information|submit(?:ting)? (?:information|a complaint|a communication)|model questionnaire|will act (?:upon|on) receiving|(?:appeals|communications) are (?:also )?(?:transmitted|sent)|soumission d['’]informations?|env[ií]o de informaci[oó]n)\b/i;

/**
 * A page on how a UN mechanism receives and sends urgent appeals (its own address for submissions): the mechanism is
 * the one who writes, no reader is asked to write to anyone.
 */
export function explainsUnMechanism(text: string): boolean {
  // "E-mail: urgent-action@ohchr.org" is a contact field, not a sentence asking the reader to e-mail.
  const head = text.slice(0, 200_000).replace(/^[ \t]*(?:e-?mail|fax|tel|phone|call)[ \t]*:.*$/gim, '');
  return UN_MECHANISM.test(head) && HOW_IT_RECEIVES.test(head) && !INVITATION.test(head) && !IMPERATIVE.test(head);
}
