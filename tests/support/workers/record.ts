// Records actions from a separate OS process: `record.ts REDIS_URL PREFIX FIRST COUNT SHARED`.
import { openStore } from '../../../src/core/store.js';
import { aDrive } from '../drives.js';

const [url, prefix, first, count, shared] = process.argv.slice(2);
const store = await openStore(url!, { prefix: prefix! });
const drive = aDrive({ appealId: 'ua-race' });
const at = new Date('2026-06-01T12:00:00Z');
const members = [
  ...Array.from({ length: Number(count) }, (_, i) => `m${Number(first) + i}`),
  // Members every process records too: the same person's retried delivery arriving at another process.
  ...Array.from({ length: Number(shared) }, (_, i) => `m${i}`),
];
let created = 0;
await Promise.all(
  members.map(async (member) => {
    if ((await store.ledger.record({ drive, member, method: 'email', at })).created) created += 1;
  }),
);
process.stdout.write(JSON.stringify({ created }));
await store.close();
