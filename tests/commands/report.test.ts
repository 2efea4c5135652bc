import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../src/app/cli.js';
import { actionsCsv } from '../../src/commands/report.js';
import { aDrive } from '../support/drives.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';

// The terminal's operator: the whole instance's rows (a moderator's report: tests/commands/walls.test.ts).
const mod = { userId: 'operator', moderator: true, operator: true };
const at = new Date('2026-11-28T09:00:00Z');

describe('/report with an export larger than the platform takes', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await testApp();
    const drive = aDrive({ appealId: 'ua-34-25', space: 'shell:local' });
    for (let i = 0; i < 5; i++) await app.deps.ledger.record({ drive, member: `member-${i}`, method: 'email', at });
  });
  afterEach(() => app.close());

  const csvBytes = async () => Buffer.byteLength(actionsCsv((await app.deps.ledger.export('ua-34-25')).map((r) => ({ ...r, appeal: 'ua-34-25' }))));

  it('sends the CSV gzipped when only the gzip fits, and says so', async () => {
    const limit = (await csvBytes()) - 1;
    const type = typer({ ...app.deps, attachmentLimit: () => limit });
    const reply = await type(mod, '/report ua-34-25');
    expect(reply.attachments).toHaveLength(1);
    expect(reply.attachments[0]).toMatchObject({ name: 'ua-34-25-actions.csv.gz', mimeType: 'application/gzip' });
    expect(reply.attachments[0]!.data.byteLength).toBeLessThanOrEqual(limit);
    expect(gunzipSync(reply.attachments[0]!.data).toString('utf8')).toBe(actionsCsv((await app.deps.ledger.export('ua-34-25')).map((r) => ({ ...r, appeal: 'ua-34-25' }))));
    expect(reply.plain).toContain('compressed as gzip');
  });

  it('sends no file when even the gzip is too large, and names the CLI command, in Spanish too', async () => {
    const type = typer({ ...app.deps, attachmentLimit: () => 100 });
    const reply = await type(mod, '/report ua-34-25');
    expect(reply.attachments).toEqual([]);
    expect(reply.plain).toContain('even compressed, more than this platform accepts');
    expect(reply.plain).toContain('npx actionbot report ua-34-25 --csv > ua-34-25-actions.csv');
    // No web server here: no download link either.
    expect(reply.buttons).toEqual([]);
    expect(reply.plain).toContain('Total: 5 actions');
    const spanish = await type({ ...mod, locale: 'es' }, '/report ua-34-25');
    expect(spanish.plain).toContain('incluso comprimido');
    expect(spanish.plain).toContain('npx actionbot report ua-34-25 --csv');
  });
});

describe('actionbot report --csv', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-report-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes every action in time order, page by page, as the same text as the one-shot export', async () => {
    const app = await testApp({ dataDir: dir });
    const drive = aDrive({ appealId: 'ua-34-25', space: 'telegram:-100' });
    await Promise.all(Array.from({ length: 2_500 }, (_, i) => app.deps.ledger.record({ drive, member: `m-${i}`, method: 'email', at: new Date(at.getTime() - i * 1000) })));
    const expected = actionsCsv((await app.deps.ledger.export('ua-34-25')).map((r) => ({ ...r, appeal: 'ua-34-25' })));
    await app.close();
    const out: string[] = [];
    const env = { STORE_URL: `sqlite://${join(dir, 'test.sqlite')}`, DATA_DIR: dir, MEMBER_KEY_SECRET: 'test-secret-0123456789abcdef-0123456789' };
    expect(await cli(['report', 'ua-34-25', '--csv'], { out: (s) => void out.push(s), err: () => undefined, env })).toBe(0);
    expect(out.join('')).toBe(expected);
    // The header, then pages of 1,000 rows: never the whole export as one string.
    expect(out.length).toBe(4);
    const times = out.join('').trim().split('\r\n').slice(1).map((line) => line.split(',')[0]!);
    expect(times).toHaveLength(2_500);
    expect([...times].sort()).toEqual(times);
  });
});
