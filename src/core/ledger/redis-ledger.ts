// The action ledger on Redis: batches per appeal through Lua scripts, counts exact across
// processes.
import { assertOpen, METHODS, platformOf, type CaseRef, type Method } from '../drive.js';
import { BatchQueue } from '../batch-queue.js';
import { claimHash } from '../claims.js';
import { crashPoint } from '../crash-points.js';
import { AlreadyHandled, StoreError } from '../errors.js';
import { eventsArgument, outboxKeys } from '../events/redis-outbox.js';
import { RECORD_BATCH, REMOVE, SCRIPT_SHA } from './redis-scripts.js';
import { adjustTally, collectRows, emptyTally, summaryOf, type ActionLedger, type ActionRow, type RecordResult, type SeriesPoint, type Tally, type UndoResult, type WriteUnit } from './ledger.js';

/** The part of a node-redis client this ledger uses (the client `@keyv/redis` exposes). */
export interface RedisCommands {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  sAdd(key: string, member: string): Promise<unknown>;
  sMembers(key: string): Promise<string[]>;
  hGetAll(key: string): Promise<Record<string, string>>;
  hmGet(key: string, fields: string[]): Promise<Array<string | null>>;
  hScan(key: string, cursor: string, options?: { COUNT?: number }): Promise<{ cursor: string; entries: Array<{ field: string; value: string }> }>;
}

type Pending = { drive: CaseRef; member: string; method: Method; at: Date; unit?: WriteUnit; done: (r: RecordResult) => void; fail: (e: unknown) => void };

/** Actions per script call: long enough to batch a burst, short enough to keep Redis responsive. */
const MAX_BATCH = 512;

/**
 * The scale-out ledger: every change is a Lua script over three hashes per appeal, so any number
 * of processes share one exact count. Actions waiting in this process for the same appeal go in one
 * script call (one round trip); tally reads are one HGETALL of a small counter hash.
 */
export class RedisLedger implements ActionLedger {
  /** Appeals this process has already added to the appeals set (used by forget). */
  private readonly registered = new Set<string>();
  /** One queue per appeal (one script call changes one appeal's hashes), kept like `registered`. */
  private readonly queues = new Map<string, BatchQueue<Pending>>();

  private readonly prefix: string;
  private readonly scrub: () => Promise<void>;
  private readonly marker: { key: string; value: string } | undefined;
  private readonly onReset: () => void;

  /**
   * `scrub` runs after a forget (an AOF rewrite, so the deleted values leave the file). With a
   * `marker`, every script first checks that the store's marker still holds its value: a Redis that
   * came back empty refuses (STORE_RESET) and `onReset` is told.
   */
  constructor(
    private readonly redis: RedisCommands,
    options: { prefix?: string; scrub?: () => Promise<void>; marker?: { key: string; value: string }; onReset?: () => void } = {},
  ) {
    this.prefix = options.prefix ?? 'actionbot:';
    this.scrub = options.scrub ?? (async () => undefined);
    this.marker = options.marker;
    this.onReset = options.onReset ?? (() => undefined);
  }

  async record(input: { drive: CaseRef; member: string; method: Method; at: Date }, unit?: WriteUnit): Promise<RecordResult> {
    assertOpen(input.drive, input.at);
    const appealId = input.drive.appealId;
    if (!this.registered.has(appealId)) {
      await this.call(() => this.redis.sAdd(this.appealsKey(), appealId));
      this.registered.add(appealId);
    }
    let queue = this.queues.get(appealId);
    // The first action goes at once, alone; those that come meanwhile share the next script call.
    if (!queue) this.queues.set(appealId, (queue = new BatchQueue<Pending>((batch) => this.commit(appealId, batch), { max: MAX_BATCH })));
    return new Promise((done, fail) => queue.add({ ...input, unit, done, fail }));
  }

  /** One script call; a batch that fails as a whole fails each of its actions (the queue does that). */
  private async commit(appealId: string, batch: Pending[]): Promise<void> {
    const args = batch.flatMap((p) => [p.member, p.method, `${p.at.toISOString()}|${p.drive.space}`, p.drive.space, platformOf(p.drive.space), ...this.unitArgs(p.unit, p.at)]);
    const [results, flat] = (await this.script(RECORD_BATCH, appealId, args)) as [number[], string[]];
    crashPoint('after-ledger-commit');
    // Walk back from the tally after the batch, so that each caller gets the tally its own action made.
    const tally = parseTally(appealId, flat);
    const settled: Array<() => void> = [];
    for (let i = batch.length - 1; i >= 0; i--) {
      const pending = batch[i]!;
      const outcome = Number(results[i]);
      if (outcome < 0) {
        settled.push(() => pending.fail(new AlreadyHandled()));
        continue;
      }
      const snapshot = summaryOf(tally);
      settled.push(() => {
        if (outcome > 0) pending.unit?.changed?.();
        pending.done({ created: outcome > 0, tally: snapshot });
      });
      if (outcome > 0) {
        adjustTally(tally, { method: pending.method, space: pending.drive.space, platform: platformOf(pending.drive.space), delta: -1, memberDelta: outcome === 2 ? -1 : 0 });
      }
    }
    for (const settle of settled.reverse()) settle();
  }

  async undo(input: { drive: CaseRef; member: string; method: Method; at: Date }, unit?: WriteUnit): Promise<UndoResult> {
    const { drive, member, method, at } = input;
    assertOpen(drive, at);
    const [removed, flat] = (await this.script(REMOVE, drive.appealId, [member, ...this.unitArgs(unit, at), method])) as [number, string[]];
    crashPoint('after-ledger-commit');
    if (removed < 0) throw new AlreadyHandled();
    if (removed > 0) unit?.changed?.();
    return { removed: removed > 0, tally: parseTally(drive.appealId, flat) };
  }

  /** A write's claim key and lifetime and its events, as the scripts take them ('' for none). */
  private unitArgs(unit: WriteUnit | undefined, at: Date): [string, string, string] {
    const claim = unit?.claim;
    return [claim ? `${this.prefix}claim:${claimHash(claim.key)}` : '', String(claim?.ttlMs ?? 0), eventsArgument(unit?.onChange, at)];
  }

  async forget(member: string): Promise<number> {
    const appeals = await this.call(() => this.redis.sMembers(this.appealsKey()));
    let removed = 0;
    for (const appealId of appeals) removed += Number(((await this.script(REMOVE, appealId, [member, '', '0', '', ...METHODS])) as [number, string[]])[0]);
    if (removed > 0) await this.scrub();
    return removed;
  }

  /** HSCAN pages of the actions hash, each page's fields deleted by one script; then the per-member counts (member keys only). */
  async purge(appealId: string): Promise<number> {
    const [acts, members] = this.keys(appealId);
    let removed = 0;
    let cursor = '0';
    do {
      const page = await this.call(() => this.redis.hScan(acts, cursor, { COUNT: 1000 }));
      cursor = String(page.cursor);
      const fields = page.entries.map((e) => e.field);
      if (fields.length > 0) removed += Number(await this.call(() => this.redis.eval(DELETE_FIELDS, { keys: [acts], arguments: fields })));
    } while (cursor !== '0');
    await this.call(() => this.redis.eval(DELETE_KEY, { keys: [members], arguments: [] }));
    if (removed > 0) await this.scrub();
    return removed;
  }

  async tally(appealId: string): Promise<Tally> {
    const hash = await this.call(() => this.redis.hGetAll(this.keys(appealId)[2]));
    return tallyOfHash(appealId, hash);
  }

  async methodsOf(appealId: string, member: string): Promise<Method[]> {
    const values = await this.call(() => this.redis.hmGet(this.keys(appealId)[0], METHODS.map((m) => `${member}|${m}`)));
    return METHODS.filter((_, i) => values[i] != null);
  }

  /** Pages of HSCAN over the appeal's actions hash: Redis keeps no time order, rows come in scan order. */
  async *exportRows(appealId: string, options: { pageSize?: number } = {}): AsyncIterable<ActionRow> {
    const count = Math.max(1, options.pageSize ?? 1000);
    let cursor = '0';
    do {
      const page = await this.call(() => this.redis.hScan(this.keys(appealId)[0], cursor, { COUNT: count }));
      cursor = String(page.cursor);
      for (const { field, value } of page.entries) {
        const [member, method] = field.split('|') as [string, Method];
        const bar = value.indexOf('|');
        const space = value.slice(bar + 1);
        yield { at: value.slice(0, bar), space, platform: platformOf(space), method, member };
      }
    } while (cursor !== '0');
  }

  /** Every row, sorted by time here (Redis keeps no order). */
  async export(appealId: string): Promise<ActionRow[]> {
    return (await collectRows(this.exportRows(appealId))).sort((a, b) => a.at.localeCompare(b.at));
  }

  async series(appealId: string, space?: string): Promise<SeriesPoint[]> {
    const hours = this.keys(appealId)[3];
    const hash = await this.call(() => this.redis.hGetAll(space === undefined ? hours : `${hours}:${space}`));
    return Object.entries(hash)
      .map(([field, n]) => {
        const [hour, method] = field.split('|') as [string, Method];
        return { hour, method, count: Number(n) };
      })
      .filter((p) => p.count > 0)
      .sort((a, b) => a.hour.localeCompare(b.hour) || a.method.localeCompare(b.method));
  }

  private keys(appealId: string): [string, string, string, string] {
    const base = `${this.prefix}ledger:{${appealId}}`;
    return [`${base}:acts`, `${base}:members`, `${base}:tally`, `${base}:hours`];
  }

  private appealsKey(): string {
    return `${this.prefix}ledger:appeals`;
  }

  private async script(script: string, appealId: string, args: string[]): Promise<unknown> {
    // Without a marker (tests of the ledger alone), a key that never exists and an expected nil.
    const marker = this.marker ?? { key: `${this.prefix}ledger:{${appealId}}:no-marker`, value: '' };
    const outbox = outboxKeys(this.prefix);
    const options = { keys: [...this.keys(appealId), marker.key, outbox.events, outbox.ids], arguments: [marker.value, ...args] };
    // The script's hash, not its text, on every call; Redis learns the text on the first NOSCRIPT.
    try {
      crashPoint('before-ledger-commit');
      return await this.call(() =>
        this.redis.evalSha(SCRIPT_SHA.get(script)!, options).catch((error: Error) => {
          if (!error.message.startsWith('NOSCRIPT')) throw error;
          return this.redis.eval(script, options);
        }),
      );
    } catch (error) {
      if (!String((error as Error).message).includes('STORE_RESET')) throw error;
      this.onReset();
      throw new StoreError('the Redis store was reset (its marker is gone): recording has stopped so that the count does not restart from zero', { cause: error, stopped: true });
    }
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw new StoreError(`Redis refused the ledger command: ${(error as Error).message}`, { cause: error });
    }
  }
}

const DELETE_FIELDS = `return redis.call('HDEL', KEYS[1], unpack(ARGV))`;
const DELETE_KEY = `return redis.call('DEL', KEYS[1])`;

/** One field of the tally hash into the tally. */
function countField(tally: Tally, field: string, n: number): void {
  if (field === 'actions') tally.actions = n;
  else if (field === 'members') tally.members = n;
  else if (field.startsWith('m:')) tally.byMethod[field.slice(2) as Method] = n;
  else if (field.startsWith('s:')) tally.bySpace[field.slice(2)] = n;
  else if (field.startsWith('p:')) tally.byPlatform[field.slice(2)] = n;
}

/** The tally hash as a script returns it: field, value, field, value... */
function parseTally(appealId: string, flat: string[]): Tally {
  const tally = emptyTally(appealId);
  for (let i = 0; i + 1 < flat.length; i += 2) countField(tally, flat[i]!, Number(flat[i + 1]));
  return tally;
}

/** The tally hash as HGETALL gives it, read in place: no intermediate arrays on the hot read. */
function tallyOfHash(appealId: string, hash: Record<string, string>): Tally {
  const tally = emptyTally(appealId);
  for (const field in hash) countField(tally, field, Number(hash[field]));
  return tally;
}
