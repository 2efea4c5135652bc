// DISCORD_SHARDS: discord.js' ShardingManager starting one bot process per shard, spaced by the
// identify limit, and their readiness.
import { once } from 'node:events';
import { REST, RESTEvents, Routes, ShardingManager, type APIGatewayBotInfo, type Shard } from 'discord.js';
import type { Config } from '../../app/config.js';
import { ConfigError, PlatformError } from '../../core/errors.js';
import type { AdapterContext, PlatformAdapter, Readiness } from '../types.js';
import { discordNotifier } from './notifier.js';
import { isShardMessage, type ShardMessage } from './shard-ipc.js';
import { restOptions } from './rest-options.js';

export type ShardsConfig = NonNullable<Config['discord']> & { shardProcesses: 'auto' | number };

export type ShardsOptions = {
  /** The script each shard process runs (the bot's own entry: it knows from its environment that it is a shard). */
  file: string;
  /** Its arguments (`start` when the CLI runs the bot). */
  args: string[];
  /** Node flags for the shard processes (the manager's own, so `--import tsx` carries over in development). */
  execArgv: string[];
  /** The environment the bot was started with, handed to every shard process. */
  env: Record<string, string | undefined>;
  /** How long a shard may take from its spawn to READY (default 60 s). */
  spawnTimeoutMs?: number;
  /** How long a shard process is given to drain after SIGTERM before it is killed. */
  stopTimeoutMs: number;
};

export type DiscordShards = PlatformAdapter & { manager: ShardingManager; total: number };

/** Discord takes one IDENTIFY per 5 s in each of `max_concurrency` buckets: shards start this far apart. */
export function spawnDelayMs(maxConcurrency: number): number {
  return Math.ceil(5_500 / Math.max(1, maxConcurrency));
}

const METRICS_TIMEOUT_MS = 2_000;

/**
 * DISCORD_SHARDS: this process becomes discord.js' ShardingManager. It asks Discord how many shards
 * to run (`auto`) and how fast they may identify (GET /gateway/bot), then starts one process per
 * shard; each logs in with its shard id and answers the interactions of its guilds on the shared
 * store. This process keeps a REST-only notifier (reminders and milestones need no gateway), says
 * the gateway is ready when every shard is, hands events a shard appended to this process's relay,
 * and on stop sends each shard SIGTERM and waits for it to drain.
 */
export async function startDiscordShards(config: ShardsConfig, ctx: AdapterContext, options: ShardsOptions): Promise<DiscordShards> {
  const rest = new REST(restOptions(config.apiBase)).setToken(config.token);
  rest.on(RESTEvents.RateLimited, () => ctx.deps.observer?.rateLimitedCall('discord'));
  const gateway = await gatewayInfo(rest);
  const total = config.shardProcesses === 'auto' ? gateway.shards : config.shardProcesses;
  const manager = new ShardingManager(options.file, { token: config.token, totalShards: total, mode: 'process', respawn: true, shardArgs: options.args, execArgv: options.execArgv });
  const waiting = new Map<number, (metrics: unknown[]) => void>();
  let nextId = 0;
  let stopping = false;

  manager.on('shardCreate', (shard: Shard) => {
    // discord.js builds the shard's environment from this process's; the bot may have been given another.
    shard.env = { ...options.env, ...(shard.env as Record<string, string>) };
    shard.on('message', (message: unknown) => {
      if (!isShardMessage(message)) return;
      if (message.actionbot === 'events') for (const nudge of ctx.deps.onEvents) nudge();
      if (message.actionbot === 'metrics') waiting.get(message.id)?.(message.metrics);
    });
    shard.on('death', () => {
      if (!stopping) ctx.logger.warn({ shard: shard.id }, 'Discord shard process exited; starting it again');
    });
    shard.on('error', (error) => ctx.logger.error({ shard: shard.id, err: error }, 'Discord shard could not be started again'));
  });

  const stopped = { promise: undefined as Promise<void> | undefined };
  const stop = () =>
    (stopped.promise ??= (async () => {
      stopping = true;
      // A shard that dies from now on stays down (one dying just before would otherwise come back).
      manager.respawn = false;
      await Promise.all(manager.shards.map((shard) => stopShard(shard, options.stopTimeoutMs)));
    })());

  const delay = spawnDelayMs(gateway.session_start_limit.max_concurrency);
  ctx.logger.info({ shards: total, delayMs: delay }, 'starting Discord shard processes');
  try {
    await manager.spawn({ amount: total, delay, timeout: options.spawnTimeoutMs ?? 60_000 });
  } catch (error) {
    await stop();
    throw new PlatformError('discord', `a shard process did not reach READY: ${(error as Error).message}`, { cause: error });
  }

  const ask = (shard: Shard) =>
    new Promise<unknown[]>((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => settle([]), METRICS_TIMEOUT_MS);
      const settle = (metrics: unknown[]) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(metrics);
      };
      waiting.set(id, settle);
      // A shard being restarted has no channel: its metrics are missing from this scrape, nothing else.
      shard.send({ actionbot: 'metrics?', id } satisfies ShardMessage).catch(() => settle([]));
    });

  return {
    platform: 'discord',
    manager,
    total,
    notifier: discordNotifier(rest),
    ready: () => shardsReadiness([...manager.shards.values()], total),
    // Each running shard process's metrics, summed into this process's /metrics.
    childMetrics: () => Promise.all(manager.shards.filter((s) => s.process !== null).map(ask)),
    // The shards stop taking interactions and drain them themselves, on SIGTERM.
    stopTaking: stop,
    stop,
  };
}

/** Ready when every shard process is up and its gateway READY (a shard restarting or resuming is not). */
export function shardsReadiness(shards: readonly Pick<Shard, 'id' | 'ready'>[], total: number): Readiness {
  if (shards.length < total) return { ok: false, reason: `gateway: ${shards.length} of ${total} shards started` };
  const down = shards.filter((s) => !s.ready);
  return down.length === 0 ? { ok: true } : { ok: false, reason: `gateway: shard ${down.map((s) => s.id).join(', ')} not ready` };
}

async function gatewayInfo(rest: REST): Promise<APIGatewayBotInfo> {
  try {
    return (await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo;
  } catch (error) {
    if ((error as { status?: number }).status === 401) throw new ConfigError('DISCORD_TOKEN', 'Discord refused this token (401)');
    throw new PlatformError('discord', `GET /gateway/bot failed: ${(error as Error).message}`, { cause: error });
  }
}

/** SIGTERM (the shard drains as any bot process does), then SIGKILL if it outlives `ms`. */
async function stopShard(shard: Shard, ms: number): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // kill() removes the manager's respawn listener first: a stopped shard stays stopped.
  shard.kill();
  let timer: NodeJS.Timeout | undefined;
  const late = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), ms)))]);
  clearTimeout(timer);
  if (late) child.kill('SIGKILL');
}
