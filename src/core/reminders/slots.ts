// Reminder schedules: offsets before the deadline turned into due times in the drive's time zone.
import { closesAt, type Drive } from '../drive.js';
import { UserInputError } from '../errors.js';
import { addDays, zonedInstant } from '../time.js';

/** Offered when a drive starts: a week, three days, the day before, and the last morning. */
export const DEFAULT_SCHEDULE = { offsets: ['7d', '3d', '1d', '0d'], at: '09:00' } as const;

export type Slot = {
  /** Stable per drive and instant: a changed deadline makes new slots, a restart finds the same ones. */
  key: string;
  kind: 'reminder' | 'close';
  at: Date;
};

const OFFSET = /^(\d{1,2})([dh])$/;

/** Parses `7d,3d,1d,0d` (days before the deadline day) or `12h` (hours before the drive closes). */
export function parseOffsets(text: string): string[] {
  const offsets = text
    .split(',')
    .map((o) => o.trim().toLowerCase())
    .filter(Boolean);
  if (offsets.length === 0 || offsets.length > 10 || offsets.some((o) => !OFFSET.test(o))) {
    throw new UserInputError('bad_offsets', { value: text.slice(0, 40) });
  }
  return [...new Set(offsets)];
}

export function parseTimeOfDay(text: string): string {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match) throw new UserInputError('bad_time', { value: text.slice(0, 20) });
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

/**
 * The instants a drive posts: each scheduled reminder (in the drive's time zone, so "09:00" stays
 * 09:00 across daylight-saving changes) and the close, when the final tally is posted. A reminder
 * whose time had already passed when the schedule was set is skipped (`skippedSlots` lists them):
 * it was never announced, so it is never posted.
 */
export function slotsFor(drive: Drive): Slot[] {
  const since = drive.reminders?.since ? new Date(drive.reminders.since) : undefined;
  return plannedSlots(drive).filter((slot) => slot.kind === 'close' || !since || slot.at >= since);
}

/** The reminders of the schedule that were already past when it was set. */
export function skippedSlots(drive: Drive): Slot[] {
  const since = drive.reminders?.since ? new Date(drive.reminders.since) : undefined;
  return since ? plannedSlots(drive).filter((slot) => slot.kind === 'reminder' && slot.at < since) : [];
}

function plannedSlots(drive: Drive): Slot[] {
  if (drive.status !== 'active') return [];
  const close = closesAt(drive);
  const slots: Slot[] = [];
  for (const offset of drive.reminders?.offsets ?? []) {
    const [, amount, unit] = OFFSET.exec(offset) ?? [];
    if (!amount) continue;
    const at =
      unit === 'd'
        ? zonedInstant(addDays(drive.deadline, -Number(amount)), drive.reminders!.at, drive.timezone)
        : new Date(close.getTime() - Number(amount) * 3_600_000);
    if (at < close) slots.push({ key: `${drive.id}:r:${at.toISOString()}`, kind: 'reminder', at });
  }
  slots.push({ key: `${drive.id}:close:${close.toISOString()}`, kind: 'close', at: close });
  return slots.sort((a, b) => a.at.getTime() - b.at.getTime());
}
