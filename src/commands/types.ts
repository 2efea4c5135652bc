// A command's shape (options, permission, run), the Invocation adapters build, and the Deps
// commands receive.
import type { AppealBook } from '../core/appeal-view.js';
import type { ImportResult } from '../core/importer/index.js';
import type { PrintPackInput } from '../core/kit/printpack.js';
import type { Campaign } from '../core/campaign.js';
import type { ClaimStore } from '../core/claims.js';
import type { Method } from '../core/drive.js';
import type { DriveService } from '../core/drives.js';
import type { DomainEvent } from '../core/events/events.js';
import type { Outbox } from '../core/events/outbox.js';
import type { Mutex } from '../core/guard.js';
import type { Locale, MessageKey, Translate } from '../core/i18n/index.js';
import type { ActionLedger, WriteUnit } from '../core/ledger/ledger.js';
import type { MemberKeyer } from '../core/member-key.js';
import type { Followers } from '../core/news/followers.js';
import type { NewsLog } from '../core/news/log.js';
import type { Pacer } from '../core/news/pacer.js';
import type { ProfileStore } from '../core/profiles.js';
import type { Reply } from '../core/reply.js';
import type { ShortLived } from '../core/short-lived.js';
import type { MemberReminderStore } from '../core/reminders/member-reminders.js';
import type { Clock } from '../core/time.js';
import type { TallyBook } from '../core/tally-book.js';
import type { Scope } from '../core/walls.js';

/** Who typed or pressed: platform ids are opaque strings, never numbers. */
export type Actor = { platform: string; userId: string; locale?: string };

/** Where: `kind` tells an adapter whether a private reply must go elsewhere. */
export type Space = { id: string; kind: 'group' | 'private' };

/** One command as an adapter hands it over. */
export type Invocation = {
  name: string;
  /** Text platforms: everything after the command name (`ua-34-25 goal=500`). */
  text?: string;
  /** Typed options (Discord) or form fields, as strings; validated exactly like typed words. */
  options?: Record<string, string>;
  /** The subcommand when the platform gives it apart (Discord); otherwise the first word of `text`. */
  sub?: string;
  actor: Actor;
  space: Space;
  /** The platform's own moderator check, asked on every call that needs it. */
  isModerator: () => Promise<boolean>;
  /** The person at the terminal (the shell's operator): the whole instance, like MODERATOR_IDS. */
  operator?: boolean;
  /**
   * The platform's id for this delivery (`telegram:update:<id>`, `slack:cmd:<trigger>`,
   * `discord:interaction:<id>`): a redelivered one is answered nothing and changes nothing.
   */
  delivery?: string;
  /**
   * No other process can be handling this delivery (Telegram long polling has one consumer per
   * bot, and it never runs an update twice at once): a delivery found handled before was handled
   * by a process that died before answering, so it is answered again, as a repeat, not left silent.
   */
  soleConsumer?: boolean;
  /**
   * Asked by the pipeline, after de-duplication and before the command runs, when `actor.locale` is
   * not given (Slack's users.info); the adapter bounds how long it takes.
   */
  resolveLocale?: () => Promise<string | undefined>;
};

export type OptionKind = 'appeal' | 'appeals' | 'method' | 'goal' | 'date' | 'timezone' | 'text' | 'document' | 'lang' | 'language' | 'target' | 'toggle' | 'word';

export type OptionSpec = {
  name: string;
  kind: OptionKind;
  description: MessageKey;
  required?: boolean;
  /** May be given as a bare word, in order, besides `name=value`. */
  positional?: boolean;
  /** Takes the rest of the line (a free message). */
  rest?: boolean;
  /** Used by buttons; not shown in menus or help. */
  hidden?: boolean;
  max?: number;
  /** Shown in usage lines instead of the kind's placeholder, such as `7d,3d,1d,0d`. */
  placeholder?: string;
};

type KindType = {
  appeal: string;
  /** One appeal id, several separated by commas (a campaign's cases in order), or a campaign id. */
  appeals: string;
  method: Method;
  goal: number;
  date: string;
  timezone: string;
  text: string;
  document: string;
  lang: Locale;
  language: string;
  target: string;
  toggle: boolean;
  word: string;
};

export type InputOf<O extends readonly OptionSpec[]> = { [S in O[number] as S['name']]?: KindType[S['kind']] };

/** Services a command may use; the optional ones arrive with their own features. */
export type Deps = {
  appeals: AppealBook;
  drives: DriveService;
  ledger: ActionLedger;
  /** Letters written at event tables, entered by moderators (/tally), kept apart from the ledger. */
  tallyBook: TallyBook;
  /** The operator's campaign files (`<appeals>/campaigns/`): several appeals started as one drive. */
  campaigns?: readonly Campaign[];
  claims: ClaimStore;
  memberKey: MemberKeyer;
  /** Signatures members asked /letter to remember. */
  profiles: ProfileStore;
  clock: Clock;
  /** The public address of a drive page, when the bot serves pages (WEB_PORT). */
  pageLink?: (pageId: string) => string;
  /** SVG to PNG, for chart images in posts; without it, posts carry no chart. */
  renderPng?: (svg: string) => Promise<Uint8Array>;
  /** `platform:userId` entries with moderator rights everywhere. */
  moderatorIds: readonly string[];
  /** Extra erasers run by /forgetme (profiles, private reminders...). */
  forgetters: Array<(member: string) => Promise<unknown>>;
  /** Members' own "remind me later" requests. */
  memberReminders: MemberReminderStore;
  /** Members following appeals' news (their platform ids sealed). */
  followers: Followers;
  /** The news each appeal has had, for its drive pages. */
  newsLog?: NewsLog;
  /** Paces private messages per platform across processes; adapters tell it of a 429's wait. */
  pacer?: Pacer;
  /** Days actions are kept after their appeal's last drive closed (RETENTION_DAYS); said by /privacy. */
  retentionDays?: number;
  /** Domain events (milestones, reminder cancellation, live progress) wait here, in the store, to be handled after the answer. */
  outbox: Outbox;
  /** Adapters' state between two deliveries (deep links, reply prompts, platform languages), shared by every process. */
  shortLived: ShortLived;
  /** Turns for read-modify-writes of shared lists, across processes on a shared store (the store's own). */
  mutex: Mutex;
  /** Told after events were appended (the relay drains soon). */
  onEvents: Array<() => void>;
  /** Makes deleted data leave the store's files (SQLite WAL, Redis AOF); run after deletions. */
  scrub: () => Promise<void>;
  /** Told of every command handled (the metrics); optional. */
  observer?: CommandObserver;
  /** The largest file a reply may carry on a platform; src/core/export/attachment.ts's table when not given. */
  attachmentLimit?: (platform: string) => number;
  /** A private, expiring download link for an appeal's CSV (one community's rows, or all), when the bot serves HTTP (WEB_PORT). */
  exportLink?: (appealId: string, community?: string) => { url: string; expiresAt: Date };
  /** The same for a drive: its cases' rows (or one case's) and its table entries (a campaign's report). */
  exportDriveLink?: (driveId: string, community?: string, appealId?: string) => { url: string; expiresAt: Date };
  /** Reads an Urgent Action text off the event loop (a worker thread, queued, bounded); inline when not given. */
  importText?: (text: string) => Promise<ImportResult>;
  /** Makes a print pack off the event loop (a worker thread, queued, bounded); inline when not given. */
  printPack?: (input: PrintPackInput) => Promise<Uint8Array>;
};

/** How a handled command ended, as the metrics count it. */
export type CommandOutcome = 'ok' | 'user_error' | 'store_error' | 'error';

/** Watches the command path from outside (metrics); must not throw. */
export interface CommandObserver {
  commandDone(event: { platform: string; command: string; outcome: CommandOutcome; seconds: number }): void;
  /** An action was recorded for the first time (not a repeat). */
  actionRecorded(platform: string, method: string): void;
  /** A platform answered a call with 429 (too many requests). */
  rateLimitedCall(platform: string): void;
}

/** Where a command came from, as the walls see it (docs/walls.md). */
export type Origin = {
  /** The community of the space: a Discord server, a Slack workspace, a Telegram chat. */
  community: string;
  /** The operator: acts on the whole instance. */
  operator: boolean;
};

export type CommandContext = {
  actor: Actor;
  space: Space;
  origin: Origin;
  /** The member's pseudonymous key. */
  member: string;
  locale: Locale;
  t: Translate;
  now: Date;
  isModerator: () => Promise<boolean>;
  /** Raises a domain event, handled after the answer (see src/core/events). */
  emit(event: DomainEvent): void;
  /**
   * What the command's one write commits with it: the delivery's claim, and `onChange`, the events
   * that follow when the write changes something. Pass it to the ledger's `record` or `undo`, the
   * tally book's `add` or `remove`, or the news log's `add`.
   */
  unit(onChange?: readonly DomainEvent[]): WriteUnit;
  /**
   * An id that is the same for every delivery of this platform update (a redelivery after a crash
   * names the same news, so nothing it started is started twice); random when there is no delivery.
   */
  onceId(): string;
};

export type Command<O extends readonly OptionSpec[] = readonly OptionSpec[]> = {
  name: string;
  description: MessageKey;
  permission: 'member' | 'moderator';
  /**
   * What the command acts on, enforced by the pipeline: `member` (oneself), `space` (the spaces of
   * the moderator's own community), `instance` (the operator only). A command without one is refused.
   */
  scope: Scope;
  options: O;
  /**
   * Its write (ledger, table entry, news) takes the delivery's claim in its own transaction
   * (`ctx.unit`): the pipeline takes no lease before it, so a crash before the commit leaves the
   * delivery free, and one after it leaves the delivery handled.
   */
  commitsDelivery?: boolean;
  /**
   * Run again without its claim it changes nothing (an action counted stays counted once): a
   * redelivery whose first delivery committed and died before answering is answered by running it
   * again, as a repeat ("already counted"). Not for a write that would be made twice (a table count).
   */
  repeatsSafely?: boolean;
  run(input: InputOf<O>, ctx: CommandContext, deps: Deps): Promise<Reply>;
};

/** A command with subcommands, such as /drive start|end|list|set. */
export type CommandGroup = {
  name: string;
  description: MessageKey;
  subcommands: readonly Command[];
};

export type AnyCommand = Command | CommandGroup;

/** Keeps the options' literal types so that `run` gets typed input. */
export function defineCommand<const O extends readonly OptionSpec[]>(command: Command<O>): Command {
  return command as unknown as Command;
}

export function isGroup(command: AnyCommand): command is CommandGroup {
  return 'subcommands' in command;
}
