// Contact details run into a line of text: the e-mails, handles and hidden addresses, and the text before them.
import { findEmails, findHandles, HIDDEN_EMAIL } from './contacts.js';

/* An address's caption alone before the address, in the languages the importer reads. */
const ADDRESS_CAPTION = /^(?:e-?mail\s+)?(?:address|adresse|anschrift|adres|e-?mailadres|endere[çc]o(?:\s+de\s+e-?mail)?|direcci[oó]n(?:\s+de\s+correo)?|indirizzo(?:\s+e-?mail)?|correo|courriel|posta)\s?:$/iu;

/** Emails, handles and hidden addresses run into prose ("write to her at a@b.org or @handle"). */
export function looseContacts(text: string): { text: string; emails: string[]; handles: string[]; hidden: boolean } {
  const emails = findEmails(text);
  const handles = findHandles(text);
  const hidden = HIDDEN_EMAIL.test(text);
  let cut = text.length;
  for (const needle of [...emails, ...handles]) {
    const at = text.indexOf(needle);
    if (at >= 0) cut = Math.min(cut, at);
  }
  const hiddenAt = hidden ? text.search(HIDDEN_EMAIL) : -1;
  if (hiddenAt >= 0) cut = Math.min(cut, hiddenAt);
  if (cut === text.length) return { text: text.trim(), emails, handles, hidden };
  // "Target email addresses:[email protected]": a label before the addresses names no one.
  if (/^[\p{L} '’/-]{0,30}\b(?:e-?mails?|e-?mail addresses|addresses|contacts?)\s?:$/iu.test(text.slice(0, cut).trim())) return { text: '', emails, handles, hidden };
  // "Endereço:", "Indirizzo:", "Adresse:", "Dirección:": a caption over the address is no one's name either.
  if (ADDRESS_CAPTION.test(text.slice(0, cut).trim())) return { text: '', emails, handles, hidden };
  // Only prose that led up to an address ends in "at", "or via", "email:"; plain lines keep their last word.
  const rest = text
    .slice(0, cut)
    // Word edges are letters in any script: "Endereço" ends in "ç" + "o", never in the conjunction "o".
    .replace(/(?:[\s,;:(]|(?<!\p{L})(?:at|by email|email|or|via|on|en|a|à|ou|o|y|et|and|twitter|x)(?!\p{L}))*$/iu, '')
    .trim();
  return { text: rest, emails, handles, hidden };
}
