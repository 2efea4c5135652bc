import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { UserLocales } from '../../../src/adapters/slack/locales.js';
import { Lane } from '../../../src/core/lane.js';
import { KeyvShortLived } from '../../../src/core/short-lived.js';
import { systemClock } from '../../../src/core/time.js';

describe("Slack members' languages", () => {
  it('asks users.info for at most four members at once, answers every one, and keeps what it learnt', async () => {
    let inFlight = 0;
    let most = 0;
    const asked: string[] = [];
    const users = {
      info: async ({ user }: { user: string }) => {
        asked.push(user);
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return { ok: true, user: { id: user, locale: user.endsWith('7') ? 'es-ES' : 'en-US' } };
      },
    };
    const locales = new UserLocales(new KeyvShortLived(new Keyv(), systemClock), new Lane(undefined, { concurrency: 4, maxWaitMs: 1000 }));
    const members = Array.from({ length: 20 }, (_, i) => `U${i}`);
    const found = await Promise.all(members.map((id) => locales.of(users as never, id)));
    expect(most).toBe(4);
    expect(found.filter((l) => l === 'es-ES')).toHaveLength(2);
    expect(asked.sort()).toEqual([...members].sort());
    // Kept: asking again costs no call.
    expect(await locales.of(users as never, 'U7')).toBe('es-ES');
    expect(asked).toHaveLength(20);
  });

  it('answers in the default language when Slack does not answer in time, and asks again next time', async () => {
    let asked = 0;
    const users = {
      info: async ({ user }: { user: string }) => {
        asked++;
        // The first lookup hangs (Slack's client retrying), the second answers.
        if (asked === 1) return new Promise<never>(() => undefined);
        return { ok: true, user: { id: user, locale: 'es-ES' } };
      },
    };
    const locales = new UserLocales(new KeyvShortLived(new Keyv(), systemClock), new Lane(undefined, { concurrency: 4, maxWaitMs: 1000 }), 50);
    const started = Date.now();
    expect(await locales.of(users as never, 'U1')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await locales.of(users as never, 'U1')).toBe('es-ES');
    expect(asked).toBe(2);
  });
});
