// Officials a text lists with their e-mails on one line: "- al Presidente del Consiglio dei Ministri: a@b.it, c@d.it"
// (with "per conoscenza" for copies), or in a sentence, "scrivere al Prefetto di Milano, Dottor Mario Esempio (a@b.it)".
import { isCountryLine } from './countries.js';
import { ORGANISATION, ROLE } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './targets.js';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/* "per conoscenza", "in copia", "cc", "copy to", "copie à", "copia a": the item is a copy. */
const COPY_WORDS = /^(?:per conoscenza|in copia|cc|copy|copies|copie|copia|en copie)\b/i;
/* "- al Presidente ...: a@b.it, c@d.it": a bullet, maybe a copy word, "to" in the page's language, whom, a colon, e-mails. */
const BULLETED = /^(?:[-•*–]\s*)?((?:per conoscenza|in copia|cc|copy|copies|copie|copia|en copie)\s*:?\s*)?(?:(?:alla|allo|alle|agli|ai|al|a|to(?: the)?|an(?: den| die)?|aux|au|à la|à)\s+|all['’])([^:@]{3,80}):\s*([^:]*@[^:]*)$/i;
/* "al Prefetto di Milano, Dottor Mario Esempio (a@b.it)": "to", an office, a form of address maybe, a name, its e-mail. */
const IN_PROSE = /\b(?:al|alla|allo|ai|to(?: the)?|au|à)\s+([\p{L}][^,()@.;:]{2,60}?),?\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s*\(?\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*\)?/gu;

/** Each bulleted "to whom: e-mails" line as one official's block; undefined-free, empty when no such line is primary. */
export function bulletedRecipientLines(sections: Section[]): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      if (!line.includes('@') || line.length > 600) continue;
      const match = BULLETED.exec(line);
      if (!match?.[2] || !match[3]) continue;
      const copy = match[1] !== undefined && COPY_WORDS.test(match[1]);
      const name = match[2].trim();
      lines.push({ text: `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`, copy });
      for (const email of match[3].match(EMAIL) ?? []) lines.push({ text: `Email: ${email}`, copy });
      lines.push({ text: '', copy });
    }
  }
  return lines.some((l) => !l.copy && l.text !== '') ? lines : [];
}

/** Each official a sentence asks to write to by office and name, with the e-mail right after the name. */
export function proseRecipientLines(sections: Section[]): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      if (!line.includes('@')) continue;
      for (const match of line.slice(0, 5000).matchAll(IN_PROSE)) {
        const office = match[1]?.trim() ?? '';
        if (!match[2] || !match[3] || !ROLE.test(office)) continue;
        // "Dottor Mario Esempio": the form of address is no part of the name.
        const name = match[2].replace(/^(?:Dottor(?:essa)?|Dott\.(?:ssa)?|Dr\.?|Signor(?:a)?|Sig\.(?:ra)?|On\.|Avv\.|Prof\.?|Mr\.?|Mrs\.?|Ms\.?)\s+/, '');
        lines.push({ text: name, copy: false }, { text: `${office[0]?.toUpperCase() ?? ''}${office.slice(1)}`, copy: false }, { text: `Email: ${match[3]}`, copy: false }, { text: '', copy: false });
      }
    }
  }
  return lines;
}

/*
 * "In English, to the Prosecutor General (Jane Example):": a sample letter's heading, whom it is for by office, the person
 * in brackets; a list's bullet or number before it ("- In English, to ...") says the same.
 */
const OFFICE_BRACKETED_NAME = /^(?:(?:[-*•·–]|\d{1,2}[.)])\s+)?(?:in \p{L}+,?\s+)?(?:to|for)\s+the\s+([^()]{3,80}?)\s+\(((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)\)\s*:?$/iu;

/** Each heading that names a letter's addressee by office and, in brackets, by name: an official with no contact of their own. */
export function officeThenNameLines(sections: Section[]): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      if (line.length > 160 || !line.includes('(')) continue;
      const match = OFFICE_BRACKETED_NAME.exec(line.trim());
      if (!match?.[1] || !match[2] || !ROLE.test(match[1])) continue;
      lines.push({ text: match[2], copy: false }, { text: `${match[1][0]?.toUpperCase() ?? ''}${match[1].slice(1)}`, copy: false }, { text: '', copy: false });
    }
  }
  return lines;
}

/* "• Example Embassy in US, Jane Q. Example, 12 M Street, Washington, DC 20001; T: 202.555.0100, E:": a bullet, the office, the person, the street. */
const BULLET = /^[•·▪*–-]\s*/;
/* Where the street ends and the contact letters begin: "; T: ...", ", E: ...", " F: ...". */
const SHORT_LABELS = /[;,]?\s+(?=(?:T|Tel|F|Fax|E)\s?:)/;
/* A person named in a list, a title word before the name or none: "Jane Q. Example", "Ambassador Jane Example". */
const LISTED_PERSON = /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}\p{Lu}[\p{L}'’-]+$/u;

/**
 * Bulleted one-line contacts that put the office before the person: each bullet whose first part (to a comma) is an office,
 * whose second is a person's capitalised words and whose rest holds a house number or ends with a country is one
 * official's block; the office and the street are their address, the short "T:" / "E:" labels their phone and e-mail. A
 * bullet cut before its person is none.
 */
export function bulletedOfficeFirstLines(sections: Section[]): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      if (line.length > 400 || !BULLET.test(line)) continue;
      const [postal = '', ...contacts] = line.replace(BULLET, '').split(SHORT_LABELS);
      const [office = '', person = '', ...street] = postal.split(',').map((p) => p.trim());
      const where = street.join(', ');
      if (!ORGANISATION.test(office) || /\d/.test(office) || !LISTED_PERSON.test(person) || ORGANISATION.test(person) || !(/\d/.test(where) || isCountryLine(street[street.length - 1] ?? ''))) continue;
      lines.push({ text: person, copy: false }, { text: office, copy: false }, { text: where, copy: false });
      for (const contact of contacts) {
        const [, label = '', value = ''] = /^(\p{L}+)\s?:\s*(.*?)[\s,;]*$/u.exec(contact) ?? [];
        const kind = /^t/i.test(label) ? 'Phone' : /^f/i.test(label) ? 'Fax' : 'Email';
        if (value !== '') lines.push({ text: `${kind}: ${value}`, copy: false });
      }
      lines.push({ text: '', copy: false });
    }
  }
  return lines;
}

/*
 * An online action's note of whom the message goes to: "Your e-mail will be sent to:", "La tua e-mail sarà inviata a:",
 * "Votre message sera envoyé à :", "Tu correo será enviado a:", "Ihre E-Mail wird gesendet an:", then the list.
 */
const SENT_TO = /(?:^|\s)(?:your (?:e-?mail|message|letter|petition) (?:will be|is) (?:sent|delivered) to|la tua (?:e-?mail|mail|lettera|firma|petizione) (?:sar[àa]|verr[àa]) (?:inviat[ao]|spedit[ao]|consegnat[ao]) a|votre (?:e-?mail|courriel|message|lettre) sera (?:envoy[ée]e?|transmise?|adress[ée]e?) [àa]|tu (?:correo|mensaje|e-?mail|carta) ser[áa] enviad[oa] a|ihre (?:e-?mail|nachricht) wird (?:gesendet |geschickt )?an)\s*:?\s*([^\n]{0,600})/iu;
/* A form of address before a listed person: "Señora", "Signor", "Mr", "Frau". */
const FORM = /^(?:se[ñn]ora|se[ñn]or|sra\.|sr\.|signora|signor|sig\.(?:ra)?|mr\.?|mrs\.?|ms\.?|madame|monsieur|frau|herrn?|dr\.?|dra\.|abog\.|lic\.|ing\.)\s+/iu;
const NAME_WORD = /^\p{Lu}[\p{L}'’-]+$/u;

/**
 * Each person an online action says the message is sent to, as their own official with the office written before their
 * name as their title ("Señora Presidenta Jane Example" -> "Jane Example", "Presidenta"). Items that name no person
 * ("del Governo del Perù", an office alone) are passed over; no contact is read.
 */
export function sentToLines(sections: Section[]): TargetLine[] {
  // The page's lines read in place (a section's empty heading is no blank line of the page); the shortest note, "Ihre
  // E-Mail wird an", has 19 characters, so shorter lines (most of a long paste) are not tried.
  const list: string[] = [];
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (let i = section.heading === '' ? 0 : -1; i < section.lines.length; i++) {
      const line = i < 0 ? section.heading : section.lines[i]!;
      if (list.length > 0) {
        // The list runs on after the note, or stands under it one person a line, up to a blank line.
        if (line.trim() === '' || list.length > 10) return personsListed(list);
        list.push(line);
      } else if (line.length >= 19) {
        const rest = SENT_TO.exec(line.slice(0, 2000))?.[1];
        if (rest !== undefined) list.push(rest);
      }
    }
  }
  return personsListed(list);
}

/* "Petición a ser enviada" / "Para: Sr. Jane Example, Presidente de ..., Dr. Ana Other, Fiscal General y ...": a petition's heading, then whom it goes to. */
const PETITION_HEADING = /\b(?:petici[oó]n|peti[cç][aã]o|petition|p[ée]tition|petizione)\b/iu;
const PETITION_TO = /^\s*(?:para|to|a|à|an)\s?:\s*([^@\n]{10,600})$/iu;

/** The persons a petition's "Para:" line names under the petition's heading, each their own official with no contact. */
export function petitionToLines(sections: Section[]): TargetLine[] {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    let above = section.heading;
    for (const line of section.lines) {
      if (line.trim() === '') continue;
      const rest = PETITION_HEADING.test(above) && above.length <= 80 ? PETITION_TO.exec(line)?.[1] : undefined;
      if (rest !== undefined) return personsThenOffices(rest);
      above = line;
    }
  }
  return [];
}

/**
 * "Sr. Jane Example, Presidente de ..., Dr. Ana Other, Fiscal General y Abog. Ben Third, Defensor del Pueblo": each
 * person as their own official, the office written after the name as their title. A list that names no office after
 * each person is read as nothing, since names alone, one under another, would run into one block.
 */
function personsThenOffices(list: string): TargetLine[] {
  const lines: TargetLine[] = [];
  let titled = 0;
  for (const item of list.replace(/[.:]+$/, '').split(/,|;|\s+(?:and|e|y|et|und)\s+/)) {
    const words = item.trim().replace(FORM, '').split(/\s+/).filter((w) => w !== '');
    if (words.length >= 2 && words.length <= 5 && words.every((w) => NAME_WORD.test(w)) && !ROLE.test(item)) {
      if (lines.length > 0) lines.push({ text: '', copy: false });
      lines.push({ text: words.join(' '), copy: false });
    } else if (lines.length > 0 && ROLE.test(item) && lines[lines.length - 1]?.text !== '') {
      lines.push({ text: item.trim(), copy: false });
      titled++;
    }
  }
  return titled > 0 && titled === lines.filter((l) => l.text === '').length + 1 ? lines : [];
}

/** Each person of a list of recipients, with the office written before their name as their title. */
function personsListed(list: string[]): TargetLine[] {
  const lines: TargetLine[] = [];
  const role = new RegExp(`^(?:${ROLE.source})$`, 'i');
  for (const item of list.join(', ').split(/,|;|\s+(?:and|e|y|et|und)\s+/)) {
    const words = item.trim().replace(/[.:]+$/, '').replace(FORM, '').split(/\s+/).filter((w) => w !== '');
    let start = 0;
    while (start < words.length && role.test(words[start] ?? '')) start++;
    const name = words.slice(start);
    if (name.length < 2 || name.length > 5 || !name.every((w) => NAME_WORD.test(w))) continue;
    lines.push({ text: name.join(' '), copy: false });
    if (start > 0) lines.push({ text: words.slice(0, start).join(' '), copy: false });
    lines.push({ text: '', copy: false });
  }
  return lines;
}

const PERSON = String.raw`((?:\p{Lu}[\p{L}'’-]+\s+){1,3}\p{Lu}[\p{L}'’-]+)`;
const FORM_BEFORE = String.raw`(?:(?:[Tt]he\s+)?(?:[Hh]on(?:ou?rable|\.)?|[Rr]t\.?\s+[Hh]on\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)`;
/*
 * "Call on Minister of Corrections – Hon. Jane Example to:", "Urge the Minister of Justice, Jane Example, to ...": a
 * petition's request, maybe bulleted. A dash, a comma or a form of address marks where the office ends and the name starts.
 */
const CALL_ON = new RegExp(String.raw`^(?:[-•*·–]\s*)?(?:[Pp]lease\s+)?(?:[Cc]all\s+on|[Uu]rge|[Tt]ell|[Aa]sk)\s+(?:the\s+)?([^–—,:()\n]{3,80}?)(?:\s*[–—,-]\s+${FORM_BEFORE}?|\s+${FORM_BEFORE})${PERSON},?\s+to\b`, 'u');
/*
 * "Sign the petition and call on the Minister of Justice Jane Example to:" (maybe bulleted): a petition's request over its demands, the
 * office ending with its domain (no dash or comma before the name), the name, then "to" and the line's colon.
 */
const PETITION_CALL_ON = new RegExp(String.raw`^(?:[-•*·–]\s*|\d{1,2}[.)]\s+)?(?:[Ss]ign (?:the|this|our) petition and\s+)?(?:[Cc]all\s+on|[Uu]rge)\s+(?:the\s+)?((?:Prime\s+)?Minister\s+(?:of|for)\s+(?:the\s+)?(?:Justice(?: and Human Rights)?|Interior|Home Affairs|Foreign Affairs|Internal Affairs|Defen[cs]e|Human Rights|Public Security))\s+${PERSON}\s+to\s*:$`, 'u');
/* "sign on to this virtual letter to Examplian President Jane Example": the letter the reader is asked to sign, and to whom. */
const SIGN_LETTER_TO = new RegExp(String.raw`\b[Ss]ign(?:\s+on)?(?:\s+to)?\s+(?:this|the|our)\s+(?:virtual\s+|online\s+|open\s+)?(?:letter|petition)\s+to\s+(?:\p{Lu}[\p{L}-]+\s+)?([Pp]resident|[Pp]rime [Mm]inister|[Mm]inister(?: of [\p{L} ]{3,40}?)?|[Gg]overnor|[Kk]ing|[Aa]mbassador)\s+${PERSON}\b`, 'u');
/*
 * "to flood the inbox of Examplian Prime Minister Jane Example with thousands of new messages": the official an online
 * protest's messages go to, by office and name.
 */
const FLOOD_INBOX = new RegExp(String.raw`\b(?:flood|fill|swamp|deluge|bombard)\s+(?:the\s+)?(?:in-?box(?:es)?|mail-?box(?:es)?|e-?mail|desk|fax(?:\s+machine)?)\s+of\s+(?:\p{Lu}[\p{L}-]+['’]s\s+|\p{Lu}[\p{L}-]+\s+)?([Pp]resident|[Pp]rime [Mm]inister|[Mm]inister(?: of [\p{L} ]{3,40}?)?|[Gg]overnor|[Kk]ing|[Aa]mbassador)\s+${PERSON}\s+with\b`, 'u');

/*
 * "Write to Federal Minister of Immigration Jane Example:" over a model letter's points: the request alone on its line,
 * ending with a colon, the office then a name of two words (a middle initial may stand between them).
 */
const WRITE_TO_HEADING = new RegExp(String.raw`^(?:[-•*·–]\s*)?(?:[Pp]lease\s+)?[Ww]rite\s+(?:a\s+letter\s+)?to\s+(?:the\s+)?([^–—,:()\n]{3,80}?)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{L}'’-]+)\s*:$`, 'u');

/*
 * "Sending a postcard or letter to Governor Example is the most impactful thing you can do": the cards' addressee, by
 * office and surname only (as the page names them). "I sent the letter to President Example" tells, and asks nothing.
 */
const CARDS_TO = /\b(?:[Ss]end(?:ing)?|[Mm]ail(?:ing)?|[Ww]rit(?:e|ing))\s+(?:an?\s+|your\s+)?(?:post-?cards?|letters?|cards?)(?:\s+or\s+(?:post-?cards?|letters?|cards?))?\s+to\s+(?:the\s+)?(Governor|President|Prime Minister|Premier|Minister|Senator|Mayor)\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-]|\s+\p{Lu})/u;

/**
 * The official a request to the reader names by office and name, with no contact: "Call on Minister of Corrections –
 * Hon. Jane Example to:" over a petition's demands, "sign on to this virtual letter to Examplian President Jane Example",
 * "flood the inbox of Examplian Prime Minister Jane Example with messages", "Write to Minister of X Jane Example:". The
 * office is their title.
 */
export function calledOnLines(sections: Section[]): TargetLine[] {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (let i = -1; i < section.lines.length; i++) {
      const line = i < 0 ? section.heading : section.lines[i]!;
      // The shortest request read, "Ask the Mayor – Jane Ex to", has 20 characters: shorter lines are not tried.
      if (line.length < 20 || line.length > 3000) continue;
      const call = CALL_ON.exec(line.trim()) ?? PETITION_CALL_ON.exec(line.trim());
      const sign = call ? undefined : (SIGN_LETTER_TO.exec(line) ?? FLOOD_INBOX.exec(line) ?? WRITE_TO_HEADING.exec(line.trim()) ?? CARDS_TO.exec(line));
      const [office, person] = call ? [call[1], call[2]] : sign ? [sign[1], sign[2]] : [];
      if (!office || !person || !ROLE.test(office)) continue;
      return [{ text: person, copy: false }, { text: office.trim(), copy: false }, { text: '', copy: false }];
    }
  }
  return [];
}

/*
 * "Call Qld Environment Minister Jane Example" alone on its line, a call-in's heading: the verb, the office (ending on an
 * office word), the name, and nothing after it; the phone or e-mail line right under it is that official's. A list's
 * bullet or number before it ("1) Call ...") leaves it the same heading.
 */
const CALL_HEADING = new RegExp(String.raw`^(?:(?:[-*•·–]|\d{1,2}[.)])\s+)?(?:[Cc]all|[Pp]hone|[Rr]ing|[Ee]-?mail|[Ww]rite to|[Ff]ax)\s+(?:the\s+)?((?:[\p{L}.'’-]+\s+){0,4}?(?:${ROLE.source}))\s+${PERSON}$`, 'iu');
/* "Ministerial Office: (07) 3719 7330", "Email: jane@example.gov": a labelled number or e-mail, whatever the label says. */
const CONTACT_UNDER = /^[\p{L} ]{1,30}:\s*([+(\d][\d\s()+.-]{6,}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/u;

/** The official of a call-in's heading line, with the contact line right under it; [] when the page has none. */
export function callHeadingLines(sections: Section[]): TargetLine[] {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    const lines = [section.heading, ...section.lines].map((l) => l.trim());
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.length < 12 || line.length > 120) continue;
      const match = CALL_HEADING.exec(line);
      if (!match?.[1] || !match[2]) continue;
      const under = lines.slice(i + 1).find((l) => l !== '');
      // The page's own label ("Ministerial Office:") is no field name: the number is a phone, the address an e-mail.
      const value = under === undefined ? undefined : CONTACT_UNDER.exec(under)?.[1];
      const contact = value === undefined ? [] : [value.includes('@') ? `Email: ${value}` : `Phone: ${value}`];
      return [match[2], match[1], ...contact].map((text) => ({ text, copy: false }));
    }
  }
  return [];
}
