// The importer's result types: the appeal, its warnings, or a refusal.
import type { Appeal, AppealInput } from '../appeal.js';

/** Something the importer could not find or had to guess; the moderator should check it. */
export type ImportWarning = {
  /** Stable key for localisation, such as `no_deadline` or `hidden_email`. */
  code: string;
  /** One English sentence saying what is missing and what was done about it. */
  message: string;
};

/** What a text is: only an `appeal` is a live appeal; the others are news of one (see `kind.ts`). */
export type ImportKind = 'appeal' | 'update' | 'closure' | 'good-news';

/** Where one of an official's addresses was read: the line of the text it came from. */
export type AddressSource = {
  /** Index into `appeal.targets`. */
  target: number;
  /** `email`, `address` (a postal line), `phone`, `fax`, `social` or `salutation`. */
  field: string;
  value: string;
  /** The line of the pasted text, as written (at most 200 characters). */
  line: string;
};

/** An official read from the text, with the line each of its values came from. */
/** A line of contact details; `copy` when it sits under a "copies to" heading. */
export type TargetLine = { text: string; copy: boolean };

export type ParsedTarget = { target: AppealInput['targets'][number]; origins: Array<{ value: string; line: string }> };

/** The outcome of importing one Urgent Action text. Never thrown: refusals are values. */
export type ImportResult =
  | {
      ok: true;
      appeal: Appeal;
      warnings: ImportWarning[];
      /** `appeal`, or news of one: such a text must not be saved as a live appeal. */
      kind: ImportKind;
      /** The line each address of each official came from, for the moderator to check. */
      sources: AddressSource[];
    }
  | { ok: false; reason: string; message: string };

/** A refusal, as returned inside an `ImportResult`. */
export type ImportRefusal = Extract<ImportResult, { ok: false }>;

/** Options for `importUrgentAction`. */
export type ImportOptions = {
  /** Where the text came from ("Amnesty International USA, Urgent Action UA 34.25"); stored as `appeal.source`. */
  source?: string;
};

/** A warning list that the importer's parts append to. */
export type Warn = (code: string, message: string) => void;

/** Builds a refusal: `reason` is the message key, `message` one English sentence. */
export function refuse(reason: string, message: string): ImportRefusal {
  return { ok: false, reason, message };
}
