// Email compose links (mailto, Gmail, Outlook) that fit each platform's URL limit.
import type { RenderedLetter } from '../letter.js';

export type MailClient = 'mailto' | 'gmail' | 'outlook';

/** A compose link; `full` says whether it carries the letter or only recipients and subject. */
export type MailLink = { client: MailClient; url: string; full: boolean };

/**
 * The longest link each platform takes in a button (see DESIGN.md's limits table). Telegram
 * documents no URL length and takes no mailto: (its adapter drops those); 2048 is the length every
 * browser opens. Unknown platforms get the smallest.
 */
export const LINK_URL_LIMITS = { discord: 512, slack: 3000, telegram: 2048, shell: Number.POSITIVE_INFINITY } as const;

/** The URL limit for an actor's platform; the smallest known one when the platform is unknown. */
export function urlLimitFor(platform: string): number {
  return (LINK_URL_LIMITS as Record<string, number>)[platform] ?? Math.min(...Object.values(LINK_URL_LIMITS));
}

type Parts = { to: string[]; cc: string[]; subject: string; body?: string };

const enc = (value: string) => encodeURIComponent(value);

/** Compose URLs for each client, with the body when `parts.body` is given. */
function composeUrl(client: MailClient, parts: Parts): string {
  const { to, cc, subject, body } = parts;
  const query = (pairs: Array<[string, string | undefined]>) =>
    pairs
      .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
      .map(([k, v]) => `${k}=${enc(v)}`)
      .join('&');
  if (client === 'mailto') {
    const address = to.map((e) => enc(e).replace(/%40/g, '@')).join(',');
    return `mailto:${address}?${query([['cc', cc.join(',')], ['subject', subject], ['body', body]])}`;
  }
  if (client === 'gmail') {
    return `https://mail.google.com/mail/?view=cm&fs=1&${query([['to', to.join(',')], ['cc', cc.join(',')], ['su', subject], ['body', body]])}`;
  }
  return `https://outlook.live.com/mail/0/deeplink/compose?${query([['to', to.join(',')], ['cc', cc.join(',')], ['subject', subject], ['body', body]])}`;
}

/**
 * Links that open the email ready to send, each within `limit` characters: the whole letter when it
 * fits; otherwise recipients and subject only (the member pastes the letter from its copy block,
 * which every reply keeps); nothing for a client whose short link is still too long. Empty when the
 * target has no email address.
 */
export function mailLinksWithin(letter: RenderedLetter, limit: number): MailLink[] {
  if (letter.emails.length === 0) return [];
  const parts: Parts = { to: letter.emails, cc: letter.ccEmails, subject: letter.subject, body: letter.emailBody };
  const links: MailLink[] = [];
  for (const client of ['mailto', 'gmail', 'outlook'] as const) {
    const full = composeUrl(client, parts);
    if (full.length <= limit) {
      links.push({ client, url: full, full: true });
      continue;
    }
    const short = composeUrl(client, { ...parts, body: undefined });
    if (short.length <= limit) links.push({ client, url: short, full: false });
  }
  return links;
}
