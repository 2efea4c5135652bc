import type Keyv from 'keyv';
import { assertOpen, platformOf, type Drive, type Method } from '../drive.js';
import { StoreError } from '../errors.js';
import { SerialQueue } from '../guard.js';
import { chunkKey, memberKey, recount, tallyKey, writingKey, type MemberRecord, type TallyRecord } from './keyv-recount.js';
import { adjustTally, emptyTally, type ActionLedger, type ActionRow, type RecordResult, type Tally, type UndoResult } from './ledger.js';


type Op =
  | { kind: 'record'; drive: Drive; member: string; method: Method; at: Date; done: (r: RecordResult) => void; fail: (e: unknown) => void }
  | { kind: 'undo'; drive: Drive; member: string; method: Method; at: Date; done: (r: UndoResult) => void; fail: (e: unknown) => void }
  | { kind: 'forget'; member: string; done: (removed: number) => void; fail: (e: unknown) => void };

/** Members per index chunk: the export walks chunks instead of scanning the store. */
const CHUNK = 1000;

/**
 * The embedded ledger on keyv (SQLite by default). keyv has no atomic operations, so writes are
 * serialised per appeal in this process: every operation waiting for an appeal is applied in one
 * batch (one read of the keys it touches, one write of what changed). One process only: several
 * processes must use the Redis ledger.
 */
export class KeyvLedger implements ActionLedger {
  private readonly queues = new Map<string, Op[]>();
  /** The list of appeals is shared by every queue, so its updates take turns too. */
  private readonly registration = new SerialQueue();

  constructor(private readonly kv: Keyv) {}

  record(input: { drive: Drive; member: string; method: Method; at: Date }): Promise<RecordResult> {
    try {
      assertOpen(input.drive, input.at);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((done, fail) => this.enqueue(input.drive.appealId, { kind: 'record', ...input, done, fail }));
  }

  undo(input: { drive: Drive; member: string; method: Method; at: Date }): Promise<UndoResult> {
    try {
      assertOpen(input.drive, input.at);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((done, fail) => this.enqueue(input.drive.appealId, { kind: 'undo', ...input, done, fail }));
  }

  async forget(member: string): Promise<number> {
    const appeals = (await this.read<string[]>('ledger:appeals')) ?? [];
    const removed = await Promise.all(
      appeals.map((appealId) => new Promise<number>((done, fail) => this.enqueue(appealId, { kind: 'forget', member, done, fail }))),
    );
    return removed.reduce((a, b) => a + b, 0);
  }

  async tally(appealId: string): Promise<Tally> {
    const [stored, writing] = await this.readMany<TallyRecord | true>([tallyKey(appealId), writingKey(appealId)]);
    // Half-written (the writer crashed): count the records rather than show a stale tally.
    if (writing) return (await this.guard(() => recount(this.kv, appealId))).tally;
    return (stored as TallyRecord | undefined)?.tally ?? emptyTally(appealId);
  }

  async methodsOf(appealId: string, member: string): Promise<Method[]> {
    const stored = await this.read<MemberRecord>(memberKey(appealId, member));
    return stored ? (Object.keys(stored.acts) as Method[]) : [];
  }

  async export(appealId: string): Promise<ActionRow[]> {
    const stored = await this.read<TallyRecord>(tallyKey(appealId));
    if (!stored) return [];
    const rows: ActionRow[] = [];
    for (let chunk = 0; chunk <= stored.index.chunk; chunk++) {
      const members = (await this.read<string[]>(chunkKey(appealId, chunk))) ?? [];
      const records = await this.readMany<MemberRecord>(members.map((m) => memberKey(appealId, m)));
      members.forEach((member, i) => {
        for (const [method, act] of Object.entries(records[i]?.acts ?? {})) {
          rows.push({ at: act.at, space: act.space, platform: platformOf(act.space), method: method as Method, member });
        }
      });
    }
    return rows.sort((a, b) => a.at.localeCompare(b.at));
  }

  private enqueue(appealId: string, op: Op): void {
    const queue = this.queues.get(appealId);
    if (queue) {
      queue.push(op);
      return;
    }
    this.queues.set(appealId, [op]);
    void this.drain(appealId);
  }

  private async drain(appealId: string): Promise<void> {
    for (;;) {
      const batch = this.queues.get(appealId) ?? [];
      if (batch.length === 0) {
        this.queues.delete(appealId);
        return;
      }
      this.queues.set(appealId, []);
      try {
        await this.apply(appealId, batch);
      } catch (error) {
        const wrapped = error instanceof StoreError ? error : new StoreError('the store refused a ledger write', { cause: error });
        for (const op of batch) op.fail(wrapped);
      }
    }
  }

  private async apply(appealId: string, batch: Op[]): Promise<void> {
    const members = [...new Set(batch.map((op) => op.member))];
    const [stored, writing, ...records] = await this.readMany<TallyRecord | MemberRecord | true>([
      tallyKey(appealId),
      writingKey(appealId),
      ...members.map((m) => memberKey(appealId, m)),
    ]);
    // An earlier batch stopped half-way: make the tally match the records before going on.
    const state = writing ? await this.guard(() => recount(this.kv, appealId)) : ((stored as TallyRecord | undefined) ?? { tally: emptyTally(appealId), index: { chunk: 0, size: 0 } });
    const byMember = new Map(members.map((m, i) => [m, records[i] as MemberRecord | undefined]));
    const dirty = new Set<string>();
    const chunks = new Map<number, string[]>();
    const loadChunk = async (n: number) => {
      if (!chunks.has(n)) chunks.set(n, (await this.read<string[]>(chunkKey(appealId, n))) ?? []);
      return chunks.get(n)!;
    };
    const results: Array<() => void> = [];

    for (const op of batch) {
      let record = byMember.get(op.member);
      if (op.kind === 'record') {
        if (record?.acts[op.method]) {
          const tally = structuredClone(state.tally);
          results.push(() => op.done({ created: false, tally }));
          continue;
        }
        if (!record) {
          if (state.index.size >= CHUNK) state.index = { chunk: state.index.chunk + 1, size: 0 };
          record = { chunk: state.index.chunk, acts: {} };
          (await loadChunk(record.chunk)).push(op.member);
          state.index.size += 1;
          byMember.set(op.member, record);
        }
        const firstAct = Object.keys(record.acts).length === 0;
        record.acts[op.method] = { at: op.at.toISOString(), space: op.drive.space };
        adjustTally(state.tally, { method: op.method, space: op.drive.space, platform: platformOf(op.drive.space), delta: 1, memberDelta: firstAct ? 1 : 0 });
        dirty.add(op.member);
        // Each caller gets the tally as its own action left it, as a serial ledger would.
        const tally = structuredClone(state.tally);
        results.push(() => op.done({ created: true, tally }));
      } else {
        const methods = op.kind === 'undo' ? [op.method] : (Object.keys(record?.acts ?? {}) as Method[]);
        let removed = 0;
        for (const method of methods) {
          const act = record?.acts[method];
          if (!record || !act) continue;
          delete record.acts[method];
          removed += 1;
          const lastAct = Object.keys(record.acts).length === 0;
          adjustTally(state.tally, { method, space: act.space, platform: platformOf(act.space), delta: -1, memberDelta: lastAct ? -1 : 0 });
          dirty.add(op.member);
        }
        const tally = structuredClone(state.tally);
        if (op.kind === 'undo') results.push(() => op.done({ removed: removed > 0, tally }));
        else results.push(() => op.done(removed));
      }
    }

    const writes: Array<{ key: string; value: unknown }> = [];
    const deletes: string[] = [];
    for (const member of dirty) {
      const record = byMember.get(member)!;
      if (Object.keys(record.acts).length > 0) {
        writes.push({ key: memberKey(appealId, member), value: record });
      } else {
        deletes.push(memberKey(appealId, member));
        const list = await loadChunk(record.chunk);
        const at = list.indexOf(member);
        if (at !== -1) list.splice(at, 1);
        byMember.delete(member);
      }
    }
    for (const [n, list] of chunks) writes.push({ key: chunkKey(appealId, n), value: list });
    if (!stored && dirty.size > 0) await this.registerAppeal(appealId);
    await this.guard(async () => {
      if (dirty.size === 0 && !writing) return;
      await this.kv.set(writingKey(appealId), true);
      if (writes.length > 0) await this.kv.setMany(writes);
      if (deletes.length > 0) await this.kv.deleteMany(deletes);
      // The tally goes last: a failure above leaves the old tally, never one ahead of the records,
      // and the marker left behind makes the next batch recount.
      await this.kv.set(tallyKey(appealId), state);
      await this.kv.delete(writingKey(appealId));
    });
    for (const settle of results) settle();
  }

  private registerAppeal(appealId: string): Promise<void> {
    return this.registration.run(async () => {
      const appeals = (await this.read<string[]>('ledger:appeals')) ?? [];
      if (!appeals.includes(appealId)) await this.kv.set('ledger:appeals', [...appeals, appealId]);
    });
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw error instanceof StoreError ? error : new StoreError('the store refused a ledger write', { cause: error });
    }
  }

  private async read<T>(key: string): Promise<T | undefined> {
    try {
      return (await this.kv.get(key)) as T | undefined;
    } catch (error) {
      throw new StoreError('the store could not be read', { cause: error });
    }
  }

  private async readMany<T>(keys: string[]): Promise<Array<T | undefined>> {
    if (keys.length === 0) return [];
    try {
      return (await this.kv.getMany(keys)) as Array<T | undefined>;
    } catch (error) {
      throw new StoreError('the store could not be read', { cause: error });
    }
  }
}


