// The composition root: config -> logger -> store -> services -> web server -> platforms (or the
// terminal), and the orderly stop.
import { join } from 'node:path';
import { createApp, BUNDLED_APPEALS, type App } from './app.js';
import { warnReplacedAppeals } from './cli-appeals.js';
import { wireEvents } from './event-wiring.js';
import { parseConfig, type Config } from './config.js';
import { armCrashPoint } from '../core/crash-points.js';
import { ActionbotError, ConfigError } from '../core/errors.js';
import { InFlight } from '../core/in-flight.js';
import { systemTimer } from '../core/reminders/scheduler.js';
import { chartedPosts, reminderPosts } from '../commands/posts.js';
import { checkDataDir, dataModeWarnings } from './data-dir.js';
import { withEnvFile } from './env-file.js';
import { describeFileError } from '../core/file-problem.js';
import { createLogger, readableLines } from './logger.js';
import { createOps, type Ops } from '../ops/index.js';
import { shutdown } from './shutdown.js';
import { startReminders } from './reminder-wiring.js';
import { exitOnSignals, SIGNALS } from './signals.js';
import { shardProcess } from '../adapters/discord/shard-ipc.js';
import { mountDrivePages, mountExportLinks, startWebServer, type WebServer } from '../web/index.js';
import { runShell, shellNotifier } from '../adapters/shell/index.js';
import type { AdapterContext, PlatformAdapter } from '../adapters/types.js';
import type pino from 'pino';

export { startReminders } from './reminder-wiring.js';

/** Every platform whose token is set; they share one store and one set of services. */
async function startPlatforms(config: Config, app: App, logger: pino.Logger, inFlight: InFlight, env: Record<string, string | undefined>, ops: Ops): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  const ctx = (platform: string) => ({ deps: app.deps, logger: logger.child({ platform }), inFlight, startup: (reason: string | undefined) => ops.startup(platform, reason) });
  try {
    // Loaded only when configured: the terminal needs none of the three SDKs.
    if (config.telegram) adapters.push(await (await import('../adapters/telegram/index.js')).startTelegram(config.telegram, ctx('telegram')));
    if (config.slack) adapters.push(await (await import('../adapters/slack/index.js')).startSlack(config.slack, ctx('slack')));
    if (config.discord) adapters.push(await startDiscordPlatform(config, ctx('discord'), env));
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    throw error;
  }
  return adapters;
}

/** Discord in this process, or (DISCORD_SHARDS) discord.js' ShardingManager starting one process per shard. */
async function startDiscordPlatform(config: Config, ctx: AdapterContext, env: Record<string, string | undefined>): Promise<PlatformAdapter> {
  const discord = config.discord!;
  if (discord.shardProcesses === undefined) return (await import('../adapters/discord/index.js')).startDiscord(discord, ctx);
  const { startDiscordShards } = await import('../adapters/discord/shards.js');
  // Each shard runs this same entry (with the same arguments and Node flags), which sees from its environment that it is a shard.
  const [file, ...args] = process.argv.slice(1);
  return startDiscordShards({ ...discord, shardProcesses: discord.shardProcesses }, ctx, { file: file!, args, execArgv: process.execArgv, env, stopTimeoutMs: config.shutdownTimeoutMs + 2_000 });
}

/** The bot's HTTP server when WEB_PORT is set; a port that cannot be bound stops the start naming WEB_PORT. */
async function startWeb(config: Config, logger: pino.Logger): Promise<WebServer | undefined> {
  if (!config.web) return undefined;
  const web = await startWebServer({ port: config.web.port, publicUrl: config.web.publicUrl, trustProxy: config.web.trustProxy, logger: logger.child({ part: 'web' }) }).catch((error: unknown) => {
    throw new ConfigError('WEB_PORT', `cannot listen on port ${config.web!.port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  });
  logger.info({ port: web.port, publicUrl: web.publicUrl }, 'web server listening');
  return web;
}

/** A running bot; `stop` ends every adapter, the web server and closes the store. */
export type Running = { platforms: string[]; web?: WebServer; stop(): Promise<void> };

/** One line saying why the start failed: our own errors as they are, file errors in words. */
export function startErrorLine(error: unknown): string {
  if (error instanceof ActionbotError) return error.message;
  const path = (error as NodeJS.ErrnoException | undefined)?.path;
  if (path) return describeFileError(error, path);
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}


/**
 * Composition root: config -> logger -> store -> core services -> commands -> adapters. In the
 * terminal it returns when the input ends; on platforms, once they are all up.
 */
export async function main(env: Record<string, string | undefined> = process.env, options: { signals?: boolean } = {}): Promise<Running> {
  const config: Config = parseConfig({ APPEALS_DIR: BUNDLED_APPEALS, ...env });
  // Fault tests only (tests/lifecycle): a named point in the command path where the bot kills itself.
  armCrashPoint(env.ACTIONBOT_CRASH_AT);
  const onPlatforms = Boolean(config.discord ?? config.telegram ?? config.slack);
  // In the terminal, only warnings reach standard error, so replies stay readable.
  const level = !onPlatforms && env.LOG_LEVEL === undefined ? 'warn' : config.logLevel;
  // JSON for log collectors on platforms; short readable lines in the terminal.
  const logger = createLogger(level, onPlatforms ? undefined : readableLines(process.stderr, ['debug', 'trace'].includes(level)));
  await checkDataDir(config.dataDir);
  // A process discord.js' ShardingManager started: the gateway of its shards, nothing else (src/app/shard-main.ts).
  const shard = shardProcess(env);
  if (shard && config.discord) return (await import('./shard-main.js')).runShard(config, shard, logger, options);
  const app = await createApp(config, { logger, closeBoundMs: config.shutdownTimeoutMs });
  if (app.secretWarning) logger.warn({}, app.secretWarning);
  for (const line of await dataModeWarnings(config.dataDir, config.storeUrl)) logger.warn({}, line);
  for (const problem of app.problems) logger.warn({ path: problem.path }, `appeal file skipped: ${problem.message}`);
  await warnReplacedAppeals(app.catalog, logger);
  // Metrics see every command and recorded action from the first one on.
  const ops = createOps(app, { metricsToken: config.metricsToken, logger });
  const web = await startWeb(config, logger).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  // Before any adapter: an action recorded in the first second still gets its milestone.
  // The terminal shows posts as they come: nothing to coalesce for.
  const posts = ops.metrics.tagPosts(chartedPosts(reminderPosts, app.deps));
  const events = wireEvents(app, logger.child({ part: 'events' }), { coalesceMs: onPlatforms ? undefined : 0, posts });
  const pages = web && mountDrivePages(web, app.deps, logger.child({ part: 'pages' }));
  if (web) mountExportLinks(web, app.deps, app.exportTokens, logger.child({ part: 'exports' }));
  // /healthz, /readyz and /metrics on the bot's one HTTP server (503 "starting" until the platforms are up).
  web?.use(ops.route);

  if (!onPlatforms) {
    // The terminal has no platform to wait for: ready when the store answers.
    ops.watch([]);
    const notifiers = [shellNotifier(process.stdout)];
    const scheduler = startReminders(app, notifiers, logger, systemTimer, events, posts);
    await events.start(notifiers);
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
    await events.stop();
    pages?.stop();
    await web?.stop();
    await app.close();
    return { platforms: ['shell'], stop: async () => undefined };
  }

  const inFlight = new InFlight();
  const adapters = await startPlatforms(config, app, logger, inFlight, env, ops).catch(async (error: unknown) => {
    pages?.stop();
    await web?.stop();
    await app.close();
    throw error;
  });
  ops.watch(adapters);
  // Discord shard processes count their own commands: /metrics sums them with this process's.
  for (const adapter of adapters) if (adapter.childMetrics) ops.metrics.addSource(adapter.childMetrics);
  const notifiers = adapters.map((a) => ops.metrics.countPosts(a.notifier));
  const scheduler = startReminders(app, notifiers, logger, systemTimer, events, posts);
  await events.start(notifiers);
  await scheduler.start();
  const platforms = adapters.map((a) => a.platform);
  let stopping: Promise<void> | undefined;
  const stop = (reason = 'stop') => {
    // From the first moment of a stop, /readyz says 503 so that a load balancer sends elsewhere.
    ops.stopping();
    return (stopping ??= shutdown(
      {
        adapters,
        inFlight,
        stopScheduler: () => scheduler.stop(),
        // What the last commands raised is handled while the platforms are still connected.
        finishEvents: (boundMs) => events.stop(boundMs),
        // The web server (pages, health) stays up while commands drain; it goes with the store.
        closeStore: async () => {
          pages?.stop();
          await web?.stop();
          await app.close();
        },
        timeoutMs: config.shutdownTimeoutMs,
        logger,
      },
      reason,
    ).then(() => undefined));
  };
  // Before the line that says it runs: whoever reads it may signal at once.
  if (options.signals !== false) exitOnSignals(stop, logger);
  logger.info({ platforms, store: app.store.kind }, 'actionbot is running');
  return { platforms, web, stop: () => stop() };
}

const entry = process.argv[1] ?? '';
if (/main\.[jt]s$/.test(entry)) {
  // `.env` in the current folder fills in what the environment does not set (src/app/env-file.ts).
  Promise.resolve()
    .then(() => main(withEnvFile(process.env)))
    .catch((error: unknown) => {
      process.stderr.write(`actionbot could not start: ${startErrorLine(error)}\n`);
      // The stack is for whoever debugs the bot, not for the operator starting it.
      if (process.env.LOG_LEVEL === 'debug' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    });
}
