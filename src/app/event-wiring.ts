// Wires the outbox's relay to its handlers: milestones, live progress, news and coalesced public posts.
import type { App } from './app.js';
import { chartedPosts, liveProgressPost, reminderPosts } from '../commands/posts.js';
import { eventHandler } from '../core/events/handlers.js';
import { LiveProgress } from '../core/events/live-progress.js';
import { Milestones } from '../core/events/milestones.js';
import { EventRelay } from '../core/events/relay.js';
import type { ReminderPosts } from '../core/reminders/scheduler.js';
import { SpacePosts } from '../core/events/space-posts.js';
import type { Notifier } from '../core/notifier.js';
import { systemTimer, type Timer } from '../core/reminders/scheduler.js';
import type { Logger } from '../commands/index.js';
import { bounded } from '../core/bounded.js';
import { NewsDelivery } from '../core/news/delivery.js';
import { SharedPacer, type Pacer } from '../core/news/pacer.js';
import { newsWords } from '../commands/news-posts.js';
import { systemClock } from '../core/time.js';

/** Public posts falling within this window of each other in one space become one post. */
export const COALESCE_MS = 1500;

export type Events = {
  relay: EventRelay;
  posts: SpacePosts;
  milestones: Milestones;
  live: LiveProgress;
  /** Adapters are up: attach their notifiers, check every drive's milestones (a crash may have lost an event), handle what waits. */
  start(notifiers: Notifier[]): Promise<void>;
  /** Handles what is due (for at most `boundMs`), then stops; what is left waits in the outbox. */
  stop(boundMs?: number): Promise<void>;
};

/**
 * The outbox's consumer, wired into the app before any adapter starts: events appended from the
 * first command on wait in the store until `start`, then are handled once across processes.
 */
export function wireEvents(app: App, logger: Logger, options: { timer?: Timer; coalesceMs?: number; posts?: ReminderPosts; pacer?: Pacer; newsSliceMs?: number } = {}): Events {
  const { deps, store } = app;
  const timer = options.timer ?? systemTimer;
  const posts = new SpacePosts(timer, options.coalesceMs ?? COALESCE_MS, logger);
  const milestones = new Milestones({ ...deps, kv: store.kv, mutex: store.mutex, timer, poster: posts, post: (options.posts ?? chartedPosts(reminderPosts, deps)).milestone });
  const live = new LiveProgress({ ...deps, kv: store.kv, mutex: store.mutex, timer, logger, notifierFor: (space) => posts.notifierFor(space), render: liveProgressPost });
  const pacer = options.pacer ?? deps.pacer ?? new SharedPacer(deps.claims, () => systemClock.now().getTime(), (ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const news = new NewsDelivery({
    ...deps,
    poster: posts,
    notifierFor: (platform) => posts.notifierFor(`${platform}:`),
    pacer,
    words: newsWords,
    logger,
    notify: () => relay.notify(),
    ...(options.newsSliceMs !== undefined ? { sliceMs: options.newsSliceMs } : {}),
  });
  const handle = eventHandler({ ...deps, milestones, news, refreshProgress: (driveId) => live.refresh(driveId) });
  const relay: EventRelay = new EventRelay({ outbox: deps.outbox, claims: deps.claims, clock: deps.clock, timer, logger, handle });
  deps.onEvents.push(() => relay.notify());
  return {
    relay,
    posts,
    milestones,
    live,
    async start(notifiers) {
      for (const notifier of notifiers) posts.attach(notifier);
      for (const drive of await deps.drives.allActive()) {
        await milestones.check(drive.id).catch((error: unknown) => logger.warn({ err: error, drive: drive.id }, 'milestone check failed; tried again after the next action'));
      }
      await relay.start();
    },
    // What the last commands raised is handled before the store closes (in the terminal, before it exits).
    async stop(boundMs = Number.POSITIVE_INFINITY) {
      await bounded(relay.drain(), boundMs);
      await relay.stop();
      milestones.stop();
    },
  };
}
