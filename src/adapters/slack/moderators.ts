// Who is a moderator on Slack: workspace admins and owners, asked on every call, or MODERATOR_IDS.
import type { webApi } from '@slack/bolt';

type UsersInfo = Pick<webApi.WebClient['users'], 'info'>;

/**
 * Slack moderators are workspace admins and owners, asked on every call. A failed lookup throws so
 * that the command layer refuses clearly instead of guessing. MODERATOR_IDS is checked before this.
 */
export function slackModeratorCheck(users: UsersInfo, userId: string): () => Promise<boolean> {
  return async () => {
    const result = await users.info({ user: userId });
    if (!result.ok || !result.user) throw new Error(`users.info failed: ${result.error ?? 'no user'}`);
    const user = result.user;
    return Boolean(user.is_admin || user.is_owner || user.is_primary_owner);
  };
}
