// Officials a call-in ("phone blast") lists under "Contact:" as numbered items, by office and name, with only a phone:
// "1) Example Prison Wardens Office (555) 289-8800" / "Warden Jane Example ext.1" / "2) DOC director Aron Example (555) 486-9910."
import { ROLE } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './types.js';

/* The list's heading alone on its line: "Contact :", "Contacts:", "Who to call:", "Numbers to call:". */
const HEADING = /^\s*(?:contacts?|who to (?:call|contact)|(?:phone )?numbers to call|call)\s*:\s*$/i;
/* The list opens with its first item: "1)", "1.", "1 -". */
const FIRST_ITEM = /^\s*1\s*[).-]\s/;
/* An item's number, read off before the office. */
const ITEM_NUMBER = /^\s*\d{1,2}\s*[).-]\s*/;
/*
 * An office, then a person's name of two or three capitalised words, then the phone: an extension ("ext.1") or a number
 * ("(702) 486-9910"). Read case-sensitively: the name's capitals are what tell it from an office ("Warden of Programs").
 */
const OFFICE_NAME_PHONE = /^(\S.{0,40}?)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\s*,?\s*(?:(ext\.?\s*\d{1,5})|(\+?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}(?:\s*ext\.?\s*\d{1,5})?))\s*\.?$/u;
/* The office ends on its office word, maybe after its institution ("NV-DOC director"); a prison's own come with ROLE's. */
const OFFICE = new RegExp(String.raw`^(?:[\p{L}-]+\s+){0,2}(?:warden|superintendent|sheriff|${ROLE.source})$`, 'iu');

/**
 * Each person a "Contact:" list of numbered items names by office and name on a line that ends in a phone: their own
 * number is theirs; an extension alone ("ext.1") is no number to call, so only the office and name are taken. Lines that
 * name an office alone ("Associate Warden of Programs ext.3", "Wardens Office (555) ...") are passed over.
 */
export function numberedContactLines(sections: Section[]): TargetLine[] {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    const at = section.lines.findIndex((line, i) => line.length < 30 && HEADING.test(line) && FIRST_ITEM.test(section.lines[i + 1] ?? ''));
    if (at < 0) continue;
    const lines: TargetLine[] = [];
    for (let i = at + 1; i < section.lines.length && section.lines[i]!.trim() !== ''; i++) {
      const item = section.lines[i]!.replace(ITEM_NUMBER, '').trim();
      const match = item.length <= 160 ? OFFICE_NAME_PHONE.exec(item) : null;
      if (!match || !OFFICE.test(match[1]!)) continue;
      const [, office = '', name = '', , phone] = match;
      lines.push({ text: name, copy: false });
      // An office the blocks do not read as a title ("Warden") would be read as an address line: it is left off.
      if (ROLE.test(office)) lines.push({ text: office, copy: false });
      if (phone) lines.push({ text: `Phone: ${phone}`, copy: false });
      lines.push({ text: '', copy: false });
    }
    return lines;
  }
  return [];
}
