import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { ADMIN } from '../adapters/telegram/harness.js';
import { messageUpdate } from '../adapters/telegram/updates.js';
import { freePort, startRedisServer } from '../support/redis-server.js';
import { BotProcess } from './bot-process.js';
import { actedUpdates, auditStore, postUpdate, seeded, webhookEnv, type Update } from './crash-rig.js';

const MEMBERS = Number(process.env.LIFECYCLE_CRASH_MEMBERS ?? 300);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
const GROUP_ID = -1001;
const TWINS = 40;
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/**
 * Two bot processes on one store behind one Telegram webhook: each update goes to one of them (the
 * seeded generator picks), and the first TWINS go to both at once (a redelivery racing the first).
 * Both are killed mid-burst; what was not answered 200 is sent again once they are back. The SQLite
 * and the Redis halves run side by side: each has its own fake Bot API, ports, folders and Redis.
 */
for (const kind of ['sqlite', 'redis'] as const) {
  describe.concurrent(`two processes on one ${kind === 'sqlite' ? 'SQLite file' : 'Redis'}, both killed in the middle of a burst`, () => {
    let fake: FakeBotApi;
    let dirs: string[] = [];
    let bots: BotProcess[] = [];
    let redis: ChildProcess | undefined;
    let storeUrl: string;

    beforeEach(async () => {
      fake = await FakeBotApi.start();
      fake.members.set(`${GROUP_ID}:${ADMIN.id}`, 'administrator');
      dirs = [await mkdtemp(join(tmpdir(), 'actionbot-two-crash-')), await mkdtemp(join(tmpdir(), 'actionbot-two-crash-'))];
      bots = [];
      if (kind === 'redis') {
        const port = await freePort();
        redis = await startRedisServer(port);
        storeUrl = `redis://127.0.0.1:${port}`;
      } else storeUrl = `sqlite://${join(dirs[0]!, 'shared.sqlite')}`;
    });
    afterEach(async () => {
      for (const bot of bots) bot.signal('SIGKILL');
      await Promise.all(bots.map((b) => b.exited));
      redis?.kill('SIGKILL');
      await fake.close();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    });

    async function startBoth(ports: number[]): Promise<void> {
      const calls = fake.callsOf('setWebhook').length;
      bots = ports.map(
        (port, i) =>
new BotProcess({ ...webhookEnv(fake, dirs[i]!, port), STORE_URL: storeUrl }, 'node'),
      );
      const deadline = Date.now() + 40_000;
      while (fake.callsOf('setWebhook').length < calls + 2) {
        if (Date.now() > deadline) throw new Error(`the bots did not start:\n${bots.flatMap((b) => b.lines).join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }

    // The test's own expect: two tests run at once (describe.concurrent).
    it(`counts each of ${MEMBERS} members once, and answers a twin delivery once`, async ({ expect }) => {
      const random = seeded(SEED);
      console.info(`two processes crash test (${kind}): CRASH_SEED=${SEED}`);
      const ports = [await freePort(), await freePort()];
      await startBoth(ports);
      expect(await postUpdate(ports[0]!, messageUpdate(1, ADMIN, `/drive start ua-34-25 goal=${MEMBERS} deadline=${inAMonth()}`))).toBe(true);

      // Twins: the same update to both processes at once; each is counted once and answered once.
      const twins = actedUpdates(TWINS, 100);
      const both = await Promise.all(twins.map((u) => Promise.all(ports.map((port) => postUpdate(port, u)))));
      expect(both.flat().every(Boolean)).toBe(true);
      const dms = (id: number) => fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === id).length;
      expect(twins.map((_, i) => dms(10_000 + i))).toEqual(twins.map(() => 1));

      // The rest, spread over both; both killed once a seeded share is answered.
      let pending: Update[] = actedUpdates(MEMBERS, 100).slice(TWINS);
      const killAfter = 20 + Math.floor(random() * (MEMBERS / 3));
      for (let round = 0; pending.length > 0 && round < 3; round++) {
        if (round > 0) await startBoth(ports);
        let answered = 0;
        let next = 0;
        const left: Update[] = [];
        const worker = async () => {
          while (next < pending.length) {
            const update = pending[next++]!;
            if (await postUpdate(ports[Math.floor(random() * 2)]!, update)) {
              if (++answered === killAfter && round === 0) for (const bot of bots) bot.signal('SIGKILL');
            } else left.push(update);
          }
        };
        await Promise.all(Array.from({ length: 16 }, worker));
        pending = left;
        for (const bot of bots) bot.signal('SIGKILL');
        await Promise.all(bots.map((b) => b.exited));
        if (round === 0) expect(pending.length).toBeGreaterThan(0);
      }
      expect(pending).toEqual([]);

      const audit = await auditStore(storeUrl, dirs[1]!);
      const missing = Array.from({ length: MEMBERS }, (_, i) => 10_000 + i).filter((id) => audit.perMember.get(audit.keyOf(id)) !== 1);
      expect({ missing, actions: audit.actions, rows: audit.rows, members: audit.members }).toEqual({ missing: [], actions: MEMBERS, rows: MEMBERS, members: MEMBERS });
    }, 150_000);
  });
}
