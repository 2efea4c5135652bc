// The drive model: one or more appeals (cases) running in a space with a goal, deadline and time
// zone; action methods; open or closed.
import { z } from 'zod';
import { UserInputError } from './errors.js';
import { endOfDay } from './time.js';

/** `card` is a solidarity card to the person at risk, counted apart from letters to officials. */
export const METHODS = ['email', 'post', 'phone', 'social', 'other', 'card'] as const;
export type Method = (typeof METHODS)[number];
export const methodSchema = z.enum(METHODS);

/** One case of a drive: an appeal, its own goal, and whether it still takes actions. */
export const driveCaseSchema = z.object({
  appealId: z.string(),
  goal: z.number().int().positive().nullable().default(null),
  status: z.enum(['active', 'ended']).default('active'),
  endedAt: z.string().optional(),
  /** An update (new deadline, officials or letter) opens a new round: members act again, counted apart. */
  round: z.number().int().min(1).default(1),
  /** The news that opened the current round: a redelivery of that same news opens no further one. */
  roundBy: z.string().optional(),
});

export type DriveCase = z.infer<typeof driveCaseSchema>;

/**
 * A drive stored by a release before campaigns had `appealId` and no `cases`: read as a campaign of
 * one, so a store written then opens unchanged.
 */
function legacyDrive(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'cases' in value || !('appealId' in value)) return value;
  const { appealId, ...rest } = value as { appealId: unknown };
  return { ...rest, cases: [{ appealId }] };
}

const driveObject = z.object({
  id: z.string(),
  /** The appeals run together, in order: case number = index + 1. A one-appeal drive is a campaign of one. */
  cases: z.array(driveCaseSchema).min(1),
  /** `discord:<guild>/<channel>`, `telegram:<chat>`, `slack:<team>/<channel>`, `shell:local`. */
  space: z.string(),
  /** A campaign's title (from its campaign file); null when the drive is named by its appeals. */
  title: z.string().nullable().default(null),
  /** The whole drive's goal; a case may have its own. */
  goal: z.number().int().positive().nullable(),
  deadline: z.string(),
  timezone: z.string(),
  status: z.enum(['active', 'ended']),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  /** Milestones (25/50/75/100% of the goal) are announced unless turned off. */
  milestones: z.boolean().default(true),
  /**
   * Offsets before the deadline ("7d", "1d", "0d") and the local time to post them; `since`, when
   * the schedule was set: slots already past then are skipped, not posted late.
   */
  reminders: z.object({ offsets: z.array(z.string()), at: z.string(), since: z.string().optional() }).nullable().default(null),
  /** The language of the moderator who started it: reminders are posted in it. */
  locale: z.string().default('en'),
  /** A public live page at PUBLIC_URL/d/<pageId>; the id is kept when the page is turned off and on. */
  page: z.boolean().default(false),
  pageId: z.string().nullable().default(null),
});

export const driveSchema = z.preprocess(legacyDrive, driveObject);

export type Drive = z.infer<typeof driveObject>;

/** The drive's appeal ids, in case order. */
export function driveAppealIds(drive: Pick<Drive, 'cases'>): string[] {
  return drive.cases.map((c) => c.appealId);
}

/** The case of the drive for an appeal id or a case number ("2"); undefined when it has none. */
export function findCase(drive: Pick<Drive, 'cases'>, ref: string): { number: number; entry: DriveCase } | undefined {
  const index = /^\d{1,3}$/.test(ref) ? Number(ref) - 1 : drive.cases.findIndex((c) => c.appealId === ref);
  const entry = drive.cases[index];
  return entry ? { number: index + 1, entry } : undefined;
}

/** What the ledger counts an action for: the drive, its space, and the case's appeal. */
export type CaseRef = { id: string; space: string; appealId: string; deadline: string; timezone: string; status: Drive['status'] };

export function caseRef(drive: Drive, appealId: string): CaseRef {
  const entry = drive.cases.find((c) => c.appealId === appealId);
  const status = drive.status === 'ended' || entry?.status === 'ended' ? 'ended' : 'active';
  return { id: drive.id, space: drive.space, appealId: roundKey(appealId, entry?.round ?? 1), deadline: drive.deadline, timezone: drive.timezone, status };
}

/**
 * The ledger key of an appeal's round: round 1 is the appeal id itself (every count stored before
 * rounds stays where it is), round n the id and `~r<n>`, a character no appeal id has. Each round
 * is its own "once per member and method".
 */
export function roundKey(appealId: string, round: number): string {
  return round <= 1 ? appealId : `${appealId}${ROUND_MARK}${round}`;
}

const ROUND_MARK = '~r';

/** The ledger keys of rounds 1..`rounds` of an appeal, in order. */
export function roundKeys(appealId: string, rounds: number): string[] {
  return Array.from({ length: Math.max(1, rounds) }, (_, i) => roundKey(appealId, i + 1));
}

/** The highest round an appeal has reached in any of these drives (1 when none opened another). */
export function roundsOf(drives: readonly Pick<Drive, 'cases'>[], appealId: string): number {
  let rounds = 1;
  for (const drive of drives) for (const c of drive.cases) if (c.appealId === appealId) rounds = Math.max(rounds, c.round);
  return rounds;
}

/** The platform part of a space id. */
export function platformOf(space: string): string {
  const colon = space.indexOf(':');
  return colon === -1 ? space : space.slice(0, colon);
}

/** When the drive stops taking actions: the end of its deadline day in its own time zone. */
export function closesAt(drive: Pick<Drive, 'deadline' | 'timezone'>): Date {
  return endOfDay(drive.deadline, drive.timezone);
}

export function isOpen(drive: Pick<Drive, 'status' | 'deadline' | 'timezone'>, now: Date): boolean {
  return drive.status === 'active' && now.getTime() < closesAt(drive).getTime();
}

/** Actions are taken, and taken back, only while the drive is open. */
export function assertOpen(drive: Pick<Drive, 'status' | 'deadline' | 'timezone'>, now: Date): void {
  if (!isOpen(drive, now)) throw new UserInputError(drive.status === 'ended' ? 'drive_ended' : 'drive_closed', { deadline: drive.deadline });
}
