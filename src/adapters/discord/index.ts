// The Discord adapter's wiring: the discord.js client, gateway readiness, command registration and
// the notifier.
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, RESTEvents, Status, type ClientOptions } from 'discord.js';
import { commands as allCommands, type AnyCommand } from '../../commands/index.js';
import type { Config } from '../../app/config.js';
import type { AdapterContext, PlatformAdapter, Readiness } from '../types.js';
import { onInteraction } from './interactions.js';
import { discordNotifier } from './notifier.js';
import { commandDefinitions, syncCommands } from './register.js';
import { restOptions } from './rest-options.js';

export { commandDefinitions, normaliseCommands, syncCommands } from './register.js';
export { renderReply, toDiscordMarkdown, LIMITS, type DiscordMessage } from './render.js';
export { discordNotifier } from './notifier.js';

export type DiscordOptions = NonNullable<Config['discord']> & {
  /** Which shards this process runs (several processes share a Redis store); all when unset. */
  shards?: ClientOptions['shards'];
  shardCount?: number;
  /** Defer the first answer when a command has not finished by then (default 1500 ms of Discord's 3 s). */
  deferAfterMs?: number;
  /** The command list (default: every command). */
  commands?: readonly AnyCommand[];
  /** Fail the start when the gateway is not ready by then (default 30 s). */
  readyTimeoutMs?: number;
};

export type DiscordAdapter = PlatformAdapter & {
  client: Client;
  /** Whether this start replaced the registered commands; undefined when this process does not register. */
  registration?: 'updated' | 'unchanged';
};

/**
 * The Discord adapter with every knob: logs in (intents: Guilds only, nothing privileged), waits
 * for READY, registers the slash commands when they changed, and answers interactions.
 */
export async function createDiscordAdapter(options: DiscordOptions, ctx: AdapterContext): Promise<DiscordAdapter> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: restOptions(options.apiBase),
    // A second guard: every message the bot sends defaults to no pings.
    allowedMentions: { parse: [] },
    ...(options.shards !== undefined ? { shards: options.shards } : {}),
    ...(options.shardCount !== undefined ? { shardCount: options.shardCount } : {}),
  });
  const env = { deps: ctx.deps, logger: ctx.logger, deferAfterMs: options.deferAfterMs ?? 1500 };
  let taking = true;
  client.on(Events.InteractionCreate, (interaction) => {
    if (!taking) return;
    const work = () => onInteraction(interaction, env).catch((error: unknown) => ctx.logger.error({ err: error, interaction: interaction.id }, 'Discord interaction failed'));
    void (ctx.inFlight ? ctx.inFlight.track(work) : work());
  });
  client.on(Events.Error, (error) => ctx.logger.error({ err: error }, 'Discord client error'));
  client.rest.on(RESTEvents.RateLimited, () => ctx.deps.observer?.rateLimitedCall('discord'));

  const timeout = AbortSignal.timeout(options.readyTimeoutMs ?? 30_000);
  let registration: DiscordAdapter['registration'];
  try {
    const ready = once(client, Events.ClientReady, { signal: timeout });
    await client.login(options.token);
    await ready;
    // With several processes, the one running shard 0 registers; the others would only compare.
    // The client's own option: a shard process gets its ids from the ShardingManager's environment.
    if (runsShardZero(client.options.shards)) {
      const definitions = commandDefinitions(options.commands ?? allCommands);
      registration = await syncCommands(client.rest, client.application!.id, definitions, options.guildId);
      ctx.logger.info({ registration, guild: options.guildId ?? 'global', commands: definitions.length }, 'Discord commands registered');
    }
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return {
    platform: 'discord',
    client,
    registration,
    notifier: discordNotifier(client.rest),
    ready: () => gatewayReadiness(client),
    // A shutdown stops taking interactions first: those taken keep their REST client (and its
    // token) until they have answered, and only then is the gateway left.
    stopTaking: async () => {
      taking = false;
    },
    stop: () => client.destroy(),
  };
}

/** Ready while every shard this process runs is READY on the gateway (not reconnecting or resuming). */
export function gatewayReadiness(client: Client): Readiness {
  const down = client.ws.shards.filter((shard) => shard.status !== Status.Ready);
  if (client.ws.shards.size === 0) return { ok: false, reason: 'gateway: not connected' };
  if (down.size === 0) return { ok: true };
  return { ok: false, reason: `gateway: ${down.map((shard) => `shard ${shard.id} ${Status[shard.status]}`).join(', ')}` };
}

function runsShardZero(shards: ClientOptions['shards']): boolean {
  if (shards === undefined || shards === 'auto') return true;
  return Array.isArray(shards) ? shards.includes(0) : shards === 0;
}

/** The composition root's entry: DISCORD_TOKEN (+ DISCORD_GUILD_ID, DISCORD_API_BASE) -> a running adapter. */
export function startDiscord(config: NonNullable<Config['discord']>, ctx: AdapterContext): Promise<PlatformAdapter> {
  return createDiscordAdapter(config, ctx);
}
