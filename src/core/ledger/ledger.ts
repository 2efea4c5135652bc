// The action ledger port: record, undo, forget, tally, series and export, and the tally types.
import type { CaseRef, Method } from '../drive.js';
import type { DomainEvent } from '../events/events.js';

export type Tally = {
  appealId: string;
  actions: number;
  members: number;
  byMethod: Partial<Record<Method, number>>;
  bySpace: Record<string, number>;
  byPlatform: Record<string, number>;
};

export type RecordInput = {
  /** The drive the action counts for; a closed drive refuses. */
  drive: CaseRef;
  member: string;
  method: Method;
  at: Date;
};

/**
 * The totals an answer states, as the caller's own action left them. Not the per-space and
 * per-platform counts: copying those for every action made recording O(spaces) per action (a
 * national drive in many groups recorded far slower); `tally()` reads them.
 */
export type TallySummary = Pick<Tally, 'appealId' | 'actions' | 'members' | 'byMethod'>;
/**
 * What commits with one ledger write (or a table entry, or news: src/core/store/write-unit.ts), in
 * the same transaction (SQLite) or script (Redis), or not at all: the delivery's claim (a delivery already claimed fails with `AlreadyHandled` and changes
 * nothing) and the events that follow when the write changed the count (`changed` is told after
 * the commit). A crash leaves all of it or none, so a redelivery is handled as the first delivery.
 */
export type WriteUnit = {
  claim?: { key: string; ttlMs: number };
  onChange?: readonly DomainEvent[];
  changed?: () => void;
};

export type RecordResult = { created: boolean; tally: TallySummary };
export type UndoResult = { removed: boolean; tally: TallySummary };

export type ActionRow = {
  at: string;
  space: string;
  platform: string;
  method: Method;
  member: string;
};

export type SeriesPoint = { hour: string /* UTC 'YYYY-MM-DDTHH' */; method: Method; count: number };

/** The UTC hour an action counts in, as series points name it. */
export function hourOf(at: Date | string): string {
  return (typeof at === 'string' ? at : at.toISOString()).slice(0, 13);
}

/**
 * The count that is reported to officials. Idempotent per (appeal, member, method); tallies are
 * kept as counters so a read never scans the actions.
 */
export interface ActionLedger {
  record(input: RecordInput, unit?: WriteUnit): Promise<RecordResult>;
  undo(input: { drive: CaseRef; member: string; method: Method; at: Date }, unit?: WriteUnit): Promise<UndoResult>;
  /** Removes every record of the member in every appeal; returns how many actions went. */
  forget(member: string): Promise<number>;
  /**
   * Retention: deletes an archived appeal's actions (and every member key with them) a chunk at a
   * time, keeping its counters (totals, methods, spaces, hours), so a report months later still
   * says what the groups did. Returns how many actions went.
   */
  purge(appealId: string): Promise<number>;
  tally(appealId: string): Promise<Tally>;
  /** Every action at once: prefer exportRows, whose memory does not grow with the appeal. */
  export(appealId: string): Promise<ActionRow[]>;
  /**
   * Every action in pages (default 1,000 rows a page), written as they come: constant memory. SQLite
   * gives them in time order (an index on appeal and time); Redis in its hash's scan order.
   */
  exportRows(appealId: string, options?: { pageSize?: number }): AsyncIterable<ActionRow>;
  /**
   * Actions per UTC hour by method, from counters kept as actions are recorded, undone and forgotten
   * (never a scan of the actions), in hour order. With `space`, only that space's actions (a drive's
   * chart); without, the whole appeal.
   */
  series(appealId: string, space?: string): Promise<SeriesPoint[]>;
  /** Methods this member has recorded for the appeal. */
  methodsOf(appealId: string, member: string): Promise<Method[]>;
}

export function emptyTally(appealId: string): Tally {
  return { appealId, actions: 0, members: 0, byMethod: {}, bySpace: {}, byPlatform: {} };
}

/** The totals of a tally, copied (its size does not grow with the spaces). */
export function summaryOf(tally: Tally): TallySummary {
  return { appealId: tally.appealId, actions: tally.actions, members: tally.members, byMethod: { ...tally.byMethod } };
}

/** Applies one action (+1) or its removal (-1) to a tally's counters. */
export function adjustTally(tally: Tally, change: { method: Method; space: string; platform: string; delta: 1 | -1; memberDelta: 0 | 1 | -1 }): void {
  const bump = (table: Record<string, number>, key: string) => {
    const next = (table[key] ?? 0) + change.delta;
    if (next > 0) table[key] = next;
    else delete table[key];
  };
  tally.actions += change.delta;
  tally.members += change.memberDelta;
  bump(tally.byMethod, change.method);
  bump(tally.bySpace, change.space);
  bump(tally.byPlatform, change.platform);
}

/** Collects exportRows, for callers that still want one array. */
export async function collectRows(rows: AsyncIterable<ActionRow>): Promise<ActionRow[]> {
  const all: ActionRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}
