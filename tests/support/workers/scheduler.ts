// One bot process that wakes up at NOW and posts what is due: `scheduler.ts REDIS_URL PREFIX NOW`, or
// `scheduler.ts sqlite-dir:DATA_DIR - NOW` for the SQLite store in that data folder.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reminderPosts } from '../../../src/commands/posts.js';
import { ReminderScheduler } from '../../../src/core/reminders/scheduler.js';
import { testApp } from '../app.js';
import { RecordingLogger } from '../logger.js';
import { FakeTimer, RecordingNotifier } from '../notifier.js';

const [url, prefix, now] = process.argv.slice(2);
const app = url!.startsWith('sqlite-dir:')
  ? await testApp({ dataDir: url!.slice('sqlite-dir:'.length), now: now! })
  : await testApp({ redisUrl: url!, storePrefix: prefix!, now: now!, dataDir: await mkdtemp(join(tmpdir(), 'actionbot-worker-')) });
const notifier = new RecordingNotifier('shell');
const scheduler = new ReminderScheduler({ ...app.deps, timer: new FakeTimer(), notifiers: [notifier], posts: reminderPosts, logger: new RecordingLogger() });
await scheduler.start();
scheduler.stop();
process.stdout.write(JSON.stringify(notifier.posts.map((p) => p.text.split('\n')[0])));
await app.close();
