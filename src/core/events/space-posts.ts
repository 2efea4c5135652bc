// Public posts per space: coalesces those falling close together into one post.
import { platformOf } from '../drive.js';
import type { Notifier } from '../notifier.js';
import { publicReply, type Button, type Reply } from '../reply.js';
import type { Timer } from '../reminders/scheduler.js';
import type { SpacePoster } from './milestones.js';

type Pending = { replies: Reply[]; waiters: Array<{ resolve(): void; reject(error: unknown): void }> };

const MAX_BUTTONS = 5;

/**
 * The one place that decides what a space sees: milestones, reminders and live progress falling
 * in the same short window become one post. A post for a platform that is not running is logged
 * and dropped. Every caller learns whether the merged post went out.
 */
export class SpacePosts implements SpacePoster {
  private readonly pending = new Map<string, Pending>();
  private readonly notifiers: Notifier[] = [];

  constructor(
    private readonly timer: Timer,
    private readonly windowMs: number,
    private readonly logger: { warn(context: object, message: string): void },
  ) {}

  /** Adapters register as they start. */
  attach(notifier: Notifier): void {
    this.notifiers.push(notifier);
  }

  notifierFor(space: string): Notifier | undefined {
    return this.notifiers.find((n) => n.platform === platformOf(space));
  }

  postToSpace(space: string, reply: Reply): Promise<void> {
    if (this.windowMs <= 0) return this.send(space, [reply]);
    return new Promise<void>((resolve, reject) => {
      let entry = this.pending.get(space);
      if (!entry) {
        entry = { replies: [], waiters: [] };
        this.pending.set(space, entry);
        this.timer.set(() => void this.flush(space), this.windowMs);
      }
      entry.replies.push(reply);
      entry.waiters.push({ resolve, reject });
    });
  }

  private async flush(space: string): Promise<void> {
    const entry = this.pending.get(space);
    this.pending.delete(space);
    if (!entry) return;
    try {
      await this.send(space, entry.replies);
      for (const w of entry.waiters) w.resolve();
    } catch (error) {
      for (const w of entry.waiters) w.reject(error);
    }
  }

  private async send(space: string, replies: Reply[]): Promise<void> {
    const notifier = this.notifierFor(space);
    if (!notifier) {
      this.logger.warn({ space: platformOf(space) }, 'no adapter running for this space; post dropped');
      return;
    }
    await notifier.postToSpace(space, mergeReplies(replies));
  }
}

/** Several public replies as one: their blocks in order, buttons without repeats (at most five). */
export function mergeReplies(replies: readonly Reply[]): Reply {
  if (replies.length === 1) return replies[0]!;
  const buttons: Button[] = [];
  const seen = new Set<string>();
  for (const button of replies.flatMap((r) => r.buttons)) {
    const key = button.type === 'link' ? button.url : button.command;
    if (seen.has(key) || buttons.length >= MAX_BUTTONS) continue;
    seen.add(key);
    buttons.push(button);
  }
  return publicReply(
    replies.flatMap((r) => r.blocks),
    { buttons, attachments: replies.flatMap((r) => r.attachments) },
  );
}
