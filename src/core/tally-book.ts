// Table entries: letters written together at an event, counted by a moderator per case and method,
// kept apart from members' own actions; the port (SQLite and Redis: src/core/store/*-tally-book.ts).
import { randomBytes } from 'node:crypto';
import type { Method } from './drive.js';
import type { WriteUnit } from './ledger/ledger.js';

export type TableEntry = {
  /** Short and random: what `/tally undo ID` names. */
  id: string;
  driveId: string;
  space: string;
  /** The case the letters were for. */
  appealId: string;
  count: number;
  method: Method;
  /** Up to 200 characters; shown in the moderator's report only (it may tell where a group meets). */
  note: string | null;
  /** The moderator's member key; null after their /forgetme (the count stays). */
  moderator: string | null;
  /** The day the letters were written (YYYY-MM-DD), which may be days before it was entered. */
  date: string;
  recordedAt: string;
};

export type NewTableEntry = Omit<TableEntry, 'id' | 'recordedAt'>;

/** A drive's table counts: the whole, per case (appeal id) and per method. */
export type TableTotals = { total: number; byAppeal: Record<string, number>; byMethod: Partial<Record<Method, number>> };

export const NOTE_MAX = 200;
/** A count above this is asked again before it is entered. */
export const LARGE_COUNT = 10_000;

export interface TallyBook {
  /**
   * Enters a count. With a unit, the delivery's claim (and its events) commit in the same
   * transaction or script: a delivery handled before fails with `AlreadyHandled` and adds nothing.
   */
  add(entry: NewTableEntry, at: Date, unit?: WriteUnit): Promise<TableEntry>;
  get(id: string): Promise<TableEntry | undefined>;
  /**
   * Removes one entry; false when there was none (the unit's claim is then not taken). With a unit,
   * as `add`: a delivery handled before fails with `AlreadyHandled` and removes nothing.
   */
  remove(id: string, at: Date, unit?: WriteUnit): Promise<boolean>;
  /** A drive's entries, oldest entered first. */
  list(driveId: string): Promise<TableEntry[]>;
  totals(driveId: string): Promise<TableTotals>;
  /** Takes the moderator's key off every entry they made, keeping the counts; returns how many. */
  forgetModerator(member: string): Promise<number>;
  /** The entries that still carry the moderator's key (what /privacy lists), oldest entered first. */
  ofModerator(member: string): Promise<TableEntry[]>;
  /**
   * Deletes a drive's entries for one case (retention), keeping their counts in the drive's totals,
   * as archived actions keep theirs; returns how many were deleted.
   */
  purge(driveId: string, appealId: string): Promise<number>;
}

/** 8 characters from 48 random bits: short enough to type, too many to guess another group's. */
export const newEntryId = () => randomBytes(6).toString('base64url').replace(/[-_]/g, 'x');

/** Sums entries (or rows already summed per case and method) into a drive's table totals. */
export function totalsOf(entries: Iterable<Pick<TableEntry, 'appealId' | 'method' | 'count'>>): TableTotals {
  const totals: TableTotals = { total: 0, byAppeal: {}, byMethod: {} };
  for (const e of entries) {
    totals.total += e.count;
    totals.byAppeal[e.appealId] = (totals.byAppeal[e.appealId] ?? 0) + e.count;
    totals.byMethod[e.method] = (totals.byMethod[e.method] ?? 0) + e.count;
  }
  return totals;
}
