// Short-lived state in the store that adapters need between two deliveries (deep links, reply
// prompts, languages).
import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import { guarded } from './guard.js';
import type { Clock } from './time.js';

/**
 * Short-lived state adapters need between two deliveries (a deep link's answer, a reply prompt,
 * a member's platform language): in the store, so that every process behind one webhook sees it
 * and a restart keeps it. Ids are hashed before they become keys (no platform ids in the store's keys).
 */
export interface ShortLived {
  put(kind: string, id: string, value: unknown, ttlMs: number): Promise<void>;
  get<T>(kind: string, id: string): Promise<T | undefined>;
  delete(kind: string, id: string): Promise<void>;
}

type Entry = { value: unknown; expires: number };

/** Over keyv: the store expires the entry itself; the expiry is also checked against `clock` (tests move it). */
export class KeyvShortLived implements ShortLived {
  constructor(
    private readonly kv: Keyv,
    private readonly clock: Clock,
  ) {}

  async put(kind: string, id: string, value: unknown, ttlMs: number): Promise<void> {
    await guarded(kind, () => this.kv.set(keyOf(kind, id), { value, expires: this.clock.now().getTime() + ttlMs } satisfies Entry, ttlMs));
  }

  async get<T>(kind: string, id: string): Promise<T | undefined> {
    const entry = (await guarded(kind, () => this.kv.get(keyOf(kind, id)))) as Entry | undefined;
    return entry && entry.expires >= this.clock.now().getTime() ? (entry.value as T) : undefined;
  }

  async delete(kind: string, id: string): Promise<void> {
    await guarded(kind, () => this.kv.delete(keyOf(kind, id)));
  }
}

/** Store keys of short-lived entries start with this (the SQLite store sweeps expired ones hourly). */
export const SHORT_LIVED_PREFIX = 'tmp:';

function keyOf(kind: string, id: string): string {
  return `${SHORT_LIVED_PREFIX}${kind}:${createHash('sha256').update(id).digest('base64url').slice(0, 22)}`;
}
