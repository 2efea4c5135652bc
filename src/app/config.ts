// The environment parsed by one zod schema: the only reader of process.env's settings, and the list
// of variables.
import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { isTimeZone } from '../core/time.js';
import { parseTrustProxy, type TrustProxy } from '../web/client-address.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (schemes: string[]) =>
  optional.refine((v) => v === undefined || schemes.some((s) => v.startsWith(`${s}://`)), {
    message: `must start with ${schemes.map((s) => `${s}://`).join(' or ')}`,
  });

const moderatorIds = optional.transform((v, ctx) => {
  const ids = (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of ids) {
    if (!/^(telegram|slack|discord|shell):[^\s:]+$/.test(id)) {
      ctx.addIssue({ code: 'custom', message: `"${id}" is not platform:id (telegram:123, slack:U0AB, discord:456)` });
    }
  }
  return ids;
});

const envSchema = z.object({
  STORE_URL: optional,
  DATA_DIR: optional.default('./data'),
  MEMBER_KEY_SECRET: optional.refine((v) => v === undefined || Buffer.byteLength(v, 'utf8') >= 16, { message: 'must be at least 32 bytes (16 for a store already keyed with it)' }),
  MEMBER_KEY_SECRET_FILE: optional,
  MODERATOR_IDS: moderatorIds,
  APPEALS_DIR: optional.default('./appeals'),
  DISCORD_TOKEN: optional,
  DISCORD_GUILD_ID: optional.refine((v) => v === undefined || /^\d{15,21}$/.test(v), { message: 'must be a guild id (a snowflake)' }),
  DISCORD_API_BASE: url(['http', 'https']),
  DISCORD_SHARDS: optional
    .refine((v) => v === undefined || v === 'auto' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 4096), { message: 'must be auto or a number of shards (1-4096)' })
    .transform((v) => (v === undefined || v === 'auto' ? v : Number(v))),
  TELEGRAM_BOT_TOKEN: optional.refine((v) => v === undefined || /^\d+:[\w-]+$/.test(v), { message: 'must look like 123456:ABC-DEF (from BotFather)' }),
  TELEGRAM_API_ROOT: url(['http', 'https']),
  TELEGRAM_WEBHOOK_URL: url(['https', 'http']),
  TELEGRAM_WEBHOOK_PORT: optional
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535), { message: 'must be a port number (1-65535)' })
    .transform((v) => (v === undefined ? 8443 : Number(v))),
  TELEGRAM_WEBHOOK_SECRET: optional.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: 'must be 1-256 characters of A-Z, a-z, 0-9, _ and -',
  }),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), { message: 'must start with xapp-' }),
  SLACK_API_URL: url(['http', 'https']),
  SLACK_PORT: optional
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535), { message: 'must be a port number (1-65535)' })
    .transform((v) => (v === undefined ? 3000 : Number(v))),
  WEB_PORT: optional.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 65535), { message: 'must be a port number (1-65535, or 0 for any free port)' }),
  PUBLIC_URL: url(['https', 'http']).refine((v) => v === undefined || URL.canParse(v), { message: 'must be a URL such as https://bot.example.org' }),
  METRICS_TOKEN: optional,
  TRUST_PROXY: optional.transform((v, ctx) => {
    const trust = parseTrustProxy(v);
    if (trust && 'error' in trust) ctx.addIssue({ code: 'custom', message: trust.error });
    return trust && 'error' in trust ? undefined : trust;
  }),
  LOG_LEVEL: optional
    .refine((v) => v === undefined || LOG_LEVELS.includes(v), { message: `must be one of ${LOG_LEVELS.join(', ')}` })
    .transform((v) => v ?? 'info'),
  RETENTION_DAYS: optional
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 3650), { message: 'must be a number of days (1-3650)' })
    .transform((v) => (v === undefined ? 90 : Number(v))),
  FOLLOW_KEEP_DAYS: optional
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 3650), { message: 'must be a number of days (1-3650)' })
    .transform((v) => (v === undefined ? 30 : Number(v))),
  SHUTDOWN_TIMEOUT: optional
    .refine((v) => v === undefined || (/^\d+(\.\d+)?$/.test(v) && Number(v) <= 600), { message: 'must be a number of seconds (0-600), such as 10' })
    .transform((v) => (v === undefined ? 10 : Number(v))),
  TZ_DEFAULT: optional.refine((v) => v === undefined || isTimeZone(v), { message: 'must be an IANA time zone such as Europe/Paris' }).transform((v) => v ?? 'UTC'),
});

/** Every variable the bot reads; docs/configuration.md and .env.example list exactly these (a test checks). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export type Config = {
  storeUrl: string;
  dataDir: string;
  appealsDir: string;
  memberKeySecret?: string;
  /** A file outside the data folder holding the secret (a container or systemd credential). */
  memberKeySecretFile?: string;
  moderatorIds: string[];
  logLevel: string;
  /** Days actions are kept after their appeal's last drive stopped. */
  retentionDays: number;
  /** Days followers' ids are kept after an appeal's closing news or last deadline (FOLLOW_KEEP_DAYS). */
  followKeepDays: number;
  defaultTimezone: string;
  /** How long a stop waits for commands already taken (SHUTDOWN_TIMEOUT, seconds). */
  shutdownTimeoutMs: number;
  /** `shardProcesses`: run discord.js' ShardingManager, one process per shard (DISCORD_SHARDS). */
  discord?: { token: string; guildId?: string; apiBase?: string; shardProcesses?: 'auto' | number };
  telegram?: { token: string; apiRoot?: string; webhook?: { url: string; secret?: string }; webhookPort: number };
  slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string; port: number };
  /**
   * The bot's HTTP server; links start with `publicUrl` (default `http://localhost:<port>`);
   * `trustProxy`: the proxies trusted to name the client in X-Forwarded-For (TRUST_PROXY).
   */
  web?: { port: number; publicUrl?: string; trustProxy?: TrustProxy };
  /** When set, /metrics wants `Authorization: Bearer <token>`. */
  metricsToken?: string;
};

/** Parses the environment; a bad value stops the start with a message naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;
  const storeUrl = e.STORE_URL ?? `sqlite://${e.DATA_DIR.replace(/\/$/, '')}/actionbot.sqlite`;
  if (!/^(sqlite|redis|rediss):\/\/.+/.test(storeUrl)) {
    throw new ConfigError('STORE_URL', `expected sqlite://PATH or redis://HOST:PORT, got "${storeUrl}"`);
  }
  // A secret generated into one host's data folder would give the same member another key on the next host.
  if (storeUrl.startsWith('redis') && !e.MEMBER_KEY_SECRET && !e.MEMBER_KEY_SECRET_FILE) {
    throw new ConfigError('MEMBER_KEY_SECRET', 'must be set (or MEMBER_KEY_SECRET_FILE) when STORE_URL is Redis, to the same value in every process');
  }
  if (e.MEMBER_KEY_SECRET && e.MEMBER_KEY_SECRET_FILE) throw new ConfigError('MEMBER_KEY_SECRET_FILE', 'set either MEMBER_KEY_SECRET or MEMBER_KEY_SECRET_FILE, not both');
  if (e.MEMBER_KEY_SECRET_FILE && isInside(e.MEMBER_KEY_SECRET_FILE, e.DATA_DIR)) {
    throw new ConfigError('MEMBER_KEY_SECRET_FILE', `must be outside DATA_DIR (${e.DATA_DIR}): whoever copies the data folder must not get the secret with it`);
  }
  if (e.DISCORD_SHARDS !== undefined && !e.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN', 'is needed when DISCORD_SHARDS is set');
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_BOT_TOKEN) throw new ConfigError('TELEGRAM_BOT_TOKEN', 'is needed when TELEGRAM_WEBHOOK_URL is set');
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'is needed for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (e.PUBLIC_URL && !e.WEB_PORT) throw new ConfigError('WEB_PORT', 'is needed when PUBLIC_URL is set (the port the pages are served on)');
  return {
    storeUrl,
    dataDir: e.DATA_DIR,
    appealsDir: e.APPEALS_DIR,
    memberKeySecret: e.MEMBER_KEY_SECRET,
    memberKeySecretFile: e.MEMBER_KEY_SECRET_FILE,
    moderatorIds: e.MODERATOR_IDS,
    logLevel: e.LOG_LEVEL,
    retentionDays: e.RETENTION_DAYS,
    followKeepDays: e.FOLLOW_KEEP_DAYS,
    metricsToken: e.METRICS_TOKEN,
    defaultTimezone: e.TZ_DEFAULT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT * 1000,
    discord: e.DISCORD_TOKEN
      ? { token: e.DISCORD_TOKEN, guildId: e.DISCORD_GUILD_ID, apiBase: e.DISCORD_API_BASE, ...(e.DISCORD_SHARDS !== undefined ? { shardProcesses: e.DISCORD_SHARDS } : {}) }
      : undefined,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          webhook: e.TELEGRAM_WEBHOOK_URL ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET } : undefined,
          webhookPort: e.TELEGRAM_WEBHOOK_PORT,
        }
      : undefined,
    slack: e.SLACK_BOT_TOKEN
      ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL, port: e.SLACK_PORT }
      : undefined,
    web: e.WEB_PORT ? { port: Number(e.WEB_PORT), publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''), ...(e.TRUST_PROXY ? { trustProxy: e.TRUST_PROXY } : {}) } : undefined,
  };
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
