// The letter's own writer: the name under its closing. A writer who prints their own block beside the addressee's
// ("Jane Example" / "12 Example Street" / "Town" above "Dear Judge Other,") is never the official.
import { isClosing, type FoundLetter } from './letter.js';
import { isPlausibleName, opensWithHonorific } from './name-gate.js';
import type { Section } from './sections.js';

/* "Very truly yours," closes a letter but is not read as its closing elsewhere: here it only points at the signer. */
const LOOSE_CLOSING = /^(?:very\s+)?(?:truly|sincerely|respectfully|faithfully)\s+yours[,.]?$/i;
/** A signature is a short line right under the closing. */
const MAX_SIGNATURE = 60;

/** The name signed under the letter's closing, if the letter shows one. */
export function letterSigner(sections: Section[], found: FoundLetter | undefined): string | undefined {
  if (!found) return undefined;
  // A closing the letter reader knows ends the letter at its line: the signature is the first line below it.
  const closing = found.closing;
  if (closing !== undefined) {
    const below = (sections[found.section]?.lines ?? []).slice(found.end + 1, found.end + 7).map((l) => l.trim());
    const at = below.findIndex((l) => l !== '' && !closing.includes(l));
    // "Yours sincerely," / "President Jane Example" / "Office of ..." on a page of model letters: the next addressee's
    // block, no signature. A signature stands alone on its line.
    if (at < 0 || (below[at + 1] ?? '') !== '') return undefined;
    return isSignature(below[at]!) ? below[at] : undefined;
  }
  const lines = found.paragraphs;
  for (let at = lines.length - 2; at >= 0; at--) {
    const line = lines[at]!.trim();
    if (!isClosing(line) && !LOOSE_CLOSING.test(line)) continue;
    const next = lines[at + 1]!.trim();
    return isSignature(next) ? next : undefined;
  }
  return undefined;
}

/** A short name with no title before it: "Ayatollah Jane Example" under a closing heads an official's block. */
function isSignature(line: string): boolean {
  return line.length <= MAX_SIGNATURE && isPlausibleName(line) && !opensWithHonorific(line);
}

/** Words of a name, without initials ("James L. Kelly-Evans" -> james, kelly-evans). */
function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[\s,]+/).filter((w) => /^\p{L}[\p{L}'’-]+$/u.test(w));
}

/** The official's name is the signer's own: the same first and last word, initials aside. */
export function isSignerName(name: string, signer: string | undefined): boolean {
  if (signer === undefined) return false;
  const a = nameWords(name);
  const b = nameWords(signer);
  if (a.length < 2 || b.length < 2) return false;
  return a[0] === b[0] && a[a.length - 1] === b[b.length - 1];
}
