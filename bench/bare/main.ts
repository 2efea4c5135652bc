// A bare bot process for the benchmarks: every platform whose token is set, as actionbot's own
// environment names them; prints `ready` once all are up, then `counted <platform> <n>` lines.
import { printCount } from './count.js';
import { startBareDiscord } from './discord.js';
import { startBareSlack } from './slack.js';
import { startBareTelegram } from './telegram.js';

const env = process.env;
const stops: Array<() => Promise<void>> = [];
if (env.TELEGRAM_BOT_TOKEN) stops.push(await startBareTelegram(env, printCount));
if (env.SLACK_BOT_TOKEN) stops.push(await startBareSlack(env, printCount));
if (env.DISCORD_TOKEN) stops.push(await startBareDiscord(env, printCount));
process.stdout.write('ready\n');
process.once('SIGTERM', () => void Promise.allSettled(stops.map((stop) => stop())).then(() => process.exit(0)));
