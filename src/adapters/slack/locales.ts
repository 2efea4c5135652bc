import type { webApi } from '@slack/bolt';
import type { ShortLived } from '../../core/short-lived.js';

type UsersInfo = Pick<webApi.WebClient['users'], 'info'>;

const TTL_MS = 60 * 60 * 1000;

/**
 * A member's Slack language (users.info with include_locale), so that answers come in it. Kept
 * for an hour per user in the store (every process behind the Slack endpoint shares it); a failed
 * lookup answers in the default language.
 */
export class UserLocales {
  constructor(private readonly store: ShortLived) {}

  async of(users: UsersInfo, userId: string): Promise<string | undefined> {
    const cached = await this.store.get<{ locale?: string }>('slack-locale', userId).catch(() => undefined);
    if (cached) return cached.locale;
    let locale: string | undefined;
    try {
      const result = await users.info({ user: userId, include_locale: true });
      locale = result.ok ? result.user?.locale : undefined;
    } catch {
      locale = undefined;
    }
    // A store that cannot keep it costs one more lookup next time, nothing else.
    await this.store.put('slack-locale', userId, locale ? { locale } : {}, TTL_MS).catch(() => undefined);
    return locale;
  }
}
