// Paces private messages per platform across every process on the store: one claimed time slot per message.
import type { ClaimStore } from '../claims.js';

/**
 * Messages a second per platform, all processes together: Telegram's bots may send about 30 a
 * second (28 leaves room for a late answer followed by one on time, and for the group posts); Discord opens a DM channel for each message (two calls of its 50 a second); Slack's
 * chat.postMessage is tiered at about one a second per channel and a few hundred a minute per
 * workspace. A platform not listed is not paced (the terminal).
 */
export const PLATFORM_RATES: Readonly<Record<string, number>> = { telegram: 28, discord: 20, slack: 5 };

/** Waits for the platform's next free turn. */
export interface Pacer {
  turn(platform: string): Promise<void>;
  /** The platform answered 429 with a wait: no process takes a turn for `ms`. */
  hold(platform: string, ms: number): Promise<void>;
}

/** A slot's claim outlives any sender's wait for it. */
const SLOT_CLAIM_MS = 120_000;

/**
 * Time is cut into slots of 1/rate seconds; a message is sent in a slot this process claimed in
 * the store (SQLite row or Redis key), so two processes never share one, and together they stay
 * under the rate. A process remembers its next slot, so it claims once per message when alone.
 */
export class SharedPacer implements Pacer {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly claims: Pick<ClaimStore, 'claim' | 'remaining' | 'extend'>,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly rates: Readonly<Record<string, number>> = PLATFORM_RATES,
  ) {}

  async turn(platform: string): Promise<void> {
    const rate = this.rates[platform];
    if (!rate) return;
    // A 429 seen by any process holds every process (one read of the hold per message).
    const held = await this.claims.remaining(`pace:${platform}:hold`);
    if (held > 0) await this.sleep(held);
    const interval = 1000 / rate;
    let slot = Math.max(Math.ceil(this.now() / interval), this.next.get(platform) ?? 0);
    while (!(await this.claims.claim(`pace:${platform}:${slot}`, SLOT_CLAIM_MS))) slot += 1;
    this.next.set(platform, slot + 1);
    const wait = slot * interval - this.now();
    if (wait > 0) await this.sleep(wait);
  }

  async hold(platform: string, ms: number): Promise<void> {
    const key = `pace:${platform}:hold`;
    if ((await this.claims.remaining(key)) < ms) await this.claims.extend(key, ms);
  }
}
