import { App } from '@slack/bolt';
import type { Count } from './count.js';

/** The simplest Bolt bot: HTTP mode, ack, an in-memory count, one plain respond per command. */
export async function startBareSlack(env: Record<string, string | undefined>, count: Count): Promise<() => Promise<void>> {
  const slackApiUrl = env.SLACK_API_URL?.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`;
  const app = new App({ token: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET!, clientOptions: { slackApiUrl }, deferInitialization: true });
  const acted = new Set<string>();
  app.command('/acted', async ({ ack, command, respond }) => {
    await ack();
    acted.add(command.user_id);
    count('slack', acted.size);
    await respond(`Thank you! ${acted.size} members acted.`);
  });
  for (const name of ['/drive', '/help']) {
    app.command(name, async ({ ack, respond }) => {
      await ack();
      await respond('Drive started.');
    });
  }
  await app.init();
  await app.start({ port: Number(env.SLACK_PORT), host: '127.0.0.1' });
  return async () => {
    await app.stop();
  };
}
