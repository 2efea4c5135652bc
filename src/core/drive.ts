// The drive model: an appeal running in a space with a goal, deadline and time zone; action
// methods; open or closed.
import { z } from 'zod';
import { UserInputError } from './errors.js';
import { endOfDay } from './time.js';

export const METHODS = ['email', 'post', 'phone', 'social', 'other'] as const;
export type Method = (typeof METHODS)[number];
export const methodSchema = z.enum(METHODS);

export const driveSchema = z.object({
  id: z.string(),
  appealId: z.string(),
  /** `discord:<guild>/<channel>`, `telegram:<chat>`, `slack:<team>/<channel>`, `shell:local`. */
  space: z.string(),
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

export type Drive = z.infer<typeof driveSchema>;

/** The platform part of a space id. */
export function platformOf(space: string): string {
  const colon = space.indexOf(':');
  return colon === -1 ? space : space.slice(0, colon);
}

/** When the drive stops taking actions: the end of its deadline day in its own time zone. */
export function closesAt(drive: Pick<Drive, 'deadline' | 'timezone'>): Date {
  return endOfDay(drive.deadline, drive.timezone);
}

export function isOpen(drive: Drive, now: Date): boolean {
  return drive.status === 'active' && now.getTime() < closesAt(drive).getTime();
}

/** Actions are taken, and taken back, only while the drive is open. */
export function assertOpen(drive: Drive, now: Date): void {
  if (!isOpen(drive, now)) throw new UserInputError(drive.status === 'ended' ? 'drive_ended' : 'drive_closed', { deadline: drive.deadline });
}
