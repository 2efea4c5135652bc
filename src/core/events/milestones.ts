// Milestones: one post for the highest of 25/50/75/100% of a drive's goal in members, once across
// processes.
import type Keyv from 'keyv';
import type { Appeal } from '../appeal.js';
import type { AppealBook } from '../appeal-view.js';
import type { ClaimStore } from '../claims.js';
import { driveTally } from '../campaign.js';
import { driveAppealIds, isOpen, type Drive } from '../drive.js';
import type { DriveService } from '../drives.js';
import { guarded, type Mutex } from '../guard.js';
import type { ActionLedger, Tally } from '../ledger/ledger.js';
import type { Reply } from '../reply.js';
import type { Clock, Timer } from '../time.js';

export const MILESTONES = [25, 50, 75, 100] as const;
const CLAIM_TTL_MS = 400 * 86_400_000;
/** An appeal's other drives are swept at most this often per process. */
const SWEEP_GAP_MS = 1000;

/** The highest milestone `members` reaches against `goal`, if any. */
export function highestMilestone(members: number, goal: number): number | undefined {
  return [...MILESTONES].reverse().find((percent) => members >= Math.ceil((goal * percent) / 100));
}

/** Where public posts go (coalesced per space). */
export interface SpacePoster {
  postToSpace(space: string, reply: Reply): Promise<void>;
}

export type MilestoneDeps = {
  drives: DriveService;
  appeals: Pick<AppealBook, 'get'>;
  ledger: ActionLedger;
  claims: ClaimStore;
  kv: Keyv;
  mutex: Mutex;
  clock: Clock;
  /** Runs the sweep left over at the end of its second. */
  timer: Timer;
  poster: SpacePoster;
  /** Worded by the command layer; `percent` is the real share of the goal, `milestone` the threshold. */
  post(drive: Drive, appeal: Appeal, tally: Tally, percent: number): Reply | Promise<Reply>;
};

type Announced = { goal: number; percent: number };
const stateKey = (driveId: string) => `milestone:${driveId}`;

/**
 * Milestones count distinct members, not actions: one member claiming five methods alone moves
 * the goal by one, and the post says so. One post for the highest threshold crossed (never four in
 * a row), once per drive and goal across processes (a claim), re-armed when the goal changes.
 */
export class Milestones {
  private readonly sweptAt = new Map<string, number>();
  private readonly trailing = new Map<string, unknown>();

  constructor(private readonly deps: MilestoneDeps) {}

  /**
   * The other open drives of the same appeal: the count belongs to the appeal, so an action
   * recorded in one group moves every group's goal. Swept at most once a second per appeal (a
   * national drive runs in hundreds of groups); a change inside that second is swept at its end.
   */
  async checkAppealOf(driveId: string): Promise<void> {
    const drive = await this.deps.drives.get(driveId);
    if (!drive) return;
    // Swept per set of appeals (a campaign's cases in order): every open drive sharing one of them is checked.
    const appealKey = driveAppealIds(drive).join(',');
    const waited = this.deps.clock.now().getTime() - (this.sweptAt.get(appealKey) ?? Number.NEGATIVE_INFINITY);
    if (waited < SWEEP_GAP_MS) {
      if (!this.trailing.has(appealKey)) {
        const handle = this.deps.timer.set(() => {
          this.trailing.delete(appealKey);
          // Best effort: a drive missed here is checked at the next action or the next start.
          void this.sweep(appealKey, driveAppealIds(drive), drive.id).catch(() => undefined);
        }, Math.max(0, SWEEP_GAP_MS - waited));
        this.trailing.set(appealKey, handle);
      }
      return;
    }
    await this.sweep(appealKey, driveAppealIds(drive), drive.id);
  }

  private async sweep(appealKey: string, appealIds: string[], exceptDriveId: string): Promise<void> {
    this.sweptAt.set(appealKey, this.deps.clock.now().getTime());
    for (const other of await this.deps.drives.allActive()) {
      const shares = driveAppealIds(other).some((id) => appealIds.includes(id));
      if (shares && other.id !== exceptDriveId && other.goal && other.milestones) await this.check(other.id);
    }
  }

  /** Stops a sweep waiting for its second (the store is closing). */
  stop(): void {
    for (const handle of this.trailing.values()) this.deps.timer.clear(handle);
    this.trailing.clear();
  }

  /** Announces the highest milestone newly reached; a failed post gives its claim back and throws (tried later). */
  async check(driveId: string): Promise<void> {
    const drive = await this.deps.drives.get(driveId);
    if (!drive?.goal || !drive.milestones || !isOpen(drive, this.deps.clock.now())) return;
    const goal = drive.goal;
    const tally = await driveTally(this.deps.ledger, drive);
    const counted = milestoneCount(drive, tally);
    const reached = highestMilestone(counted, goal);
    if (reached === undefined || reached <= (await this.announced(drive.id, goal))) return;
    const claim = `milestone:${drive.id}:${goal}:${reached}`;
    if (!(await this.deps.claims.claim(claim, CLAIM_TTL_MS))) return;
    const appeal = await this.deps.appeals.get(drive.cases[0]!.appealId);
    try {
      if (appeal) await this.deps.poster.postToSpace(drive.space, await this.deps.post(drive, appeal, tally, Math.floor((counted / goal) * 100)));
    } catch (error) {
      await this.deps.claims.release(claim);
      throw error;
    }
    await this.remember(drive.id, goal, reached);
  }

  /**
   * The goal changed: what the drive has already reached against the new goal is taken as said,
   * so only milestones crossed from now on are announced.
   */
  async rearm(driveId: string): Promise<void> {
    const drive = await this.deps.drives.get(driveId);
    if (!drive?.goal) return;
    const tally = await driveTally(this.deps.ledger, drive);
    await this.remember(drive.id, drive.goal, highestMilestone(milestoneCount(drive, tally), drive.goal) ?? 0, true);
  }

  private async announced(driveId: string, goal: number): Promise<number> {
    const state = (await guarded('milestones', () => this.deps.kv.get(stateKey(driveId)))) as Announced | undefined;
    return state?.goal === goal ? state.percent : 0;
  }

  private async remember(driveId: string, goal: number, percent: number, replace = false): Promise<void> {
    await this.deps.mutex.run(`milestones:${driveId}`, () =>
      guarded('milestones', async () => {
        const state = (await this.deps.kv.get(stateKey(driveId))) as Announced | undefined;
        if (!replace && state?.goal === goal && state.percent >= percent) return;
        if (replace && state?.goal === goal) return;
        await this.deps.kv.set(stateKey(driveId), { goal, percent } satisfies Announced);
      }),
    );
  }
}

/**
 * What a milestone measures: distinct members for one appeal; for a campaign, actions, since a member
 * acting on two cases is one person counted in each and the cases' members cannot be added up.
 */
export function milestoneCount(drive: Pick<Drive, 'cases'>, tally: Pick<Tally, 'actions' | 'members'>): number {
  return drive.cases.length > 1 ? tally.actions : tally.members;
}
