// Asks Redis to rewrite its append-only file after deletions, at most once a minute.
import { StoreError } from '../errors.js';
import type { Clock } from '../time.js';

/** The node-redis commands the AOF rewrite uses. */
export type RedisAdmin = {
  info(section: string): Promise<string>;
  bgRewriteAof(): Promise<unknown>;
  set(key: string, value: string): Promise<unknown>;
  del(key: string): Promise<unknown>;
  exists(key: string): Promise<number>;
};

/** An AOF rewrite copies the whole data set: at most one a minute, unless one is owed at a stop or a start. */
const REWRITE_EVERY_MS = 60_000;
/** How often a rewrite that has to wait for the one in progress asks again. */
const POLL_MS = 250;

export type AofRewriter = (() => Promise<void>) & {
  /**
   * Does the rewrite still owed (asked within the minute of the last one), now, and waits up to
   * `boundMs` for Redis to finish it: run at a stop, before the connection closes.
   */
  flush(boundMs: number): Promise<void>;
  /** At a start: the rewrite a process owed when it died (its mark is in Redis) is done now. */
  resume(): Promise<void>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The append-only file keeps deleted values until Redis rewrites it. After a deletion, asks for a
 * rewrite (BGREWRITEAOF) when AOF is on. Within a minute of the last one, or while one runs (its copy
 * was taken before this deletion, so it would keep the deleted values), the rewrite is owed: it is
 * done once the minute is over, at the stop at the latest, and a mark in Redis (`pendingKey`) has the
 * next start do it if the process died owing it.
 */
export function aofRewriter(client: RedisAdmin, pendingKey: string, clock: Clock): AofRewriter {
  // performance.now() (monotonic, from the process start): never rewritten yet is no rewrite to wait for.
  let last = -Infinity;
  let later: NodeJS.Timeout | undefined;
  let owed = false;
  const aofOn = async () => /^aof_enabled:1/m.test(await client.info('persistence'));
  const inProgress = async () => /^aof_rewrite_in_progress:1/m.test(await client.info('persistence'));

  const rewrite = async (): Promise<boolean> => {
    last = performance.now();
    try {
      await client.bgRewriteAof();
    } catch (error) {
      // A rewrite already running copied the data set before this deletion: another one is owed.
      if (/already in progress/i.test((error as Error).message)) return false;
      throw error;
    }
    owed = false;
    await client.del(pendingKey);
    return true;
  };

  const owe = async (waitMs: number) => {
    if (!owed) await client.set(pendingKey, clock.now().toISOString());
    owed = true;
    later ??= setTimeout(() => {
      later = undefined;
      void scrub().catch(() => undefined);
    }, waitMs).unref();
  };

  const scrub = async () => {
    try {
      if (!(await aofOn())) return;
      const wait = last + REWRITE_EVERY_MS - performance.now();
      if (wait > 0) return await owe(wait);
      if (await inProgress()) return await owe(POLL_MS);
      if (!(await rewrite())) await owe(POLL_MS);
    } catch (error) {
      throw new StoreError(`Redis refused an AOF rewrite: ${(error as Error).message}`, { cause: error });
    }
  };

  /** Rewrites now, after any rewrite in progress, and waits for Redis to finish; within `boundMs`. */
  const rewriteNow = async (boundMs: number) => {
    const until = performance.now() + boundMs;
    while (performance.now() < until) {
      if (!(await inProgress()) && (await rewrite())) break;
      await sleep(POLL_MS);
    }
    while (performance.now() < until && (await inProgress())) await sleep(POLL_MS);
  };

  const flush = async (boundMs: number) => {
    clearTimeout(later);
    later = undefined;
    if (!owed) return;
    await rewriteNow(boundMs).catch(() => undefined);
  };

  const resume = async () => {
    if ((await client.exists(pendingKey)) === 0) return;
    owed = true;
    if (!(await aofOn())) return void (await client.del(pendingKey));
    // Not waited for: the start goes on while Redis rewrites; the mark goes once it is asked.
    void rewriteNow(REWRITE_EVERY_MS).catch(() => undefined);
  };

  return Object.assign(scrub, { flush, resume });
}
