// The pipeline's types: a call in progress, a middleware, the logger adapters hand in.
import type { DomainEvent } from '../../core/events/events.js';
import type { Locale } from '../../core/i18n/index.js';
import type { Reply } from '../../core/reply.js';
import type { Token } from '../parse.js';
import type { Deps, Invocation } from '../types.js';
import type { Binding, Role } from '../../core/walls.js';

/** The smallest logger an adapter hands in (pino fits). */
export interface Logger {
  error(context: object, message: string): void;
  warn(context: object, message: string): void;
  info(context: object, message: string): void;
}

/** One invocation on its way through the pipeline; middleware fills in what it learns. */
export type Call = {
  invocation: Invocation;
  deps: Deps;
  logger: Logger;
  now: Date;
  /** The member's pseudonymous key. */
  member: string;
  /** Typed words and options, as one list. */
  tokens: Token[];
  locale: Locale;
  /** `drive start`, once the command is known. */
  path?: string;
  /** Domain events the command raised outside a ledger write, written to the outbox once it has answered. */
  events: DomainEvent[];
  /** Who acts for which community, on what authority (the walls step, src/commands/pipeline/walls.ts). */
  walls?: WallsState;
  /** Domain events committed with the command's ledger write (`ctx.unit`). */
  written: DomainEvent[];
  /** The delivery's claim key and lifetime; `committed` once a ledger write took it. */
  delivery?: { key: string; ttlMs: number; committed: boolean };
};

/** Undefined: nothing to answer (a redelivered delivery). */
export type Next = () => Promise<Reply | undefined>;

/** One concern around every command, written once for every adapter. */
export type Middleware = (call: Call, next: Next) => Promise<Reply | undefined>;

/** What the walls step settled for one call (see walls.ts). */
export type WallsState = {
  operator: boolean;
  community: string;
  /** A verified button: bound to the member who got it, or to the space it was posted in. */
  signed?: Binding;
  /** The group a moderator's private button acts for (see `GRANT_TTL_MS`). */
  granted?: string;
  /** Settled by `enforceScope`: the role the command runs with. */
  role?: Role;
};
