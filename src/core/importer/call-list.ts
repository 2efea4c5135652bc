// A call-in's list of officials: "• Example Bureau Director Jane Example, 717-555-0100 (or her secretary)", each item
// an office, a name, a comma, then the official's own phone, e-mail or street (on the lines below the name, too).
import { findEmails } from './contacts.js';
import { ROLE } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './types.js';

/* An office word, each one in the item's head. */
const OFFICE = new RegExp(ROLE.source, 'giu');
/* "Example Bureau Director Jane Example,": capitalised words, an office among them, the name's two or three words, a comma. */
const ITEM = /^(?:[•·▪*–-]\s*)?((?:\p{Lu}[\p{L}.'’&-]*\s+|(?:of|for|the|and)\s+){1,10}\p{Lu}[\p{L}'’-]+),(?:\s+(.*))?$/u;
/* A North American phone number: "717-728-5311", "(570) 773-2158", "570.621.5000". */
const PHONE = /\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b(?:,?\s*ext\.?\s*\d{1,6})?/;
/* A note in brackets after the details: "(or his secretary, Jane Doe, ext. 5102)", "(an activist says ...)". */
const NOTE = /\s*\([^()]*\)?\s*$/;
/** At least this many items, each with its own phone or e-mail on the name's line, make a call-in's list. */
const MIN_ITEMS = 2;

type Item = { name: string; office: string; rest: string[] };

/** The office and the name of an item's head: the name is the two or three capitalised words after the last office word. */
function splitHead(head: string): { office: string; name: string } | undefined {
  const offices = [...head.matchAll(OFFICE)];
  const last = offices[offices.length - 1];
  if (!last || last.index === undefined) return undefined;
  const name = head.slice(last.index + last[0].length).trim();
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}[\p{L}'’.-]+$/u.test(w))) return undefined;
  return { office: head.slice(0, last.index + last[0].length).trim(), name };
}

/**
 * Each item of a list of officials to call, as a block: the name, the office, the street (from the lines below it, up to
 * its phone), "Phone: ..." and "Email: ..."; a bracketed note is no detail. Empty unless the list has two items or more
 * with a phone or an e-mail on the name's line.
 */
export function callListLines(sections: Section[]): TargetLine[] {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    const items: Item[] = [];
    let withDetails = 0;
    for (const line of section.lines) {
      if (line.length > 300) {
        items.length = 0;
        continue;
      }
      const match = ITEM.exec(line.trim());
      const head = match?.[1] ? splitHead(match[1]) : undefined;
      if (head) {
        const rest = (match?.[2] ?? '').replace(NOTE, '');
        if (PHONE.test(rest) || findEmails(rest).length > 0) withDetails++;
        items.push({ ...head, rest: rest === '' ? [] : [rest] });
      } else if (line.trim() === '' || items.length === 0) {
        if (items.length >= MIN_ITEMS && withDetails >= MIN_ITEMS) return toLines(items);
        items.length = 0;
        withDetails = 0;
      } else {
        items[items.length - 1]?.rest.push(line.trim().replace(NOTE, ''));
      }
    }
    if (items.length >= MIN_ITEMS && withDetails >= MIN_ITEMS) return toLines(items);
  }
  return [];
}

function toLines(items: Item[]): TargetLine[] {
  const lines: TargetLine[] = [];
  const push = (text: string): void => {
    lines.push({ text, copy: false });
  };
  for (const item of items) {
    push(item.name);
    push(item.office);
    for (const rest of item.rest) {
      const emails = findEmails(rest);
      const phone = PHONE.exec(rest);
      // "420 S. Example St., Town, PA 17901, 570-555-0100": the street is what comes before the phone.
      const street = (phone ? rest.slice(0, phone.index) : emails.length > 0 ? '' : rest).replace(/[\s,;]+$/, '');
      if (street !== '' && /\d/.test(street) && !/^(?:or|and)\b/i.test(street)) push(street);
      if (phone) push(`Phone: ${phone[0]}`);
      for (const email of emails) push(`Email: ${email}`);
    }
    push('');
  }
  return lines;
}
