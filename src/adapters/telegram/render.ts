// Reply -> Telegram HTML messages of at most 4096 characters, escaped, mentions disarmed.
import { parseMarkdown, type Span } from '../../core/markdown.js';
import type { Reply } from '../../core/reply.js';
import { renderKeyboard, type InlineKeyboard } from './keyboard.js';

/** Telegram's limit on one message's text (we count the HTML, which is never shorter than the parsed text). */
export const MAX_MESSAGE_CHARS = 4096;

/** One sendMessage: HTML text (parse_mode HTML) and, on the last one, the reply's keyboard. */
export type TelegramMessage = { html: string; keyboard?: InlineKeyboard };

/** A run of text with the tags around it; the unit a long paragraph is split into. */
type Piece = { text: string; open: string; close: string };

/** Escapes the three characters Telegram's HTML parser treats specially. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/**
 * Telegram turns `@name` into a mention that notifies; a word joiner after the `@` keeps the text
 * readable and mentions nobody. E-mail addresses (a letter before the `@`) are left alone.
 */
export function disarmMentions(text: string): string {
  return text.replace(/(^|[^\p{L}\p{N}_])@(?=[\p{L}\p{N}_])/gu, '$1@\u2060');
}

/** Only these open from a Telegram text link or button. */
export function isTelegramUrl(url: string): boolean {
  return /^(https?:\/\/|tg:\/\/)[^\s]+$/i.test(url);
}

function spanPiece(span: Span): Piece {
  let open = '';
  let close = '';
  if (span.href && isTelegramUrl(span.href)) {
    open = `<a href="${escapeAttribute(span.href)}">`;
    close = '</a>';
  }
  if (span.bold) [open, close] = [`${open}<b>`, `</b>${close}`];
  if (span.italic) [open, close] = [`${open}<i>`, `</i>${close}`];
  // A link Telegram cannot open (mailto:) keeps its label; the address itself is in a copy block.
  return { text: disarmMentions(span.text), open, close };
}

/** A reply's blocks as paragraphs of pieces; paragraphs are where a long reply may be split. */
function paragraphs(reply: Reply): Piece[][] {
  const out: Piece[][] = [];
  const plain = (text: string): Piece => ({ text, open: '', close: '' });
  for (const block of reply.blocks) {
    if (block.type === 'heading') out.push([{ text: disarmMentions(block.text), open: '<b>', close: '</b>' }]);
    else if (block.type === 'text') out.push(...block.text.split(/\n{2,}/).map((p) => parseMarkdown(p).map(spanPiece)));
    else if (block.type === 'fields') {
      out.push(block.fields.flatMap((f, i) => [plain(i > 0 ? '\n' : ''), { text: disarmMentions(f.label), open: '<b>', close: '</b>' }, plain(`: ${disarmMentions(f.value)}`)]));
    } else {
      // Entities inside <pre> are never detected, so copy text stays verbatim.
      out.push([{ text: disarmMentions(block.label), open: '<b>', close: '</b>' }, plain('\n'), { text: block.text, open: '<pre>', close: '</pre>' }]);
    }
  }
  return out.map((p) => p.filter((piece) => piece.text !== ''));
}

const html = (piece: Piece) => `${piece.open}${escapeHtml(piece.text)}${piece.close}`;

/** Cuts a piece's text at line breaks, else spaces, else anywhere, so that each part fits `limit`. */
function splitPiece(piece: Piece, limit: number): Piece[] {
  const room = limit - piece.open.length - piece.close.length;
  const parts: Piece[] = [];
  let rest = piece.text;
  while (escapeHtml(rest).length > room) {
    let cut = fitLength(rest, room);
    const window = rest.slice(0, cut);
    const line = window.lastIndexOf('\n');
    const word = window.lastIndexOf(' ');
    const at = line > cut / 2 ? line : word > cut / 2 ? word : -1;
    if (at > 0 && rest.length > cut) cut = at + 1;
    parts.push({ ...piece, text: rest.slice(0, cut) });
    rest = rest.slice(cut);
  }
  if (rest !== '') parts.push({ ...piece, text: rest });
  return parts;
}

/** How many characters of `text` fit into `room` once escaped (never splits a surrogate pair). */
function fitLength(text: string, room: number): number {
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const width = c === '&' ? 5 : c === '<' || c === '>' ? 4 : 1;
    const size = /[\uD800-\uDBFF]/.test(c) ? 2 : 1;
    if (used + width + (size - 1) > room) break;
    used += width + (size - 1);
    i += size;
  }
  return Math.max(i, 1);
}

/**
 * A reply as Telegram messages: HTML-escaped, every message within `limit`, split between
 * paragraphs (a paragraph too long on its own is split at lines, then words, never inside a tag).
 * The keyboard goes under the last message.
 */
export function renderMessages(reply: Reply, limit = MAX_MESSAGE_CHARS): TelegramMessage[] {
  const texts: string[] = [];
  let current = '';
  const push = (chunk: string, separator: string) => {
    if (current !== '' && current.length + separator.length + chunk.length > limit) {
      texts.push(current);
      current = '';
    }
    current = current === '' ? chunk : `${current}${separator}${chunk}`;
  };
  const { keyboard, hints } = renderKeyboard(reply.buttons);
  const all = [
    ...paragraphs(reply),
    ...hints.map((h): Piece[] => [
      { text: disarmMentions(h.label), open: '<b>', close: '</b>' },
      { text: ': ', open: '', close: '' },
      { text: h.line, open: '<code>', close: '</code>' },
    ]),
  ];
  for (const paragraph of all) {
    const whole = paragraph.map(html).join('');
    if (whole.length <= limit) {
      push(whole, '\n\n');
      continue;
    }
    let first = true;
    for (const piece of paragraph.flatMap((p) => splitPiece(p, limit))) {
      push(html(piece), first ? '\n\n' : '');
      first = false;
    }
  }
  if (current !== '') texts.push(current);
  if (texts.length === 0) texts.push('…');
  return texts.map((text, i) => (i === texts.length - 1 && keyboard ? { html: text, keyboard } : { html: text }));
}
