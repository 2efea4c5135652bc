/** A button's or form's command line (`acted email drive=Ab3x9_kQ`): the name before the first space, the rest as text. */
export function splitCommandLine(line: string): { name: string; text: string } {
  const trimmed = line.trim();
  const at = trimmed.search(/\s/);
  // A signed line without arguments (`import~AbC...`) keeps its signature's case.
  if (at < 0) return { name: trimmed.replace(/^[^~]*/, (name) => name.toLowerCase()), text: '' };
  return { name: trimmed.slice(0, at).toLowerCase(), text: trimmed.slice(at + 1).trim() };
}
