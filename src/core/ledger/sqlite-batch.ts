import { platformOf, type Drive, type Method } from '../drive.js';
import type { SqliteFile } from '../store/sqlite-file.js';
import { adjustTally, copyTally, emptyTally, hourOf, type RecordResult, type Tally, type UndoResult } from './ledger.js';

export type Op =
  | { kind: 'record'; drive: Drive; member: string; method: Method; at: Date; done: (r: RecordResult) => void; fail: (e: unknown) => void }
  | { kind: 'undo'; drive: Drive; member: string; method: Method; at: Date; done: (r: UndoResult) => void; fail: (e: unknown) => void }
  | { kind: 'forget'; member: string; done: (removed: number) => void; fail: (e: unknown) => void };

type Kind = 'total' | 'method' | 'space' | 'platform';

const TALLY_SQL = 'SELECT kind, key, n FROM ledger_counters WHERE appeal = ?';

/**
 * Reads an appeal's counters into a tally: one range of ledger_counters. Rows come as arrays
 * (`raw`), not objects: the hot read allocates a third less and the collector runs less often.
 */
export function readTally(file: SqliteFile, appealId: string): Tally {
  const tally = emptyTally(appealId);
  const rows = file.statement(TALLY_SQL).raw(true).all(appealId) as Array<[Kind, string, number]>;
  for (const [kind, key, n] of rows) {
    if (kind === 'total') tally[key === 'members' ? 'members' : 'actions'] = n;
    else if (kind === 'method') tally.byMethod[key as Method] = n;
    else if (kind === 'space') tally.bySpace[key] = n;
    else tally.byPlatform[key] = n;
  }
  return tally;
}

/**
 * Applies a batch inside one transaction (the caller runs it under BEGIN IMMEDIATE) and returns how
 * to answer each caller once it has committed. Pure apart from the SQL: if SQLite is busy, the whole
 * function runs again. Each caller gets the tally as its own action left it, as a serial ledger would.
 */
export function applyBatch(file: SqliteFile, batch: Op[]): Array<() => void> {
  const before = new Map<string, Tally>();
  const tallies = new Map<string, Tally>();
  const hours = new Map<string, number>();
  const tallyOf = (appealId: string) => {
    let tally = tallies.get(appealId);
    if (!tally) {
      const read = readTally(file, appealId);
      before.set(appealId, read);
      tally = copyTally(read);
      tallies.set(appealId, tally);
    }
    return tally;
  };
  const change = (appealId: string, act: { method: Method; space: string; at: string }, delta: 1 | -1, memberDelta: 0 | 1 | -1) => {
    adjustTally(tallyOf(appealId), { method: act.method, space: act.space, platform: platformOf(act.space), delta, memberDelta });
    const bucket = [appealId, act.space, hourOf(act.at), act.method].join('\u0000');
    hours.set(bucket, (hours.get(bucket) ?? 0) + delta);
  };
  const insert = file.statement('INSERT OR IGNORE INTO ledger_actions(appeal, member, method, at, space) VALUES (?, ?, ?, ?, ?)');
  const countOf = file.statement('SELECT count(*) AS n FROM ledger_actions WHERE member = ? AND appeal = ?');
  const removeOne = file.statement('DELETE FROM ledger_actions WHERE member = ? AND appeal = ? AND method = ? RETURNING at, space');
  const removeAll = file.statement('DELETE FROM ledger_actions WHERE member = ? RETURNING appeal, method, at, space');
  const answers: Array<() => void> = [];

  for (const op of batch) {
    if (op.kind === 'record') {
      const { appealId, space } = op.drive;
      const at = op.at.toISOString();
      if (insert.run(appealId, op.member, op.method, at, space).changes === 0) {
        const tally = copyTally(tallyOf(appealId));
        answers.push(() => op.done({ created: false, tally }));
        continue;
      }
      const first = (countOf.get(op.member, appealId) as { n: number }).n === 1;
      change(appealId, { method: op.method, space, at }, 1, first ? 1 : 0);
      const tally = copyTally(tallyOf(appealId));
      answers.push(() => op.done({ created: true, tally }));
    } else if (op.kind === 'undo') {
      const appealId = op.drive.appealId;
      const removed = removeOne.get(op.member, appealId, op.method) as { at: string; space: string } | undefined;
      if (removed) {
        const last = (countOf.get(op.member, appealId) as { n: number }).n === 0;
        change(appealId, { method: op.method, ...removed }, -1, last ? -1 : 0);
      }
      const tally = copyTally(tallyOf(appealId));
      answers.push(() => op.done({ removed: removed !== undefined, tally }));
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
  for (const [appealId, tally] of tallies) writeCounters(file, appealId, before.get(appealId)!, tally);
  writeHours(file, hours);
  return answers;
}

/** Writes the counters that changed in this batch (a zero removes the row, as tallies omit zeros). */
function writeCounters(file: SqliteFile, appealId: string, before: Tally, after: Tally): void {
  const upsert = file.statement('INSERT INTO ledger_counters(appeal, kind, key, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = excluded.n');
  const remove = file.statement('DELETE FROM ledger_counters WHERE appeal = ? AND kind = ? AND key = ?');
  const write = (kind: Kind, key: string, was: number | undefined, now: number | undefined) => {
    if (was === now) return;
    if (now === undefined || now <= 0) remove.run(appealId, kind, key);
    else upsert.run(appealId, kind, key, now);
  };
  write('total', 'actions', before.actions || undefined, after.actions || undefined);
  write('total', 'members', before.members || undefined, after.members || undefined);
  const tables: Array<[Kind, Record<string, number>, Record<string, number>]> = [
    ['method', before.byMethod, after.byMethod],
    ['space', before.bySpace, after.bySpace],
    ['platform', before.byPlatform, after.byPlatform],
  ];
  for (const [kind, was, now] of tables) {
    for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) write(kind, key, was[key], now[key]);
  }
}

function writeHours(file: SqliteFile, hours: Map<string, number>): void {
  const bump = file.statement('INSERT INTO ledger_hours(appeal, space, hour, method, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n');
  const prune = file.statement('DELETE FROM ledger_hours WHERE appeal = ? AND space = ? AND hour = ? AND method = ? AND n <= 0');
  for (const [bucket, delta] of hours) {
    if (delta === 0) continue;
    const [appealId, space, hour, method] = bucket.split('\u0000') as [string, string, string, string];
    bump.run(appealId, space, hour, method, delta);
    if (delta < 0) prune.run(appealId, space, hour, method);
  }
}
