import type { Drive, Method } from '../drive.js';

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
  drive: Drive;
  member: string;
  method: Method;
  at: Date;
};

export type RecordResult = { created: boolean; tally: Tally };
export type UndoResult = { removed: boolean; tally: Tally };

export type ActionRow = {
  at: string;
  space: string;
  platform: string;
  method: Method;
  member: string;
};

/**
 * The count that is reported to officials. Idempotent per (appeal, member, method); tallies are
 * kept as counters so a read never scans the actions.
 */
export interface ActionLedger {
  record(input: RecordInput): Promise<RecordResult>;
  undo(input: { drive: Drive; member: string; method: Method; at: Date }): Promise<UndoResult>;
  /** Removes every record of the member in every appeal; returns how many actions went. */
  forget(member: string): Promise<number>;
  tally(appealId: string): Promise<Tally>;
  export(appealId: string): Promise<ActionRow[]>;
  /** Methods this member has recorded for the appeal. */
  methodsOf(appealId: string, member: string): Promise<Method[]>;
}

export function emptyTally(appealId: string): Tally {
  return { appealId, actions: 0, members: 0, byMethod: {}, bySpace: {}, byPlatform: {} };
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
