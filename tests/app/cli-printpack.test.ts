import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_APPEALS, createApp } from '../../src/app/app.js';
import { cli } from '../../src/app/cli.js';
import { parseConfig } from '../../src/app/config.js';
import { readPdf } from '../core/kit/read-pdf.js';
import { typer } from '../support/invoke.js';

function capture(env: Record<string, string | undefined>) {
  const seen = { out: '', err: '' };
  return { seen, io: { out: (s: string) => void (seen.out += s), err: (s: string) => void (seen.err += s), env } };
}

describe('actionbot printpack', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-cli-pack-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  async function startDrive(space: string): Promise<string> {
    const app = await createApp(parseConfig({ APPEALS_DIR: BUNDLED_APPEALS, DATA_DIR: dataDir }));
    try {
      await typer(app.deps, space)({ userId: 'admin', moderator: true }, '/drive start ua-34-25 goal=100 deadline=2030-01-31');
      return (await app.deps.drives.listIn(space))[0]!.id;
    } finally {
      await app.close();
    }
  }

  it("writes the drive's pack to --out FILE, named by the appeal of its one drive or by the drive's id", async () => {
    const id = await startDrive('shell:local');
    const { seen, io } = capture({ DATA_DIR: dataDir });
    const file = join(dataDir, 'table.pdf');
    expect(await cli(['printpack', 'ua-34-25', '--out', file], io)).toBe(0);
    expect(seen.out).toMatch(/table\.pdf: 1 case\(s\) and a tally sheet, \d+ bytes/);
    const read = await readPdf(new Uint8Array(await readFile(file)));
    expect(read.pages[0]).toContain('Case 1 of 1 · UA 34.25');
    expect(read.pages.at(-1)).toContain('Tally sheet');
    // Never over a file that exists.
    expect(await cli(['printpack', id, '--out', file], io)).toBe(1);
    expect(seen.err).toBe(`actionbot printpack: ${file} exists; give another --out FILE\n`);
    expect(await cli(['printpack', id, '--out', join(dataDir, 'by-id.pdf')], io)).toBe(0);
  }, 30_000);

  it('fails in one line when no drive runs, or several run the appeal, and asks --out for its file', async () => {
    const { seen, io } = capture({ DATA_DIR: dataDir });
    expect(await cli(['printpack', 'ua-34-25'], io)).toBe(1);
    expect(seen.err).toMatch(/^actionbot printpack: no drive "ua-34-25" is running;.*\n$/);
    await startDrive('telegram:-1');
    await startDrive('telegram:-2');
    const several = capture({ DATA_DIR: dataDir });
    expect(await cli(['printpack', 'ua-34-25'], several.io)).toBe(1);
    expect(several.seen.err).toMatch(/^actionbot printpack: several drives run "ua-34-25": give one of their ids: .*\(telegram:-1\), .*\(telegram:-2\)\n$/);
    const wrong = capture({ DATA_DIR: dataDir });
    expect(await cli(['printpack', 'ua-34-25', '--out'], wrong.io)).toBe(2);
    expect(wrong.seen.err).toMatch(/missing FILE after --out/);
  }, 30_000);
});
