/**
 * Characters that change how text around them is shown without being seen themselves: the
 * bidirectional embeddings and overrides (U+202A-202E) and isolates (U+2066-2069), which can turn
 * "gpj.exe" around or hide part of a name, and invisible separators that belong to no script
 * (zero width space U+200B, word joiner U+2060, invisible operators U+2061-2064, the byte order mark
 * U+FEFF). The joiners ZWJ (U+200D) and ZWNJ (U+200C) stay: Persian and Indic names need them.
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B\u2060-\u2064\uFEFF]/g;

/** Member text made safe to post in a space: the invisible controls above removed, nothing else. */
export function stripInvisibles(text: string): string {
  return text.replace(INVISIBLE, '');
}
