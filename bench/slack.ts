import { createSlackApp } from '../src/adapters/slack/index.js';
import { FakeSlackApi } from '../tests/adapters/slack/fake-web-api.js';
import { postSigned, slackSignature, slashBody } from '../tests/adapters/slack/sign.js';
import { testApp } from '../tests/support/app.js';
import { RecordingLogger } from '../tests/support/logger.js';
import { loadFromAnotherProcess } from './http-load.js';
import { runConcurrent, summarize, type BenchLine } from './lib.js';

const SECRET = 'bench-signing-secret';
const COUNT = 100;
/** Commands before the measured run, so that it measures a running server rather than JIT warm-up. */
const WARMUP = 20;

/**
 * `slack.ack`: 100 concurrent signed `/acted email` commands from different members against the
 * real Bolt receiver on loopback, sent from another process; latency is the HTTP answer (the ack
 * Slack waits 3 s for). The work after the ack (claim, record, respond) is awaited and checked.
 */
export async function benchSlack(): Promise<BenchLine> {
  const app = await testApp({ moderatorIds: ['slack:UMOD'] });
  const fake = new FakeSlackApi();
  await fake.start();
  const slack = await createSlackApp({ botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0 }, { deps: app.deps, logger: new RecordingLogger() }, { host: '127.0.0.1' });
  const url = `http://127.0.0.1:${slack.port}/slack/events`;
  const command = (user: string, text: string, key: string) =>
    slashBody({ team_id: 'T1', channel_id: 'C1', channel_name: 'general', user_id: user, command: text.startsWith('start') ? '/drive' : '/acted', text, response_url: fake.responseUrl(key), trigger_id: `t-${key}` });
  try {
    await postSigned(url, command('UMOD', 'start ua-34-25 goal=500 deadline=2030-01-31', 'start'), { secret: SECRET });
    await fake.until(() => fake.answersTo('start').length > 0);
    // An /acted is answered in its ack's body, or on the response_url when the ack went out first.
    let inAck = 0;
    await runConcurrent(WARMUP, WARMUP, async (i) => {
      if ((await (await postSigned(url, command(`W${i}`, 'email', `w${i}`), { secret: SECRET })).text()).includes('counted')) inAck++;
    });
    await fake.until(() => fake.responses.length + inAck >= WARMUP + 1, 30_000);
    const requests = Array.from({ length: COUNT }, (_, i) => {
      const body = command(`U${i}`, 'email', `k${i}`);
      const timestamp = Math.floor(Date.now() / 1000);
      return {
        url,
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(SECRET, timestamp, body) },
      };
    });
    const started = performance.now();
    const { results, wallMs } = await loadFromAnotherProcess(requests);
    if (results.some((r) => r.status !== 200)) throw new Error(`ack failed: ${results.map((r) => r.status).join(',')}`);
    inAck += results.filter((r) => r.body.includes('counted')).length;
    await fake.until(() => fake.responses.length + inAck >= COUNT + WARMUP + 1, 30_000);
    const answeredMs = performance.now() - started;
    const tally = await app.deps.ledger.tally('ua-34-25');
    if (tally.actions !== COUNT + WARMUP) throw new Error(`expected ${COUNT + WARMUP} actions, counted ${tally.actions}`);
    return summarize('slack.ack', results.map((r) => r.ms), wallMs, { warmup: WARMUP, client: 'separate process', all_answered_ms: Math.round(answeredMs), answered_in_ack: inAck });
  } finally {
    await slack.stop();
    await fake.close();
    await app.close();
  }
}
