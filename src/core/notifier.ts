// The notifier port: how the core posts to a space or a member without being asked.
import type { Reply } from './reply.js';

/**
 * How the core reaches a chat without being asked: reminders, milestones, the final tally, a
 * member's own reminder. Each adapter implements it with mentions disabled.
 */
export interface Notifier {
  readonly platform: string;
  /** Posts a public reply in a space (`telegram:<chat>`, `slack:<team>/<channel>`, ...). */
  postToSpace(space: string, reply: Reply): Promise<void>;
  /** Sends a private reply to one member by platform user id. */
  sendToMember(userId: string, reply: Reply): Promise<void>;
  /**
   * Platforms where a busy space should see one message edited in place rather than a post per
   * change (Telegram groups): posts a message and returns its id within the space, or edits it.
   */
  live?: {
    post(space: string, reply: Reply): Promise<string>;
    /** False when the message is gone (deleted, too old to edit): a new one is posted. */
    edit(space: string, messageId: string, reply: Reply): Promise<boolean>;
  };
}
