import type Keyv from 'keyv';
import { StoreError } from './errors.js';

/**
 * "Am I the first to handle this?": retried platform deliveries (Slack retries, Telegram update ids,
 * Discord interaction ids) and reminder slots shared by several processes are claimed once.
 */
export interface ClaimStore {
  /** True for exactly one caller per key until the claim expires. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Ends a claim early: the work it guarded failed and may be tried again. */
  release(key: string): Promise<void>;
}

/**
 * One process: a key being claimed right now is refused at once from memory; otherwise the store
 * says whether it was claimed before (also before a restart). Different keys never wait for each other.
 */
export class KeyvClaims implements ClaimStore {
  private readonly inFlight = new Set<string>();

  constructor(private readonly kv: Keyv) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const storeKey = `claim:${key}`;
    if (this.inFlight.has(storeKey)) return false;
    this.inFlight.add(storeKey);
    try {
      // keyv expires the entry itself (and deletes it when it is next read).
      if ((await this.kv.get(storeKey)) !== undefined) return false;
      await this.kv.set(storeKey, 1, ttlMs);
      return true;
    } catch (error) {
      throw new StoreError('the store could not record a claim', { cause: error });
    } finally {
      this.inFlight.delete(storeKey);
    }
  }

  async release(key: string): Promise<void> {
    try {
      await this.kv.delete(`claim:${key}`);
    } catch (error) {
      throw new StoreError('the store could not release a claim', { cause: error });
    }
  }
}

/** Several processes: SET NX PX is atomic in Redis. */
export class RedisClaims implements ClaimStore {
  constructor(
    private readonly redis: { set(key: string, value: string, options: { NX: true; PX: number }): Promise<unknown>; del(key: string): Promise<unknown> },
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

  /** Ends a claim early (a lock released by its holder). */
  async release(key: string): Promise<void> {
    try {
      await this.redis.del(`${this.prefix}claim:${key}`);
    } catch (error) {
      throw new StoreError(`Redis refused to release a claim: ${(error as Error).message}`, { cause: error });
    }
  }
}
