import type { Notifier } from '../../src/core/notifier.js';
import { stripMarkdown } from '../../src/core/markdown.js';
import { replyToPlainText, type Reply } from '../../src/core/reply.js';
import type { Timer } from '../../src/core/reminders/scheduler.js';

/** A notifier that keeps what it would have posted. */
export class RecordingNotifier implements Notifier {
  readonly posts: Array<{ to: string; kind: 'space' | 'member'; text: string; reply: Reply }> = [];

  constructor(readonly platform: string) {}

  async postToSpace(space: string, reply: Reply): Promise<void> {
    this.posts.push({ to: space, kind: 'space', text: replyToPlainText(reply, stripMarkdown), reply });
  }

  async sendToMember(userId: string, reply: Reply): Promise<void> {
    this.posts.push({ to: userId, kind: 'member', text: replyToPlainText(reply, stripMarkdown), reply });
  }
}

/** A timer that only remembers the delay it was asked for; tests fire it by moving the clock. */
export class FakeTimer implements Timer {
  delays: number[] = [];
  armed = 0;

  set(_fn: () => void, ms: number): unknown {
    this.delays.push(ms);
    this.armed += 1;
    return this.armed;
  }

  clear(): void {
    this.armed = Math.max(0, this.armed - 1);
  }

  get lastDelay(): number | undefined {
    return this.delays.at(-1);
  }
}
