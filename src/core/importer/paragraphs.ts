// Hard-wrapped text joined back into paragraphs.
const MAX_PARAGRAPH = 5000;

/** Hard-wrapped text (pdftotext, e-mail) has lines of similar, modest length. */
const MAX_WRAP_WIDTH = 200;

/** A line that ends a sentence, allowing closing quotes and brackets after the stop. */
function endsSentence(line: string): boolean {
  return /[.!?:;…][)"'”’»\]]*$/.test(line);
}

function firstWordLength(line: string): number {
  const space = line.indexOf(' ');
  return space < 0 ? line.length : space;
}

/**
 * Joins lines into paragraphs. Blank lines always separate paragraphs. Within a run of lines, a line that
 * does not end a sentence is wrapped. In hard-wrapped text, a line that ends a sentence still continues
 * the paragraph when the next line's first word would not have fitted on it: the wrap was the layout's,
 * not the author's.
 */
export function toParagraphs(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let group: string[] = [];
  const flush = (): void => {
    if (group.length > 0) paragraphs.push(...joinGroup(group));
    group = [];
  };
  for (const line of lines) {
    if (line === '') flush();
    else group.push(line);
  }
  flush();
  return paragraphs.flatMap(capParagraph);
}

function joinGroup(group: string[]): string[] {
  let width = 0;
  for (const line of group) width = Math.max(width, line.length);
  const wrapped = group.length >= 3 && width <= MAX_WRAP_WIDTH && group.filter((l) => l.length >= width * 0.7).length >= group.length / 2;
  const out: string[] = [];
  let current = '';
  let previous = '';
  for (const line of group) {
    if (current === '') {
      current = line;
    } else if (continues(previous, line, wrapped, width)) {
      current = previous.endsWith('-') && /^\p{Ll}/u.test(line) && !previous.endsWith(' -') ? current + line : `${current} ${line}`;
    } else {
      out.push(current);
      current = line;
    }
    previous = line;
  }
  if (current !== '') out.push(current);
  return out;
}

function continues(previous: string, next: string, wrapped: boolean, width: number): boolean {
  if (/^[•·▪*–-]\s/.test(next)) return false;
  if (!endsSentence(previous)) return wrapped || /^\p{Ll}/u.test(next);
  if (!wrapped) return false;
  return previous.length + 1 + firstWordLength(next) > width * 0.92;
}

/** The schema caps a paragraph at 5000 characters; longer ones are split at a sentence end. */
function capParagraph(paragraph: string): string[] {
  if (paragraph.length <= MAX_PARAGRAPH) return [paragraph];
  const parts: string[] = [];
  // Offsets rather than repeated slicing, so a 5 MB paragraph is not copied a thousand times.
  let from = 0;
  while (paragraph.length - from > MAX_PARAGRAPH) {
    const window = paragraph.slice(from, from + MAX_PARAGRAPH);
    const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
    const space = window.lastIndexOf(' ');
    const cut = stop > MAX_PARAGRAPH / 2 ? stop + 1 : space > MAX_PARAGRAPH / 2 ? space : MAX_PARAGRAPH;
    parts.push(window.slice(0, cut).trim());
    from += cut;
  }
  parts.push(paragraph.slice(from).trim());
  return parts.filter((p) => p !== '');
}
