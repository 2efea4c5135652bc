import { createSlackApp, type SlackApp } from '../../../src/adapters/slack/index.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { FakeSlackApi } from './fake-web-api.js';
import { interactionBody, postSigned, slashBody, type SignOptions } from './sign.js';

export const SECRET = 'test-signing-secret';
export const TEAM = 'T1';
export const CHANNEL = 'C1';

export type Harness = {
  app: TestApp;
  fake: FakeSlackApi;
  slack: SlackApp;
  logger: RecordingLogger;
  eventsUrl: string;
  /** Sends a signed slash command; `key` names its response_url. */
  slash(user: string, command: string, text?: string, sign?: Partial<SignOptions> & { trigger?: string; channel?: string }): Promise<{ status: number; key: string; body: string }>;
  /** Presses a button (block_actions) as `user`; `key` names its response_url. */
  press(user: string, button: { action_id: string; value: string }, actionTs?: string, sign?: Partial<SignOptions>): Promise<{ status: number; key: string }>;
  /** Submits a form modal. */
  submit(user: string, view: { id: string; private_metadata: string; values: Record<string, string> }): Promise<number>;
  /** Waits for `count` answers (the ack body's, if it carried one, then the response_url's) and returns them. */
  answers(key: string, count?: number): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
};

/** The real app and the real Bolt app on 127.0.0.1, with a loopback fake of Slack. */
export async function startHarness(options: { moderatorIds?: string[] } = {}): Promise<Harness> {
  const app = await testApp({ moderatorIds: options.moderatorIds });
  const fake = new FakeSlackApi();
  await fake.start();
  const logger = new RecordingLogger();
  const slack = await createSlackApp({ botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0 }, { deps: app.deps, logger }, { host: '127.0.0.1' });
  const eventsUrl = `http://127.0.0.1:${slack.port}/slack/events`;
  let counter = 0;
  // A recording command answers in its ack's body: that answer counts as the first one for its key.
  const inAck = new Map<string, Record<string, unknown>>();
  const all = (key: string) => [...(inAck.has(key) ? [inAck.get(key)!] : []), ...fake.answersTo(key)];
  const post = (body: string, sign: Partial<SignOptions> = {}) => postSigned(eventsUrl, body, { secret: SECRET, ...sign });

  return {
    app,
    fake,
    slack,
    logger,
    eventsUrl,
    async slash(user, command, text = '', sign = {}) {
      const key = `r${++counter}`;
      const channel = sign.channel ?? CHANNEL;
      const body = slashBody({
        token: 'legacy',
        team_id: TEAM,
        team_domain: 'ngo',
        channel_id: channel,
        channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
        user_id: user,
        user_name: user.toLowerCase(),
        command: `/${command}`,
        text,
        api_app_id: 'A1',
        response_url: fake.responseUrl(key),
        trigger_id: sign.trigger ?? `trigger-${counter}`,
      });
      const response = await post(body, sign);
      const answered = await response.text();
      if (response.status === 200 && answered.startsWith('{')) inAck.set(key, JSON.parse(answered) as Record<string, unknown>);
      return { status: response.status, key, body: answered };
    },
    async press(user, button, actionTs = `${Date.now() / 1000}${++counter}`, sign = {}) {
      const key = `p${++counter}`;
      const payload = {
        type: 'block_actions',
        user: { id: user, username: user.toLowerCase(), team_id: TEAM },
        api_app_id: 'A1',
        token: 'legacy',
        container: { type: 'message', message_ts: '1700000000.000001', channel_id: CHANNEL, is_ephemeral: true },
        trigger_id: `trigger-press-${counter}`,
        team: { id: TEAM, domain: 'ngo' },
        channel: { id: CHANNEL, name: 'general' },
        response_url: fake.responseUrl(key),
        actions: [{ type: 'button', block_id: 'b1', text: { type: 'plain_text', text: 'x' }, action_ts: actionTs, ...button }],
      };
      const response = await post(interactionBody(payload), sign);
      return { status: response.status, key };
    },
    async submit(user, view) {
      const values = Object.fromEntries(Object.entries(view.values).map(([name, value]) => [name, { [name]: { type: 'plain_text_input', value } }]));
      const payload = {
        type: 'view_submission',
        team: { id: TEAM, domain: 'ngo' },
        user: { id: user, username: user.toLowerCase(), team_id: TEAM },
        api_app_id: 'A1',
        token: 'legacy',
        trigger_id: `trigger-view-${++counter}`,
        view: { id: view.id, type: 'modal', callback_id: 'ab_form', private_metadata: view.private_metadata, state: { values }, hash: 'h1', team_id: TEAM, app_id: 'A1', blocks: [] },
        response_urls: [],
      };
      return (await post(interactionBody(payload))).status;
    },
    async answers(key, count = 1) {
      await fake.until(() => all(key).length >= count);
      return all(key);
    },
    async close() {
      await slack.stop();
      await fake.close();
      await app.close();
    },
  };
}
