import type { Appeal } from '../appeal.js';

/** Something the importer could not find or had to guess; the moderator should check it. */
export type ImportWarning = {
  /** Stable key for localisation, such as `no_deadline` or `hidden_email`. */
  code: string;
  /** One English sentence saying what is missing and what was done about it. */
  message: string;
};

/** The outcome of importing one Urgent Action text. Never thrown: refusals are values. */
export type ImportResult =
  | { ok: true; appeal: Appeal; warnings: ImportWarning[] }
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
