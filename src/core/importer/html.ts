// A page's HTML read as text: its markup off, its entities decoded, before the importer cleans the lines.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
  ndash: '–', mdash: '—', hellip: '…', middot: '·', bull: '•', laquo: '«', raquo: '»', shy: '',
  aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', uuml: 'ü', ccedil: 'ç',
  agrave: 'à', egrave: 'è', ugrave: 'ù', acirc: 'â', ecirc: 'ê', icirc: 'î', ocirc: 'ô', ucirc: 'û',
  euml: 'ë', iuml: 'ï', Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', Ntilde: 'Ñ',
  Ccedil: 'Ç', Agrave: 'À', Egrave: 'È', iexcl: '¡', iquest: '¿', euro: '€', copy: '©',
};

/** A page's markup as the text it shows: block ends as line ends, list items as bullets, tags and scripts off. */
export function stripHtml(html: string): string {
  const withoutCode = removeBlocks(removeBlocks(html, 'script'), 'style');
  const text = withoutCode
    // "line<br>" then the source's own line end is one break, not a blank line that would split an address block.
    .replace(/<br\s*\/?>[ \t]*\n?/gi, '\n')
    .replace(/<li\b[^<>]{0,500}>/gi, '\n• ')
    .replace(/<\/(?:p|div|li|h[1-6]|tr|ul|ol|table|blockquote)\s*>/gi, '\n\n')
    .replace(/<(?:p|div|h[1-6]|tr|blockquote)\b[^<>]{0,500}>/gi, '\n')
    // "<a@b.org>" is an address a mail program wrapped, not a tag.
    .replace(/<(?!\s?(?:mailto:)?[\w.+-]+@)[^<>]{0,2000}>/g, '');
  return decodeEntities(text);
}

/** indexOf instead of a lazy regex: an unclosed `<script` must not make the scan quadratic. */
function removeBlocks(html: string, tag: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    const start = lower.indexOf(`<${tag}`, from);
    if (start < 0) break;
    const end = lower.indexOf(`</${tag}>`, start);
    out += html.slice(from, start);
    if (end < 0) return out;
    from = end + tag.length + 3;
  }
  return out + html.slice(from);
}

/** Decodes HTML entities; invalid code points are dropped rather than thrown on. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
