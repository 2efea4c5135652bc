/**
 * The markdown subset replies are written in: **bold**, _italic_, [label](url), and backslash
 * escapes. One parser; each platform renders the spans its own way.
 */
export type Span = { text: string; bold?: boolean; italic?: boolean; href?: string };

const SPECIAL = /[\\*_[\]()]/g;

/** Makes any text (an appeal's title, a member's name) safe to put into markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

export function parseMarkdown(source: string): Span[] {
  const spans: Span[] = [];
  let bold = false;
  let italic = false;
  let buffer = '';
  const flush = (extra: Partial<Span> = {}) => {
    if (buffer) spans.push({ text: buffer, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), ...extra });
    buffer = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\' && i + 1 < source.length) {
      buffer += source[++i];
    } else if (c === '*' && source[i + 1] === '*') {
      flush();
      bold = !bold;
      i++;
    } else if (c === '_' && (italic || /\S/.test(source[i + 1] ?? ''))) {
      flush();
      italic = !italic;
    } else if (c === '[') {
      const link = /^\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^)\s]+|mailto:[^)\s]+|tg:\/\/[^)\s]+)\)/.exec(source.slice(i));
      if (link) {
        flush();
        buffer = link[1]!.replace(/\\(.)/g, '$1');
        flush({ href: link[2]! });
        i += link[0].length - 1;
      } else {
        buffer += c;
      }
    } else {
      buffer += c;
    }
  }
  flush();
  return spans;
}

/** The text without markup (links keep their label and show the URL after it). */
export function stripMarkdown(source: string): string {
  return parseMarkdown(source)
    .map((s) => (s.href && s.href !== s.text ? `${s.text} (${s.href})` : s.text))
    .join('');
}
