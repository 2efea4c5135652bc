// Delivers news: one post in each space with a drive on the appeal, one private message to each
// follower, within walls, paced, once each across processes and restarts.
import type { Appeal } from '../appeal.js';
import type { AppealBook } from '../appeal-view.js';
import type { ClaimStore } from '../claims.js';
import { driveAppealIds, platformOf, type Drive } from '../drive.js';
import type { DriveService } from '../drives.js';
import { MemberGoneError, SpaceGoneError } from '../errors.js';
import type { DomainEvent } from '../events/events.js';
import type { SpacePoster } from '../events/milestones.js';
import type { Outbox } from '../events/outbox.js';
import type { ActionLedger, Tally } from '../ledger/ledger.js';
import type { Notifier } from '../notifier.js';
import type { Reply } from '../reply.js';
import { endOfDay, type Clock } from '../time.js';
import { inCommunity } from '../walls.js';
import type { Follower, Followers } from './followers.js';
import { isClosing, type NewsItem } from './item.js';
import type { Pacer } from './pacer.js';

/** Worded by the command layer, in the space's or the follower's language. */
export type NewsWords = {
  /** The post in a space: the news; for a closing one, the thank-you and the final tally. */
  post(drive: Drive, appeal: Appeal, news: NewsItem, tally: Tally): Reply;
  /** One follower's private message: the news and what their group did (`groupActions`). */
  member(follower: Follower, appeal: Appeal, news: NewsItem, groupActions: number): Reply;
};

export type NewsDeliveryDeps = {
  drives: Pick<DriveService, 'all'>;
  appeals: Pick<AppealBook, 'get'>;
  ledger: Pick<ActionLedger, 'tally'>;
  claims: ClaimStore;
  followers: Followers;
  clock: Clock;
  outbox: Pick<Outbox, 'append'>;
  /** Told after a continuation was appended (the relay drains soon). */
  notify(): void;
  poster: SpacePoster;
  notifierFor(platform: string): Notifier | undefined;
  pacer: Pacer;
  words: NewsWords;
  logger: { warn(context: object, message: string): void };
  /** How long one handling sends before it hands the rest on (below half the relay's lease). */
  sliceMs?: number;
};

/** A sent message's claim is kept this long: a retry, a slice or another process never sends it again. */
const SENT_MS = 400 * 86_400_000;
/** While a message is being sent: a process that dies holding it gives it back after this. */
const SENDING_MS = 5 * 60_000;
const PAGE = 200;
const DEFAULT_SLICE_MS = 20_000;
/** Failed messages are tried again with the event (30 s, doubling); after this many attempts they are given up. */
export const NEWS_ATTEMPTS = 6;

/**
 * Walls: a moderator's news (`community` set) reaches only the spaces and followers of their own
 * community; the operator's (`community` null) every one. Each follower once: a claim per news and
 * member, held while sending and kept after. A member the platform says is gone (blocked the bot,
 * left) is dropped, not retried. A long delivery is cut in slices, each a new outbox event
 * carrying where to resume, so no process holds one event past its lease.
 */
export class NewsDelivery {
  constructor(private readonly deps: NewsDeliveryDeps) {}

  async deliver(event: Extract<DomainEvent, { type: 'news' }>, attempts = 0): Promise<void> {
    const { news } = event;
    const appeal = await this.deps.appeals.get(news.appealId);
    if (!appeal) return;
    const tally = await this.deps.ledger.tally(news.appealId);
    const failed = event.after === undefined ? await this.postToSpaces(news, appeal, tally) : 0;
    const missed = failed + (await this.toFollowers(news, appeal, tally, event.after ?? ''));
    if (missed === 0) return;
    if (attempts + 1 >= NEWS_ATTEMPTS) {
      this.deps.logger.warn({ news: news.id, missed }, 'news not delivered to some after every attempt; given up');
      return;
    }
    throw new Error(`news ${news.id}: ${missed} message(s) not delivered yet`);
  }

  private inScope(news: NewsItem, space: string): boolean {
    return news.community === null || inCommunity(space, news.community);
  }

  /** One post per space with a drive on the appeal; returns how many failed (tried again). */
  private async postToSpaces(news: NewsItem, appeal: Appeal, tally: Tally): Promise<number> {
    const seen = new Set<string>();
    let failed = 0;
    for (const drive of await this.deps.drives.all()) {
      if (!driveAppealIds(drive).includes(news.appealId) || seen.has(drive.space) || !this.inScope(news, drive.space)) continue;
      seen.add(drive.space);
      const claim = `news:${news.id}:post:${drive.space}`;
      if (!(await this.deps.claims.claim(claim, SENDING_MS))) continue;
      if (!this.deps.notifierFor(platformOf(drive.space))) {
        // As for a follower: left for a retry, here or in a process that runs the platform.
        await this.deps.claims.release(claim);
        failed += 1;
        continue;
      }
      try {
        await this.deps.poster.postToSpace(drive.space, this.deps.words.post(drive, appeal, news, tally));
      } catch (error) {
        if (!(error instanceof SpaceGoneError)) {
          await this.deps.claims.release(claim);
          this.deps.logger.warn({ err: error, news: news.id }, 'news post failed; tried again later');
          failed += 1;
          continue;
        }
        this.deps.logger.warn({ news: news.id }, 'news post: the bot can no longer post in a space; skipped');
      }
      await this.deps.claims.extend(claim, SENT_MS);
    }
    return failed;
  }

  /** Pages through the appeal's followers from `after`; returns how many failed (tried again). */
  private async toFollowers(news: NewsItem, appeal: Appeal, tally: Tally, from: string): Promise<number> {
    const started = performance.now();
    const sliceMs = this.deps.sliceMs ?? DEFAULT_SLICE_MS;
    let after = from;
    let failed = 0;
    let sent = 0;
    for (;;) {
      const page = await this.deps.followers.store.page(news.appealId, after, PAGE, this.deps.clock.now());
      if (page.length === 0) return failed;
      for (const follower of page) {
        after = follower.member;
        if (!this.inScope(news, follower.space)) continue;
        const outcome = await this.sendOne(news, appeal, tally, follower);
        if (outcome === 'failed') failed += 1;
        if (outcome === 'sent') sent += 1;
        // Only after a message sent here: a slice always moves on, even one resuming on its predecessor's last.
        if (sent > 0 && performance.now() - started > sliceMs) {
          // The rest is a new event; this one finishes (or, with failures, is tried again from its
          // start). It resumes before this member (their claim skips them): the outbox keeps 8
          // characters of a key, not a whole one /forgetme would have to find.
          await this.deps.outbox.append([{ type: 'news', news, after: after.slice(0, 8) }], this.deps.clock.now());
          this.deps.notify();
          return failed;
        }
      }
    }
  }

  /** `failed`: may be tried again; `skipped`: sent before, or nobody to send to any more. */
  private async sendOne(news: NewsItem, appeal: Appeal, tally: Tally, follower: Follower): Promise<'sent' | 'skipped' | 'failed'> {
    const claim = `news:${news.id}:dm:${follower.member}`;
    if (!(await this.deps.claims.claim(claim, SENDING_MS))) return 'skipped';
    const notifier = this.deps.notifierFor(follower.platform);
    if (!notifier) {
      // No adapter of that platform runs in this process: given back, for a retry here or in a
      // process that runs it (at most NEWS_ATTEMPTS times).
      await this.deps.claims.release(claim);
      this.deps.logger.warn({ platform: follower.platform }, 'no adapter running for a follower; tried again later');
      return 'failed';
    }
    let userId: string;
    try {
      userId = this.deps.followers.userIdOf(follower);
    } catch {
      // Sealed with another secret: nobody can be reached through it.
      await this.deps.followers.store.remove(follower.appealId, follower.member);
      return 'skipped';
    }
    try {
      await this.deps.pacer.turn(follower.platform);
      await notifier.sendToMember(userId, this.deps.words.member(follower, appeal, news, tally.bySpace[follower.space] ?? 0));
    } catch (error) {
      if (error instanceof MemberGoneError) {
        await this.deps.followers.store.remove(follower.appealId, follower.member);
        return 'skipped';
      }
      await this.deps.claims.release(claim);
      this.deps.logger.warn({ err: error, news: news.id, platform: follower.platform }, 'news message failed; tried again later');
      return 'failed';
    }
    await this.deps.claims.extend(claim, SENT_MS);
    await this.keepFor(news, follower);
    return 'sent';
  }

  /** A closing news starts the follower's last days; a new deadline keeps them longer. */
  private async keepFor(news: NewsItem, follower: Follower): Promise<void> {
    const current = Date.parse(follower.expires);
    if (isClosing(news.outcome)) {
      const until = this.deps.followers.keepUntil(this.deps.clock.now()).getTime();
      if (until < current) await this.deps.followers.expireAt(follower, new Date(until));
    } else if (news.deadline) {
      const until = this.deps.followers.keepUntil(endOfDay(news.deadline, 'UTC')).getTime();
      if (until > current) await this.deps.followers.expireAt(follower, new Date(until));
    }
  }
}
