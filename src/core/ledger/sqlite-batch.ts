// Applies one batch of ledger operations in SQL and reads tallies from the counters.
import { claimHash } from '../claims.js';
import { platformOf, type CaseRef, type Method } from '../drive.js';
import { AlreadyHandled } from '../errors.js';
import { insertEvents } from '../store/sqlite-outbox.js';
import type { SqliteFile } from '../store/sqlite-file.js';
import { emptyTally, hourOf, type RecordResult, type Tally, type TallySummary, type UndoResult, type WriteUnit } from './ledger.js';

type Write = { drive: CaseRef; member: string; method: Method; at: Date; unit?: WriteUnit };

export type Op =
  | (Write & { kind: 'record'; done: (r: RecordResult) => void; fail: (e: unknown) => void })
  | (Write & { kind: 'undo'; done: (r: UndoResult) => void; fail: (e: unknown) => void })
  | { kind: 'forget'; member: string; done: (removed: number) => void; fail: (e: unknown) => void };

type Kind = 'total' | 'method' | 'space' | 'platform';

const TALLY_SQL = "SELECT kind, key, n FROM ledger_counters WHERE appeal = ? AND kind IN ('total', 'method', 'platform')";
/**
 * An appeal's space counters as one JSON object, built by SQLite: for a drive in many groups this
 * reads much faster than fetching the rows one by one (docs/benchmarks.md, `ledger.tally.sqlite.after_write`).
 */
const SPACES_SQL = "SELECT json_group_object(key, n) FROM ledger_counters WHERE appeal = ? AND kind = 'space'";

/** A tally as read, its space counters kept as JSON: each caller gets its own copy by parsing it. */
export type StoredTally = { tally: Omit<Tally, 'bySpace'>; spaces: string };

/** Reads an appeal's counters: the totals, methods and platforms as rows, the spaces as one JSON object. */
export function readTally(file: SqliteFile, appealId: string): StoredTally {
  const { bySpace: _none, ...tally } = emptyTally(appealId);
  const rows = file.statement(TALLY_SQL).raw(true).all(appealId) as Array<[Kind, string, number]>;
  for (const [kind, key, n] of rows) {
    if (kind === 'total') tally[key === 'members' ? 'members' : 'actions'] = n;
    else if (kind === 'method') tally.byMethod[key as Method] = n;
    else tally.byPlatform[key] = n;
  }
  return { tally, spaces: file.statement(SPACES_SQL).pluck().get(appealId) as string };
}

/** A copy of a stored tally the caller may keep or change. */
export function tallyFrom(stored: StoredTally): Tally {
  const { tally } = stored;
  return { ...tally, byMethod: { ...tally.byMethod }, byPlatform: { ...tally.byPlatform }, bySpace: JSON.parse(stored.spaces) as Record<string, number> };
}

/** The totals an answer needs: two kinds of counter rows, however many spaces the appeal has. */
const TOTALS_SQL = "SELECT kind, key, n FROM ledger_counters WHERE appeal = ? AND kind IN ('total', 'method')";

function readTotals(file: SqliteFile, appealId: string): TallySummary {
  const summary: TallySummary = { appealId, actions: 0, members: 0, byMethod: {} };
  for (const [kind, key, n] of file.statement(TOTALS_SQL).raw(true).all(appealId) as Array<[Kind, string, number]>) {
    if (kind === 'method') summary.byMethod[key as Method] = n;
    else summary[key === 'members' ? 'members' : 'actions'] = n;
  }
  return summary;
}

/**
 * Applies a batch inside one transaction (the caller runs it under BEGIN IMMEDIATE) and returns how
 * to answer each caller once it has committed. Pure apart from the SQL: if SQLite is busy, the whole
 * function runs again. Each caller gets the totals as its own action left them, as a serial ledger
 * would. Counters change by deltas, so a batch reads and writes only the rows it touches: its cost
 * does not grow with the spaces an appeal runs in.
 */
export function applyBatch(file: SqliteFile, batch: Op[], now: number): Array<() => void> {
  const totals = new Map<string, TallySummary>();
  const hours = new Map<string, number>();
  const members = new Map<string, number>();
  const totalsOf = (appealId: string) => {
    let summary = totals.get(appealId);
    if (!summary) totals.set(appealId, (summary = readTotals(file, appealId)));
    return summary;
  };
  const change = (appealId: string, act: { method: Method; space: string; at: string }, delta: 1 | -1, memberDelta: 0 | 1 | -1) => {
    const summary = totalsOf(appealId);
    summary.actions += delta;
    summary.members += memberDelta;
    const byMethod = (summary.byMethod[act.method] ?? 0) + delta;
    if (byMethod > 0) summary.byMethod[act.method] = byMethod;
    else delete summary.byMethod[act.method];
    // One bucket per appeal, space, hour and method: every counter is a sum of these (writeDeltas).
    const bucket = `${appealId}\u0000${act.space}\u0000${hourOf(act.at)}\u0000${act.method}`;
    hours.set(bucket, (hours.get(bucket) ?? 0) + delta);
    if (memberDelta !== 0) members.set(appealId, (members.get(appealId) ?? 0) + memberDelta);
  };
  const snapshot = (appealId: string) => {
    const summary = totalsOf(appealId);
    return { ...summary, byMethod: { ...summary.byMethod } };
  };
  const insert = file.statement('INSERT OR IGNORE INTO ledger_actions(appeal, member, method, at, space) VALUES (?, ?, ?, ?, ?)');
  // Whether the member has another action for this appeal: one probe of the unique key, stopping at the first.
  const another = file.statement('SELECT 1 FROM ledger_actions WHERE member = ? AND appeal = ? AND method <> ? LIMIT 1').pluck();
  const removeOne = file.statement('DELETE FROM ledger_actions WHERE member = ? AND appeal = ? AND method = ? RETURNING at, space');
  const removeAll = file.statement('DELETE FROM ledger_actions WHERE member = ? RETURNING appeal, method, at, space');
  const answers: Array<() => void> = [];
  // The delivery's claim, as SqliteClaims takes it: a row not expired means handled before.
  const claim = file.statement('INSERT INTO claims(key, expires) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET expires = excluded.expires WHERE claims.expires <= ?');
  const claimed = (unit: WriteUnit | undefined) => !unit?.claim || claim.run(claimHash(unit.claim.key), now + unit.claim.ttlMs, now).changes === 1;
  // The events commit with the change they follow from; `changed` is told once the commit is on disk.
  const follow = (op: Write, changed: boolean): (() => void) => {
    if (!changed || !op.unit) return () => undefined;
    if (op.unit.onChange?.length) insertEvents(file, op.unit.onChange, op.at);
    return op.unit.changed ?? (() => undefined);
  };

  for (const op of batch) {
    if (op.kind !== 'forget' && !claimed(op.unit)) {
      answers.push(() => op.fail(new AlreadyHandled()));
      continue;
    }
    if (op.kind === 'record') {
      const { appealId, space } = op.drive;
      const at = op.at.toISOString();
      if (insert.run(appealId, op.member, op.method, at, space).changes === 0) {
        const tally = snapshot(appealId);
        answers.push(() => op.done({ created: false, tally }));
        continue;
      }
      const first = another.get(op.member, appealId, op.method) === undefined;
      change(appealId, { method: op.method, space, at }, 1, first ? 1 : 0);
      const tally = snapshot(appealId);
      const changed = follow(op, true);
      answers.push(() => {
        changed();
        op.done({ created: true, tally });
      });
    } else if (op.kind === 'undo') {
      const appealId = op.drive.appealId;
      const removed = removeOne.get(op.member, appealId, op.method) as { at: string; space: string } | undefined;
      if (removed) {
        const last = another.get(op.member, appealId, op.method) === undefined;
        change(appealId, { method: op.method, ...removed }, -1, last ? -1 : 0);
      }
      const tally = snapshot(appealId);
      const changed = follow(op, removed !== undefined);
      answers.push(() => {
        changed();
        op.done({ removed: removed !== undefined, tally });
      });
    } else {
      const rows = removeAll.all(op.member) as Array<{ appeal: string; method: Method; at: string; space: string }>;
      const seen = new Set<string>();
      for (const row of rows) {
        change(row.appeal, row, -1, seen.has(row.appeal) ? 0 : -1);
        seen.add(row.appeal);
      }
      answers.push(() => op.done(rows.length));
    }
  }
  writeDeltas(file, hours, members);
  return answers;
}

/**
 * Adds the batch's deltas to the counters (a counter at zero goes: tallies omit zeros). Every
 * counter but members is a sum of the hour buckets, so the per-action work is one bucket.
 */
function writeDeltas(file: SqliteFile, hours: Map<string, number>, members: Map<string, number>): void {
  const counters = new Map<string, number>();
  const add = (key: string, delta: number) => counters.set(key, (counters.get(key) ?? 0) + delta);
  const bumpHour = file.statement('INSERT INTO ledger_hours(appeal, space, hour, method, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n');
  const pruneHour = file.statement('DELETE FROM ledger_hours WHERE appeal = ? AND space = ? AND hour = ? AND method = ? AND n <= 0');
  for (const [bucket, delta] of hours) {
    if (delta === 0) continue;
    const [appealId, space, hour, method] = bucket.split('\u0000') as [string, string, string, string];
    bumpHour.run(appealId, space, hour, method, delta);
    if (delta < 0) pruneHour.run(appealId, space, hour, method);
    add(`${appealId}\u0000total\u0000actions`, delta);
    add(`${appealId}\u0000method\u0000${method}`, delta);
    add(`${appealId}\u0000space\u0000${space}`, delta);
    add(`${appealId}\u0000platform\u0000${platformOf(space)}`, delta);
  }
  for (const [appealId, delta] of members) add(`${appealId}\u0000total\u0000members`, delta);
  const bump = file.statement('INSERT INTO ledger_counters(appeal, kind, key, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n');
  const prune = file.statement('DELETE FROM ledger_counters WHERE appeal = ? AND kind = ? AND key = ? AND n <= 0');
  for (const [key, delta] of counters) {
    if (delta === 0) continue;
    const [appealId, kind, name] = key.split('\u0000') as [string, Kind, string];
    bump.run(appealId, kind, name, delta);
    if (delta < 0) prune.run(appealId, kind, name);
  }
}
