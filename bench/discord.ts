import { createDiscordAdapter } from '../src/adapters/discord/index.js';
import { FakeDiscord } from '../tests/adapters/discord/fake-discord.js';
import { button, slash, GUILD } from '../tests/adapters/discord/harness.js';
import { testApp } from '../tests/support/app.js';
import { RecordingLogger } from '../tests/support/logger.js';
import { summarize, type BenchLine } from './lib.js';

const CONCURRENT = 100;

/**
 * `discord.interaction.in_process`: 100 button presses dispatched at once by the loopback gateway to the real
 * discord.js client; latency from the gateway send to the interaction callback reaching the fake
 * REST server (Discord's 3 s deadline; the target is under 300 ms at p99).
 */
export async function benchDiscord(): Promise<BenchLine> {
  const app = await testApp();
  const fake = new FakeDiscord();
  await fake.start();
  const adapter = await createDiscordAdapter({ token: 'bench-token', guildId: GUILD, apiBase: fake.apiBase }, { deps: app.deps, logger: new RecordingLogger() });
  try {
    const start = slash('drive', { appeal: 'ua-34-25', goal: 500, deadline: '2030-01-31' }, { userId: '1', moderator: true }, 'start');
    fake.dispatch('INTERACTION_CREATE', start);
    await fake.waitFor((r) => r.path.includes(String(start.token)));
    const driveId = (await app.deps.drives.listIn(`discord:${GUILD}/1000000000000000002`))[0]!.id;

    const presses = Array.from({ length: CONCURRENT }, (_, i) => button(`ab:acted email drive=${driveId}`, { userId: String(7000000000000000000n + BigInt(i)) }));
    const began = performance.now();
    const sentAt = presses.map((press) => {
      const at = performance.now();
      fake.dispatch('INTERACTION_CREATE', press);
      return at;
    });
    const callbacks = await Promise.all(presses.map((p) => fake.waitFor((r) => r.path === `/interactions/${String(p.id)}/${String(p.token)}/callback`, 30_000)));
    const latencies = callbacks.map((c, i) => c.at - sentAt[i]!);
    const wall = Math.max(...callbacks.map((c) => c.at)) - began;
    const tally = await app.deps.ledger.tally('ua-34-25');
    return summarize('discord.interaction.in_process', latencies, wall, { concurrent: CONCURRENT, counted: tally.actions, target_p99_ms: 300 });
  } finally {
    await adapter.stop();
    await fake.stop();
    await app.close();
  }
}
