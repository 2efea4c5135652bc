// Starts the app and the reminder scheduler on a store of many drives, as `npm start` does; prints time and memory.
import { BUNDLED_APPEALS, createApp } from '../src/app/app.js';
import { reminderPosts } from '../src/commands/posts.js';
import type { Notifier } from '../src/core/notifier.js';
import { ReminderScheduler, systemTimer } from '../src/core/reminders/scheduler.js';
import { RecordingLogger } from '../tests/support/logger.js';

const [dir, secret] = process.argv.slice(2) as [string, string];
const quiet: Notifier = { platform: 'telegram', postToSpace: async () => undefined, sendToMember: async () => undefined };
const started = performance.now();
const app = await createApp({ storeUrl: `sqlite://${dir}/bench.sqlite`, dataDir: dir, appealsDir: BUNDLED_APPEALS, memberKeySecret: secret, moderatorIds: [], defaultTimezone: 'UTC' });
const scheduler = new ReminderScheduler({ ...app.deps, timer: systemTimer, notifiers: [quiet], posts: reminderPosts, logger: new RecordingLogger() });
await scheduler.start();
const appMs = performance.now() - started;
// performance.now() counts from the process start: Node, tsx compiling the sources, the imports, the app.
const ms = performance.now();
// Idle: a second later, after a collection.
await new Promise((resolve) => setTimeout(resolve, 1000));
(globalThis as { gc?: () => void }).gc?.();
const { rss, heapUsed } = process.memoryUsage();
scheduler.stop();
await app.close();
process.stdout.write(`${JSON.stringify({ ms, appMs, rss, heapUsed })}\n`);
