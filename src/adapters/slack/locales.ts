import type { webApi } from '@slack/bolt';
import type { Lane } from '../../core/lane.js';
import type { ShortLived } from '../../core/short-lived.js';

type UsersInfo = Pick<webApi.WebClient['users'], 'info'>;

const TTL_MS = 60 * 60 * 1000;

/**
 * A member's Slack language (users.info with include_locale), so that answers come in it. Kept
 * for an hour per user in the store (every process behind the Slack endpoint shares it); a failed
 * lookup answers in the default language.
 */
export class UserLocales {
  /**
   * `lookups`: where users.info calls wait their turn. A burst of new members is acknowledged first
   * (the ack needs the commit only); their lookups follow a few at a time instead of taking the
   * event loop from the requests still arriving.
   */
  constructor(
    private readonly store: ShortLived,
    private readonly lookups: Pick<Lane, 'later'>,
  ) {}

  async of(users: UsersInfo, userId: string): Promise<string | undefined> {
    const cached = await this.store.get<{ locale?: string }>('slack-locale', userId).catch(() => undefined);
    if (cached) return cached.locale;
    let locale: string | undefined;
    try {
      const result = await this.lookups.later(() => users.info({ user: userId, include_locale: true }));
      locale = result.ok ? result.user?.locale : undefined;
    } catch {
      locale = undefined;
    }
    // A store that cannot keep it costs one more lookup next time, nothing else.
    await this.store.put('slack-locale', userId, locale ? { locale } : {}, TTL_MS).catch(() => undefined);
    return locale;
  }
}
