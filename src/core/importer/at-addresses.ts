// E-mail addresses written with " at " for "@" in a list of addresses ("presidente at pec.governo.it, segrcd at
// governo.it"), as mailing lists write them to keep them from address harvesters.

/* One item of such a list: a local part, " at ", a domain with a top-level part ("segrcd at governo.it"). */
const AT_ITEM = /^([\w.+-]+) at ([\w-]+(?:\.[\w-]+)*\.[a-z]{2,})$/i;
/* A line's list of addresses: after its last colon, or the whole line. */
const AFTER_COLON = /^(.*:\s*)?([^:]*)$/s;

/**
 * A line whose list (after a colon, or the whole line) is made only of "x at y.tld" items, separated by commas or
 * semicolons: each item is an e-mail address and written as one. A sentence ("meet us at home.com") is no list: every
 * item must be such an address, and the line must hold at least one comma or colon before it counts.
 */
export function unmaskAtList(line: string): string {
  if (!line.includes(' at ')) return line;
  const match = AFTER_COLON.exec(line);
  const head = match?.[1] ?? '';
  const list = match?.[2] ?? '';
  const items = list.split(/[,;]/).map((item) => item.trim());
  const filled = items.filter((item) => item !== '');
  if (filled.length === 0 || (head === '' && filled.length < 2) || !filled.every((item) => AT_ITEM.test(item))) return line;
  const separator = list.includes(';') ? '; ' : ', ';
  return `${head}${filled.map((item) => item.replace(AT_ITEM, '$1@$2')).join(separator)}`;
}
