// Signs that a letter was written and sent by its own writer (a lawyer, a senator, an NGO, one member), read only where
// nothing asks the reader to send it: the page tells of its sending, the letter names its writer, or it is signed.
import { ORGANISATION, ROLE } from './offices.js';

/*
 * The page tells that the letter was written or delivered: "Femi Example has written to President X", "we wrote to
 * the Minister", "Below is the text of a letter which was handed in", "the letter was delivered to the embassy", "The
 * letter reads:", "Read the petition below", "transcript follows". A model letter's page says to send it instead.
 */
const TOLD_AS_SENT = new RegExp(
  [
    String.raw`\b(?:wrote|has written|have written|had written|writes) to (?:the |his |her |their |our )?\p{Lu}`,
    String.raw`\b(?:[Tt]ext|[Cc]opy|[Tt]ranscript(?:ion)?) of (?:the|a|an|our|their|his|her|this) (?:open )?(?:letter|petition|appeal)\b`,
    String.raw`\b(?:letter|petition)s?,? (?:which |that )?(?:was|were|has been|have been|had been) (?:sent|delivered|handed|posted|presented|submitted|left|faxed|given)\b`,
    String.raw`\b(?:deliver(?:ed|ing)?|hand(?:ed|ing)? (?:in|over)|present(?:ed|ing)?|submit(?:ted|ting)?) (?:the|a|an|our|their|this) (?:open )?(?:letter|petition)\b`,
    String.raw`\b[Ll]etter delivery\b`,
    String.raw`\b[Tt]he (?:full )?(?:letter|petition) (?:reads|said|says|states)\b`,
    String.raw`\b[Rr]ead (?:the|our|their|his|her) (?:full )?(?:letter|petition)(?: below| here| in full)?\b`,
    String.raw`\b[Tt]ranscript(?:ion)? (?:follows|below)\b`,
    // The writer's own letter, so named above it: "Mein Brief an den Bundesinnenminister:", "My letter to the Minister",
    // "ma lettre à l'ambassadeur", "mi carta al Gobernador". A model letter is "the letter", "a sample letter", never "mine".
    String.raw`\b(?:[Mm]y|[Mm]ein(?:em)?|[Mm]a|[Mm]i|[Mm]inha|[Mm]ia) (?:open |offene[rnm]? )?(?:letter|[Bb]rief|[Ss]chreiben|lettre|carta|lettera) (?:to|an|ans|à|au|a|al|ao|alla?)\b`,
    // A press release that carries the organisation's letter: "Comunicado de Prensa", "Pressemitteilung", "communiqué de presse".
    String.raw`\b(?:[Pp]ress [Rr]elease|[Cc]omunicado de [Pp]rensa|[Cc]ommuniqu[ée] de [Pp]resse|[Pp]ressemitteilung|[Cc]omunicato [Ss]tampa|[Nn]ota de [Ii]mprensa)\b`,
    String.raw`\b[Ll]etters? (?:\([^)\n]{0,30}\) )?(?:we |I )?(?:have |had )?(?:sent|written) to (?:politicians|ministers|officials|newspapers|the press|MPs|members of parliament)\b`,
  ].join('|'),
  'mu',
);

/*
 * The letter names its own writer, as no model letter can: "I am writing as William Example, a ...", "My name is Jane
 * Example", "I write on behalf of the Committee on Academic Freedom", "On behalf of the 3,500 members of Example PEN Center".
 */
const NAMES_ITS_WRITER = /\b(?:I am writing (?:to you )?as|I write (?:to you )?as|[Mm]y name is) (?:\p{Lu}[\p{Ll}'’-]+ ){1,3}\p{Lu}[\p{Ll}'’-]+|\b[Oo]n behalf of (?:the |our )?(?:[\d,.]+ )?(?:members (?:of )?(?:the )?)?(?:\p{Lu}[\p{L}'’-]*,? (?:(?:of|for|on|and|the) )?){0,6}(?:Committee|Association|Cent(?:er|re)|Society|League|Foundation|Federation|Council|Network|Coalition|Institute|Union|PEN)\b/u;

/*
 * An organisation speaking of itself in the third person, as in its own letters: "The League expresses grave concern",
 * "The League calls on you". Twice or more: a model letter may cite a body once ("The Committee urges states to ...").
 */
const ORGANISATION_SPEAKS = /(?:^|[.!?]\s+)The (?:[\p{Lu}][\p{L}'’-]*,? (?:for |of |on |and |the )*){0,6}(?:League|Society|Committee|Association|Foundation|Federation|Network|Coalition|Centre|Center|Institute|Organi[sz]ation|Movement|Alliance|Campaign|Forum|Union|Council)\b[^.!?\n]{0,160}?\b(?:expresses|calls (?:on|upon)|urges|requests|demands|condemns|reiterates|welcomes|deplores|is (?:deeply |gravely )?concerned)\b/gu;

/* The writer asks to meet the official: "I write to request a meeting with you", "we would welcome the opportunity to meet". */
const ASKS_TO_MEET = /\b(?:request|ask for|seek|arrange) (?:a|an) (?:meeting|audience|appointment)\b|\bwelcome (?:the|an) opportunity to meet\b|\bmeet with (?:me|us) (?:in|at|to|on)\b/i;

/* An organisation's letterhead above the letter: its registration number ("ABN 64 002 ...", "Registered charity no. 123"). */
const LETTERHEAD = /\b(?:ABN|ACN|registered charity(?: no\.?| number)?|charity (?:no\.?|number)|company (?:no\.?|number|registration)|SIRET|KvK)\s*:?\s*\d/i;

/* An office under a signer's name that the general ROLE list lacks: "Senator for the ACT", "MP for Example", "Member of Parliament". */
const SIGNER_OFFICE = /^(?:senator|professor|professeure?|enseignante?|teacher|lecturer|member of (?:parliament|the [\p{L} ]{2,40})|(?:mp|mep|mla|msp|td) for|councillor|bishop|archbishop|chair(?:man|person|woman)?|founder|spokes(?:person|man|woman)|coordinator|convenor|director|president|secretary|(?:executive|managing) director)\b/iu;
/* A name with the letters after it that give an office or rank: "Femi Example SAN", "Jane Example MP", "John Example QC". */
const NAME_WITH_POSTNOMINAL = /^(?:\p{Lu}[\p{Ll}'’-]+\s+){1,3}(?:SAN|MP|MEP|MLA|MSP|QC|KC|TD|OBE|MBE|CBE)\b/u;
/* "Sincerely, Shawn Example": the closing signed on its own line with a name, the reader's own name never printed in it. */
const SIGNED_CLOSING = /^(?:yours sincerely|sincerely(?: yours)?|yours faithfully|yours truly|respectfully(?: yours)?|kind regards|best regards|regards),?\s+(\S.*)$/i;
/* A person's name on a line of its own: two to four capitalised words. */
const PERSON = /^(?:(?:[Dd]r|[Pp]rof|Mrs?|Ms|Hon|Rev)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’.-]*){1,3}$/u;

/**
 * The lines from a letter's closing on show who signed it: a named person with an office ("Gary Example" over "Senator
 * for the ACT"), a name with its post-nominal letters, "Name, Organisation", or a closing signed with a name.
 */
export function signedByANamedWriter(closingOn: string[]): boolean {
  const [closing, signer, office] = closingOn;
  let name = signer;
  const signedInClosing = closing?.match(SIGNED_CLOSING)?.[1];
  if (signedInClosing && PERSON.test(signedInClosing) && !/\b(?:your|name|signature)\b/i.test(signedInClosing)) return true;
  if (name === undefined || name.length > 80) return false;
  // "Sebastián Example," over "professeur agrégé.": the name closed by a comma, the office on the line below.
  name = name.replace(/,$/, '');
  if (NAME_WITH_POSTNOMINAL.test(name)) return true;
  // "Jane Example, Example Human Rights Society": the name and the organisation on one line.
  const [person, organisation] = name.split(/,\s+/);
  if (organisation !== undefined && PERSON.test(person ?? '') && (ORGANISATION.test(organisation) || /\b(?:society|league|committee|association|foundation|network|coalition|centre|center|institute|movement|alliance|campaign|union|party|amnesty)\b/i.test(organisation))) return true;
  return PERSON.test(name) && office !== undefined && office.length <= 100 && (SIGNER_OFFICE.test(office) || (ROLE.test(office) && !office.includes(':')));
}

/** The page tells that the letter was sent, or the letter itself names its writer, speaks as an organisation, or asks to meet. */
export function showsItsWriterSentIt(frame: string, body: string): boolean {
  const opening = body.slice(0, 1500);
  return TOLD_AS_SENT.test(frame) || LETTERHEAD.test(frame.slice(-1500)) || NAMES_ITS_WRITER.test(opening) || ASKS_TO_MEET.test(opening) || (body.slice(0, 5000).match(ORGANISATION_SPEAKS)?.length ?? 0) >= 2;
}
