// The pino logger, with member data scrubbed from every line, and short readable lines for the
// terminal.
import type { Writable } from 'node:stream';
import pino from 'pino';
import { stderrDestination } from './log-destination.js';

/**
 * Log lines carry member keys or nothing: no platform ids, names or message text, at any level.
 * SDK errors are the risk: a grammY error carries its request payload (the chat id and the letter's
 * text), a Discord error its request body and a URL with channel ids and interaction tokens, a Slack
 * error the whole API answer. So every logged object is rebuilt from fields known to be safe, and
 * every string loses what looks like a platform user id.
 */

/** Keys whose values are member data, message text, request bodies or tokens: never logged. */
const DROPPED = new Set(
  [
    'text', 'payload', 'body', 'requestBody', 'rawError', 'data', 'from', 'chat', 'user', 'users', 'userId', 'user_id',
    'chat_id', 'chatId', 'channel_name', 'name', 'town', 'country', 'key', 'trigger_id', 'response_url', 'url', 'headers',
    'token', 'files', 'options', 'values', 'view', 'reply', 'request', 'response', 'config', 'args', 'sender_chat',
  ].map((k) => k.toLowerCase()),
);

/** Patterns of platform user ids inside free strings. */
const ID_PATTERNS: Array<[RegExp, string]> = [
  // A Telegram private chat's space id is the member's own id (groups are negative).
  [/\btelegram:(\d+)/g, 'telegram:<member>'],
  // Slack user ids (U..., W...) and any run of 7+ digits (Telegram ids, Discord snowflakes).
  [/\b[UW](?=[A-Z0-9]*\d)[A-Z0-9]{8,11}\b/g, '<slack-user>'],
  [/\d{7,}/g, '<id>'],
  // Interaction and webhook tokens in Discord URLs.
  [/\/(interactions|webhooks)\/[^\s]+/g, '/$1/<redacted>'],
];

export function scrubString(value: string): string {
  return ID_PATTERNS.reduce((s, [pattern, replacement]) => s.replace(pattern, replacement), value);
}

const MAX_DEPTH = 4;

type ChildFn = (this: unknown, bindings: pino.Bindings, options?: object) => unknown;

/** An error reduced to what helps an operator and says nothing about a member. */
export function safeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return { type: typeof error, message: scrubString(String(error)) };
  const e = error as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { type: e.constructor?.name ?? e.name ?? 'Error' };
  if (typeof e.message === 'string') out.message = scrubString(e.message);
  for (const field of ['code', 'status', 'error_code', 'method', 'description', 'errno', 'syscall']) {
    const value = e[field];
    if (typeof value === 'number') out[field] = value;
    else if (typeof value === 'string') out[field] = scrubString(value);
  }
  // Slack keeps its error code in the API answer, which is otherwise dropped.
  const data = e.data as { error?: unknown } | undefined;
  if (data && typeof data.error === 'string') out.slackError = scrubString(data.error);
  if (typeof e.stack === 'string') out.stack = scrubString(e.stack);
  if (e.cause !== undefined && depth < MAX_DEPTH) out.cause = safeError(e.cause, depth + 1);
  if (Array.isArray(e.errors) && depth < MAX_DEPTH) out.errors = e.errors.slice(0, 5).map((inner) => safeError(inner, depth + 1));
  return out;
}

/** A logged object with member data removed, errors made safe, and ids scrubbed from strings. */
export function scrubObject(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value instanceof Error) return safeError(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[object]';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => scrubObject(v, depth + 1));
  if ('message' in value && 'stack' in value) return safeError(value);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (DROPPED.has(key.toLowerCase())) continue;
    // A Telegram button's data may hold form answers: only its command word is kept.
    out[key] = key === 'button' && typeof inner === 'string' ? scrubString(inner.split(/[\s|]/)[0] ?? '') : scrubObject(inner, depth + 1);
  }
  return out;
}

/**
 * pino to standard error (so that the terminal's replies on standard output stay clean), or to
 * `destination` (tests read what was logged). Every line goes through the scrubbing above.
 */
export function createLogger(level: string, destination: pino.DestinationStream | Writable = stderrDestination()): pino.Logger {
  const logger = pino(
    {
      level,
      base: undefined,
      serializers: { err: (err: unknown) => err },
      formatters: {
        log: (object) => scrubObject(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          // A field the logger is already bound to (a platform's child logger, `platform`) would be
          // printed twice: pino writes bindings and the line's own object side by side.
          const bound = this.bindings();
          const clean = args.map((arg, i) =>
            typeof arg === 'string' ? scrubString(arg) : i === 0 && isPlainObject(arg) ? withoutBound(arg, bound) : arg,
          );
          return method.apply(this, clean as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
  // pino applies `formatters.bindings` to the root only: child bindings (a button's data, a space)
  // are scrubbed here, for every descendant, since children inherit this method.
  const child = logger.child as unknown as ChildFn;
  const scrubbedChild: ChildFn = function (bindings, options) {
    return child.call(this, scrubObject(bindings) as pino.Bindings, options);
  };
  Object.assign(logger, { child: scrubbedChild });
  return logger;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Error) && Object.getPrototypeOf(value) === Object.prototype;
}

function withoutBound(object: Record<string, unknown>, bound: pino.Bindings): Record<string, unknown> {
  const repeated = Object.keys(object).filter((key) => key in bound && bound[key] === object[key]);
  if (repeated.length === 0) return object;
  const rest = { ...object };
  for (const key of repeated) delete rest[key];
  return rest;
}

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

type LogRecord = { level?: number; msg?: string; time?: number; err?: { message?: string; stack?: string }; [key: string]: unknown };

/**
 * A destination that prints pino's JSON lines as one short line each, for a person at a terminal:
 * `warn: appeal file skipped: ... (path=appeals/x.json)`. An error shows its message; its stack
 * only when `stacks` (LOG_LEVEL=debug).
 */
export function readableLines(out: { write(text: string): unknown }, stacks: boolean): pino.DestinationStream {
  return {
    write(line: string) {
      let record: LogRecord;
      try {
        record = JSON.parse(line) as LogRecord;
      } catch {
        out.write(line);
        return;
      }
      const { level = 30, msg = '', time: _time, err, ...rest } = record;
      const context = Object.entries(rest)
        .filter(([, v]) => v !== undefined && typeof v !== 'object')
        .map(([k, v]) => `${k}=${String(v)}`);
      const reason = err?.message ? `: ${err.message.split('\n')[0]}` : '';
      const tail = context.length > 0 ? ` (${context.join(', ')})` : '';
      out.write(`${LEVELS[level] ?? 'log'}: ${msg}${reason}${tail}\n`);
      if (stacks && err?.stack) out.write(`${err.stack}\n`);
    },
  };
}
