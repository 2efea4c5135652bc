// Records members FIRST.. in waves of WAVE at once on one store, printing "+member" (counted) or
// "=member" (already counted) as each answer arrives, until killed or COUNT are done:
// `record-stream.ts STORE_URL FIRST COUNT WAVE`.
import { openStore } from '../../../src/core/store.js';
import { aDrive } from '../drives.js';

const [url, first, count, wave] = process.argv.slice(2);
const store = await openStore(url!);
const drive = aDrive({ appealId: 'ua-crash' });
const at = new Date('2026-06-01T12:00:00Z');
for (let start = 0; start < Number(count); start += Number(wave)) {
  const members = Array.from({ length: Math.min(Number(wave), Number(count) - start) }, (_, i) => `m${Number(first) + start + i}`);
  await Promise.all(
    members.map(async (member) => {
      const { created } = await store.ledger.record({ drive, member, method: 'email', at });
      process.stdout.write(`${created ? '+' : '='}${member}\n`);
    }),
  );
}
await store.close();
