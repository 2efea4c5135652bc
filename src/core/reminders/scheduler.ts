// The reminder scheduler: sleeps until the next due time, posts reminders and final tallies once
// across processes.
import type { MemberKeyer } from '../member-key.js';
import { buttonSigner, signReply } from '../walls.js';
import type { Appeal } from '../appeal.js';
import type { AppealBook } from '../appeal-view.js';
import type { ClaimStore } from '../claims.js';
import { driveTally } from '../campaign.js';
import { platformOf, type Drive } from '../drive.js';
import type { DriveService } from '../drives.js';
import { SpaceGoneError } from '../errors.js';
import type { SpacePoster } from '../events/milestones.js';
import type { ActionLedger, Tally } from '../ledger/ledger.js';
import type { Notifier } from '../notifier.js';
import type { Reply } from '../reply.js';
import type { Clock, Timer } from '../time.js';
import type { MemberReminderStore, MemberReminder } from './member-reminders.js';
import { slotsFor, type Slot } from './slots.js';

// The timer lives beside the clock (core/time.ts); named here too for the modules that import it from here.
export { systemTimer, type Timer } from '../time.js';

/** The largest delay setTimeout takes (about 24.8 days); longer waits re-arm on the way. */
export const MAX_DELAY_MS = 2 ** 31 - 1;
/** A post missed while the bot was down goes out on return only when it is this fresh. */
export const MAX_LATE_MS = 12 * 3_600_000;
/** A post the platform refused is tried again this much later (while still under 12 hours late). */
export const RETRY_MS = 5 * 60_000;
const CLAIM_TTL_MS = 400 * 86_400_000;

/** What the scheduler posts; built by the command layer, which owns wording and languages. */
export type ReminderPosts = {
  reminder(drive: Drive, appeal: Appeal, tally: Tally, now: Date): Reply | Promise<Reply>;
  /** The final tally and milestones may carry the drive's chart, rendered on demand. */
  closed(drive: Drive, appeal: Appeal, tally: Tally, now: Date): Reply | Promise<Reply>;
  milestone(drive: Drive, appeal: Appeal, tally: Tally, percent: number): Reply | Promise<Reply>;
  member(drive: Drive, appeal: Appeal, tally: Tally, now: Date): Reply | Promise<Reply>;
};

export type SchedulerDeps = {
  drives: DriveService;
  appeals: Pick<AppealBook, 'get'>;
  ledger: ActionLedger;
  claims: ClaimStore;
  clock: Clock;
  timer: Timer;
  notifiers: Notifier[];
  /** Public posts go through here when given (coalesced per space); else straight to the notifier. */
  poster?: SpacePoster;
  posts: ReminderPosts;
  memberReminders: MemberReminderStore;
  /** Makes deleted platform ids leave the store's files (the app's `deps.scrub`). */
  scrub?: () => Promise<void>;
  /** Signs a member's reminder's buttons for that member (src/core/walls.ts); the app's member keyer. */
  memberKey?: MemberKeyer;
  logger: { warn(context: object, message: string): void; error(context: object, message: string): void; info(context: object, message: string): void };
};

/**
 * Posts reminders, final tallies and members' own reminders, each exactly once (milestones follow
 * recorded actions: src/core/events). It
 * sleeps until the next due instant (no polling); every post is claimed first, so several processes
 * on one Redis post each slot once between them.
 */
export class ReminderScheduler {
  private handle: unknown;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Catches up on what fell due while the bot was down, then sleeps until the next slot. */
  start(): Promise<void> {
    this.stopped = false;
    return this.tick();
  }

  /**
   * No new tick starts; resolves once a tick already running has finished, so the store can be
   * closed after it without a post half done on a closed handle.
   */
  stop(): Promise<void> {
    this.stopped = true;
    if (this.handle !== undefined) this.deps.timer.clear(this.handle);
    this.handle = undefined;
    return this.running;
  }

  /** Posts everything due now and re-arms the timer; calls never overlap. */
  tick(): Promise<void> {
    if (this.stopped) return this.running;
    this.running = this.running.then(() => this.runDue()).catch((error: unknown) => this.deps.logger.error({ err: error }, 'reminder tick failed'));
    return this.running;
  }

  private async runDue(): Promise<void> {
    if (this.stopped) return;
    const now = this.deps.clock.now();
    const drives = await this.deps.drives.allActive();
    // One batched read tells which drives have members' reminders; the others cost no read here.
    const withReminders = await this.deps.memberReminders.drivesWithReminders(drives.map((d) => d.id));
    let next = Infinity;
    for (const drive of drives) {
      const notifier = this.notifierFor(drive.space);
      for (const slot of slotsFor(drive)) {
        if (slot.at > now) next = Math.min(next, slot.at.getTime());
        else if (notifier && !(await this.fire(drive, slot, now))) next = Math.min(next, now.getTime() + RETRY_MS);
      }
      if (!withReminders.has(drive.id)) continue;
      // Reminders that can no longer be sent (expired, after a moved deadline) lose their platform id now.
      if ((await this.deps.memberReminders.prune(drive, now)) > 0) await this.deps.scrub?.();
      for (const reminder of await this.deps.memberReminders.forDrive(drive.id)) {
        const due = new Date(reminder.due);
        if (due > now) next = Math.min(next, due.getTime());
        else {
          await this.remindMember(drive, reminder, now);
          // Not sent (no adapter for its platform): look again when it expires, to delete it then.
          next = Math.min(next, Date.parse(reminder.expires ?? reminder.due) + 1);
        }
      }
    }
    this.arm(next, now);
  }

  private arm(next: number, now: Date): void {
    if (this.handle !== undefined) this.deps.timer.clear(this.handle);
    this.handle = undefined;
    if (this.stopped || next === Infinity) return;
    const delay = Math.min(Math.max(0, next - now.getTime()), MAX_DELAY_MS);
    this.handle = this.deps.timer.set(() => void this.tick(), delay);
  }

  /** Posts one due slot unless another process did; false when the platform refused it (retry later). */
  private async fire(drive: Drive, slot: Slot, now: Date): Promise<boolean> {
    const claim = `slot:${slot.key}`;
    if (!(await this.deps.claims.claim(claim, CLAIM_TTL_MS))) return true;
    const late = now.getTime() - slot.at.getTime();
    if (late > MAX_LATE_MS) {
      this.deps.logger.warn({ drive: drive.id, slot: slot.key, lateMinutes: Math.round(late / 60_000) }, 'reminder skipped: more than 12 hours late');
      return true;
    }
    const appeal = await this.deps.appeals.get(drive.cases[0]!.appealId);
    if (!appeal) return true;
    const tally = await driveTally(this.deps.ledger, drive);
    const reply = await (slot.kind === 'close' ? this.deps.posts.closed(drive, appeal, tally, now) : this.deps.posts.reminder(drive, appeal, tally, now));
    if (await this.post(drive.space, reply, { drive: drive.id, slot: slot.key })) return true;
    // Not posted: give the slot back, so that this process or another tries again.
    await this.deps.claims.release(claim);
    return false;
  }

  private async remindMember(drive: Drive, reminder: MemberReminder, now: Date): Promise<void> {
    const notifier = this.deps.notifiers.find((n) => n.platform === reminder.platform);
    if (!notifier) return;
    if (!(await this.deps.claims.claim(`member:${drive.id}:${reminder.member}:${reminder.due}`, CLAIM_TTL_MS))) return;
    // The platform id goes first: whatever happens to the message, it is not kept.
    await this.deps.memberReminders.remove(drive.id, reminder.member);
    await this.deps.scrub?.();
    if (now.getTime() - new Date(reminder.due).getTime() > MAX_LATE_MS) {
      this.deps.logger.warn({ drive: drive.id }, 'member reminder skipped: more than 12 hours late');
      return;
    }
    const appeal = await this.deps.appeals.get(drive.cases[0]!.appealId);
    if (!appeal) return;
    const post = await this.deps.posts.member(drive, appeal, await driveTally(this.deps.ledger, drive), now);
    // Pressed in the member's private chat, its buttons act on the group's drive: signed for them alone.
    const reply = this.deps.memberKey ? signReply(post, buttonSigner(this.deps.memberKey), { member: reminder.member }) : post;
    await this.send(() => notifier.sendToMember(reminder.userId, reply), { drive: drive.id }).catch((error: unknown) => {
      // The member blocked the bot or left: their reminder is gone already, nothing to retry.
      this.deps.logger.warn({ drive: drive.id, reason: error instanceof SpaceGoneError ? error.reason : undefined }, 'member reminder not delivered');
    });
  }

  private async post(space: string, reply: Reply, context: object, followed = false): Promise<boolean> {
    const notifier = this.notifierFor(space);
    if (!notifier) {
      this.deps.logger.warn({ ...context, space }, 'no adapter running for this space; post dropped');
      return true;
    }
    try {
      const poster = this.deps.poster ?? notifier;
      return await this.send(() => poster.postToSpace(space, reply), { ...context, space });
    } catch (error) {
      if (!(error instanceof SpaceGoneError)) throw error;
      if (error.movedTo && !followed) {
        await this.deps.drives.moveSpace(space, error.movedTo);
        this.deps.logger.info({ ...context, space, movedTo: error.movedTo }, 'space moved: its drives follow it, counts kept');
        return this.post(error.movedTo, reply, context, true);
      }
      const ended = await this.deps.drives.endAllIn(space);
      this.deps.logger.warn({ ...context, space, reason: error.reason, drives: ended.map((d) => d.id) }, `the bot can no longer post in ${space} (${error.reason}): its drives' reminders end, counts kept`);
      return true;
    }
  }

  /** A few tries with a pause: a platform hiccup should not cost a reminder. A space gone is not a hiccup. */
  private async send(fn: () => Promise<void>, context: object): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await fn();
        return true;
      } catch (error) {
        if (error instanceof SpaceGoneError) throw error;
        if (attempt >= 3) {
          this.deps.logger.error({ ...context, err: error }, 'post failed after 3 attempts');
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  private notifierFor(space: string): Notifier | undefined {
    return this.deps.notifiers.find((n) => n.platform === platformOf(space));
  }
}
