import { StoreError } from '../errors.js';

/** The node-redis commands the AOF rewrite uses. */
export type RedisAdmin = { info(section: string): Promise<string>; bgRewriteAof(): Promise<unknown> };

/** An AOF rewrite copies the whole data set: at most one a minute. */
const REWRITE_EVERY_MS = 60_000;

/**
 * The append-only file keeps deleted values until Redis rewrites it. After a deletion, asks for a
 * rewrite (BGREWRITEAOF) when AOF is on; within a minute of the last one, once that minute is over.
 */
export function aofRewriter(client: RedisAdmin): (() => Promise<void>) & { cancel(): void } {
  let last = 0;
  let later: NodeJS.Timeout | undefined;
  const rewrite = async () => {
    const info = await client.info('persistence');
    if (!/^aof_enabled:1/m.test(info)) return;
    last = Date.now();
    await client.bgRewriteAof().catch((error: Error) => {
      // One already running or scheduled copies the current data set too.
      if (!/in progress|already/i.test(error.message)) throw error;
    });
  };
  const scrub = async () => {
    const wait = last + REWRITE_EVERY_MS - Date.now();
    if (wait > 0) {
      later ??= setTimeout(() => {
        later = undefined;
        void rewrite().catch(() => undefined);
      }, wait).unref();
      return;
    }
    try {
      await rewrite();
    } catch (error) {
      throw new StoreError(`Redis refused an AOF rewrite: ${(error as Error).message}`, { cause: error });
    }
  };
  return Object.assign(scrub, { cancel: () => clearTimeout(later) });
}
