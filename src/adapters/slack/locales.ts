// Members' Slack languages from users.info, kept an hour in the store; a lookup not answered in
// time gives the default language.
import type { webApi } from '@slack/bolt';
import type { Lane } from '../../core/lane.js';
import type { ShortLived } from '../../core/short-lived.js';

type UsersInfo = Pick<webApi.WebClient['users'], 'info'>;

const TTL_MS = 60 * 60 * 1000;
/**
 * A lookup Slack has not answered by then (the client retries a failing call for up to half an
 * hour) answers in the default language: the command waits for it, and its ack is due within 3 s.
 */
const GIVE_UP_MS = 1000;

/**
 * A member's Slack language (users.info with include_locale), so that answers come in it. Kept
 * for an hour per user in the store (every process behind the Slack endpoint shares it); a failed
 * lookup answers in the default language, and one not answered in time too (asked again next time).
 */
export class UserLocales {
  /** `lookups`: where users.info calls wait their turn (Slack allows about 100 a minute), a few at a time. */
  constructor(
    private readonly store: ShortLived,
    private readonly lookups: Pick<Lane, 'later'>,
    private readonly giveUpMs = GIVE_UP_MS,
  ) {}

  async of(users: UsersInfo, userId: string): Promise<string | undefined> {
    const cached = await this.store.get<{ locale?: string }>('slack-locale', userId).catch(() => undefined);
    if (cached) return cached.locale;
    let locale: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const asked = this.lookups.later(() => users.info({ user: userId, include_locale: true }));
      const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), this.giveUpMs)));
      const result = await Promise.race([asked, late]);
      if (result === undefined) return undefined;
      locale = result.ok ? result.user?.locale : undefined;
    } catch {
      locale = undefined;
    } finally {
      clearTimeout(timer);
    }
    // A store that cannot keep it costs one more lookup next time, nothing else.
    await this.store.put('slack-locale', userId, locale ? { locale } : {}, TTL_MS).catch(() => undefined);
    return locale;
  }
}
