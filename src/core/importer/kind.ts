// What a text is: an appeal, or news of one (an update, a closure, good news), with its UA number.
import { foldKey, type Section } from './sections.js';
import type { ImportKind } from './types.js';

/*
 * Only an `appeal` becomes a live appeal; an update ("Further information on UA ..."), a closure ("no further
 * action is requested") or good news (a release) is news of an appeal.
 */

/* "Further information on UA 160/09", "Further information on EXTRA 80/91" (an EXTRA is an Urgent Action too), "Follow-up on UA 52/10", "FI 132/19-11", "Urgent Action Update", "Weitere Informationen zu UA", "Complément d'information sur l'AU". */
const UPDATE =
  /^(?:(?:further|more) information on (?:ua|urgent action|extra\s?\d)|follow-?up (?:to|on) (?:ua|urgent action|extra\s?\d)|fi\s?\d{1,4}[./]\d{2}|(?:urgent action )?update\b|urgent action update|[\d]+(?:st|nd|rd|th) update to ua|weitere informationen zu (?:ua|urgent action)|informacion complementaria sobre (?:la )?au|complement d'information sur (?:l'au|l'action))/i;
/* The same heading run into a flattened page, or a title's own "Syria: Further information: ...", "Examplia: Further information on fear of torture: ...": "... Más información (actualización núm. 1) sobre AU 116/07 ...". */
const UPDATE_INLINE =
  /(?:^|:\s)further information(?:\s+on\s[^:\n]{3,80})?\s*:|\b(?:further information on (?:ua|extra):?\s?\d|follow-?up on (?:ua|extra)\s?\d|mas informacion (?:\(actualizacion[^)]{0,20}\) )?sobre (?:la )?au\s?\d|complement d'information sur l'au\s?\d|weitere informationen zu ua\s?\d)/i;
/*
 * Amnesty's current follow-ups count their rounds: "Second UA 66.24", "Second Urgent Action 66.24", "UA: Second 85.23",
 * "Segunda AU: 084/23", "Tercera AU", "Zweite UA": an update of the UA it names (the heading "Further information on UA"
 * had before).
 */
const NTH_UA =
  /\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th|segunda|tercera|cuarta|quinta|zweite|dritte|vierte|funfte|deuxieme|troisieme|quatrieme|seconda|terza|quarta)\s+(?:ua|au|urgent action|accion urgente|action urgente|acao urgente|eilaktion|azione urgente)\s?[-:]?\s?(?:n[°o.]*\s?)?(?:\p{L}+\s)?\d{1,4}\s?[./]\s?\d{2,4}\b|\bua:\s?(?:second|third|fourth|fifth)\s\d{1,4}[./]\d{2}\b/iu;
/* "UA-191/2012-4": the German-language sections number an action's follow-ups after its own number. */
const NUMBERED_FOLLOW_UP = /^ua[-\s]?\d{1,4}\/\d{2,4}-\d{1,2}$/i;
/*
 * A closure says the network need not act any more ("Bitte keine Appelle für seine Freilassung mehr senden"); "bitten wir
 * Sie, nach dem 30. Dezember keine Appelle mehr zu verschicken" is a live appeal's deadline.
 */
const CLOSURE =
  /\bno further (?:action|appeals?)\b[^.]{0,60}?\b(?:requested|needed|required|necessary)|(?:^|\n)[ \t]*no further action\b|\bkeine weiteren (?:appelle|aktionen)\b|\bbitte keine (?:appelle|briefe|aktionen)\b[^.]{0,60}?\bmehr\b|\bya no (?:es necesario|se requiere)n? (?:enviar|realizar)|\bil n'est plus n[ée]cessaire d'(?:envoyer|agir)|\baucune action (?:n'est|supplementaire|complementaire)/i;
/*
 * An online action's page once it is closed says so on a line of its own: "Esta acción ha finalizado. Hemos sido 2.334
 * firmantes", "Ação encerrada.", "This action has ended", "Cette action est terminée". Accents are folded first.
 */
const CLOSED_PAGE =
  /(?:^|\n)[ \t]*(?:(?:esta|essa|this|cette|questa|diese) )?(?:accion|acao|action|azione|aktion|campana|campanha|campaign|petition|peticion|peticao) (?:(?:ha|has|foi|fue|est|e|ist|is) (?:been |now )?)?(?:finalizad[oa]|encerrad[oa]|cerrad[oa]|terminad[oa]|ended|closed|terminee|conclusa|chiusa|beendet|abgeschlossen)\b(?!\s+(?:on|el|le|em|am|il|in)\s)/i;

/* "¡Gracias!", "Muito obrigada por sua participação!", "Hemos sido 2.334 firmantes": a closed page thanks those who acted. */
const THANKS_OR_COUNT = /\b(?:gracias|obrigad[oa]|merci|thank|grazie|danke|firmantes|signataires|assinaturas|signatures|firmas|firme)\b/i;

/**
 * The closed-action notice with thanks or the count of signers beside it (200 characters either side). "Action
 * terminée" alone over a section's links is the status of an old page, whose text is still the appeal it was.
 */
function closedWithThanks(head: string): boolean {
  const m = CLOSED_PAGE.exec(head);
  return m !== null && THANKS_OR_COUNT.test(head.slice(Math.max(0, m.index - 200), m.index + m[0].length + 200));
}

/*
 * A deportation stopped is good news told in its own words: "succeeded in stopping the deportation", "the deportation
 * was halted", "tuvo éxito en detener la deportación", "die Abschiebung wurde ausgesetzt". "Stop the deportation" (a
 * request) is none. Accents are folded before this is read.
 */
const STOPPED_DEPORTATION =
  /\b(?:succeeded in|managed to|helped (?:to )?)\s*(?:stop|halt)(?:ping)?\s+(?:the |his |her |their )?deportation\b|\bdeportation (?:was|has been|had been|is) (?:stopped|halted|cancell?ed|called off|suspended)\b|\b(?:tuvo|tuvieron|ha tenido|han tenido) exito en (?:detener|frenar|parar|evitar)\b|\b(?:logro|lograron|consiguio|consiguieron) (?:detener|frenar|parar|evitar|suspender) (?:la|su) deportacion\b|\bdeportacion (?:fue )?(?:detenida|suspendida|cancelada)\b|\babschiebung (?:wurde |wird )?ausgesetzt\b/;

/*
 * Good news says so: "Great news!", "a positive update", "is now free", "Urgent Action - Erfolge". "He was released"
 * alone is no sign: appeals tell of earlier releases, on bail or after a previous arrest. A round-up says it too: "good
 * news stories", "Because of you people have been freed", "is free because of supporters like you": an outcome credited
 * to the readers, or the readers' own prisoners freed ("Prisoners you took action for ... have been freed"). "Voyez nos
 * bonnes nouvelles" points to a page of good news, and tells none.
 */
const GOOD =
  /(?:\b(?:good|great|fantastic) news[!:.]|\b(?:got|received|heard|had) the (?:good|great|wonderful) news that\b|\bsuccess stor(?:y|ies) of (?:an?|the|this|our) (?:urgent action|appeal|case|campaign)\b|\b(?:a|the) factor in (?:his|her|their) release\b|\bpositive update\b|\bis now free\b|\b(?:is|are) (?:now )?free (?:because of|thanks to)\b|\b(?:has|have) been (?:freed|released|acquitted)\b[^.]{0,80}\b(?:thanks? to|after (?:thousands|a campaign))|\bgute nachrichten?\b|\bbuenas noticias\b|(?<!\b(?:nos|our)\s)\bbonnes? nouvelles?\b|\b(?:ua|urgent[- ]actions?)\s*[-–:]?\s*erfolge\b|\b(?:led|leading|contributed) to the release of\b|\bresult(?:s|ed)? in (?:the release of|freed)\b|\bsecured the release of\b|\berfolge und positive[rn]? entwicklungen\b|\br[üu]ckblick auf (?:die )?erfolge\b|\blook(?:ing)? back (?:at|on) (?:the |our )?(?:year'?s )?successes\b|\bgood news (?:stories|story|round-?up)\b|\bafter\b[^.]{0,120}\b(?:letters|appeals|protests)\b[^.]{0,80}\b(?:he|she|they) (?:was|were) (?:released|freed|set free|acquitted)\b(?!\s+on (?:bail|parole))|\b(?:buone|ottime|belle) notizie\b|\bgoda nyheter\b|\bgode nyhe(?:ter|der)\b|\bhyvia uutisia\b|\b(?:because of you|thanks to (?:you|your (?:letters|appeals|actions|support)|international pressure))\b[^.]{0,80}\b(?:freed|released|saved|dropped|acquitted)\b(?!\s+on (?:bail|parole))|\b(?:prisoners|people|activists|those|the (?:men|women)) (?:you|we) (?:took|have taken) action (?:for|on)\b[^.]{0,160}\b(?:have|has) been (?:freed|released|set free)\b(?!\s+on (?:bail|parole)))/i;
/*
 * A live appeal still asks for letters: "Please write immediately", "send appeals", "TAKE ACTION". "Take action" asks
 * only as an imperative (a heading, a sentence's start): "came together to take action against oppression" reports.
 */
const ASKS =
  /(?:^|[.!?:»–—-]\s*)take action\b|\b(?:please write|write (?:a letter|immediately|to)|send (?:appeals|letters)|please send|send a (?:note|card|letter)|escriban|envi[ée]n|[ée]crivez|schreiben sie|please take action|scrivi (?:a|al|alla|alle)|scrivete|skriv till?|kirjoita)\b/im;

/* "No further appeals are required on his behalf": the network stops acting for one person, not for the case. */
const CLOSED_FOR_ONE = /\bno further (?:action|appeals?)\b[^.]{0,60}?\bon (?:his|her) behalf\b/gi;
/* "has been granted a pardon", "was pardoned by the President": the outcome the appeals asked for. */
const PARDONED = /\b(?:(?:was|were|has been|have been|had been)\s+(?:granted an?\s+(?:presidential\s+|royal\s+)?pardon|pardoned)|granted (?:him|her|them) an?\s+(?:presidential\s+|royal\s+)?pardon)\b/i;

/* "Alan Johnston was released on 4 July": in an update or a closure, a release told in its opening is the good news. */
const RELEASED = /\b(?:e|sono)\s+stat[oaie]\s+(?:rilasciat|liberat|scarcerat)[oaie]\b|\b(?:har|ha|er|blev|ble) (?:blivit |blitt |blevet )?(?:frigiven|frislappt|slappt|loslatt|løslatt|løsladt|frigitt|frigivet)\b|\b(?:vapautettiin|on vapautettu)\b|\b(?:fue|fueron|ha sido|han sido)\s+(?:\p{L}+\s+)?puest[oa]s? en libertad\b|\b(?:a|ont) ete (?:liber|relach)(?:e|ee|es|ees)\b|\b(?:wurde|wurden) (?:\p{L}+\s+)?freigelassen\b|\b(?:is|zijn) vrijgelaten\b|\b(?:was|were|has been|have been|had been|is|are)\s+(?:now\s+)?(?:freed|released|acquitted|set free)\b(?!\s+on (?:bail|parole))|\b(?:pleased|happy|delighted|glad) to (?:announce|report|share|say)\b[^.]{0,60}\b(?:release|freed|acquittal)\b/iu;
/* "Grazie per aver firmato", "Thank you for signing": an e-mail that opens by thanking its reader for an action taken. */
const THANKS_READER = /\b(?:grazie per (?:aver|avere) (?:firmato|scritto|partecipato)|thank you for (?:signing|writing|taking action)|gracias por (?:firmar|escribir|participar)|merci d'avoir (?:signe|ecrit|participe)|obrigad[oa] por (?:assinar|escrever|participar))\b/i;

/* "GRAZIE AMNESTY", "Thank you Amnesty!", "Obrigado, Anistia": a title in which the people helped thank the organisation. */
const THANKS_AMNESTY = /^(?:grazie|thank you|thanks|gracias|merci|obrigad[oa]|danke)[,!]?\s+(?:a\s+|to\s+)?(?:amnesty|amnistia|anistia|amnistie)(?:\s+international|\s+internacional)?\s*[!.]?$/i;

/* "The authorities released 440 of the detainees", "were released": a release told anywhere in a closure (not on bail). */
const FREED = /\b(?:released|freed|set free)\s+(?:\d+|all|most|him|her|them|the (?:detainees|prisoners|activists|men|women))\b|\b(?:was|were|has been|have been)\s+(?:freed|released|set free)\b(?!\s+on (?:bail|parole))/i;
/*
 * A title that ends on the release it announces: "SMS action update: five activists released", "Journalist freed!",
 * "Writer Jane Example freed from prison (but fear still persists)": where from, and a reservation in brackets, may follow.
 */
const RELEASE_TITLE = /\b(?:released|freed|set free|acquitted|free at last|freigelassen|freigesprochen|liberee?s?|liberad[oa]s?|puest[oa]s? en libertad|vrijgelaten|loslatt|frigiven|frigitt)(?:\s+(?:in|en|au|im|em)\s+\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)?(?:\s+(?:from|out of)\s+(?:prison|jail|detention|custody))?\s*!?(?:\s*\([^()\n]{1,60}\))?$/u;
/* "Protesters must be released", "deben ser puestos en libertad": a release demanded, not told. */
const DEMANDED = /\b(?:must|should|shall|to) be\b|\bdeben? ser\b|\b(?:m[üu]ss(?:en)?|sollen) (?:sofort )?(?:\p{L}+ )?freigelassen\b|\bdoivent [êe]tre\b/iu;
/* "Update 18/07/2017:": a live page's dated news line, unlike "Further information on UA 81/07" or "Urgent Action update: ...", an update's own heading. */
const BARE_UPDATE = /^update\b/i;
/* "Update: Tell US Government to press ...", "Update - write to the minister": an update line whose news is a request. */
const UPDATE_ASKS = /^update\s*[-–:]?\s*(?:tell|write|call|e-?mail|urge|sign|contact|take action|act now)\b/i;
/*
 * An online action's own request: "Add your voice", "Send a message", "Sign the petition"; or a letter offered for the
 * reader to send too: "please use it for your own", "feel free to use this letter".
 */
const ONLINE_ASK = /\b(?:add your (?:voice|name)|send (?:a|your) message|sign (?:the|our|this) petition|email the (?:minister|president|prime minister|governor|ambassador)|please use (?:it|this letter)|feel free to (?:use|copy|send) (?:it|this letter))\b/i;
/* A UA number anywhere: an update of an Urgent Action cites it; Amnesty USA names the country first ("UA: Cuba 122.19"). */
const UA_NUMBER = /\b(?:ua|au|fi)\s?[-:]?\s?\d{1,4}\s?[./]\s?\d{2,4}\b|\bua:\s?\p{L}+(?:\s\p{L}+)?\s\d{1,4}[./]\d{2}\b/iu;

/*
 * A page's heading that names its results: "Erfolge", "Unsere Erfolge", "Successes", "Éxitos", "Succès", "Ihre Briefe zeigen
 * Wirkung!", or the results of a quarter or a month: "Erfolge Juli - September 2018", "Successes in May 2020".
 */
const SUCCESSES_HEADING = /^(?:(?:unsere|our|nuestros)\s+)?(?:erfolge|successes|[ée]xitos|succ[èe]s|successi)\s*!?$|^(?:erfolge|successes|[ée]xitos|succ[èe]s|successi)\s+(?:(?:im|in|von|from|de)\s+)?(?:\p{L}+\s*(?:[-–]|bis|to|a)\s*)?\p{L}+\s+(?:19|20)\d{2}$|^(?:ihre|eure|deine|unsere|your|our) (?:briefe|letters|appelle|appeals) (?:zeigen|zeigten|haben|make|made|are making) (?:wirkung|a difference)\b/iu;

/*
 * A follow-up to an action already sent: the letters it drew are reported ("within four days, we received fifty letters")
 * and more are asked for ("Please continue to send letters of concern"). A live appeal asks for letters, not more of them.
 */
const CONTINUE_LETTERS = /\b(?:continue to (?:send|write)|keep (?:on )?(?:sending|writing))\b[^.!?\n]{0,20}?\b(?:letters|appeals|e-?mails|messages|faxes)\b/i;
const LETTERS_RECEIVED = /\b(?:we|they|he|she)\s+(?:have\s+|had\s+)?received\b[^.!?\n]{0,40}?\b(?:letters|appeals|e-?mails|messages|faxes)\b/i;
/*
 * "Jane Example wurde am 30. Oktober freigelassen. Schreiben Sie bitte trotzdem weitere Appelle ...", "X was released.
 * Please nevertheless keep writing for ...": one person's release, and letters asked for the others: news of the action.
 */
const WRITE_DESPITE_RELEASE = /\b(?:freigelassen|freigekommen|released|freed)\b[^\n]{0,200}?\b(?:trotzdem|dennoch|nevertheless)\b[^.!?\n]{0,30}?\b(?:appelle|briefe|appeals|letters)\b/i;
/* "Albert Example was finally released": a release after a long wait, the outcome a campaign worked for (not on bail). */
const FINALLY_FREED = /\b(?:was|were|has been|have been)\s+(?:finally|at last|at long last)\s+(?:freed|released|set free|acquitted)\b(?!\s+on (?:bail|parole))/i;

/** The text's kind, from its opening lines (an update's heading) and its wording (closures, good news). */
/*
 * A release told in French by those freed or their supporters: "J'ai été libéré hier", "X et Y vont être libérés", "sont
 * libres", with their thanks ("je vous en remercie", "Merci à tous"). Read in the accent-folded text.
 */
const FREED_FR = /\b(?:j['’]ai|il a|elle a|ils ont|elles ont|nous avons) ete (?:liberee?s?|remise?s? en liberte)\b|\b(?:sont|seront|vont etre|va etre|sera) (?:liberee?s?|libres?)\b/i;
/* "Merci à tous", never "Merci de copier cette lettre" (a request: "please copy"). */
const THANKS_FR = /\bmerci\b(?!\s+(?:de|d['’]))|\b(?:je|nous) vous (?:en )?remerci(?:e|ons)\b/i;

export function findKind(sections: Section[], text: string): ImportKind {
  const opening: string[] = [];
  for (const section of sections) {
    for (const line of [section.heading, ...section.lines.slice(0, 25)]) {
      if (line !== '' && opening.length < 25) opening.push(foldKey(line.slice(0, 300)).replace(/^[\s"*#•·-]+/, ''));
    }
    if (opening.length >= 25) break;
  }
  const head = foldKey(text.slice(0, 60_000));
  // The release is the news only when the text opens with it; a follow-up often tells of an earlier release.
  const lead = head.slice(0, 5000).split('\n').find((l) => l.length >= 60 && /[.!]/.test(l)) ?? '';
  // "was released in 2031 but re-arrested", "remains in custody": a release undone is no good news.
  const released = RELEASED.test(lead) && !/\b(?:re-?arrested|arrested again|detained again|remains? (?:in (?:custody|detention|prison)|detained))\b/i.test(lead);
  // A closure that reports people freed ("The authorities released 440 of the detainees") or pardoned ends with good news.
  // "No further action is required on his behalf", then "Please send appeals" for the others: one case closed, an update.
  const closes = CLOSURE.test(ASKS.test(head) ? head.replace(CLOSED_FOR_ONE, ' ') : head) || closedWithThanks(head);
  if (closes) return GOOD.test(head) || released || FREED.test(head) || PARDONED.test(head) ? 'good-news' : 'closure';
  const updates = opening.filter((l) => UPDATE.test(l));
  // A page with "Update 18/07/2017:" lines, no UA number and its own request ("Add your voice") is a live online action.
  // "Update: Tell the government to ...": the dated line is itself a request to the reader.
  const liveAction = updates.length > 0 && updates.every((l) => BARE_UPDATE.test(l)) && !UA_NUMBER.test(head) && (ASKS.test(head) || ONLINE_ASK.test(head) || updates.some((l) => UPDATE_ASKS.test(l)));
  if (!liveAction && (updates.length > 0 || opening.some((l) => NUMBERED_FOLLOW_UP.test(l)) || UPDATE_INLINE.test(head.slice(0, 3000)) || NTH_UA.test(head.slice(0, 3000)))) return (GOOD.test(head) || released) && !ASKS.test(head) ? 'good-news' : 'update';
  if (CONTINUE_LETTERS.test(head) && LETTERS_RECEIVED.test(head)) return 'update';
  if (WRITE_DESPITE_RELEASE.test(head.slice(0, 3000))) return 'update';
  // "Good news - your efforts work" as the text's title (not a newsletter's section heading further down).
  // "Erfolge", "Successes" alone as the page's heading (under a line of site chrome): a page of results, not an action.
  // A donation banner of a few lines may stand above it ("DEINE SPENDE WIRKT!").
  const goodTitle = /^(?:good|great) news\s*[-–—:]/i.test(opening[0] ?? '') || opening.slice(0, 5).some((l) => SUCCESSES_HEADING.test(l));
  if ((GOOD.test(head) || FINALLY_FREED.test(head) || STOPPED_DEPORTATION.test(head) || goodTitle) && !ASKS.test(head)) return 'good-news';
  // "SMS action update: UAE5 released" over a lead that tells the release: the title is the news, whatever the page
  // asks of its readers for other cases.
  if (RELEASE_TITLE.test(opening[0] ?? '') && released) return 'good-news';
  // "Eighty prisoners released in Examplia" as the headline under a site's chrome, on a page that asks for no letter: a
  // news release of releases.
  if (opening.slice(0, 5).some((l) => l.length <= 100 && RELEASE_TITLE.test(l) && !DEMANDED.test(l)) && !ASKS.test(head) && !ONLINE_ASK.test(head)) return 'good-news';
  // "J'ai été libéré hier ... C'est à votre mobilisation que je le dois ... je vous en remercie": a release told at the
  // text's start, with thanks.
  if (FREED_FR.test(head.slice(0, 800)) && THANKS_FR.test(head.slice(0, 20_000)) && !ASKS.test(head) && !DEMANDED.test(head.slice(0, 3000))) return 'good-news';
  // "GRAZIE AMNESTY", "Thank you, Amnesty!" as the title: testimonials of the people the actions helped, news of them.
  if (THANKS_AMNESTY.test(opening[0] ?? '') && !ASKS.test(head)) return 'good-news';
  // "Grazie per aver firmato ... sono stati scarcerati!": thanks for the action taken, then the release it won.
  if (THANKS_READER.test(head.slice(0, 1500)) && RELEASED.test(head.slice(0, 5000)) && !ASKS.test(head)) return 'good-news';
  // "Further to our recent appeal, we are pleased to announce the release of ...": news of an appeal, without a heading.
  if (/\b(?:pleased|happy|delighted|glad) to (?:announce|report|share|say)\b/i.test(lead) && released && !ASKS.test(head)) return 'good-news';
  if (endsWithReleaseNews(head)) return 'good-news';
  // "Below is an informal collection of UA-related stories with a positive slant ... 'success stories'": a round-up of wins.
  if (COLLECTED.test(lead) && SUCCESS_WORDS.test(lead) && !ASKS.test(head)) return 'good-news';
  return 'appeal';
}

/* A lead that says the text collects its stories, and that they are successes: a round-up of good news. */
const COLLECTED = /\b(?:collection|collected|compilation|compiled|round-?up)\b/i;
const SUCCESS_WORDS = /\b(?:success stories|good news|positive slant)\b/i;

/* "Wonderful news from our coordinator. Jane Example was released from prison on 2 May.": a note added under a post. */
const NEWS_OPENER = /^(?:(?:some|the)\s+)?(?:wonderful|good|great|fantastic|brilliant|excellent|happy)\s+news\b/i;

/** A post whose last paragraph, added later, opens with good news and tells a release: the appeal it made is won. */
function endsWithReleaseNews(head: string): boolean {
  const last = head.trimEnd().split('\n').pop()?.trim() ?? '';
  return NEWS_OPENER.test(last) && RELEASED.test(last) && !/\b(?:on bail|re-?arrested|arrested again)\b/i.test(last);
}

/* "Urgent-Actions-Erfolge Januar bis März", "UA successes of 2024", "Good news round-up": a title over several cases. */
const ROUND_UP_TITLE = /\b(?:erfolge|successes|exitos|succes|successi)\b|\bgood news (?:round-?up|stories)\b/i;

/**
 * A round-up of several successes says so in its title (in its first three lines): each of its cases cites its own
 * UA number in its own paragraph, and none of them is the text's.
 */
export function isRoundUp(text: string): boolean {
  const lines = text.slice(0, 2000).split('\n').filter((l) => l.trim() !== '').slice(0, 5);
  // Below a donation banner, a heading of results alone on its line ("Erfolge Juli - September 2019").
  return ROUND_UP_TITLE.test(foldKey(lines.slice(0, 3).join('\n'))) || lines.some((l) => SUCCESSES_HEADING.test(foldKey(l).trim()));
}
