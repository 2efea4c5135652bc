// One of several processes working in the same spaces at once, on one store:
// `spaces-burst.ts STORE_URL PREFIX DATA_DIR WORKER SPACES GO_AT` (GO_AT: the wall-clock ms at which all begin). In every space it tries to start the drive,
// schedules the drive's reminders, adds its own member's reminder and records two actions (its own
// member's, and one every worker records: a delivery retried through another process).
import { BUNDLED_APPEALS, createApp } from '../../../src/app/app.js';
import { caseRef } from '../../../src/core/drive.js';
import { UserInputError } from '../../../src/core/errors.js';

const [storeUrl, prefix, dataDir, worker, spaces, goAt] = process.argv.slice(2);
const app = await createApp(
  { storeUrl: storeUrl!, dataDir: dataDir!, appealsDir: BUNDLED_APPEALS, memberKeySecret: 'test-secret-0123456789abcdef-0123456789', moderatorIds: [], defaultTimezone: 'UTC' },
  { storePrefix: prefix === '-' ? undefined : prefix },
);
const appeal = (await app.deps.appeals.get('ua-34-25'))!;
const at = new Date('2026-06-01T12:00:00Z');
// Every process opened its store (and raced to migrate it); now they begin together.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(goAt) - Date.now())));
let started = 0;
let refused = 0;
await Promise.all(
  Array.from({ length: Number(spaces) }, async (_, i) => {
    const space = `telegram:-100${i}`;
    try {
      await app.deps.drives.start(appeal, space, { deadline: '2099-12-31' });
      started += 1;
    } catch (error) {
      if (!(error instanceof UserInputError && error.code === 'drive_exists')) throw error;
      refused += 1;
    }
    const [drive] = await app.deps.drives.openIn(space);
    await app.deps.drives.update(drive!, { reminders: { offsets: [`${Number(worker) + 1}d`], at: '10:00' } });
    await app.deps.memberReminders.add({ driveId: drive!.id, member: `w${worker}-s${i}`, platform: 'telegram', userId: `${worker}${i}`, due: '2099-12-20T10:00:00.000Z' }, at);
    await app.deps.ledger.record({ drive: caseRef(drive!, appeal.id), member: `w${worker}-s${i}`, method: 'email', at });
    await app.deps.ledger.record({ drive: caseRef(drive!, appeal.id), member: `shared-s${i}`, method: 'post', at });
  }),
);
process.stdout.write(JSON.stringify({ started, refused }));
await app.close();
