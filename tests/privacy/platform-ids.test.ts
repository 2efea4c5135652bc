import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/adapters/slack/index.js';
import { createTelegramBot } from '../../src/adapters/telegram/index.js';
import { createLogger } from '../../src/app/logger.js';
import { testApp, type TestApp } from '../support/app.js';
import { FakeSlackApi } from '../adapters/slack/fake-web-api.js';
import { interactionBody, postSigned, slashBody } from '../adapters/slack/sign.js';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { GROUP, messageUpdate, pressUpdate } from '../adapters/telegram/updates.js';
import { memberButton } from '../support/buttons.js';
import { filesHolding } from './bytes.js';

/** Our pino logger at its most talkative, into memory: what an operator's log file would hold. */
function capturedLogs(): { logger: ReturnType<typeof createLogger>; text: () => string } {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  return { logger: createLogger('trace', sink), text: () => out };
}

const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a member's platform id is in neither the data folder nor the logs after buttons and /forgetme", () => {
  let dataDir: string;
  let app: TestApp;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-ids-'));
    app = await testApp({ dataDir });
  });
  afterEach(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('Telegram, after a private chat with the bot', async () => {
    const ZELDA = { id: 7301234567 };
    const ADMIN = { id: 1 };
    const fake = await FakeBotApi.start();
    const logs = capturedLogs();
    const telegram = createTelegramBot({ token: '123456:TEST-token', apiRoot: fake.apiRoot, webhookPort: 0 }, { deps: app.deps, logger: logs.logger }, { retry: { sleep: async () => undefined } });
    await telegram.bot.init();
    fake.members.set(`${GROUP.id}:${ADMIN.id}`, 'administrator');
    const feed = (update: object) => telegram.bot.handleUpdate(update as never);
    try {
      await feed(messageUpdate(1, ADMIN, '/drive start ua-34-25 goal=10 deadline=2030-01-31'));
      // The private chat: a signature remembered, a drive refused (a drive belongs to a group), a reminder.
      await feed(messageUpdate(2, ZELDA, '/letter name="Zelda Quillfeather" town="Xanthorpe" remember=on', 'dm'));
      await feed(messageUpdate(3, ZELDA, '/drive start ua-34-25 deadline=2030-01-31', 'dm'));
      expect(fake.textsTo(ZELDA.id).at(-1)).toMatch(/a private chat makes nobody a moderator/);
      await feed(messageUpdate(4, ZELDA, '/remindme', GROUP));
      const [drive] = await app.deps.drives.openIn(`telegram:${GROUP.id}`);
      await feed(pressUpdate(5, ZELDA, memberButton(app.deps, 'telegram', String(ZELDA.id), `acted email drive=${drive!.id}`), 'dm'));
      // Telegram refuses an answer: grammY's error carries the chat id and the message's text.
      fake.failNext('sendMessage', 400, 'Bad Request: message is too long');
      await feed(pressUpdate(6, ZELDA, memberButton(app.deps, 'telegram', String(ZELDA.id), `acted post drive=${drive!.id}`), 'dm'));
      // Her DMs refused for a moment: her letter (signature included) is kept behind a deep link.
      fake.refusedDms.add(ZELDA.id);
      await feed(messageUpdate(8, ZELDA, `/letter name="Zelda Quillfeather" town="Xanthorpe" ${'lang=en '.repeat(6)}`, GROUP));
      fake.refusedDms.delete(ZELDA.id);
      expect(await filesHolding(dataDir, [String(ZELDA.id)])).not.toEqual([]);
      await feed(pressUpdate(7, ZELDA, 'forgetme yes', 'dm'));
      expect(fake.textsTo(ZELDA.id).at(-1)).toMatch(/2 actions deleted/);
    } finally {
      await fake.close();
    }
    await app.close();
    expect(logs.text()).toMatch(/GrammyError/);
    expect(logs.text()).not.toContain(String(ZELDA.id));
    expect(logs.text()).not.toMatch(/Quillfeather|Xanthorpe/);
    expect(await filesHolding(dataDir, [String(ZELDA.id), 'Quillfeather', 'Xanthorpe'])).toEqual([]);
  }, 30_000);

  it('Slack, after slash commands and buttons', async () => {
    const ZELDA = 'U07ZELDA42';
    const SECRET = 'test-signing-secret';
    const fake = new FakeSlackApi();
    await fake.start();
    fake.admins.add('UMOD0000001');
    const logs = capturedLogs();
    const slack = await createSlackApp({ botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0 }, { deps: app.deps, logger: logs.logger }, { host: '127.0.0.1' });
    const url = `http://127.0.0.1:${slack.port}/slack/events`;
    let n = 0;
    const slash = async (user: string, command: string, text = '') => {
      const key = `r${++n}`;
      const body = slashBody({ team_id: 'T1', channel_id: 'C1', channel_name: 'general', user_id: user, user_name: 'x', command: `/${command}`, text, response_url: fake.responseUrl(key), trigger_id: `t${n}` });
      await postSigned(url, body, { secret: SECRET });
      await fake.until(() => fake.answersTo(key).length > 0);
      return fake.answersTo(key);
    };
    const press = async (user: string, value: string) => {
      const key = `p${++n}`;
      const payload = {
        type: 'block_actions',
        user: { id: user, username: 'x', team_id: 'T1' },
        team: { id: 'T1', domain: 'ngo' },
        channel: { id: 'C1', name: 'general' },
        container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C1', is_ephemeral: true },
        trigger_id: `tp${n}`,
        response_url: fake.responseUrl(key),
        actions: [{ type: 'button', block_id: 'b', action_id: `ab:${n}`, value, text: { type: 'plain_text', text: 'x' }, action_ts: `1700000001.${n}` }],
      };
      await postSigned(url, interactionBody(payload), { secret: SECRET });
      await fake.until(() => fake.answersTo(key).length > 0);
      return fake.answersTo(key);
    };
    try {
      await slash('UMOD0000001', 'drive', 'start ua-34-25 goal=10 deadline=2030-01-31');
      await slash(ZELDA, 'letter', 'name="Zelda Quillfeather" town="Xanthorpe" remember=on');
      await slash(ZELDA, 'remindme');
      const [drive] = await app.deps.drives.openIn('slack:T1/C1');
      await press(ZELDA, `acted email drive=${drive!.id}`);
      await press(ZELDA, `acted post drive=${drive!.id}`);
      await settle();
      expect(await filesHolding(dataDir, [ZELDA])).not.toEqual([]);
      const done = await press(ZELDA, 'forgetme yes');
      expect(JSON.stringify(done)).toMatch(/2 actions deleted/);
      await settle();
    } finally {
      await slack.stop();
      await fake.close();
    }
    await app.close();
    expect(logs.text()).not.toContain(ZELDA);
    expect(logs.text()).not.toMatch(/Quillfeather|Xanthorpe/);
    expect(await filesHolding(dataDir, [ZELDA, 'Quillfeather', 'Xanthorpe'])).toEqual([]);
  }, 30_000);
});
