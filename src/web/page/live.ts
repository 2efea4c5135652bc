// Server-sent events for open drive pages, with limits per address and in all.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Timer } from '../../core/reminders/scheduler.js';
import type { Logger } from '../../commands/index.js';
import type { LiveState } from './view.js';

export type LiveLimits = {
  /** Open event streams from one address (a household, a meeting room's projector and phones). */
  perAddress: number;
  /** Open event streams in all: each holds a socket and a slot in the page's poll. */
  total: number;
};

export type LiveOptions = {
  /** The page's state now; undefined when the page went away (turned off). */
  read: (pageId: string) => Promise<LiveState | undefined>;
  /** Lets the server end the stream when it stops. */
  hold: (res: ServerResponse) => void;
  timer: Timer;
  /** How often a watched page is read again: counters are cheap, and other processes record too. */
  intervalMs: number;
  limits: LiveLimits;
  logger: Logger;
  /** Who is asking: the address the per-address cap counts (behind a proxy, the one it forwarded for). */
  clientAddress: (req: IncomingMessage) => string;
};

type Watched = { streams: Set<ServerResponse>; key: string; handle?: unknown; reading: boolean };

/** What changes on the page when someone acts; the chart's time axis alone moving is no news. */
const changeKey = (s: LiveState) => `${s.driveCount}/${s.total}/${s.members}/${s.percent}`;

/**
 * Server-sent events for open pages. One reader per watched page, however many people watch it;
 * a change is pushed to every stream of the page. Streams are capped per address and in all.
 */
export class LiveHub {
  private readonly pages = new Map<string, Watched>();
  private readonly perAddress = new Map<string, number>();
  private total = 0;

  constructor(private readonly options: LiveOptions) {}

  /** Streams open now, for tests and metrics. */
  get open(): number {
    return this.total;
  }

  /** Answers an event-stream request: 429 or 503 when over the caps, otherwise a stream that starts with the state. */
  async serve(pageId: string, req: IncomingMessage, res: ServerResponse, first: LiveState): Promise<void> {
    const address = this.options.clientAddress(req);
    const { limits } = this.options;
    if (this.total >= limits.total || (this.perAddress.get(address) ?? 0) >= limits.perAddress) {
      const tooMany = this.total < limits.total;
      res.writeHead(tooMany ? 429 : 503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30', 'cache-control': 'no-store' });
      res.end(tooMany ? 'Too many live connections from your address.\n' : 'Too many live connections; try again soon.\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    // Reconnect after 3 s when the stream drops, then hear the current state at once.
    res.write(`retry: 3000\n${frame(first)}`);
    this.total += 1;
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    const watched = this.watch(pageId, changeKey(first));
    watched.streams.add(res);
    this.options.hold(res);
    res.once('close', () => {
      watched.streams.delete(res);
      this.total -= 1;
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left > 0) this.perAddress.set(address, left);
      else this.perAddress.delete(address);
      if (watched.streams.size === 0) this.unwatch(pageId);
    });
  }

  /** Reads every watched page now (an action was just recorded in this process). */
  nudge(): void {
    for (const pageId of this.pages.keys()) void this.poll(pageId);
  }

  /** Stops reading; the server ends the streams themselves. */
  stop(): void {
    for (const pageId of [...this.pages.keys()]) this.unwatch(pageId);
  }

  private watch(pageId: string, key: string): Watched {
    let watched = this.pages.get(pageId);
    if (!watched) {
      watched = { streams: new Set(), key, reading: false };
      this.pages.set(pageId, watched);
      this.schedule(pageId, watched);
    }
    return watched;
  }

  private unwatch(pageId: string): void {
    const watched = this.pages.get(pageId);
    if (watched?.handle !== undefined) this.options.timer.clear(watched.handle);
    this.pages.delete(pageId);
  }

  private schedule(pageId: string, watched: Watched): void {
    watched.handle = this.options.timer.set(() => {
      void this.poll(pageId).finally(() => {
        if (this.pages.get(pageId) === watched) this.schedule(pageId, watched);
      });
    }, this.options.intervalMs);
  }

  private async poll(pageId: string): Promise<void> {
    const watched = this.pages.get(pageId);
    if (!watched || watched.reading) return;
    watched.reading = true;
    try {
      const state = await this.options.read(pageId);
      if (!state) {
        for (const res of watched.streams) res.end();
        return;
      }
      const key = changeKey(state);
      if (key === watched.key) return;
      watched.key = key;
      const data = frame(state);
      for (const res of watched.streams) res.write(data);
    } catch (error) {
      this.options.logger.warn({ err: error, page: pageId }, 'live page update failed');
    } finally {
      watched.reading = false;
    }
  }
}

function frame(state: LiveState): string {
  return `event: state\ndata: ${JSON.stringify(state)}\n\n`;
}
