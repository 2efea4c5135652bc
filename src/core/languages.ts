/**
 * Appeals name their preferred languages in English ("Spanish"), as Urgent Actions print them.
 * Shown to a member, they read in the member's own language ("español") through Intl.DisplayNames;
 * a name Intl does not know is shown as written.
 */
export function languageNamesIn(names: readonly string[], locale: string): string[] {
  if (names.length === 0) return [];
  const english = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
  const local = new Intl.DisplayNames(locale, { type: 'language', fallback: 'none' });
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const codes = new Map<string, string>();
  // ISO 639-1 codes are two letters: 676 look-ups find every name Intl knows.
  for (let a = 97; a <= 122 && codes.size < wanted.size; a++) {
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      const name = english.of(code)?.toLowerCase();
      if (name && wanted.has(name) && !codes.has(name)) codes.set(name, code);
    }
  }
  return names.map((name) => {
    const code = codes.get(name.toLowerCase());
    const shown = code ? local.of(code) : undefined;
    return shown ? shown.charAt(0).toLocaleUpperCase(locale) + shown.slice(1) : name;
  });
}
