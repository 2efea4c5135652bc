// Claims ("handled once") and owner-token locks, on SQLite and on Redis.
import { hash } from 'node:crypto';
import { StoreError } from './errors.js';
import type { LockStore } from './guard.js';
import type { SqliteFile } from './store/sqlite-file.js';
import type { Clock } from './time.js';

/**
 * "Am I the first to handle this?": retried platform deliveries (Slack retries, Telegram update ids,
 * Discord interaction ids) and reminder slots shared by several processes are claimed once.
 * Every implementation stores a SHA-256 of the key, never the key: keys carry platform ids.
 */
export interface ClaimStore {
  /** True for exactly one caller per key until the claim expires. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Ends a claim early: the work it guarded failed and may be tried again. */
  release(key: string): Promise<void>;
  /** Sets how long a claim lasts from now (taking it if nobody holds it): a lease becomes "done". */
  extend(key: string, ttlMs: number): Promise<void>;
  /** How long the claim still lasts, in ms; 0 when nobody holds it. */
  remaining(key: string): Promise<number>;
}

/** What a claim is stored under. */
export function claimHash(key: string): string {
  // The one-shot form: no Hash object per claim, on the path of every command.
  return hash('sha256', key, 'hex');
}

/** One SQLite file, any number of processes: one atomic statement per claim. */
export class SqliteClaims implements ClaimStore {
  /** `clock`: expiries are compared with its time, so tests move it instead of sleeping. */
  constructor(
    private readonly file: SqliteFile,
    private readonly clock: Clock,
  ) {}

  claim(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now().getTime();
    // Inserted, or taking over an expired claim: one statement, so two processes cannot both win.
    return this.file.batch('record a claim', () =>
      this.file
        .statement('INSERT INTO claims(key, expires) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET expires = excluded.expires WHERE claims.expires <= ?')
        .run(claimHash(key), now + ttlMs, now).changes === 1,
    );
  }

  async release(key: string): Promise<void> {
    await this.file.run('release a claim', () => this.file.statement('DELETE FROM claims WHERE key = ?').run(claimHash(key)));
  }

  async extend(key: string, ttlMs: number): Promise<void> {
    const expires = this.clock.now().getTime() + ttlMs;
    await this.file.batch('extend a claim', () =>
      this.file.statement('INSERT INTO claims(key, expires) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET expires = excluded.expires').run(claimHash(key), expires),
    );
  }

  remaining(key: string): Promise<number> {
    const now = this.clock.now().getTime();
    return this.file.run('read a claim', () => {
      const expires = this.file.statement('SELECT expires FROM claims WHERE key = ?').pluck().get(claimHash(key)) as number | undefined;
      return Math.max(0, (expires ?? now) - now);
    });
  }
}

/** Shared-list locks on one SQLite file: an owner token and an expiry per lock row. */
export class SqliteLocks implements LockStore {
  constructor(
    private readonly file: SqliteFile,
    private readonly clock: Clock,
  ) {}

  acquire(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now().getTime();
    return this.file.run('take a lock', () =>
      this.file
        .statement('INSERT INTO locks(name, owner, expires) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, expires = excluded.expires WHERE locks.expires <= ?')
        .run(name, owner, now + ttlMs, now).changes === 1,
    );
  }

  /** Compare-and-delete: a lock that expired and was taken by another process stays theirs. */
  async release(name: string, owner: string): Promise<void> {
    await this.file.run('release a lock', () => this.file.statement('DELETE FROM locks WHERE name = ? AND owner = ?').run(name, owner));
  }

  renew(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now().getTime();
    return this.file.run('renew a lock', () => this.file.statement('UPDATE locks SET expires = ? WHERE name = ? AND owner = ? AND expires > ?').run(now + ttlMs, name, owner, now).changes === 1);
  }
}

/** The node-redis commands claims and locks use. */
export interface RedisKeyCommands {
  set(key: string, value: string, options: { NX: true; PX: number } | { PX: number }): Promise<unknown>;
  del(key: string): Promise<unknown>;
  pTTL(key: string): Promise<number>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Several processes: SET NX PX is atomic in Redis. */
export class RedisClaims implements ClaimStore {
  constructor(
    private readonly redis: RedisKeyCommands,
    private readonly prefix = 'actionbot:',
  ) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    try {
      return (await this.redis.set(`${this.prefix}claim:${claimHash(key)}`, '1', { NX: true, PX: ttlMs })) === 'OK';
    } catch (error) {
      throw new StoreError(`Redis refused a claim: ${(error as Error).message}`, { cause: error });
    }
  }

  async release(key: string): Promise<void> {
    try {
      await this.redis.del(`${this.prefix}claim:${claimHash(key)}`);
    } catch (error) {
      throw new StoreError(`Redis refused to release a claim: ${(error as Error).message}`, { cause: error });
    }
  }

  async extend(key: string, ttlMs: number): Promise<void> {
    try {
      await this.redis.set(`${this.prefix}claim:${claimHash(key)}`, '1', { PX: ttlMs });
    } catch (error) {
      throw new StoreError(`Redis refused to extend a claim: ${(error as Error).message}`, { cause: error });
    }
  }

  async remaining(key: string): Promise<number> {
    try {
      return Math.max(0, await this.redis.pTTL(`${this.prefix}claim:${claimHash(key)}`));
    } catch (error) {
      throw new StoreError(`Redis refused to read a claim: ${(error as Error).message}`, { cause: error });
    }
  }
}

const COMPARE_AND_DELETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const COMPARE_AND_RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

/** Shared-list locks on Redis: SET NX PX with an owner token, released by a Lua compare-and-delete. */
export class RedisLocks implements LockStore {
  constructor(
    private readonly redis: RedisKeyCommands,
    private readonly prefix = 'actionbot:',
  ) {}

  async acquire(name: string, owner: string, ttlMs: number): Promise<boolean> {
    try {
      return (await this.redis.set(`${this.prefix}lock:${name}`, owner, { NX: true, PX: ttlMs })) === 'OK';
    } catch (error) {
      throw new StoreError(`Redis refused a lock: ${(error as Error).message}`, { cause: error });
    }
  }

  async release(name: string, owner: string): Promise<void> {
    try {
      await this.redis.eval(COMPARE_AND_DELETE, { keys: [`${this.prefix}lock:${name}`], arguments: [owner] });
    } catch (error) {
      throw new StoreError(`Redis refused to release a lock: ${(error as Error).message}`, { cause: error });
    }
  }

  async renew(name: string, owner: string, ttlMs: number): Promise<boolean> {
    try {
      return Number(await this.redis.eval(COMPARE_AND_RENEW, { keys: [`${this.prefix}lock:${name}`], arguments: [owner, String(ttlMs)] })) === 1;
    } catch (error) {
      throw new StoreError(`Redis refused to renew a lock: ${(error as Error).message}`, { cause: error });
    }
  }
}
