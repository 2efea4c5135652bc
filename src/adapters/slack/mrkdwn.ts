// Slack mrkdwn: escaping, the markdown subset converted, and text split within block limits.
import { parseMarkdown } from '../../core/markdown.js';

/**
 * Slack's mrkdwn: only `&`, `<` and `>` are control characters. Escaping them is what keeps
 * member text such as `<!everyone>` or `<@U123>` from ever becoming a mention or a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Slack has no escape for its emphasis markers, so formatting is only applied to spans that have
// visible text at both ends (`* x *` would not render as bold anyway).
function emphasise(text: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return match[2] ? `${match[1]}${marker}${match[2]}${marker}${match[3]}` : text;
}

/** Our markdown subset -> mrkdwn: **bold** -> *bold*, _italic_ -> _italic_, links -> <url|label>. */
export function toMrkdwn(markdown: string): string {
  return parseMarkdown(markdown)
    .map((span) => {
      let text = escapeMrkdwn(span.text);
      if (span.href) {
        // `|` ends the URL part of a link; a URL carrying one is shown, not linked.
        text = span.href.includes('|') ? `${text} (${escapeMrkdwn(span.href)})` : `<${escapeMrkdwn(span.href)}|${text.replace(/\|/g, '¦')}>`;
      }
      if (span.italic) text = emphasise(text, '_');
      if (span.bold) text = emphasise(text, '*');
      return text;
    })
    .join('');
}

/** Text to copy as it is, escaped for a code block: a stray ``` inside must not end the block early. */
export function escapeCode(text: string): string {
  return escapeMrkdwn(text).replace(/```/g, '`\u200b``');
}

/**
 * Splits text into pieces of at most `max` characters: at blank lines first, then at line ends,
 * then at spaces, and only then anywhere, never inside an `&amp;` entity or a `<...>` link.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = lastBreak(window, '\n\n', max);
    if (cut <= 0) cut = lastBreak(window, '\n', max);
    if (cut <= 0) cut = lastBreak(window, ' ', max);
    if (cut <= 0) cut = safeCut(rest, max);
    pieces.push(rest.slice(0, cut).replace(/\s+$/, ''));
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces.filter((p) => p.trim() !== '');
}

function lastBreak(window: string, separator: string, max: number): number {
  const at = window.lastIndexOf(separator, max);
  // A break in the first fifth would leave tiny pieces; cut harder instead.
  return at > max / 5 ? at : -1;
}

function safeCut(text: string, max: number): number {
  let cut = max;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && !text.slice(amp, cut).includes(';') && cut - amp < 6) cut = amp;
  const open = text.lastIndexOf('<', cut - 1);
  if (open !== -1 && !text.slice(open, cut).includes('>') && open > 0) cut = open;
  return cut;
}

/** Cuts text to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
