// One official's block of lines read into a target: its name, title, organisation and address lines, and its
// contact fields (e-mails, phone, fax, social media, salutation, a web form).
import type { AppealInput } from '../appeal.js';
import { assignLines } from './assign-lines.js';
import { findEmails, HIDDEN_EMAIL, type Field } from './contacts.js';
import { countryOf } from './countries.js';
import { ORGANISATION, ROLE } from './offices.js';
import { opensWithCaption } from './office-lines.js';
import { nameColonTitle, nameCommaTitle, nameThenOffice, officeCommaName, officeOfCountryName, splitFlatOfficeBlock, splitNameFromOffice, splitOneLineBlock } from './one-line-blocks.js';
import type { Warn } from './types.js';

type TargetInput = AppealInput['targets'][number];

/** Where a value of a block was read: the value and the raw line it sat in. */
type Origin = { value: string; line: string };

/** `ended`: a line of contact details came after the name, so a new name starts the next official. */
/** `postElsewhere`: the block says to send post only to another address (an embassy's), so it has none of its own. */
/** `afterWhole`: the block follows an official written whole on one line (name or office, street, postcode). */
export type Block = { copy: boolean; texts: string[]; fields: Field[]; emails: string[]; handles: string[]; hidden: boolean; origins: Origin[]; ended?: boolean; postElsewhere?: boolean; afterWhole?: boolean };

/* A web form's address opening a field's value, alone or before a note on its language and other forms. */
const WEB_ADDRESS = /^((?:https?:\/\/|www\.)\S+)(?:$|\s+\()/i;

const cap = (text: string): string => (text.length > 500 ? text.slice(0, 500).trim() : text);

/* A capitalised caption over an official's block, naming the office in the page's language ("MINISTER FÜR JUSTIZ"). */
export function isCaption(line: string): boolean {
  return line.length <= 80 && line === line.toUpperCase() && /\p{Lu}{3}/u.test(line) && (ROLE.test(line) || ORGANISATION.test(line)) && !/\d/.test(line);
}

/** A block's lines and fields as one official; `warn` hears of what is missing (no e-mail, a hidden one). */
export function toTarget(block: Block, warn: Warn): TargetInput {
  // "PRÄSIDENT" / "Zine El Abidine Ben Ali" / "President": the caption repeats the title in the page's language.
  // In sentence case ("Präsident", "Minister für justiz ...") the caption is known by the title given again beside the name.
  // A caption over an address line ("SPEAKER OF THE HOUSE JANE EXAMPLE" / "2371 Example Building") is the only name there is.
  if ((block.texts.length >= 3 && isCaption(block.texts[0] ?? '') && ROLE.test(block.texts[0] ?? '') && !ORGANISATION.test(block.texts[0] ?? '') && !/^\d/.test(block.texts[1] ?? '')) || opensWithCaption(block.texts)) block.texts.shift();
  const oneLine = block.texts.length === 1 ? (splitOneLineBlock(block.texts[0] ?? '') ?? splitFlatOfficeBlock(block.texts[0] ?? '')) : officeOverFlatBlock(block.texts);
  const commaList = !oneLine && block.texts.length === 1 && (block.texts[0]?.split(',').length ?? 0) >= 3;
  const texts = oneLine ?? nameCommaTitle(block.texts) ?? officeCommaName(block.texts) ?? nameColonTitle(block.texts) ?? nameThenOffice(block.texts) ?? officeOfCountryName(block.texts) ?? splitNameFromOffice(
    commaList ? (block.texts[0] ?? '').split(',').map((p) => p.trim().replace(/\.$/, '')).filter((p) => p !== '') : block.texts,
  );
  const assigned = assignLines(texts.map(cap));
  const { name, title } = assigned;
  // Post goes elsewhere: the office lines say where the official works, no address to write to.
  const organisation = block.postElsewhere && assigned.address.length > 0 ? cap([assigned.organisation ?? '', ...assigned.address].join(' ').trim()) : assigned.organisation;
  const address = block.postElsewhere ? [] : assigned.address;
  const emails = [...block.emails];
  let hidden = block.hidden;
  const social = block.handles.map(cap);
  let phone: string | undefined;
  let fax: string | undefined;
  let salutation: string | undefined;
  for (const field of block.fields) {
    if (field.kind === 'email') {
      hidden ||= HIDDEN_EMAIL.test(field.value);
      for (const email of findEmails(field.value)) if (!emails.includes(email)) emails.push(email);
    } else if ((field.kind === 'phone' || field.kind === 'fax') && field.value !== '') {
      // "Fax: 0207 727 8625 kanc@example.org": an e-mail run on after the number is the block's own e-mail.
      const runOn = findEmails(field.value);
      for (const email of runOn) if (!emails.includes(email)) emails.push(email);
      const number = runOn.reduce((v, email) => v.replace(email, ''), field.value).trim();
      if (number !== '' && field.kind === 'phone') phone ??= cap(number);
      if (number !== '' && field.kind === 'fax') fax ??= cap(number);
    } else if (field.kind === 'social') {
      social.push(cap(`${field.label}: ${field.value}`));
    } else if (field.kind === 'salutation' && field.value !== '') {
      salutation ??= cap(field.value);
    } else if (field.kind === 'web' && WEB_ADDRESS.test(field.value)) {
      // An official reachable only by a web form keeps it: members can write there. "https://... (in English) https://...
      // (in Russian)": the first form is the one a member reads.
      social.push(cap(`Web form: ${WEB_ADDRESS.exec(field.value)?.[1] ?? field.value}`));
    }
  }
  const target: TargetInput = { name, address, emails: emails.slice(0, 10), social: [...new Set(social)].slice(0, 10), copy: block.copy };
  if (title) target.title = title;
  if (organisation) target.organisation = organisation;
  const country = countryOf(address[address.length - 1]);
  if (country) target.country = cap(country);
  if (phone) target.phone = phone;
  if (fax) target.fax = fax;
  if (salutation) target.salutation = salutation;
  if (hidden && emails.length === 0) {
    warn('hidden_email', `The email address of ${name} was hidden by the web page it was copied from; copy it from the original Urgent Action.`);
  } else if (emails.length === 0 && !block.copy) {
    warn('no_email', `No email address was found for ${name}; members can write by post or social media.`);
  }
  return target;
}

/* An office alone, as a caption gives it: "Minister of Defence", "President". */
const OFFICE_ALONE = new RegExp(`^(?:(?:Deputy|Acting|Vice|First)\\s+)?(?:${ROLE.source})[^\\d,:;.]{0,50}$`, 'i');

/** An office alone on its line, no organisation's name: a caption over the official's block. */
export function isOfficeAlone(line: string): boolean {
  return OFFICE_ALONE.test(line) && !ORGANISATION.test(line);
}

/** "Minister of Defence" over "His Excellency Jane Example Ministry of Defence Example Square Town Country": the office, then the run split. */
function officeOverFlatBlock(texts: string[]): string[] | undefined {
  if (texts.length !== 2 || !isOfficeAlone(texts[0] ?? '')) return undefined;
  const split = splitFlatOfficeBlock(texts[1] ?? '');
  return split ? [texts[0] ?? '', ...split] : undefined;
}
