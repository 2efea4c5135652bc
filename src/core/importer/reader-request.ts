// A weaker sign of an appeal than signs.ts asks for: a sentence that tells the reader to write, send, sign or call,
// with something to send or someone to reach ("Scrivi al Ministro", "Skriv till ..." too). A text with only this sign
// imports as a draft, never refused.
import { ORGANISATION, ROLE } from './offices.js';

/*
 * The imperative (or "please" / "bitte" / "por favor" and the verb) at a sentence's start (or after a dash: "Help Stop
 * Example Weapons - Fax Your Govt", "please act NOW - send the message to ..."), in the languages the importer
 * reads: "Write a letter to ...", "Send an e-mail", "Ask the President to ...", "Firma la petición", "Écrivez-lui",
 * "Schreibt dem Minister", "Assine a petição", "Stuur een kaart".
 */
const VERB = String.raw`(?:write|send|e-?mail|fax|call|phone|sign|contact|tell|urge|ask|tweet|mail|post|escrib[aei]n?|escribid|env[ií](?:a|e|en|ad)|firm(?:a|e|en|ad)|llam(?:a|e|en|ad)|mand(?:a|e|en|ad)|exig(?:e|id|an?)|contact(?:a|e|en)|[ée]crivez|[ée]cris|envoyez|envoie|signez|signe|appelez|contactez|interpellez|faxez|t[ée]l[ée]phonez|schreib(?:e|t|en sie)|(?:ver)?schick(?:e|t|en sie)|send(?:e|et|en sie)|unterschreib(?:e|t|en sie)|unterzeichne(?:t|n sie)?|ruf(?:e|t|en sie)|mailt|fax(?:e|t|en sie)|fordert|fordern sie|escrev(?:a|am|e)|envi(?:e|em|a)|assin(?:e|em|a)|ligue(?:m)?|mande(?:m)?|schrijf|stuur|teken|bel|mail|scrivi|scrivete|invia|inviate|manda|mandate|intervieni|skriv|skicka|kirjoita|l[äa]het[äa]|napisz(?:cie)?|wy[sś]lij(?:cie)?|podpisz(?:cie)?|zadzwo[nń](?:cie)?)`;
/* The reader's own elected officials: "your MP", "your local councillors", "their political representatives". */
const REPRESENTATIVE = String.raw`(?:your|their) (?:(?:local|federal|state|political|elected)\s+)*(?:mps?|senators?|representatives?|members? of (?:parliament|congress)|congress(?:wo)?m[ae]n|councillors?)\b`;
/*
 * Whom the sentence asks to reach: an official or an office ("Tell the government"), "him", "your MP", "your Govt", "world
 * leaders", a politician ("schrijf een brief naar een politicus", "Stuur de Kamerleden ... een e-mail"), a link or an e-mail address.
 */
const REACH = String.raw`(?:\b(?:him|her|them|ihm|ihr|ihnen|lui|leur|le|la|lhe|your govt|(?:world|national) leaders|politic(?:us|i|ian|ians)|kamerleden|kamerlid)\b|\b${REPRESENTATIVE}|https?://|[\w.+-]+@[\w-]+\.\w|${ROLE.source}|${ORGANISATION.source})`;
/* Signing needs no addressee: "Sign the petition", "Firma la petición", "Unterschreibt die Petition". */
const SIGN = String.raw`(?:sign|podpisz(?:cie)?|firm(?:a|e|en|ad)|signez|signe|unterschreib(?:e|t|en sie)|unterzeichne(?:t|n sie)?|assin(?:e|em|a)|teken|firmate|signera|allekirjoita)`;
const PETITION = String.raw`(?:petition|petici[oó]n|p[ée]tition|peti[cç][aã]o|petitie|appeal|appell|llamamiento|apelo|petizione|appello|upprop(?:et)?|opprop(?:et)?|vetoomu(?:s|ksen)|petycj[eę]|apel)`;
const START = String.raw`(?:^|[.!?¡:]\s+|\s[-–—]\s+|\n\s*[-•*]?\s*)(?:please\s+|bitte\s+|por favor,?\s+|per favore,?\s+|s'il vous pla[iî]t,?\s+)?`;
/* "Tell us", "sign up": no request to reach anyone. "Tell US Government" is the country's government. */
const NOT_US = String.raw`(?!\s+(?:up|in|out|uns|nous|nos)\b|\s+us\b(?!\s+(?:${ORGANISATION.source})))`;
const ASK = new RegExp(String.raw`${START}(?:${VERB}(?:-(?:lui|leur))?\b${NOT_US}[^.!?\n]{0,80}?${REACH}|${SIGN}\b${NOT_US}[^.!?\n]{0,40}?\b${PETITION})`, 'imu');

/* The elected members of a house, named as a body: "les députés", "vos sénateurs", "los diputados", "die Abgeordneten". */
const ELECTED = String.raw`(?:les|vos|nos|leurs|los|sus|die|ihre)\s+(?:d[ée]put[ée](?:-?e)?s|s[ée]nat(?:eur|rice)s|parlementaires|diputad[oa]s|senador(?:a)?es|abgeordneten|volksvertreter(?:innen)?)(?!\p{L})`;

/*
 * Amnesty's own request, in its words in every language: "ESCRIBAN INMEDIATAMENTE en persa, en árabe ... o en su propio
 * idioma", "PLEASE WRITE IMMEDIATELY in English or your own language". The languages stand for whom it goes to.
 */
const WRITE_IN_LANGUAGES = /(?:^|[.!?:]\s+)(?:please\s+)?(?:write|send appeals|escriban|env[ií]en llamamientos|[ée]crivez|envoyez|schreiben sie)\s+(?:(?:immediately|inmediatamente|imm[ée]diatement|sofort|now|ahora)\s+)?(?:,\s*)?(?:in|en|auf)\s[^.!?\n]{0,120}?(?:own language|propio idioma|propre langue|eigenen sprache)/imu;

/*
 * An invitation to write, its verb in the infinitive: "l'organisation propose d'écrire en masse au président", "vous
 * invite à écrire au ministre", "invites you to write to the governor", "calls on supporters to e-mail the minister",
 * "invita a escribir al presidente". Only an official named by office counts: an invitation to send words of support
 * to a prisoner is news of a campaign, not an appeal.
 */
const INVITED = new RegExp(
  String.raw`\b(?:(?:propose|proposent|invite|invitent|appelle|appellent|encourage|encouragent)\s+(?:(?:(?:les |ses )?(?:lecteurs|membres|sympathisants|citoyens)|chacune et chacun|chacun et chacune|chacun|tout le monde|toutes et tous)\s+)?(?:vous\s+)?(?:[àa]|d['’]|de)\s*(?:[ée]crire|envoyer|adresser|interpeller|contacter)|(?:invites?|calls? on|asks?|encourages?|urges?)\s+(?:you|readers|supporters|members|people|the public|everyone)\s+to\s+(?:write|send|e-?mail|fax|contact)|(?:invita|invitan|propone|proponen|llama|llaman)\s+a\s+(?:escribir|enviar|contactar))\b[^.!?\n]{0,80}?\b(?:${ROLE.source}|${REPRESENTATIVE}|${ELECTED})`,
  'iu',
);

/*
 * The request as the way to help: "Please take a minute to support them by calling the director", "you can help by
 * writing to the minister". Only with "please", "you can" or "help" before it: "protesters showed support by calling the
 * governor" tells what others did.
 */
const BY_REACHING = new RegExp(
  String.raw`\b(?:please|you can|you could|help)\b[^.!?\n]{0,80}?\bby\s+(?:calling|phoning|ringing|writing(?: (?:a |an )?(?:letters?|e-?mails?|cards?))? to|e-?mailing|faxing|contacting|tweeting(?: at)?)\b[^.!?\n]{0,80}?${REACH}`,
  'iu',
);

/*
 * "How You Can Help" / "i. Guarantee ... the physical integrity of ..." / "ii. Release ...": a defenders' network's urgent
 * appeal under its heading for the reader, with the demands to put to the authorities as a list, cut before the addresses.
 */
const HELP_DEMANDS = /^\s*(?:how you can help|what you can do|actions? requested)\s*:?\s*\n(?:[^\n]{0,300}\n){0,2}?\s*(?:[ivx]{1,4}|\d{1,2}|[a-h])[.)]\s+(?:guarantee|release|ensure|put an end|drop|stop|carry out|comply|quash|lift)\b/im;

/* A network's alert, as a line's first word: "ALERTE !", "Action alert:", "URGENT ALERT", "Alerta:". */
const ALERT = /^(?:(?:urgent|action|emergency)\s+)?(?:alerte?|alerta)\b\s*(?:[!:]|$|\p{Lu})/imu;
/* The alert's demand, for a person: "pour demander la libération immédiate de", "to demand the release of", "exigir la liberación". */
const RELEASE_DEMAND = /\b(?:demander|exiger|r[ée]clamer|demand|call for|urge|exigir|pedir|reclamar|fordern)\s+(?:the\s+|la\s+|sa\s+|son\s+|leur\s+)?(?:(?:immediate|urgent|immédiate)\s+)?(?:release|libération|liberación|liberaci[oó]n|freilassung|r[ée]gularisation)\b/iu;

/*
 * Requests that name no addressee in the sentence itself, in the words each language uses for them:
 * - "Zaapeluj o wstrzymanie egzekucji" (Polish "appeal for ..."): the imperative is itself the appeal;
 * - "Please go to the website of ... to send the following letter", "send a letter on our website": the letter is
 *   elsewhere, the request is here;
 * - "je vous invite à faire de même", "I encourage you to do the same", "write to him as I did": the writer's own
 *   letter offered for the reader to send too;
 * - "forslag til brev", "brevforslag", "Aksjon: brev til ..." (Norwegian, Swedish, Danish), "voorbeeldbrief" (Dutch):
 *   a proposed letter, as "Musterbrief" is in German; "onderstaande voorbeeldbrief" (Dutch), the example letter
 *   below (a page that only says "voorbeeldbrieven" are handed out at an event asks nothing here).
 */
const UNADDRESSED_ASK = new RegExp(
  [
    String.raw`(?:^|[.!?:]\s+)(?:zaapeluj|zaapelujcie|apeluj|apelujcie)\s+(?:o|do|w sprawie)(?!\p{L})`,
    // "Napisz list w obronie ...!" (Polish: write a letter), "è possibile sottoscrivere un appello ai ministri" (Italian:
    // one can sign an appeal): the reader is asked to write or sign where the page names no addressee of its own.
    String.raw`(?:^|[.!?:]\s+)(?:napisz|napiszcie|wy[sś]lij|wy[sś]lijcie)\s+(?:list|listy|apel|kartk[eę])(?!\p{L})|(?<!\p{L})[eè]\s+possibile\s+(?:sottoscrivere|firmare)\s+(?:un|una|l['’?])\s*(?:appello|petizione)(?!\p{L})`,
    // "Please go to this link to send the following letter", "please go here today and send off your message": the
    // letter or the message is sent where the link leads.
    String.raw`\b(?:please\s+)?(?:go|head)\s+(?:to\s+(?:the|our|this)\s+(?:web\s?site|site|page|link)|here)\b[^.!?\n]{0,80}?\b(?:to|and)\s+(?:send|sign|write|e-?mail|fax)\b|\b(?:send|write|sign)\s+(?:a|the|this|our)\s+(?:letter|petition|e-?mail|appeal)\s+on\s+(?:our|the|their)\s+web\s?site\b`,
    String.raw`\bje vous invite [àa] (?:faire de m[eê]me|en faire autant|[ée]crire|envoyer|signer)|\b(?:i|we)\s+(?:invite|encourage|urge)\s+you\s+(?:all\s+)?to\s+(?:do the same|do likewise|write|send|sign)\b|\b(?:write|send|sign)\b[^.!?\n]{0,80}\bas (?:i|we) did\b`,
    // "sign the online letters at our website" (the letters are there), "E' urgente inviare il testo sottostante", "TESTO DA
    // INVIARE" (Italian: the text to send), "ricopiare il testo suggerito su una cartolina" (copy the suggested text out), "skriv ett vykort i Amnestys kampanj" (Swedish, Norwegian, Danish: write a card),
    // "schreiben Sie eine Postkarte oder einen Brief" (German: write a card or a letter).
    String.raw`\bsign (?:the |our )?on-?line (?:letters?|appeals?)\b|\binviare (?:il testo|la lettera|questa lettera)\b|\b(?:testo|lettera) da inviare\b|\b(?:ri)?copiare (?:il|questo) testo suggerito\b|\bskriv (?:ett|et|en) (?:vykort|postkort|kort|brev)\b|\bschreib(?:en sie|t|e)\s+(?:(?:gerne|auch|bitte|jetzt)\s+)?(?:eine|einen)\s+(?:postkarte|karte|brief|solidarit[äa]tskarte|gru[ßs]karte)(?!\p{L})`,
    // "One way you can help them is to send letters to ...", "you can help by writing letters", "sample letters addressed to
    // the prosecutor", "please help with this petition": the reader is asked to act where the page names the addressee
    // elsewhere.
    String.raw`\byou can help\b[^.!?\n]{0,40}?\b(?:is to|by)\s+(?:send|writ|e-?mail|fax)\w*\s+(?:a\s+)?(?:letters?|e-?mails?|faxes|appeals?)\b|\bsample letters?\s+addressed\s+to\b|\bplease\s+(?:help\s+with|support)\s+(?:this|the|our)\s+(?:petition|appeal|action)\b`,
    // "I am asking therefore that you write a brief letter to their governments", "Please write on behalf of our adopted
    // prisoner": a coordinator's or group's request whose addressees follow (or were cut off).
    String.raw`\b(?:i am|i'm|we are|we're)\s+asking\s+(?:\p{L}+\s+)?(?:that\s+you|you\s+to)\s+(?:write|send|e-?mail|fax)\b[^.!?\n]{0,30}?\b(?:letters?|e-?mails?|cards?|messages?|appeals?|faxes|to)\b|\bplease\s+write\s+(?:on behalf of|in support of)\b`,
    // "Scrivere a ufficio@example.it", "a inviarlo a questi recapiti: a@b.it" (Italian instructions in the infinitive):
    // the e-mail to write to follows the verb.
    String.raw`\b(?:scrivere|inviar(?:e|lo|la|li|le)|mandar(?:e|lo|la|li|le)|spedir(?:e|lo|la|li|le))\s+(?:a|al|alla|ai|agli|alle)\s+(?:(?:questi|questo|questa|queste|seguenti|seguente)\s+)?(?:(?:recapiti|recapito|indirizzi|indirizzo|e-?mail|mail)\s*:?\s*)?[\w.+-]+@[\w-]+\.\w`,
    // "enviem fax, e-mail ou cartas ao Governo", "envíen cartas y faxes al Presidente", "send letters or faxes to the
    // Minister": the ways to write, then the official, inside a sentence as well as at its start.
    String.raw`\b(?:enviem|envie|mandem|mande|escrevam|env[ií]en|env[ií]e|manden|escriban|inviate|mandate|scrivete|send)\s+(?:(?:fax(?:es)?|e-?mails?|cartas?|letters?|mensagens?|mensajes?|lettere|messaggi|telegramas?|telegrams?)(?:\s*,\s*|\s+(?:ou|or|o|e|y|and)\s+)?){1,4}\s*(?:to|a|ao|à|aos|às|al|para|alla|agli|al)\s+(?:the\s+|o\s+|os\s+|el\s+|la\s+|los\s+|il\s+)?(?:${ROLE.source}|${ORGANISATION.source})`,
    // "Oto adresy panamskie:", "Here are the addresses:": the page lists whom to write to under its own line.
    String.raw`^[^\S\n]*(?:oto|poni[żz]ej|tu s[ąa])\s+adresy\b[^:\n]{0,40}:|^[^\S\n]*here are the (?:e-?mail |postal )?addresses\b[^:\n]{0,40}:`,
    // "Scholars at Risk calls for letters, faxes and emails urging the authorities", "asks for letters, faxes and e-mails":
    // a network's call for letters names the means, two of them at least (one alone, "calls for letters of support", is news).
    String.raw`\b(?:calls?|asks?|appeals?)\s+for\s+(?:letters|faxes|e-?mails|messages|appeals)(?:\s*,\s*(?:letters|faxes|e-?mails|messages|appeals))*,?\s+(?:and|or)\s+(?:letters|faxes|e-?mails|messages|appeals)\b`,
    // "We ask organizations to write personalized letters about ...", "we urge groups to send letters": the letters asked
    // for, their addressees further on (or cut off). Letters sent "them" (the prisoners) are support, no appeal.
    String.raw`\b(?:we|i)\s+(?:ask|urge)\s+(?:you|(?:all\s+)?(?:organi[sz]ations|groups|readers|supporters|members))\s+to\s+(?:write|send|e-?mail|fax)\s+(?:(?!(?:them|him|her)\b)\p{L}+\s+){0,2}letters?\b`,
    // "We also appeal to you to protest to the embassies in your country": a federation's appeal to its members.
    String.raw`\b(?:we|i)\s+(?:also\s+)?(?:appeal\s+to|call\s+(?:up)?on)\s+(?:you|(?:all\s+)?(?:our\s+)?(?:affiliates|members|readers|supporters))\s+to\s+(?:protest|write|send|e-?mail|fax|contact)\b`,
    // "Send a Letter of Appeal" as a heading: the addressees are on the case pages it points to.
    String.raw`^[^\S\n]*(?:please\s+)?(?:send|write)\s+an?\s+letters?\s+of\s+appeal[^\S\n]*$`,
    // "have launched a joint global protest campaign on LabourStart here: https://...": an online protest to take part in.
    String.raw`\b(?:launched|started|set up)\s+an?\s+(?:[\w-]+\s+){0,3}(?:protest|campaign)\b[^.!?\n]{0,60}\bhere\s*:\s*(?:\n\s*)*https?:\/\/`,
    // "Possible message to be sent to world leaders:", "Suggested letter to send:": a message offered for the reader to send.
    String.raw`\b(?:possible|suggested|proposed|sample|model)\s+(?:message|letter|text|e-?mail|fax)\s+to\s+(?:be\s+)?sen[dt]\b`,
    // Japanese: "年賀状を出そう!" / "要請書を出しませんか" (let's send, won't you send), "郵送・FAXで再送してください" (please send by post or fax).
    String.raw`(?:年賀状|はがき|ハガキ|葉書|手紙|要請書|要望書|嘆願書|意見書|FAX|ファックス)を[^。\n]{0,20}?(?:出そう|送ろう|書こう|出しましょう|送りましょう|出しませんか|送りませんか|書きませんか)|(?:郵送|FAX|ファックス|メール|はがき|ハガキ)(?:・(?:郵送|FAX|ファックス|メール))*で(?:再送|送付|郵送|返送)?(?:して|送って|出して)(?:ください|下さい)`,
    // "opfordrer mennesker til at skrive til formanden" (Danish), "oppfordrer alle til å skrive" (Norwegian), "uppmanar
    // alla att skriva till" (Swedish): the organisation urges people to write; "hvor man kan skrive til" (where one can write to).
    String.raw`\b(?:opfordrer|oppfordrer|uppmanar)\s+(?:\p{L}+\s+){0,2}?(?:til at|til å|att)\s+(?:skrive|skriva|sende|skicka|underskrive|skrive under)(?!\p{L})|\b(?:hvor|der|där)\s+(?:man|du)\s+(?:kan|kann)\s+(?:skrive|skriva)\s+(?:til|till)\s`,
    // "Participants are also asked to write separate letters to the authorities", "students are invited to write letters".
    String.raw`\b(?:participants|members|students|attendees|guests|everyone|people|you)\s+(?:are|is|will be)\s+(?:also\s+)?(?:asked|invited|encouraged|urged)\s+to\s+write\b[^.!?\n]{0,40}?\bletters?\b`,
    // Polish: "Wezwij władze Bangladeszu do ...", "Wezwij Nigerię, by ...", "Domagaj się od rządu Kanady" (call on, demand of).
    String.raw`(?:^|[.!?:]\s+|[•·]\s*)(?:wezwij|wezwijcie|domagaj si[ęe] od|domagajcie si[ęe] od)\s+(?:w[łl]adz[eęy]?|rz[ąa]d(?:u)?|prezydenta|premiera|ministra|gubernatora|\p{Lu}\p{L}+)(?!\p{L})`,
    // Russian: "просьба поддержать ... присоединившись к кампании" (a request to support, to join), "Напишите", "Призовите".
    String.raw`(?:просьба|просим\s+(?:вас|Вас))\s+(?:поддержать|присоединиться|написать|отправить|подписать)(?!\p{L})|(?:^|[.!?:]\s+)(?:напишите|отправьте|призовите|подпишите|присоединяйтесь)(?!\p{L})`,
    // "We launched a protest campaign, cooperating with ..., demanding: - ...": the writers' own campaign, its demands
    // listed for the reader to join (a page cut before its addresses).
    String.raw`\bwe(?:'ve| have)?\s+(?:launched|started)\s+an?\s+(?:[\w-]+\s+){0,2}campaign\b[^.!?\n]{0,200}?\bdemanding\s*:`,
    // "sign them and return them to us by 15 November. We will then deliver them to ...": cards or letters the organisers
    // collect and hand to the addressee.
    String.raw`\b(?:sign|send|return|post)\s+(?:them|these|the (?:post-?cards|cards|letters))\b[^!?\n]{0,80}?\bto us\b[^!?\n]{0,60}?\bwe(?:'ll| will| shall)\s+(?:then\s+)?(?:deliver|hand|present|take)\s+(?:them|the (?:post-?cards|cards|letters))\s+(?:\p{L}+\s+)?to\b`,
    String.raw`\bforslag til (?:et )?brev\b|\bbrevforslag\b|\bf[öo]rslag (?:till|p[åa]) brev\b|\b(?:aksjon|aktion|brevaksjon)\s*:?\s+brev til\b|\b(?:onderstaande|volgende|deze)\s+voorbeeldbrief\b|\bvoorbeeldbrief\s+(?:hieronder|hierbij)\b`,
  ].join('|'),
  'imu',
);

/*
 * The writer's wish or request that the reader act, the verb after "you" ("send in": send): "I request that you
 * please send in two letters", "We hope that you will take a few moments to tell the Governor why ...", "we ask you
 * to write to the minister".
 */
const YOU_ASKED = new RegExp(
  String.raw`\b(?:i|we)\s+(?:(?:hope|request|ask|urge|beg)\s+(?:that\s+)?you|(?:ask|urge|beg|encourage|invite)\s+you\s+to)\s+(?:will\s+|would\s+|can\s+|to\s+)?(?:please\s+)?(?:take\s+a\s+(?:few\s+)?(?:moments?|minutes?)\s+to\s+)?${VERB}\b(?:\s+in\b)?${NOT_US}[^.!?\n]{0,80}?(?:${REACH}|\b(?:letters?|post-?cards?|cards?|e-?mails?|faxes)\b)`,
  'iu',
);

/* "To: Minister Jane Example, Minister for Justice": a page (a petition, a letter) that opens by naming its addressee. */
const OPENS_TO_OFFICIAL = new RegExp(String.raw`^\s*(?:[-*•·]\s+)?(?:to|an|[àa]|para)\s?:\s*(?:\p{L}+\s+){0,3}?(?:${ROLE.source})`, 'iu');

/**
 * A sentence that asks (or invites) the reader to write, send, sign or call someone, a request whose addressee is
 * elsewhere, a network's alert that demands a person's release, or a page that opens with the official it is
 * addressed to (the weakest signs of an appeal the importer takes).
 */
export function asksTheReader(text: string): boolean {
  const head = text.slice(0, 200_000);
  const firstLine = /^\s*(.*)/.exec(head.slice(0, 400))?.[1] ?? '';
  return ASK.test(head) || YOU_ASKED.test(head) || INVITED.test(head) || BY_REACHING.test(head) || UNADDRESSED_ASK.test(head) || OPENS_TO_OFFICIAL.test(firstLine) || WRITE_IN_LANGUAGES.test(head) || (ALERT.test(head) && RELEASE_DEMAND.test(head)) || HELP_DEMANDS.test(head);
}
