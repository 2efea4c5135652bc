import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_APPEALS, createApp, type App } from '../../src/app/app.js';
import { typer } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';

describe('a WAL sync that fails', () => {
  let dir: string;
  let app: App;
  let failing = false;
  const faults: string[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-sync-'));
    failing = false;
    faults.length = 0;
    // The disk refuses while `failing`: what fdatasync says when a write-back failed (EIO).
    const syncWal = async () => {
      if (failing) throw Object.assign(new Error('input/output error'), { code: 'EIO' });
    };
    app = await createApp(
      { storeUrl: `sqlite://${join(dir, 'actionbot.sqlite')}`, dataDir: dir, appealsDir: BUNDLED_APPEALS, memberKeySecret: 'sync-test-secret-0123456789abcdef', moderatorIds: [], defaultTimezone: 'UTC' },
      { onStoreFault: (line) => void faults.push(line), syncWal },
    );
  });
  afterEach(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('tells members their action may not be saved, tells the operator once, and is not ready until a sync succeeds', async () => {
    const logger = new RecordingLogger();
    const type = typer(app.deps, 'shell:local', logger);
    await type({ userId: 'mod', moderator: true }, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
    failing = true;
    const answers = await Promise.all(['ana', 'bo', 'cy'].map((userId) => type({ userId }, '/acted email')));
    for (const answer of answers) {
      expect(answer.plain).toContain('may not have been saved');
      expect(answer.plain).not.toMatch(/nothing was recorded|is counted/);
    }
    // One line for the operator, not one per member.
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatch(/could not sync .* to disk: EIO/);
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    // /readyz says why without the file's path; the operator's detail names it.
    expect(await app.store.health()).toEqual({ ok: false, reason: 'the SQLite store could not sync to disk', detail: expect.stringMatching(/could not sync .*actionbot\.sqlite to disk: EIO/) });
    expect(await app.store.health()).toMatchObject({ ok: false });

    // The disk heals: the next health check syncs again and is ready; members are told "counted" again.
    failing = false;
    expect(await app.store.health()).toEqual({ ok: true });
    expect((await type({ userId: 'dee' }, '/acted email')).plain).toContain('is counted');
    // What was committed before the failure is counted (it may not have survived a power cut; the process lived on).
    expect((await type({ userId: 'ana' }, '/acted email')).plain).toContain('already counted');
    expect(faults).toHaveLength(1);
  });
});
