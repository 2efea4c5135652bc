// The live progress message a Telegram group keeps per drive, edited in place at most every few
// seconds.
import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import type { Appeal } from '../appeal.js';
import type { AppealBook } from '../appeal-view.js';
import { driveTally } from '../campaign.js';
import { isOpen, platformOf, type Drive } from '../drive.js';
import type { DriveService } from '../drives.js';
import { guarded, type Mutex } from '../guard.js';
import type { ActionLedger, Tally } from '../ledger/ledger.js';
import type { Notifier } from '../notifier.js';
import type { Reply } from '../reply.js';
import type { Timer } from '../reminders/scheduler.js';
import type { Clock } from '../time.js';

/** A live message is edited at most this often; changes in between are folded into the next edit. */
export const LIVE_EDIT_MS = 5_000;

export type LiveProgressDeps = {
  drives: DriveService;
  appeals: Pick<AppealBook, 'get'>;
  ledger: ActionLedger;
  kv: Keyv;
  mutex: Mutex;
  clock: Clock;
  timer: Timer;
  notifierFor(space: string): Notifier | undefined;
  render(drive: Drive, appeal: Appeal, tally: Tally, now: Date): Reply;
  logger: { warn(context: object, message: string): void };
};

// The message id is a platform id: the key is a hash of the drive and the space.
const liveKey = (drive: Drive) => `live:${createHash('sha256').update(`${drive.space} ${drive.id}`).digest('base64url').slice(0, 22)}`;

/**
 * One progress message per drive and space, edited in place as actions come in, on platforms that
 * offer it (`Notifier.live`): a burst of 100 actions is one post and a few edits, not 100 posts.
 */
export class LiveProgress {
  private readonly lastEdit = new Map<string, number>();
  private readonly trailing = new Map<string, unknown>();

  constructor(private readonly deps: LiveProgressDeps) {}

  /** The drive's tally changed. */
  async refresh(driveId: string): Promise<void> {
    const drive = await this.deps.drives.get(driveId);
    const live = drive ? this.deps.notifierFor(drive.space)?.live : undefined;
    if (!drive || !live || !isOpen(drive, this.deps.clock.now())) return;
    const wait = (this.lastEdit.get(drive.id) ?? -Infinity) + LIVE_EDIT_MS - this.deps.clock.now().getTime();
    if (wait > 0) {
      // One edit later covers every change until then.
      if (!this.trailing.has(drive.id)) {
        this.trailing.set(drive.id, this.deps.timer.set(() => void this.later(drive.id), wait));
      }
      return;
    }
    this.lastEdit.set(drive.id, this.deps.clock.now().getTime());
    await this.show(drive, live);
  }

  private async later(driveId: string): Promise<void> {
    this.trailing.delete(driveId);
    await this.refresh(driveId).catch((error: unknown) => this.deps.logger.warn({ err: error, drive: driveId }, 'live progress not updated'));
  }

  private async show(drive: Drive, live: NonNullable<Notifier['live']>): Promise<void> {
    const appeal = await this.deps.appeals.get(drive.cases[0]!.appealId);
    if (!appeal) return;
    const reply = this.deps.render(drive, appeal, await driveTally(this.deps.ledger, drive), this.deps.clock.now());
    const key = liveKey(drive);
    await this.deps.mutex.run(key, async () => {
      const messageId = (await guarded('live progress', () => this.deps.kv.get(key))) as string | undefined;
      if (messageId !== undefined) {
        if (await live.edit(drive.space, messageId, reply)) return;
        // Deleted by a moderator, or too old to edit: a new message takes its place.
        this.deps.logger.warn({ platform: platformOf(drive.space) }, 'live progress message gone; posting a new one');
      }
      const posted = await live.post(drive.space, reply);
      await guarded('live progress', () => this.deps.kv.set(key, posted));
    });
  }
}
