import { startTelegram } from '../src/adapters/telegram/index.js';
import { FakeBotApi } from '../tests/adapters/telegram/fake-bot-api.js';
import { GROUP, messageUpdate, pressUpdate } from '../tests/adapters/telegram/updates.js';
import { testApp } from '../tests/support/app.js';
import { memberButton } from '../tests/support/buttons.js';
import { RecordingLogger } from '../tests/support/logger.js';
import { loadFromAnotherProcess } from './http-load.js';
import { runConcurrent, summarize, type BenchLine } from './lib.js';

const COUNT = 100;
/** Presses before the measured run, so that it measures a running server rather than JIT warm-up. */
const WARMUP = 20;
const SECRET = 'bench-webhook-secret';
const ADMIN = { id: 1 };

/**
 * `telegram.update`: 100 concurrent button presses (`acted email`) in members' DMs posted to the
 * real grammY webhook endpoint on loopback; latency is request to HTTP answer. The press is claimed
 * and then answered inside that answer (a webhook reply); recording the action and sending the
 * tally message follow, and the run waits for them all (`all_done_ms`) and checks the count.
 */
async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the replies to the presses were not all sent');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function benchTelegram(): Promise<BenchLine> {
  const app = await testApp();
  const fake = await FakeBotApi.start();
  fake.members.set(`${GROUP.id}:${ADMIN.id}`, 'administrator');
  const logger = new RecordingLogger();
  const adapter = await startTelegram(
    { token: '123456:bench', apiRoot: fake.apiRoot, webhook: { url: 'https://bench.example.org/tg', secret: SECRET }, webhookPort: 0 },
    { deps: app.deps, logger },
    { host: '127.0.0.1' },
  );
  const port = (logger.entries.find((e) => e.message === 'telegram webhook listening')!.context as { port: number }).port;
  const post = async (update: object) => {
    const response = await fetch(`http://127.0.0.1:${port}/tg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    // A press is answered inside the HTTP response (a webhook reply) or by a call to the Bot API.
    const body = await response.text();
    if (body.includes('"answerCallbackQuery"')) inResponse++;
  };
  let inResponse = 0;
  try {
    await post(messageUpdate(1, ADMIN, '/drive start ua-34-25 goal=500 deadline=2030-01-31'));
    const drive = await app.deps.drives.resolve(`telegram:${GROUP.id}`);
    if (!drive) throw new Error('the drive did not start');
    // Each member presses the button of the letter they were given (signed for them: src/core/walls.ts).
    const data = (i: number) => memberButton(app.deps, 'telegram', String(10_000 + i), `acted email drive=${drive.id}`);
    const press = (i: number) => post(pressUpdate(100 + i, { id: 10_000 + i }, data(i)));
    await runConcurrent(WARMUP, WARMUP, (i) => press(COUNT + i));
    const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };
    const requests = Array.from({ length: COUNT }, (_, i) => ({
      url: `http://127.0.0.1:${port}/tg`,
      headers,
      body: JSON.stringify(pressUpdate(100 + i, { id: 10_000 + i }, data(i))),
    }));
    const started = performance.now();
    const { results, wallMs } = await loadFromAnotherProcess(requests);
    if (results.some((r) => r.status !== 200)) throw new Error('the webhook did not answer 200 to every press');
    inResponse += results.filter((r) => r.body.includes('"answerCallbackQuery"')).length;
    const latencies = results.map((r) => r.ms);
    const answers = fake.callsOf('answerCallbackQuery').length + inResponse - WARMUP;
    if (answers !== COUNT) throw new Error(`expected ${COUNT} answered presses, got ${answers}`);
    await until(() => fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) > 0).length >= COUNT + WARMUP);
    const allDoneMs = performance.now() - started;
    const tally = await app.deps.ledger.tally('ua-34-25');
    if (tally.actions !== COUNT + WARMUP) throw new Error(`expected ${COUNT + WARMUP} actions, counted ${tally.actions}`);
    return summarize('telegram.update', latencies, wallMs, { client: 'separate process', answered: answers, answered_in_response: inResponse - WARMUP, warmup: WARMUP, all_done_ms: Math.round(allDoneMs) });
  } finally {
    await adapter.stop();
    await fake.close();
    await app.close();
  }
}
