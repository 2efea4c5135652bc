import { randomBytes } from 'node:crypto';
import type { Reply } from '../../core/reply.js';

/** Telegram's rule for `/start` payloads: up to 64 characters of A-Z, a-z, 0-9, _ and -. */
export const MAX_PAYLOAD = 64;
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/** What a deep link delivers: a letter asked in a group (stateless), or a reply kept here. */
export type DeepLinkTarget =
  | { kind: 'letter'; chatId: string; text: string }
  | { kind: 'reply'; reply: Reply; userId: string }
  | { kind: 'expired' };

type Entry = { reply: Reply; userId: string; expires: number };

/**
 * Deep links for private answers that could not be sent because the member never opened a chat
 * with the bot. A letter is encoded in the link itself (`l` + base64url of "chat text"), so it
 * survives restarts and works from any process; it is re-run as whoever taps it, so it shows
 * nobody else's content. Any other reply is kept here under a random key (`k...`), for its own
 * member only, for `ttlMs`. One instance per adapter: no module state.
 */
export class DeepLinks {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
    private readonly maxEntries = 10_000,
  ) {}

  /** A stateless payload for `/letter <text>` asked in `chatId`, or undefined when it does not fit. */
  forLetter(chatId: string, text: string): string | undefined {
    const payload = `l${Buffer.from(`${chatId} ${text}`.trim(), 'utf8').toString('base64url')}`;
    return payload.length <= MAX_PAYLOAD ? payload : undefined;
  }

  /** A payload that hands `reply` to `userId` once. */
  forReply(userId: string, reply: Reply): string {
    this.sweep();
    const key = `k${randomBytes(12).toString('base64url')}`;
    this.entries.set(key, { reply, userId, expires: this.now() + this.ttlMs });
    return key;
  }

  /** What a `/start` payload asks for; undefined when it is not one of ours (show help). */
  resolve(payload: string, userId: string): DeepLinkTarget | undefined {
    if (!PAYLOAD.test(payload)) return undefined;
    if (payload.startsWith('l')) {
      const decoded = Buffer.from(payload.slice(1), 'base64url').toString('utf8');
      const match = /^(-?\d+)(?: ([\s\S]*))?$/.exec(decoded);
      return match ? { kind: 'letter', chatId: match[1]!, text: match[2] ?? '' } : undefined;
    }
    if (!payload.startsWith('k')) return undefined;
    const entry = this.entries.get(payload);
    if (!entry || entry.expires < this.now() || entry.userId !== userId) return { kind: 'expired' };
    this.entries.delete(payload);
    return { kind: 'reply', reply: entry.reply, userId: entry.userId };
  }

  /** The link a button opens. */
  static url(botUsername: string, payload: string): string {
    return `https://t.me/${botUsername}?start=${payload}`;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expires < now) this.entries.delete(key);
    // Bounded memory under a flood of refused DMs: the oldest links go first.
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
