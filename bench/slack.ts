import { createSlackApp } from '../src/adapters/slack/index.js';
import { FakeSlackApi } from '../tests/adapters/slack/fake-web-api.js';
import { postSigned, slashBody } from '../tests/adapters/slack/sign.js';
import { testApp } from '../tests/support/app.js';
import { RecordingLogger } from '../tests/support/logger.js';
import { runConcurrent, summarize, type BenchLine } from './lib.js';

const SECRET = 'bench-signing-secret';
const COUNT = 100;

/**
 * `slack.ack`: 100 concurrent signed `/acted email` commands from different members against the
 * real Bolt receiver on loopback; latency is the HTTP answer (the ack Slack waits 3 s for). The
 * work after the ack (claim, record, respond) is awaited before the run ends and checked.
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
    const started = performance.now();
    const { latencies, wallMs } = await runConcurrent(COUNT, COUNT, async (i) => {
      const response = await postSigned(url, command(`U${i}`, 'email', `k${i}`), { secret: SECRET });
      if (response.status !== 200) throw new Error(`ack failed: ${response.status}`);
    });
    await fake.until(() => fake.responses.length >= COUNT + 1, 30_000);
    const answeredMs = performance.now() - started;
    const tally = await app.deps.ledger.tally('ua-34-25');
    if (tally.actions !== COUNT) throw new Error(`expected ${COUNT} actions, counted ${tally.actions}`);
    return summarize('slack.ack', latencies, wallMs, { all_answered_ms: Math.round(answeredMs) });
  } finally {
    await slack.stop();
    await fake.close();
    await app.close();
  }
}
