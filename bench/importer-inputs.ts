/** Five-megabyte texts built to make a careless parser slow: one line, at signs, tags, headings, numbers. */
const FIVE_MB = 5 * 1024 * 1024;

export const PATHOLOGICAL: [string, string][] = [
  ['one long line', 'a'.repeat(FIVE_MB - 10)],
  ['at signs', 'a@'.repeat((FIVE_MB - 10) / 2)],
  ['open tags', '<p'.repeat((FIVE_MB - 10) / 2)],
  ['headings and salutations', 'TAKE ACTION\nDear X,\n'.repeat((FIVE_MB - 10) / 20)],
  ['UA numbers', 'UA 1/11 '.repeat((FIVE_MB - 10) / 8)],
  ['flattened contact lines', 'Minister Name Office of the Minister Fax: 1 Email: a@b.org Salutation: Dear Minister '.repeat((FIVE_MB - 10) / 86)],
  // corpus-10's readers: an address given in prose with no full stop, letters to an office, bracketed gaps.
  ['addresses in prose', 'send letters to the minister of X, Ana Bo Ce the address is 12 Main Street '.repeat((FIVE_MB - 10) / 77)],
  ['bracketed gaps', 'Dear [Name of Governor], [case] '.repeat((FIVE_MB - 10) / 32)],
];
