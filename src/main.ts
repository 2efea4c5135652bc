import { join } from 'node:path';
import { createApp, BUNDLED_APPEALS, type App } from './app.js';
import { parseConfig, type Config } from './config.js';
import { ActionbotError, ConfigError } from './core/errors.js';
import { InFlight } from './core/in-flight.js';
import { ReminderScheduler, systemTimer, type ReminderPosts, type Timer } from './core/reminders/scheduler.js';
import type { Notifier } from './core/notifier.js';
import { reminderPosts } from './commands/posts.js';
import { createLogger } from './logger.js';
import { createOps } from './ops/index.js';
import { shutdown } from './shutdown.js';
import { startWebServer, type WebServer } from './web/server.js';
import { runShell, shellNotifier } from './adapters/shell/index.js';
import type { PlatformAdapter } from './adapters/types.js';
import type pino from 'pino';

/** Reminders, milestones and final tallies, wired to whatever adapters run. */
export function startReminders(app: App, notifiers: Notifier[], logger: pino.Logger, timer: Timer = systemTimer, posts: ReminderPosts = reminderPosts): ReminderScheduler {
  const { deps } = app;
  const scheduler = new ReminderScheduler({ ...deps, timer, notifiers, posts, logger: logger.child({ part: 'reminders' }) });
  deps.onRecorded.push((event) => scheduler.onRecorded(event));
  deps.drives.onChange(() => void scheduler.tick());
  return scheduler;
}

/** Every platform whose token is set; they share one store and one set of services. */
async function startPlatforms(config: Config, app: App, logger: pino.Logger, inFlight: InFlight): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  const ctx = (platform: string) => ({ deps: app.deps, logger: logger.child({ platform }), inFlight });
  try {
    // Loaded only when configured: the terminal needs none of the three SDKs.
    if (config.telegram) adapters.push(await (await import('./adapters/telegram/index.js')).startTelegram(config.telegram, ctx('telegram')));
    if (config.slack) adapters.push(await (await import('./adapters/slack/index.js')).startSlack(config.slack, ctx('slack')));
    if (config.discord) adapters.push(await (await import('./adapters/discord/index.js')).startDiscord(config.discord, ctx('discord')));
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    throw error;
  }
  return adapters;
}

/** The bot's HTTP server when WEB_PORT is set; a port that cannot be bound stops the start naming WEB_PORT. */
async function startWeb(config: Config, logger: pino.Logger): Promise<WebServer | undefined> {
  if (!config.web) return undefined;
  const web = await startWebServer({ port: config.web.port, publicUrl: config.web.publicUrl, logger: logger.child({ part: 'web' }) }).catch((error: unknown) => {
    throw new ConfigError('WEB_PORT', `cannot listen on port ${config.web!.port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  });
  logger.info({ port: web.port, publicUrl: web.publicUrl }, 'web server listening');
  return web;
}

/** A running bot; `stop` ends every adapter, the web server and closes the store. */
export type Running = { platforms: string[]; web?: WebServer; stop(): Promise<void> };

/**
 * Composition root: config -> logger -> store -> core services -> commands -> adapters. In the
 * terminal it returns when the input ends; on platforms, once they are all up.
 */
export async function main(env: Record<string, string | undefined> = process.env, options: { signals?: boolean } = {}): Promise<Running> {
  const config: Config = parseConfig({ APPEALS_DIR: BUNDLED_APPEALS, ...env });
  const onPlatforms = Boolean(config.discord ?? config.telegram ?? config.slack);
  // In the terminal, only warnings reach standard error, so replies stay readable.
  const logger = createLogger(!onPlatforms && env.LOG_LEVEL === undefined ? 'warn' : config.logLevel);
  const app = await createApp(config, { logger });
  if (app.secretWarning) logger.warn({}, app.secretWarning);
  for (const problem of app.problems) logger.warn({ path: problem.path }, `appeal file skipped: ${problem.message}`);
  // Metrics see every command and recorded action from the first one on.
  const ops = createOps(app, { metricsToken: config.metricsToken });
  const web = await startWeb(config, logger).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  // /healthz, /readyz and /metrics on the bot's one HTTP server (503 "starting" until the platforms are up).
  web?.use(ops.route);

  if (!onPlatforms) {
    // The terminal has no platform to wait for: ready when the store answers.
    ops.watch([]);
    const scheduler = startReminders(app, [shellNotifier(process.stdout)], logger);
    await scheduler.start();
    // A signal ends the input: the line being run finishes, then the same orderly stop as at its end.
    const stopInput = new AbortController();
    const onSignal = () => stopInput.abort();
    if (options.signals !== false) for (const signal of SIGNALS) process.once(signal, onSignal);
    await runShell({
      deps: app.deps,
      logger,
      input: process.stdin,
      output: process.stdout,
      outboxDir: join(config.dataDir, 'outbox'),
      interactive: Boolean(process.stdin.isTTY),
      signal: stopInput.signal,
    });
    for (const signal of SIGNALS) process.off(signal, onSignal);
    await scheduler.stop();
    await web?.stop();
    await app.close();
    return { platforms: ['shell'], stop: async () => undefined };
  }

  const inFlight = new InFlight();
  const adapters = await startPlatforms(config, app, logger, inFlight).catch(async (error: unknown) => {
    await web?.stop();
    await app.close();
    throw error;
  });
  ops.watch(adapters);
  const scheduler = startReminders(app, adapters.map((a) => ops.metrics.countPosts(a.notifier)), logger, systemTimer, ops.metrics.tagPosts(reminderPosts));
  await scheduler.start();
  const platforms = adapters.map((a) => a.platform);
  logger.info({ platforms, store: app.store.kind }, 'actionbot is running');
  let stopping: Promise<void> | undefined;
  const stop = (reason = 'stop') =>
    (stopping ??= shutdown(
      {
        adapters,
        inFlight,
        stopScheduler: () => scheduler.stop(),
        // The web server (pages, health) stays up while commands drain; it goes with the store.
        closeStore: async () => {
          await web?.stop();
          await app.close();
        },
        timeoutMs: config.shutdownTimeoutMs,
        logger,
      },
      reason,
    ).then(() => undefined));
  if (options.signals !== false) {
    for (const signal of SIGNALS) {
      process.on(signal, () => {
        if (stopping) return logger.warn({ signal }, 'already stopping: waiting for commands already taken (SHUTDOWN_TIMEOUT)');
        logger.info({ signal }, 'stopping: no new commands taken');
        void stop(signal).then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'could not stop cleanly');
            process.exit(1);
          },
        );
      });
    }
    // One failed promise somewhere in an SDK must not take every group's bot down with it.
    process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  }
  return { platforms, web, stop: () => stop() };
}

/** What a container runtime, a supervisor or Ctrl-C sends; `npm start` passes them on to the bot. */
const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

const entry = process.argv[1] ?? '';
if (/main\.[jt]s$/.test(entry)) {
  main().catch((error: unknown) => {
    const message = error instanceof ActionbotError ? error.message : String((error as Error)?.stack ?? error);
    process.stderr.write(`actionbot could not start: ${message}\n`);
    process.exit(1);
  });
}
