// Finishing an imported draft: what is missing, the Fill in forms in steps, and the edits applied.
import { z } from 'zod';
import { mainTargets, missingToSave, type Appeal, type MissingPart } from '../core/appeal.js';
import { UserInputError } from '../core/errors.js';
import type { MessageKey, Translate } from '../core/i18n/index.js';
import type { AddressSource } from '../core/importer/index.js';
import { toParagraphs } from '../core/importer/paragraphs.js';
import type { Button, FormField } from '../core/reply.js';

/** What the draft-finishing form can set; each is an option of /import. */
export type DraftEdits = { deadline?: string; target?: string; email?: string; phone?: string; salutation?: string; letter?: string };

/** A Discord modal holds five fields, the smallest limit of any platform: longer forms go in steps. */
export const FORM_STEP = 5;

const LABELS: Record<keyof DraftEdits, MessageKey> = {
  deadline: 'import_field_deadline',
  letter: 'import_field_letter',
  target: 'import_field_target',
  email: 'import_field_email',
  phone: 'import_field_phone',
  salutation: 'import_field_salutation',
};

const PART_LABELS: Record<MissingPart | 'email', MessageKey> = {
  deadline: 'import_part_deadline',
  letter: 'import_part_letter',
  target: 'import_part_target',
  email: 'import_part_email',
};

/** The parts a draft lacks, in words: the three that block saving, and a main target's email. */
export function missingParts(appeal: Appeal): (MissingPart | 'email')[] {
  const parts: (MissingPart | 'email')[] = missingToSave(appeal);
  const main = mainTargets(appeal)[0];
  if (main && main.emails.length === 0) parts.push('email');
  return parts;
}

export function describeParts(t: Translate, parts: (MissingPart | 'email')[]): string {
  return parts.map((p) => t(PART_LABELS[p])).join(', ');
}

/**
 * "Fill in" buttons for a staged draft: the missing fields first, prefilled with what the import found,
 * at most FORM_STEP fields per form; a longer form is split into numbered steps.
 */
export function fillInButtons(t: Translate, appeal: Appeal, key: string): Button[] {
  const main = mainTargets(appeal)[0];
  const current: Record<keyof DraftEdits, string | undefined> = {
    deadline: appeal.deadline ?? undefined,
    target: main?.name,
    email: main?.emails.join(', ') || undefined,
    phone: main?.phone,
    salutation: appeal.letter.salutation,
    letter: appeal.letter.composed === 'summary' ? undefined : appeal.letter.paragraphs.join('\n\n'),
  };
  const missing = new Set<string>(missingParts(appeal));
  // The letter is offered when there is none yet or it was composed; a found sample letter stays as it is.
  const offered = (Object.keys(LABELS) as (keyof DraftEdits)[]).filter((name) => name !== 'letter' || appeal.letter.composed !== undefined);
  const order = offered.sort((a, b) => Number(missing.has(b)) - Number(missing.has(a)));
  const fields: FormField[] = order.map((name) => ({
    name,
    label: t(LABELS[name]),
    max: name === 'letter' ? 4000 : name === 'deadline' ? 10 : 200,
    ...(name === 'letter' ? { multiline: true } : {}),
    ...(current[name] ? { value: current[name] } : {}),
  }));
  const steps = Math.ceil(fields.length / FORM_STEP);
  return Array.from({ length: steps }, (_, i) => ({
    type: 'form' as const,
    label: steps > 1 ? t('button_import_fill_step', { step: i + 1, steps }) : t('button_import_fill'),
    command: `import edit=${key} step=${i + 1}`,
    title: t('import_fill_title'),
    fields: fields.slice(i * FORM_STEP, (i + 1) * FORM_STEP),
  }));
}

const emailSchema = z.email();

/** The draft with the moderator's answers applied; a bad email or date is refused, naming the field. */
export function applyEdits(appeal: Appeal, edits: DraftEdits): Appeal {
  const next: Appeal = structuredClone(appeal);
  if (edits.deadline) next.deadline = edits.deadline;
  if (edits.target) {
    const main = next.targets.find((tg) => !tg.copy);
    if (main) main.name = edits.target;
    else next.targets.unshift({ name: edits.target, address: [], emails: [], social: [], copy: false });
  }
  const main = next.targets.find((tg) => !tg.copy) ?? next.targets[0];
  if (edits.email !== undefined || edits.phone !== undefined) {
    if (!main) throw new UserInputError('import_needs_target_first');
    if (edits.email !== undefined) {
      const emails = edits.email.split(/[\s,;]+/).filter((e) => e !== '');
      const bad = emails.find((e) => !emailSchema.safeParse(e).success);
      if (bad) throw new UserInputError('import_bad_email', { value: bad });
      main.emails = emails.slice(0, 10);
    }
    if (edits.phone) main.phone = edits.phone;
  }
  if (edits.salutation) {
    next.letter.salutation = edits.salutation;
    if (main) main.salutation = edits.salutation.replace(/[,:]$/, '');
  }
  if (edits.letter) {
    const paragraphs = toParagraphs(edits.letter.split(/\r?\n/).map((l) => l.trim())).slice(0, 40);
    if (paragraphs.length > 0) {
      next.letter.paragraphs = paragraphs;
      delete next.letter.composed;
    }
  }
  next.draft = missingParts(next).length > 0;
  return next;
}

/**
 * One line per address of each official, with the line of the text it was read from, so a moderator can check
 * at a glance that each address sits in its own official's block: `Name, email: a@b.org <- "Email: a@b.org"`.
 */
export function addressSourceLines(appeal: Appeal, sources: AddressSource[]): string[] {
  return sources
    .filter((s) => appeal.targets[s.target] !== undefined)
    .map((s) => {
      const target = appeal.targets[s.target];
      const who = `${target?.copy ? '(copy) ' : ''}${target?.name ?? ''}`;
      return `${who}, ${s.field}: ${s.value} <- "${s.line}"`;
    })
    .slice(0, 40);
}
