// The drive service: start, end, change and find drives, kept in the store with an index of active
// ones.
import { randomBytes } from 'node:crypto';
import type { Appeal } from './appeal.js';
import { driveAppealIds, driveSchema, isOpen, type Drive } from './drive.js';
import { UserInputError } from './errors.js';
import { guarded, type Mutex } from './guard.js';
import { isCalendarDate, isTimeZone, localDate, type Clock } from './time.js';

export type DriveSettings = { goal?: number | null; deadline?: string; timezone?: string; milestones?: boolean; locale?: string; page?: boolean; title?: string | null };

/** 128 random bits: a page address nobody can guess or walk to. */
const newPageId = () => randomBytes(16).toString('base64url');

/** Listeners learn of every change, so reminders can be planned or cancelled. */
export type DriveListener = (drive: Drive) => void | Promise<void>;

/**
 * Where drives are kept (src/core/store/): on SQLite the tables `spaces`, `drives` and `drive_cases`;
 * on Redis a hash per drive with sorted sets, sets and hashes for its indexes. Drives come back as
 * stored (the service parses them), with the space they are in now. Each call is one atomic change.
 */
export interface DriveRepository {
  get(id: string): Promise<unknown>;
  getMany(ids: readonly string[]): Promise<unknown[]>;
  /** The drive whose page has this id. */
  byPage(pageId: string): Promise<unknown>;
  /** The space's drives, oldest first. */
  listIn(space: string): Promise<unknown[]>;
  /** Every drive whose status is active, in every space. */
  active(): Promise<unknown[]>;
  /** Every drive of every space that ever had one (ended ones too). */
  all(): Promise<unknown[]>;
  /** Whether any drive was ever started in this store. */
  any(): Promise<boolean>;
  /** Ids of the drives (any status) that run this appeal as one of their cases. */
  runningAppeal(appealId: string): Promise<string[]>;
  /**
   * Adds a drive (listed last in its space), or replaces a stored one's settings and status; a
   * stored drive keeps the space it is in (only `moveSpace` moves drives).
   */
  put(drive: Drive): Promise<void>;
  /** Moves every drive of `from` to `to`, after `to`'s own; `from` is forgotten. Returns the drives moved. */
  moveSpace(from: string, to: string): Promise<unknown[]>;
}

/**
 * Drives: an appeal running in a space. Open or closed is computed from the deadline, never stored,
 * so a drive closes at the end of its deadline day even if nobody is watching.
 */
export class DriveService {
  private readonly listeners: DriveListener[] = [];

  /**
   * Changes to one space's drives take turns under its lock (`drives:<space>`, across processes), so
   * two moderators cannot start the same drive twice there; a change to one drive under the drive's
   * (`drive:<id>`). No lock spans every space.
   */
  constructor(
    private readonly repository: DriveRepository,
    private readonly mutex: Mutex,
    private readonly clock: Clock,
    private readonly defaultTimezone: string,
  ) {}

  onChange(listener: DriveListener): void {
    this.listeners.push(listener);
  }

  /**
   * Starts a drive of one appeal or a campaign of several (its cases, in order). Without a deadline
   * given, the latest of the appeals' own. An appeal already running here in an open drive is refused.
   */
  async start(appeals: Appeal | readonly Appeal[], space: string, settings: DriveSettings): Promise<Drive> {
    const cases = Array.isArray(appeals) ? (appeals as readonly Appeal[]) : [appeals as Appeal];
    if (cases.length === 0) throw new Error('a drive needs at least one appeal');
    if (new Set(cases.map((a) => a.id)).size !== cases.length) throw new UserInputError('campaign_repeats');
    return this.mutex.run(spaceLock(space), async () => {
      const now = this.clock.now();
      const timezone = checkTimezone(settings.timezone ?? this.defaultTimezone);
      const own = cases.map((a) => a.deadline).filter((d): d is string => Boolean(d));
      const deadline = settings.deadline ?? (own.length === cases.length ? own.sort().at(-1) : undefined);
      if (!deadline) throw new UserInputError('deadline_needed');
      checkDeadline(deadline, timezone, now, settings.deadline === undefined);
      const running = (await this.listIn(space)).filter((d) => isOpen(d, now));
      for (const appeal of cases) {
        const existing = running.find((d) => driveAppealIds(d).includes(appeal.id));
        if (existing) throw new UserInputError('drive_exists', { appeal: appeal.id, deadline: existing.deadline });
      }
      const drive: Drive = driveSchema.parse({
        id: randomBytes(6).toString('base64url'),
        cases: cases.map((a) => ({ appealId: a.id, goal: null, status: 'active' })),
        space,
        title: settings.title ?? null,
        goal: settings.goal ?? null,
        deadline,
        timezone,
        status: 'active',
        startedAt: now.toISOString(),
        milestones: settings.milestones ?? true,
        reminders: null,
        locale: settings.locale ?? 'en',
        page: settings.page ?? false,
        pageId: settings.page ? newPageId() : null,
      });
      await this.put(drive);
      return drive;
    });
  }

  async end(drive: Drive): Promise<Drive> {
    return this.mutex.run(driveLock(drive.id), async () => {
      const current = (await this.get(drive.id)) ?? drive;
      const ended: Drive = { ...current, status: 'ended', endedAt: this.clock.now().toISOString() };
      await this.put(ended);
      return ended;
    });
  }

  /**
   * Ends one case of the drive (good news for that appeal): it takes no more actions; the drive
   * ends with its last case. Ending a case already ended changes nothing.
   */
  async endCase(drive: Drive, appealId: string): Promise<Drive> {
    return this.mutex.run(driveLock(drive.id), async () => {
      const current = (await this.get(drive.id)) ?? drive;
      const at = this.clock.now().toISOString();
      if (!current.cases.some((c) => c.appealId === appealId)) throw new UserInputError('unknown_case', { case: appealId, cases: driveAppealIds(current).join(', ') });
      const cases = current.cases.map((c) => (c.appealId === appealId && c.status === 'active' ? { ...c, status: 'ended' as const, endedAt: at } : c));
      const last = cases.every((c) => c.status === 'ended');
      const next: Drive = { ...current, cases, ...(last && current.status === 'active' ? { status: 'ended' as const, endedAt: at } : {}) };
      await this.put(next);
      return next;
    });
  }

  /**
   * Opens the next round of one case (an update with a new deadline, officials or letter): members
   * can act again, counted apart under the round's ledger key (`roundKey`). A `deadline` later than
   * the drive's becomes the drive's, so its reminders and close follow it (the scheduler replans on
   * the change). An ended case or drive opens no round: undefined. `by` names what opens it (a news
   * id): the same `by` again opens no further round and returns the drive as it is.
   */
  async openRound(drive: Drive, appealId: string, deadline?: string, by?: string): Promise<Drive | undefined> {
    return this.mutex.run('drives', async () => {
      const current = (await this.get(drive.id)) ?? drive;
      const entry = current.cases.find((c) => c.appealId === appealId);
      if (!entry || entry.status !== 'active' || current.status !== 'active') return undefined;
      // The same news again (its delivery redelivered after a crash): the round it opened stands.
      if (by !== undefined && entry.roundBy === by) return current;
      if (deadline) checkDeadline(deadline, current.timezone, this.clock.now(), false);
      const cases = current.cases.map((c) => (c === entry ? { ...c, round: c.round + 1, ...(by !== undefined ? { roundBy: by } : {}) } : c));
      const next: Drive = { ...current, cases, ...(deadline && deadline > current.deadline ? { deadline } : {}) };
      await this.put(next);
      return next;
    });
  }

  /** Sets (or, with null, clears) one case's own goal; the drive's `goal` is the whole campaign's. */
  async setCaseGoal(drive: Drive, appealId: string, goal: number | null): Promise<Drive> {
    return this.mutex.run(driveLock(drive.id), async () => {
      const current = (await this.get(drive.id)) ?? drive;
      if (!current.cases.some((c) => c.appealId === appealId)) throw new UserInputError('unknown_case', { case: appealId, cases: driveAppealIds(current).join(', ') });
      const next: Drive = { ...current, cases: current.cases.map((c) => (c.appealId === appealId ? { ...c, goal } : c)) };
      await this.put(next);
      return next;
    });
  }

  /**
   * A space got a new id (a Telegram group upgraded to a supergroup): its drives move with it and
   * keep their ids, so their tallies and reminders go on. Moving twice, or from an empty space,
   * moves nothing. Returns the drives moved.
   */
  async moveSpace(from: string, to: string): Promise<Drive[]> {
    if (from === to) return [];
    // Both spaces' locks, always in the same order, so two moves cannot wait on each other.
    const [first, second] = [from, to].sort();
    return this.mutex.run(spaceLock(first!), () =>
      this.mutex.run(spaceLock(second!), async () => {
        const moved = (await this.guard(() => this.repository.moveSpace(from, to))).map((d) => driveSchema.parse(d));
        await Promise.all(moved.flatMap((drive) => this.listeners.map((l) => l(drive))));
        return moved;
      }),
    );
  }

  /**
   * The bot can no longer post in the space (removed from it, the app uninstalled): its active
   * drives end, so nothing is retried there for ever. Their actions stay counted. Returns them.
   */
  async endAllIn(space: string): Promise<Drive[]> {
    const active = (await this.listIn(space)).filter((d) => d.status === 'active');
    return Promise.all(active.map((drive) => this.end(drive)));
  }

  async update(drive: Drive, settings: DriveSettings & { reminders?: Drive['reminders'] }): Promise<Drive> {
    return this.mutex.run(driveLock(drive.id), async () => {
      const current = (await this.get(drive.id)) ?? drive;
      const timezone = settings.timezone ? checkTimezone(settings.timezone) : current.timezone;
      if (settings.deadline) checkDeadline(settings.deadline, timezone, this.clock.now(), false);
      const updated: Drive = driveSchema.parse({
        ...current,
        ...Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)),
        timezone,
        pageId: current.pageId ?? (settings.page ? newPageId() : null),
      });
      await this.put(updated);
      return updated;
    });
  }

  async get(id: string): Promise<Drive | undefined> {
    const stored = await this.guard(() => this.repository.get(id));
    return stored === undefined ? undefined : driveSchema.parse(stored);
  }

  /** The drive whose public page has this id (whether the page is on or off). */
  async byPage(pageId: string): Promise<Drive | undefined> {
    const stored = await this.guard(() => this.repository.byPage(pageId));
    return stored === undefined ? undefined : driveSchema.parse(stored);
  }

  /** Every drive of the space, newest first. A read: a space that never had a drive writes nothing. */
  async listIn(space: string): Promise<Drive[]> {
    return (await this.guard(() => this.repository.listIn(space))).map((d) => driveSchema.parse(d)).reverse();
  }

  /** Drives taking actions now in the space. */
  async openIn(space: string): Promise<Drive[]> {
    const now = this.clock.now();
    return (await this.listIn(space)).filter((d) => isOpen(d, now));
  }

  /**
   * The drive a command means: the open one with the named appeal among its cases, or the only open
   * one when no appeal is named. Undefined when none runs; an error when several run and none was named.
   */
  async resolve(space: string, appealId?: string): Promise<Drive | undefined> {
    const open = await this.openIn(space);
    if (appealId) return open.find((d) => driveAppealIds(d).includes(appealId));
    if (open.length > 1) throw new UserInputError('which_appeal', { appeals: open.flatMap((d) => driveAppealIds(d)).join(', ') });
    return open[0];
  }

  /** Every drive with status active, in every space (for the reminder scheduler): one indexed read. */
  async allActive(): Promise<Drive[]> {
    return (await this.guard(() => this.repository.active())).map((d) => driveSchema.parse(d)).filter((d) => d.status === 'active');
  }

  /** Every drive in every space, ended ones too (for the retention sweep). */
  async all(): Promise<Drive[]> {
    return (await this.guard(() => this.repository.all())).map((d) => driveSchema.parse(d));
  }

  /** Callers hold the space's lock (a new drive) or the drive's (a change). */
  private async put(drive: Drive): Promise<void> {
    await this.guard(() => this.repository.put(drive));
    await Promise.all(this.listeners.map((l) => l(drive)));
  }

  private guard<T>(fn: () => Promise<T>): Promise<T> {
    return guarded('drives', fn);
  }
}

const spaceLock = (space: string) => `drives:${space}`;
const driveLock = (id: string) => `drive:${id}`;

function checkTimezone(zone: string): string {
  if (!isTimeZone(zone)) throw new UserInputError('bad_timezone', { value: zone });
  return zone;
}

function checkDeadline(deadline: string, timezone: string, now: Date, fromAppeal: boolean): void {
  if (!isCalendarDate(deadline)) throw new UserInputError('bad_date', { value: deadline });
  if (deadline < localDate(now, timezone)) {
    throw new UserInputError(fromAppeal ? 'appeal_deadline_passed' : 'deadline_past', { deadline });
  }
}

