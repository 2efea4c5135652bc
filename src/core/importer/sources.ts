// Keeps each address only on the official whose block it sits in, and records the line it came
// from.
import type { AppealInput } from '../appeal.js';
import { ORGANISER_EMAIL } from './contacts.js';
import type { AddressSource, ParsedTarget, Warn } from './types.js';

type TargetInput = AppealInput['targets'][number];

/* An address that belongs to a diplomatic mission: never the address of the minister or prosecutor a letter is for. */
const MISSION_ADDRESS = /(?:embass|embajada|ambassade|botschaft|consul|\bmfa\b|(?<!com)mission|diplo|parep|permanent-?rep)/i;
/* A foreign minister's own address is at the foreign ministry ("mfa", "diplomatie"): theirs, not a mission's. */
const MISSION_TARGET = /\b(?:embassy|embajada|ambassade|botschaft|ambassador|embajador|ambassadeur|botschafter|consul|mission|charg[ée] d'affaires|high commission|foreign (?:affairs|minister)|affaires [ée]trang[eè]res|relaciones exteriores|ausw[äa]rtig)/i;

/**
 * The safety rule of issue 27: a wrong address is worse than a missing one. An official keeps only the emails
 * that are surely theirs: an embassy's or mission's address on a minister, or one address shown for two
 * officials, is taken off and the moderator is asked.
 */
export function keepSureAddresses(parsed: ParsedTarget[], warn: Warn): void {
  const count = new Map<string, number>();
  for (const { target } of parsed) for (const e of new Set((target.emails ?? []).map((x) => x.toLowerCase()))) count.set(e, (count.get(e) ?? 0) + 1);
  for (const { target } of parsed) {
    const mission = MISSION_TARGET.test([target.name, target.title ?? '', target.organisation ?? '', ...(target.address ?? [])].join(' '));
    target.emails = (target.emails ?? []).filter((email) => {
      const shared = (count.get(email.toLowerCase()) ?? 0) > 1;
      const foreign = !target.copy && !mission && MISSION_ADDRESS.test(email);
      const organiser = ORGANISER_EMAIL.test(email);
      if (!shared && !foreign && !organiser) return true;
      if (organiser) {
        warn('unsure_address', `${email} is the address of the organisation that published the text, not of ${target.name}; it was left off.`);
        return false;
      }
      warn(
        'unsure_address',
        shared
          ? `${email} is shown for more than one official; it was left off, add it to the one it belongs to.`
          : `${email} looks like a diplomatic mission's address, not ${target.name}'s; it was left off, add it if the text gives it for ${target.name}.`,
      );
      return false;
    });
  }
}

/** The line of the text each kept value of each official came from, for the import preview. */
export function addressSources(targets: TargetInput[], parsed: ParsedTarget[]): AddressSource[] {
  const out: AddressSource[] = [];
  targets.forEach((target, i) => {
    const origins = parsed.find((p) => p.target === target)?.origins ?? [];
    const lineOf = (value: string): string | undefined => origins.find((o) => o.value === value || o.line.includes(value))?.line;
    const add = (field: string, value: string | undefined): void => {
      const line = value === undefined ? undefined : lineOf(value);
      if (value !== undefined && line !== undefined) out.push({ target: i, field, value, line });
    };
    for (const email of target.emails ?? []) add('email', email);
    for (const line of target.address ?? []) add('address', line);
    add('phone', target.phone);
    add('fax', target.fax);
    add('salutation', target.salutation);
    for (const social of target.social ?? []) add('social', social.replace(/^[^:]{1,20}:\s*/, ''));
  });
  return out;
}

const EMBASSY = /\b(?:embassy|embajada|ambassade|ambassador|embajador|embajadora|ambassadeur|ambassadrice|high commission|consulate|consulado|consulat)\b/i;

/* An embassy named where a person's name should be: "Egyptian Embassy in the United States" read as a block of its own. */
const EMBASSY_NAME = /\b(?:embassy|embajada|ambassade|high commission|consulate|consulado|consulat)\b/i;

/**
 * Embassies listed after a ministry are "copies to" even when the text has no such heading. An ambassador listed first
 * is the first addressee (a page of model letters, one of them to a country's envoy), not a copy. Where the page asks to
 * write to every official it lists (`everyListed`), an ambassador named is an addressee too: only a block that names
 * the embassy and no one stays a copy.
 */
export function markEmbassies(targets: TargetInput[], everyListed = false): void {
  const isEmbassy = (t: TargetInput): boolean => (everyListed ? EMBASSY_NAME.test(t.name) : EMBASSY.test([t.name, t.title ?? '', t.organisation ?? ''].join(' ')));
  const first = targets.findIndex((t) => !isEmbassy(t));
  if (first < 0) return;
  targets.forEach((target, i) => {
    if (i > first && isEmbassy(target)) target.copy = true;
  });
}
