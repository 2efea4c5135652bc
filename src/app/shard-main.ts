// A Discord shard process's composition (DISCORD_SHARDS): its gateway session and Discord reminders
// on the shared store.
import type pino from 'pino';
import { createApp } from './app.js';
import { chartedPosts, reminderPosts } from '../commands/posts.js';
import type { Config } from './config.js';
import { InFlight } from '../core/in-flight.js';
import { systemTimer } from '../core/reminders/scheduler.js';
import { isShardMessage, type ShardMessage } from '../adapters/discord/shard-ipc.js';
import { createOps } from '../ops/index.js';
import { startReminders } from './reminder-wiring.js';
import { shutdown } from './shutdown.js';
import { exitOnSignals } from './signals.js';

/**
 * A shard process started by the ShardingManager (DISCORD_SHARDS). Who runs what:
 * - The shard processes hold the gateway of their shards and answer those guilds' interactions,
 *   on the shared store (SQLite through real transactions, or Redis). Shard 0's process registers
 *   the slash commands (once, not per shard: src/adapters/discord/index.ts).
 * - Each also runs the reminder scheduler for Discord drives, over REST: it sees the drives changed
 *   in its own guilds at once, and every slot is claimed in the store, so a reminder is posted once
 *   whichever process gets there first (the manager's scheduler included).
 * - The manager keeps what exists once: the web server (/healthz, /readyz from every shard's gateway,
 *   /metrics summed over the shards), Telegram polling or webhook, Slack's listener, and the event
 *   relay (milestones, live progress), which needs every platform's notifier. A shard appending
 *   events tells the manager over IPC, so they are handled at once rather than at the next sweep.
 */
export async function runShard(config: Config, shard: { ids: number[]; count: number }, parent: pino.Logger, options: { signals?: boolean } = {}): Promise<{ platforms: string[]; stop(): Promise<void> }> {
  const logger = parent.child({ shard: shard.ids });
  const app = await createApp(config, { logger });
  const ops = createOps(app, { metricsToken: config.metricsToken });
  const send = (message: ShardMessage) => void process.send?.(message);
  app.deps.onEvents.push(() => send({ actionbot: 'events' }));
  const onMessage = (message: unknown) => {
    if (!isShardMessage(message) || message.actionbot !== 'metrics?') return;
    void ops.metrics.registry.getMetricsAsJSON().then((metrics) => send({ actionbot: 'metrics', id: message.id, metrics }));
  };
  process.on('message', onMessage);

  const inFlight = new InFlight();
  const { startDiscord } = await import('../adapters/discord/index.js');
  const adapter = await startDiscord(config.discord!, { deps: app.deps, logger: logger.child({ platform: 'discord' }), inFlight }).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  const posts = ops.metrics.tagPosts(chartedPosts(reminderPosts, app.deps));
  const scheduler = startReminders(app, [ops.metrics.countPosts(adapter.notifier)], logger, systemTimer, undefined, posts);
  await scheduler.start();
  logger.info({ shards: shard.ids, of: shard.count, store: app.store.kind }, 'Discord shard is running');

  let stopping: Promise<void> | undefined;
  const stop = (reason = 'stop') =>
    (stopping ??= shutdown(
      {
        adapters: [adapter],
        inFlight,
        stopScheduler: () => scheduler.stop(),
        closeStore: async () => {
          process.off('message', onMessage);
          await app.close();
        },
        timeoutMs: config.shutdownTimeoutMs,
        logger,
      },
      reason,
    ).then(() => undefined));
  if (options.signals !== false) {
    exitOnSignals(stop, logger);
    // The manager is gone (killed): no orphan keeps a gateway session open.
    process.once('disconnect', () => void stop('manager gone').finally(() => process.exit(0)));
  }
  return { platforms: ['discord'], stop: () => stop() };
}
