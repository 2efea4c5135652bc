// A piece of news of an appeal, as /news post (or an imported update) records it.

export const OUTCOMES = ['update', 'good', 'closed'] as const;
/** `update`: more to do (maybe a new deadline); `good`: good news, the case ends; `closed`: no further action. */
export type Outcome = (typeof OUTCOMES)[number];

/** Good news and closures end the appeal in its drives and start the followers' last 30 days. */
export function isClosing(outcome: Outcome): boolean {
  return outcome !== 'update';
}

/**
 * What is delivered. `community`: whose followers and spaces it reaches (a moderator's own);
 * null for the operator's news, which reaches every community. The text is the moderator's, not a member's.
 */
export type NewsItem = { id: string; appealId: string; community: string | null; outcome: Outcome; text: string; deadline?: string; at: string };
