// The domain events a command raises for after its answer.
import type { Method } from '../drive.js';
import type { NewsItem } from '../news/item.js';

/**
 * What follows from a command after its answer: written to the outbox in the store, handled
 * later, once across processes. Member keys only (pseudonymous), never platform ids or text.
 */
export type DomainEvent =
  /** An action was recorded (or recorded again): milestones, the member's own reminder, live progress. */
  | { type: 'recorded'; driveId: string; member: string; method: Method; created: boolean }
  /** An action was taken back: live progress. */
  | { type: 'undone'; driveId: string }
  /** A drive's goal or milestones setting changed: milestones re-arm against the new goal. */
  | { type: 'drive-changed'; driveId: string }
  /** News of an appeal to deliver: one post per space, one private message per follower. `after`: the follower a delivery cut in slices resumes after. */
  | { type: 'news'; news: NewsItem; after?: string };

/** An event as the outbox keeps it. `due` is when it may be handled (later after a failure). */
export type StoredEvent = { id: string; at: string; due: string; attempts: number; event: DomainEvent };

/** Sink for events raised by a command; the pipeline writes them to the outbox after the command. */
export type Emit = (event: DomainEvent) => void;
