// The Slack adapter's wiring: the Bolt app in HTTP or Socket Mode, its start, readiness and
// notifier.
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../commands/index.js';
import type { Config } from '../../app/config.js';
import { MemberGoneError, PlatformError, SpaceGoneError } from '../../core/errors.js';
import { Lane, OpenRequests } from '../../core/lane.js';
import type { Notifier } from '../../core/notifier.js';
import type { Reply } from '../../core/reply.js';
import { gateRequests } from '../http-intake.js';
import { untilReachable } from '../startup.js';
import type { AdapterContext, PlatformAdapter, Readiness } from '../types.js';
import { channelOf } from './args.js';
import { postReply, uploadToMember } from './deliver.js';
import { registerHandlers } from './handlers.js';
import { UserLocales } from './locales.js';

export { slackManifest, slackManifestYaml } from './manifest.js';
export { renderReply, SLACK_LIMITS, type SlackMessage } from './render.js';

export type SlackConfig = NonNullable<Config['slack']>;

/** Where Slack posts slash commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';
/** After the drain, connections still open this long are closed (their requests were refused or answered). */
const STOP_BOUND_MS = 2000;
/**
 * Answers on the response_url (valid 30 minutes) wait for the open requests to be acked, this many
 * at a time; an answer waits at most this long after its request arrived. Language lookups (Slack
 * allows about 100 users.info a minute) go a few at a time.
 */
const LATER_MAX_WAIT_MS = 500;
const ANSWERS_AT_ONCE = 8;
const LOOKUPS_AT_ONCE = 16;

/** A Bolt app wired to the command layer; `port` is the bound port once listening in HTTP mode. */
export type SlackApp = {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  mode: 'http' | 'socket';
  port?: number;
  notifier: Notifier;
  /** HTTP mode: listening after a good auth.test; Socket Mode: the socket connected. */
  ready(): Readiness;
  stop(): Promise<void>;
  /** HTTP mode: refuse new requests (503) while those taken finish; `stop` then closes. */
  stopTaking?(): Promise<void>;
};

export type SlackAppOptions = {
  /** Interface to listen on (HTTP mode); tests use 127.0.0.1. */
  host?: string;
  /** False: build the app without checking the token or connecting (for tests and tooling). */
  listen?: boolean;
};

// Bolt logs with its own interface; its messages go to our logger, debug chatter is dropped.
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => logger.info({ platform: 'slack', source: 'bolt' }, text(msg)),
    warn: (...msg: unknown[]) => logger.warn({ platform: 'slack', source: 'bolt' }, text(msg)),
    error: (...msg: unknown[]) => logger.error({ platform: 'slack', source: 'bolt' }, text(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** slackApiUrl must end with a slash, or Bolt joins method names onto the last path segment. */
function apiBase(url: string | undefined): string | undefined {
  return url === undefined ? undefined : url.endsWith('/') ? url : `${url}/`;
}

/** Web API errors that say the bot cannot post in the channel any more: removed, archived, uninstalled. */
export const SPACE_GONE_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'token_revoked', 'invalid_auth', 'team_access_not_granted', 'app_uninstalled']);

/** A private message that can never reach its member: gone from the workspace, or their DMs with apps closed. */
export const MEMBER_GONE_ERRORS = new Set(['user_not_found', 'user_disabled', 'cannot_dm_bot', 'channel_not_found', 'messages_tab_disabled']);

/** The Web API's `error` code of a failed call, if it is one. */
function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

function slackNotifier(app: App): Notifier {
  return {
    platform: 'slack',
    async postToSpace(space: string, reply: Reply) {
      const channel = channelOf(space);
      if (!channel) throw new PlatformError('slack', `not a Slack space: ${space}`);
      try {
        await postReply(app.client, channel, reply);
      } catch (error) {
        const code = slackErrorCode(error);
        throw code && SPACE_GONE_ERRORS.has(code) ? new SpaceGoneError('slack', code, undefined, { cause: error }) : error;
      }
    },
    async sendToMember(userId: string, reply: Reply) {
      // chat.postMessage to a user id lands in the DM with the bot; files need the DM's channel id.
      try {
        await postReply(app.client, userId, { ...reply, attachments: [] });
      } catch (error) {
        const code = slackErrorCode(error);
        throw code && MEMBER_GONE_ERRORS.has(code) ? new MemberGoneError('slack', code, { cause: error }) : error;
      }
      if (reply.attachments.length > 0) await uploadToMember(app.client, userId, reply.attachments);
    },
  };
}

/**
 * Builds the Bolt app: HTTP mode on `config.port` at `/slack/events` with signature checks, or
 * Socket Mode when `appToken` is set. Checks the bot token (auth.test) and starts listening unless
 * `listen` is false.
 */
export async function createSlackApp(config: SlackConfig, ctx: AdapterContext, options: SlackAppOptions = {}): Promise<SlackApp> {
  const logger = boltLogger(ctx.logger);
  const clientOptions = { slackApiUrl: apiBase(config.apiUrl) };
  const socket = config.appToken !== undefined;
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (socket) {
    receiver = new SocketModeReceiver({ appToken: config.appToken!, logger, installerOptions: { clientOptions } });
  } else {
    if (!config.signingSecret) throw new PlatformError('slack', 'SLACK_SIGNING_SECRET is needed for HTTP mode');
    receiver = new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: SLACK_EVENTS_PATH, port: config.port, logger });
  }
  // deferInitialization: the token check becomes an awaited start-up step that fails clearly.
  const app = new App({ token: config.botToken, receiver, logger, clientOptions, deferInitialization: true });
  // Answers on the response_url and language lookups wait while Slack requests are open (their acks
  // first). Only Slack's: a Telegram webhook request stays open while its update is handled, network
  // calls included, so it says little about how busy the event loop is.
  const requests = new OpenRequests();
  const later = (concurrency: number) => new Lane(requests, { concurrency, maxWaitMs: LATER_MAX_WAIT_MS });
  // Lookups come before a command runs, so they do not wait for open requests (those wait for them).
  const lookups = new Lane(undefined, { concurrency: LOOKUPS_AT_ONCE, maxWaitMs: 0 });
  registerHandlers(app, { ...ctx, locales: new UserLocales(ctx.deps.shortLived, lookups), answers: later(ANSWERS_AT_ONCE) });
  app.client.on(webApi.WebClientEvent.RATE_LIMITED, () => ctx.deps.observer?.rateLimitedCall('slack'));
  app.error(async (error) => {
    ctx.logger.error({ platform: 'slack', err: error }, 'Bolt could not process a request');
  });

  let state: Readiness = { ok: false, reason: 'not started' };
  const handle: SlackApp = { app, receiver, mode: socket ? 'socket' : 'http', notifier: slackNotifier(app), ready: () => state, stop: async () => undefined };
  if (options.listen === false) return handle;
  try {
    // First a client that does not retry: Bolt's own retries an unreachable Slack for half an hour without a word.
    const probe = new webApi.WebClient(config.botToken, { slackApiUrl: clientOptions.slackApiUrl, retryConfig: { retries: 0 }, timeout: 10_000, logger });
    await untilReachable('the Slack Web API', () => probe.auth.test(), {
      logger: ctx.logger,
      report: ctx.startup,
      // Slack answered (invalid_auth, account_inactive...): no retry mends that.
      isFinal: (error) => (error as { code?: string }).code === webApi.ErrorCode.PlatformError,
    });
    await app.init();
  } catch (error) {
    throw new PlatformError('slack', `the bot token was refused (auth.test): ${(error as Error).message}`, { cause: error });
  }
  if (receiver instanceof HTTPReceiver) {
    const server = await receiver.start({ port: config.port, host: options.host });
    handle.port = (server.address() as AddressInfo).port;
    handle.ready = () => (server.listening ? { ok: true } : { ok: false, reason: 'HTTP listener closed' });
    const intake = gateRequests(server, requests);
    handle.stopTaking = async () => intake.stopTaking();
    handle.stop = () => intake.close(STOP_BOUND_MS);
    return handle;
  } else {
    // The client says when Slack's socket drops and when it is back (it reconnects by itself).
    receiver.client.on('connected', () => (state = { ok: true }));
    receiver.client.on('reconnecting', () => (state = { ok: false, reason: 'socket reconnecting' }));
    receiver.client.on('disconnected', () => (state = { ok: false, reason: 'socket disconnected' }));
    await receiver.start();
    state = { ok: true };
  }
  handle.stop = () => receiver.stop();
  return handle;
}

/** Starts the Slack adapter (wired into main.ts): answers slash commands, presses and forms. */
export async function startSlack(config: SlackConfig, ctx: AdapterContext): Promise<PlatformAdapter> {
  const slack = await createSlackApp(config, ctx);
  ctx.logger.info({ platform: 'slack', mode: slack.mode, port: slack.port }, 'Slack adapter started');
  return { platform: 'slack', notifier: slack.notifier, ready: slack.ready, stop: slack.stop, stopTaking: slack.stopTaking };
}
