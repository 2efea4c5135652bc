/**
 * Time-zone arithmetic with Intl only: a drive's deadline is a calendar date, and it stays open to
 * the end of that day in the drive's time zone, across daylight-saving changes.
 */

/** A clock is injected everywhere so that tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** setTimeout, injected so tests drive time by hand. */
export interface Timer {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const systemTimer: Timer = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function isTimeZone(zone: string): boolean {
  const known = validZones.get(zone);
  if (known !== undefined) return known;
  let valid = true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    valid = false;
  }
  // Bounded: a flood of made-up zones cannot grow it without limit.
  if (validZones.size < 1000) validZones.set(zone, valid);
  return valid;
}

const validZones = new Map<string, boolean>();

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(zone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
export function wallClock(at: Date, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const fields: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(at)) {
    if (p.type !== 'literal') fields[p.type] = Number(p.value);
  }
  return {
    year: fields.year!,
    month: fields.month!,
    day: fields.day!,
    hour: fields.hour!,
    minute: fields.minute!,
    second: fields.second!,
  };
}

function offsetMs(at: number, zone: string): number {
  const w = wallClock(new Date(at), zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant when the wall clock in `zone` shows this local time (the later one in a gap). */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let t = guess - offsetMs(guess, zone);
  t = guess - offsetMs(t, zone);
  return new Date(t);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// A pure function's results: every recorded action asks whether its drive is still open, and the
// Intl look-ups behind the answer cost more than the rest of recording it.
const endOfDayCache = new Map<string, number>();

/** The first instant after the deadline day ends in `zone`. */
export function endOfDay(date: string, zone: string): Date {
  const key = `${date}|${zone}`;
  let end = endOfDayCache.get(key);
  if (end === undefined) {
    end = zonedInstant(addDays(date, 1), '00:00', zone).getTime();
    if (endOfDayCache.size >= 1000) endOfDayCache.clear();
    endOfDayCache.set(key, end);
  }
  return new Date(end);
}

/** Today's date (YYYY-MM-DD) in `zone`. */
export function localDate(at: Date, zone: string): string {
  const w = wallClock(at, zone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Whether a YYYY-MM-DD string names a real calendar day. */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/** Calendar days from `today` to `date` (both YYYY-MM-DD); negative once passed. */
export function daysBetween(today: string, date: string): number {
  const a = Date.parse(`${today}T00:00:00Z`);
  const b = Date.parse(`${date}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}
