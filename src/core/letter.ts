// Renders the letter for one member: the chosen official, the member's signature, the date.
import { copyTargets, letterIn, mainTargets, type Appeal, type Target } from './appeal.js';
import { UserInputError } from './errors.js';
import { escapeMarkdown } from './markdown.js';

/**
 * What a member may add to the signature; all optional, nothing of it is stored by rendering.
 * `opening` starts the letter with "I am writing from <town, country>".
 */
export type Sender = { name?: string; town?: string; country?: string; opening?: boolean };

/** "I am writing from Lyon, France", in the letter's language; other languages get no opening line. */
const OPENINGS: Record<string, (place: string) => string> = {
  en: (place) => `I am writing to you from ${place}.`,
  es: (place) => `Le escribo desde ${place}.`,
  fr: (place) => `Je vous écris depuis ${place}.`,
  pt: (place) => `Escrevo-lhe de ${place}.`,
  de: (place) => `Ich schreibe Ihnen aus ${place}.`,
  it: (place) => `Le scrivo da ${place}.`,
};

export type RenderedLetter = {
  lang: string;
  sender: Sender;
  target: Target;
  /** 1-based position among the appeal's main targets. */
  targetNumber: number;
  copies: Target[];
  subject: string;
  date: string;
  salutation: string;
  /** The letter's paragraphs, with the member's opening line first when asked for. */
  paragraphs: string[];
  closing: string;
  signature: string[];
  /** The recipient's postal block: name, title, organisation, address lines. */
  addressBlock: string[];
  emails: string[];
  ccEmails: string[];
  /** The letter as one plain text: date, salutation, body, closing, signature. */
  text: string;
  /** The same in the reply markdown subset: escaped, with the subject in bold on top. */
  markdown: string;
  /** The body of an email: the letter without the date line. */
  emailBody: string;
};

/** Picks a main target by number (1-based) or by a word of its name or title. */
export function chooseTarget(appeal: Appeal, choice?: string): { target: Target; number: number } {
  const targets = mainTargets(appeal);
  if (choice === undefined || choice === '') return { target: targets[0]!, number: 1 };
  if (/^\d+$/.test(choice)) {
    const n = Number(choice);
    if (n >= 1 && n <= targets.length) return { target: targets[n - 1]!, number: n };
  } else {
    const needle = choice.toLowerCase();
    const index = targets.findIndex((t) => `${t.name} ${t.title ?? ''}`.toLowerCase().includes(needle));
    if (index !== -1) return { target: targets[index]!, number: index + 1 };
  }
  throw new UserInputError('no_such_target', { value: choice, count: targets.length });
}

/**
 * The letter for one member and one target. The appeal's own salutation goes to its first target;
 * another target gets its own salutation, or "Dear <title>".
 */
export function renderLetter(
  appeal: Appeal,
  options: {
    target?: string;
    lang?: string;
    sender?: Sender;
    now: Date;
    timezone: string;
    /** The member's own words (src/core/prompts.ts), composed around the sample letter; never stored. */
    own?: { opening?: string; closing?: string };
  },
): RenderedLetter {
  const letter = letterIn(appeal, options.lang);
  const { target, number } = chooseTarget(appeal, options.target);
  const salutation = number === 1 ? letter.salutation : withComma(target.salutation ?? `Dear ${target.title ?? target.name}`);
  const date = new Intl.DateTimeFormat(letter.lang, { dateStyle: 'long', timeZone: options.timezone }).format(options.now);
  const sender = options.sender ?? {};
  const place = [sender.town, sender.country].filter(Boolean).join(', ');
  const signature = [sender.name, place].filter((s): s is string => Boolean(s));
  const addressBlock = [target.name, target.title, target.organisation, ...target.address].filter((s): s is string => Boolean(s));
  const copies = copyTargets(appeal);
  const opening = sender.opening && place ? OPENINGS[letter.lang.toLowerCase().split('-')[0]!]?.(place) : undefined;
  const sample = withOwnWords(letter.paragraphs, options.own);
  const paragraphs = opening ? [opening, ...sample] : sample;
  const body = [salutation, '', ...paragraphs.flatMap((p) => [p, '']), letter.closing, ...signature];
  const subject = letter.subject ?? `${appeal.reference}: ${appeal.title}`;
  const lines = [place ? `${place}, ${date}` : date, '', ...body];
  return {
    lang: letter.lang,
    sender,
    target,
    targetNumber: number,
    copies,
    subject,
    date,
    salutation,
    paragraphs,
    closing: letter.closing,
    signature,
    addressBlock,
    emails: target.emails,
    ccEmails: copies.flatMap((c) => c.emails),
    text: lines.join('\n'),
    markdown: [`**${escapeMarkdown(subject)}**`, '', ...lines.map(escapeMarkdown)].join('\n'),
    emailBody: body.join('\n'),
  };
}

/** The member's opening words after the sample's first paragraph (its "I am writing about..."), their question last. */
function withOwnWords(paragraphs: string[], own?: { opening?: string; closing?: string }): string[] {
  if (!own) return paragraphs;
  const [first, ...rest] = paragraphs;
  return [...(first !== undefined ? [first] : []), ...(own.opening ? [own.opening] : []), ...rest, ...(own.closing ? [own.closing] : [])];
}

function withComma(salutation: string): string {
  return /[,:]$/.test(salutation) ? salutation : `${salutation},`;
}
