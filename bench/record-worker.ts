// One of several processes writing to Redis: `record-worker.ts record|baseline URL PREFIX FIRST COUNT IN_FLIGHT`.
// `record` goes through the ledger; `baseline` is a raw keyv set of the same number of keys.
import { openStore } from '../src/core/store.js';
import { aDrive } from '../tests/support/drives.js';
import { runConcurrent } from './lib.js';

const [mode, url, prefix, first, count, inFlight] = process.argv.slice(2);
const store = await openStore(url!, { prefix: prefix! });
const drive = aDrive({ appealId: 'ua-bench' });
const at = new Date('2026-06-01T12:00:00Z');
const { latencies, wallMs } = await runConcurrent(Number(count), Number(inFlight), (i) =>
  mode === 'record'
    ? store.ledger.record({ drive, member: `member-${Number(first) + i}`, method: 'email', at })
    : store.kv.set(`baseline:${Number(first) + i}`, { at: at.toISOString(), space: drive.space }),
);
process.stdout.write(JSON.stringify({ latencies, wallMs }));
await store.close();
