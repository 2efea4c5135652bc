// t.me deep links for private answers the bot could not send yet, their answers kept in the store
// for their member.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LocalMutex, type Mutex } from '../../core/guard.js';
import type { Attachment, Reply } from '../../core/reply.js';
import type { ShortLived } from '../../core/short-lived.js';

/** Telegram's rule for `/start` payloads: up to 64 characters of A-Z, a-z, 0-9, _ and -. */
export const MAX_PAYLOAD = 64;
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/** What a deep link delivers: a letter asked in a group (stateless), or a reply kept here. */
export type DeepLinkTarget =
  | { kind: 'letter'; chatId: string; text: string }
  | { kind: 'reply'; reply: Reply }
  | { kind: 'expired' }
  /** A letter link whose signature does not match: made by someone else than the bot. */
  | { kind: 'forged' };

/** A kept answer names its member by pseudonymous key, never by Telegram id. */
type Stored = { reply: Omit<Reply, 'attachments'> & { attachments: Array<Omit<Attachment, 'data'> & { data: string }> }; member: string };

/** How long a kept answer waits for its member to tap the link. */
export const REPLY_LINK_TTL_MS = 60 * 60 * 1000;

/**
 * Deep links for private answers that could not be sent because the member never opened a chat
 * with the bot. A letter is encoded in the link itself (`l` + a 12-character signature + base64url
 * of "chat text"), so it survives restarts and works from any process; the signature binds it to
 * its group (a link naming another group is refused), and it is re-run as whoever taps it, once
 * Telegram says they are a member of that group (see handlers.ts), so it shows nobody else's content. Any other reply is kept in the store (shared by every process behind the
 * webhook) under a random key (`k...`), for its own member only, for `ttlMs`, and deleted once used
 * or when the member asks /forgetme (a kept answer can hold their letter and signature).
 */
export class DeepLinks {
  /**
   * `memberKey`: a Telegram user id to the member's pseudonymous key. `mutex`: turns for the
   * member's list of kept answers (the store's, so two processes cannot lose each other's entry).
   */
  constructor(
    private readonly store: ShortLived,
    private readonly memberKey: (userId: string) => string,
    private readonly ttlMs = REPLY_LINK_TTL_MS,
    private readonly mutex: Mutex = new LocalMutex(),
  ) {}

  /** A stateless payload for `/letter <text>` asked in `chatId`, or undefined when it does not fit. */
  forLetter(chatId: string, text: string): string | undefined {
    const body = Buffer.from(`${chatId} ${text}`.trim(), 'utf8').toString('base64url');
    const payload = `l${this.signature(body)}${body}`;
    return payload.length <= MAX_PAYLOAD ? payload : undefined;
  }

  /**
   * 9 bytes of HMAC over the link's body, with a key from the member keyer (HMAC of the member-key
   * secret with a "user id" no Telegram account has: theirs are numbers), so no second secret is kept.
   */
  private signature(body: string): string {
    const key = this.memberKey('walls:deep-links-v1');
    return createHmac('sha256', key).update(`telegram letter link\n${body}`).digest().subarray(0, 9).toString('base64url');
  }

  /** A payload that hands `reply` to `userId` once. */
  async forReply(userId: string, reply: Reply): Promise<string> {
    const key = `k${randomBytes(12).toString('base64url')}`;
    const member = this.memberKey(userId);
    const stored: Stored = { reply: { ...reply, attachments: reply.attachments.map((a) => ({ ...a, data: Buffer.from(a.data).toString('base64') })) }, member };
    await this.store.put('deep-link', key, stored, this.ttlMs);
    // The member's kept answers, so that /forgetme finds them.
    await this.mutex.run('deep-links', async () => {
      const keys = (await this.store.get<string[]>('deep-links-of', member)) ?? [];
      await this.store.put('deep-links-of', member, [...keys, key], this.ttlMs);
    });
    return key;
  }

  /** Deletes every answer kept for this member (by pseudonymous key). */
  async forget(member: string): Promise<void> {
    await this.mutex.run('deep-links', async () => {
      for (const key of (await this.store.get<string[]>('deep-links-of', member)) ?? []) await this.store.delete('deep-link', key);
      await this.store.delete('deep-links-of', member);
    });
  }

  /** What a `/start` payload asks for; undefined when it is not one of ours (show help). */
  async resolve(payload: string, userId: string): Promise<DeepLinkTarget | undefined> {
    if (!PAYLOAD.test(payload)) return undefined;
    if (payload.startsWith('l')) {
      const [given, body] = [payload.slice(1, 13), payload.slice(13)];
      if (given.length !== 12 || !timingSafeEqual(Buffer.from(given), Buffer.from(this.signature(body)))) return { kind: 'forged' };
      const decoded = Buffer.from(body, 'base64url').toString('utf8');
      const match = /^(-?\d+)(?: ([\s\S]*))?$/.exec(decoded);
      return match ? { kind: 'letter', chatId: match[1]!, text: match[2] ?? '' } : undefined;
    }
    if (!payload.startsWith('k')) return undefined;
    const entry = await this.store.get<Stored>('deep-link', payload);
    if (!entry || entry.member !== this.memberKey(userId)) return { kind: 'expired' };
    await this.store.delete('deep-link', payload);
    const reply: Reply = { ...entry.reply, attachments: entry.reply.attachments.map((a) => ({ ...a, data: new Uint8Array(Buffer.from(a.data, 'base64')) })) };
    return { kind: 'reply', reply };
  }

  /** The link a button opens. */
  static url(botUsername: string, payload: string): string {
    return `https://t.me/${botUsername}?start=${payload}`;
  }
}
