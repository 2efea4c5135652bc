// Prometheus metrics: commands, recorded actions, answer times, posts, store errors and the outbox
// backlog.
import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CommandOutcome, CommandObserver } from '../commands/types.js';
import type { Notifier } from '../core/notifier.js';
import type { ReminderPosts } from '../core/reminders/scheduler.js';
import type { Reply } from '../core/reply.js';

/** What a scheduled post was, as the metrics name it. */
export type PostKind = 'reminder' | 'closed' | 'milestone' | 'member';

/**
 * The bot's Prometheus metrics, on a registry of their own (one per process, created in main.ts and
 * injected: nothing lives at module level, so tests each count from zero).
 */
export class Metrics implements CommandObserver {
  readonly registry = new Registry();
  private readonly actions = new Counter({ name: 'actionbot_actions_recorded_total', help: 'Actions recorded (not counting repeats), by platform and method.', labelNames: ['platform', 'method'], registers: [this.registry] });
  private readonly commands = new Counter({ name: 'actionbot_commands_total', help: 'Commands handled, by command and outcome (ok, user_error, store_error, error).', labelNames: ['command', 'outcome'], registers: [this.registry] });
  private readonly answers = new Histogram({
    name: 'actionbot_answer_seconds',
    help: 'Time from a command reaching the bot to its answer being ready, by platform.',
    labelNames: ['platform'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly storeErrors = new Counter({ name: 'actionbot_store_errors_total', help: 'Commands that failed because the store did not answer.', registers: [this.registry] });
  private readonly posts = new Counter({ name: 'actionbot_posts_total', help: 'Reminders, final tallies, milestones and members\' own reminders the platform accepted, by platform and kind.', labelNames: ['platform', 'kind'], registers: [this.registry] });
  private readonly rateLimited = new Counter({ name: 'actionbot_rate_limited_total', help: 'Platform calls answered 429 (too many requests), by platform.', labelNames: ['platform'], registers: [this.registry] });
  /** The reply objects the scheduler built, so that a post the platform accepts is counted by kind. */
  private readonly kinds = new WeakMap<Reply, PostKind>();
  /** Other processes' metrics (Discord shard processes), read at scrape time. */
  private readonly sources: Array<() => Promise<unknown[][]>> = [];

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  actionRecorded(platform: string, method: string): void {
    this.actions.inc({ platform, method });
  }

  commandDone(event: { platform: string; command: string; outcome: CommandOutcome; seconds: number }): void {
    this.commands.inc({ command: event.command, outcome: event.outcome });
    this.answers.observe({ platform: event.platform }, event.seconds);
    if (event.outcome === 'store_error') this.storeErrors.inc();
  }

  rateLimitedCall(platform: string): void {
    this.rateLimited.inc({ platform });
  }

  /** A gauge read at scrape time, such as the outbox backlog (the same in every process: merged as the highest, not summed). */
  gauge(name: string, help: string, read: () => Promise<number> | number): void {
    new Gauge({
      name,
      help,
      aggregator: 'max',
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  /** Wraps the scheduler's post builders: each reply they build remembers its kind. */
  tagPosts(posts: ReminderPosts): ReminderPosts {
    const tag = async (kind: PostKind, built: Reply | Promise<Reply>) => {
      const reply = await built;
      this.kinds.set(reply, kind);
      return reply;
    };
    return {
      reminder: (...args) => tag('reminder', posts.reminder(...args)),
      closed: (...args) => tag('closed', posts.closed(...args)),
      milestone: (...args) => tag('milestone', posts.milestone(...args)),
      member: (...args) => tag('member', posts.member(...args)),
    };
  }

  /** Wraps a notifier: every post it delivers is counted by platform and kind once the platform accepts it. */
  countPosts(notifier: Notifier): Notifier {
    const count = (reply: Reply, fallback: PostKind) => this.posts.inc({ platform: notifier.platform, kind: this.kinds.get(reply) ?? fallback });
    return {
      platform: notifier.platform,
      postToSpace: async (space, reply) => {
        await notifier.postToSpace(space, reply);
        count(reply, 'reminder');
      },
      sendToMember: async (userId, reply) => {
        await notifier.sendToMember(userId, reply);
        count(reply, 'member');
      },
    };
  }

  /** Adds the metrics of other processes (each a registry's `getMetricsAsJSON()`), summed into this one's. */
  addSource(read: () => Promise<unknown[][]>): void {
    this.sources.push(read);
  }

  /** The Prometheus text exposition: this process's metrics, plus its sources' summed in (counters, histograms). */
  async text(): Promise<string> {
    if (this.sources.length === 0) return this.registry.metrics();
    const others = (await Promise.all(this.sources.map((read) => read()))).flat();
    return AggregatorRegistry.aggregate([await this.registry.getMetricsAsJSON(), ...others]).metrics();
  }
}
