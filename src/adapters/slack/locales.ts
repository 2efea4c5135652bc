import type { webApi } from '@slack/bolt';

type UsersInfo = Pick<webApi.WebClient['users'], 'info'>;

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 5000;

/**
 * A member's Slack language (users.info with include_locale), so that answers come in it. Kept
 * for an hour per user in this adapter; a failed lookup answers in the default language.
 */
export class UserLocales {
  private readonly cache = new Map<string, { locale?: string; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async of(users: UsersInfo, userId: string): Promise<string | undefined> {
    const cached = this.cache.get(userId);
    if (cached && cached.expires > this.now()) return cached.locale;
    let locale: string | undefined;
    try {
      const result = await users.info({ user: userId, include_locale: true });
      locale = result.ok ? result.user?.locale : undefined;
    } catch {
      locale = undefined;
    }
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(userId, { locale, expires: this.now() + TTL_MS });
    return locale;
  }
}
