// A weaker sign of an appeal than signs.ts asks for: a sentence that tells the reader to write, send, sign or call,
// with something to send or someone to reach ("Scrivi al Ministro", "Skriv till ..." too). A text with only this sign
// imports as a draft, never refused.
import { ROLE } from './offices.js';

/*
 * The imperative (or "please" / "bitte" / "por favor" and the verb) at a sentence's start, in the languages the importer
 * reads: "Write a letter to ...", "Send an e-mail", "Firma la petición", "Écrivez-lui", "Schreibt dem Minister",
 * "Assine a petição", "Stuur een kaart".
 */
const VERB = String.raw`(?:write|send|e-?mail|fax|call|phone|sign|contact|tell|urge|tweet|mail|post|escrib[aei]n?|escribid|env[ií](?:a|e|en|ad)|firm(?:a|e|en|ad)|llam(?:a|e|en|ad)|mand(?:a|e|en|ad)|exig(?:e|id|an?)|contact(?:a|e|en)|[ée]crivez|[ée]cris|envoyez|envoie|signez|signe|appelez|contactez|interpellez|faxez|t[ée]l[ée]phonez|schreib(?:e|t|en sie)|schick(?:e|t|en sie)|send(?:e|et|en sie)|unterschreib(?:e|t|en sie)|unterzeichne(?:t|n sie)?|ruf(?:e|t|en sie)|mailt|fax(?:e|t|en sie)|fordert|fordern sie|escrev(?:a|am|e)|envi(?:e|em|a)|assin(?:e|em|a)|ligue(?:m)?|mande(?:m)?|schrijf|stuur|teken|bel|mail|scrivi|scrivete|invia|inviate|manda|mandate|intervieni|skriv|skicka|kirjoita|l[äa]het[äa])`;
/* Whom the sentence asks to reach: an official, "him", "your MP", a link or an e-mail address. */
const REACH = String.raw`(?:\b(?:him|her|them|ihm|ihr|ihnen|lui|leur|le|la|lhe|your (?:mp|senator|representative|member of parliament|congress(?:wo)?man))\b|https?://|[\w.+-]+@[\w-]+\.\w|${ROLE.source})`;
/* Signing needs no addressee: "Sign the petition", "Firma la petición", "Unterschreibt die Petition". */
const SIGN = String.raw`(?:sign|firm(?:a|e|en|ad)|signez|signe|unterschreib(?:e|t|en sie)|unterzeichne(?:t|n sie)?|assin(?:e|em|a)|teken|firmate|signera|allekirjoita)`;
const PETITION = String.raw`(?:petition|petici[oó]n|p[ée]tition|peti[cç][aã]o|petitie|appeal|appell|llamamiento|apelo|petizione|appello|upprop(?:et)?|opprop(?:et)?|vetoomu(?:s|ksen))`;
const START = String.raw`(?:^|[.!?¡:]\s+|\n\s*[-•*]?\s*)(?:please\s+|bitte\s+|por favor,?\s+|per favore,?\s+|s'il vous pla[iî]t,?\s+)?`;
const NOT_US = String.raw`(?!\s+(?:up|in|out|us|uns|nous|nos)\b)`;
const ASK = new RegExp(String.raw`${START}(?:${VERB}(?:-(?:lui|leur))?\b${NOT_US}[^.!?\n]{0,80}?${REACH}|${SIGN}\b${NOT_US}[^.!?\n]{0,40}?\b${PETITION})`, 'imu');

/*
 * An invitation to write, its verb in the infinitive: "l'organisation propose d'écrire en masse au président", "vous
 * invite à écrire au ministre", "invites you to write to the governor", "calls on supporters to e-mail the minister",
 * "invita a escribir al presidente". Only an official named by office counts: an invitation to send words of support
 * to a prisoner is news of a campaign, not an appeal.
 */
const INVITED = new RegExp(
  String.raw`\b(?:(?:propose|proposent|invite|invitent|appelle|appellent|encourage|encouragent)\s+(?:(?:les |ses )?(?:lecteurs|membres|sympathisants|citoyens)\s+)?(?:vous\s+)?(?:[àa]|d['’]|de)\s*(?:[ée]crire|envoyer|adresser|interpeller|contacter)|(?:invites?|calls? on|asks?|encourages?|urges?)\s+(?:you|readers|supporters|members|people|the public|everyone)\s+to\s+(?:write|send|e-?mail|fax|contact)|(?:invita|invitan|propone|proponen|llama|llaman)\s+a\s+(?:escribir|enviar|contactar))\b[^.!?\n]{0,80}?\b(?:${ROLE.source})`,
  'iu',
);

/* A network's alert, as a line's first word: "ALERTE !", "Action alert:", "URGENT ALERT", "Alerta:". */
const ALERT = /^(?:(?:urgent|action|emergency)\s+)?(?:alerte?|alerta)\b\s*(?:[!:]|$|\p{Lu})/imu;
/* The alert's demand, for a person: "pour demander la libération immédiate de", "to demand the release of", "exigir la liberación". */
const RELEASE_DEMAND = /\b(?:demander|exiger|r[ée]clamer|demand|call for|urge|exigir|pedir|reclamar|fordern)\s+(?:the\s+|la\s+|sa\s+|son\s+|leur\s+)?(?:(?:immediate|urgent|immédiate)\s+)?(?:release|libération|liberación|liberaci[oó]n|freilassung|r[ée]gularisation)\b/iu;

/**
 * A sentence that asks (or invites) the reader to write, send, sign or call someone, or a network's alert that demands a person's
 * release (the weakest signs of an appeal the importer takes).
 */
export function asksTheReader(text: string): boolean {
  const head = text.slice(0, 200_000);
  return ASK.test(head) || INVITED.test(head) || (ALERT.test(head) && RELEASE_DEMAND.test(head));
}
