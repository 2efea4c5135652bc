// The .eml draft: an RFC 5322 message with encoded headers and quoted-printable text.
import type { RenderedLetter } from '../letter.js';

/** RFC 5322 wants lines of at most 78 characters (998 hard); quoted-printable lines stop at 76. */
const HEADER_WIDTH = 78;
const QP_WIDTH = 76;
/** An RFC 2047 encoded-word may be at most 75 characters long. */
const ENCODED_WORD_MAX = 75;
const CRLF = '\r\n';

/**
 * The letter as an unsent email (an `.eml` file) that mail clients open ready to send. `From` is
 * left out so the client fills in the member's own account; `X-Unsent: 1` makes Outlook open it as a
 * draft (Thunderbird and Apple Mail open it as a message: "Edit as New" / "Send Again").
 */
export function emlDraft(letter: RenderedLetter, options: { now: Date }): string {
  const headers = [
    header('To', letter.emails.join(', ')),
    letter.ccEmails.length > 0 ? header('Cc', letter.ccEmails.join(', ')) : undefined,
    `Subject: ${encodeHeaderText(letter.subject, 'Subject: '.length)}`,
    `Date: ${rfc5322Date(options.now)}`,
    'X-Unsent: 1',
    `Content-Language: ${letter.lang}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
  ].filter((h): h is string => h !== undefined);
  return `${headers.join(CRLF)}${CRLF}${CRLF}${quotedPrintable(letter.emailBody)}${CRLF}`;
}

/** An address header folded after commas so that no line passes 78 characters. */
function header(name: string, value: string): string {
  const parts = value.split(', ');
  const lines: string[] = [];
  let line = `${name}:`;
  parts.forEach((part, i) => {
    const piece = ` ${part}${i < parts.length - 1 ? ',' : ''}`;
    if (line.length + piece.length > HEADER_WIDTH && line.length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += piece;
  });
  lines.push(line);
  return lines.join(CRLF);
}

/**
 * Header text as it is when plain ASCII and short, otherwise as RFC 2047 Q encoded-words of at most
 * 75 characters, one per folded line, never splitting a UTF-8 character.
 */
export function encodeHeaderText(text: string, used = 0): string {
  if (/^[\x20-\x7e]*$/.test(text) && used + text.length <= HEADER_WIDTH) return text;
  const prefix = '=?UTF-8?Q?';
  const room = ENCODED_WORD_MAX - prefix.length - 2;
  // The first word shares its line with the header name; later ones start a folded line with a space.
  const firstRoom = Math.min(room, HEADER_WIDTH - used - prefix.length - 2);
  const words: string[] = [];
  let current = '';
  for (const char of text) {
    const encoded = qEncodeChar(char);
    if (current.length + encoded.length > (words.length === 0 ? firstRoom : room)) {
      words.push(current);
      current = '';
    }
    current += encoded;
  }
  if (current !== '' || words.length === 0) words.push(current);
  return words.map((w) => `${prefix}${w}?=`).join(`${CRLF} `);
}

function qEncodeChar(char: string): string {
  if (char === ' ') return '_';
  if (/^[A-Za-z0-9!*+\-/]$/.test(char)) return char;
  return hexBytes(char);
}

function hexBytes(char: string): string {
  return [...Buffer.from(char, 'utf8')].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/**
 * RFC 2045 quoted-printable with CRLF hard breaks and soft breaks that keep every line within 76
 * characters and never cut an `=XX` escape.
 */
export function quotedPrintable(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const chars = [...line];
      const tokens = chars.map((char, i) => {
        const isLast = i === chars.length - 1;
        if ((char === ' ' || char === '\t') && isLast) return hexBytes(char);
        if (char === '\t' || (char >= ' ' && char <= '~' && char !== '=')) return char;
        return hexBytes(char);
      });
      const out: string[] = [];
      let current = '';
      for (const token of tokens) {
        // Leave room for the "=" of a soft break.
        if (current.length + token.length > QP_WIDTH - 1) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Sat, 28 Nov 2026 10:00:00 +0000". */
function rfc5322Date(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[at.getUTCDay()]}, ${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000`;
}
