import type Keyv from 'keyv';
import { StoreError } from './errors.js';

/**
 * "Am I the first to handle this?": retried platform deliveries (Slack retries, Telegram update ids,
 * Discord interaction ids) and reminder slots shared by several processes are claimed once.
 */
export interface ClaimStore {
  /** True for exactly one caller per key until the claim expires. */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

/** One process: claims take turns in memory, and live in the store so a restart still remembers. */
export class KeyvClaims implements ClaimStore {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly kv: Keyv) {}

  claim(key: string, ttlMs: number): Promise<boolean> {
    const next = this.tail.then(async () => {
      try {
        // keyv expires the entry itself (and deletes it when it is next read).
        const storeKey = `claim:${key}`;
        if ((await this.kv.get(storeKey)) !== undefined) return false;
        await this.kv.set(storeKey, 1, ttlMs);
        return true;
      } catch (error) {
        throw new StoreError('the store could not record a claim', { cause: error });
      }
    });
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** Several processes: SET NX PX is atomic in Redis. */
export class RedisClaims implements ClaimStore {
  constructor(
    private readonly redis: { set(key: string, value: string, options: { NX: true; PX: number }): Promise<unknown> },
    private readonly prefix = 'actionbot:',
  ) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    try {
      const reply = await this.redis.set(`${this.prefix}claim:${key}`, '1', { NX: true, PX: ttlMs });
      return reply === 'OK';
    } catch (error) {
      throw new StoreError(`Redis refused a claim: ${(error as Error).message}`, { cause: error });
    }
  }
}
