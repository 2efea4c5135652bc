import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runShell } from '../../src/adapters/shell/index.js';
import { cli } from '../../src/app/cli.js';
import { EXPORT_LINK_TTL_MS, exportLinkKey, exportTokens } from '../../src/core/export/link.js';
import { exportRoute } from '../../src/web/export-route.js';
import { mountExportLinks, startWebServer, type WebServer } from '../../src/web/index.js';
import { testApp, type TestApp } from '../support/app.js';
import { aDrive } from '../support/drives.js';
import { typer } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';

const SECRET = 'test-secret-0123456789abcdef-0123456789';
const at = new Date('2026-11-27T09:00:00Z');

type Got = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A GET as a browser or curl sends it: the raw bytes, nothing decoded on the way. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    // A request the server holds (a download slot it should have refused) fails the test quickly.
    req.setTimeout(5_000, () => req.destroy(new Error(`no answer from ${url} within 5 s`)));
    req.on('error', reject).end();
  });
}

describe('/report with a private export link, when the bot serves HTTP', () => {
  let app: TestApp;
  let web: WebServer;
  let logger: RecordingLogger;

  beforeEach(async () => {
    app = await testApp();
    logger = new RecordingLogger();
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger });
    mountExportLinks(web, app.deps, app.exportTokens, logger);
    // Two spaces and more than one page of rows (the ledger reads 1,000 at a time).
    const drives = [aDrive({ appealId: 'ua-34-25', space: 'telegram:-100' }), aDrive({ appealId: 'ua-34-25', space: 'slack:T1/C1' })];
    await Promise.all(Array.from({ length: 2_500 }, (_, i) => app.deps.ledger.record({ drive: drives[i % 2]!, member: `m-${i}`, method: 'email', at: new Date(at.getTime() - i * 1000) })));
  });
  afterEach(async () => {
    await web.stop();
    await app.close();
  });

  /** What the operator CLI writes for the appeal, on the same store. */
  async function cliCsv(): Promise<string> {
    const out: string[] = [];
    const env = { STORE_URL: `sqlite://${join(app.dataDir, 'test.sqlite')}`, DATA_DIR: app.dataDir, MEMBER_KEY_SECRET: SECRET };
    expect(await cli(['report', 'ua-34-25', '--csv'], { out: (s) => void out.push(s), err: () => undefined, env })).toBe(0);
    return out.join('');
  }

  /** /report typed in the terminal adapter, on a platform whose file limit the export passes even gzipped. */
  async function reportInTerminal(): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const done = runShell({ deps: { ...app.deps, attachmentLimit: () => 1_000 }, logger, input, output, outboxDir: join(app.dataDir, 'outbox'), interactive: false });
    input.end('/report ua-34-25\n');
    await done;
    return text;
  }

  it('answers privately with a link whose download gunzips to the CLI export, and states the expiry', async () => {
    const out = await reportInTerminal();
    expect(out).toContain('── only operator sees this ──');
    expect(out).toContain('over 0.0 MB even compressed');
    expect(out).toContain('it works for one hour (until 2026-11-28 11:00 UTC) and only for this appeal');
    expect(out).not.toContain('npx actionbot report');
    expect(out).not.toContain('(attachment ua-34-25-actions');
    const url = /^Download the CSV: (http:\/\/localhost:\d+\/export\/\S+)$/m.exec(out)?.[1];
    expect(url).toBeDefined();
    const local = url!.replace('localhost', '127.0.0.1');

    const expected = await cliCsv();
    expect(expected.split('\r\n')).toHaveLength(2_502);
    const zipped = await get(local, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-disposition']).toBe('attachment; filename="ua-34-25-actions.csv"');
    expect(zipped.headers['cache-control']).toBe('private, no-store');
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(expected);
    // Nothing beyond the audit columns.
    expect(expected.split('\r\n')[0]).toBe('kind,time,space,platform,appeal,method,count,member_key,date,note');

    // A client that takes no gzip gets the same CSV as it is; the link works again within the hour.
    const plain = await get(local);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(expected);
  });

  it('refuses forged, altered, foreign and expired tokens with 404 or 410, and writes nothing', async () => {
    const url = /^Download the CSV: (http:\/\/localhost:\d+\/export\/\S+)$/m.exec(await reportInTerminal())![1]!.replace('localhost', '127.0.0.1');
    const token = url.slice(url.lastIndexOf('/') + 1);
    const [appeal, expires, signature] = token.split('.') as [string, string, string];
    const base = `http://127.0.0.1:${web.port}/export/`;
    const files = async () => Promise.all(['test.sqlite', 'test.sqlite-wal'].map(async (f) => createHash('sha256').update(await readFile(join(app.dataDir, f)).catch(() => Buffer.alloc(0))).digest('hex')));
    const before = await files();
    const tallyBefore = await app.deps.ledger.tally('ua-34-25');

    const refused = {
      forged: `${appeal}.${expires}.${'A'.repeat(43)}`,
      otherAppeal: `ua-34-26.${expires}.${signature}`,
      longerExpiry: `${appeal}.${(parseInt(expires, 36) + 86_400).toString(36)}.${signature}`,
      lastCharacter: `${appeal}.${expires}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      otherSecret: exportTokens(exportLinkKey('another-secret-0123456789abcdef-012345'), app.clock).sign('ua-34-25').token,
      // Genuinely signed, for an appeal the bot does not have.
      unknownAppeal: app.exportTokens.sign('ua-00-00').token,
      garbage: '..%2F..%2Fetc%2Fpasswd',
    };
    for (const [what, bad] of Object.entries(refused)) {
      const answer = await get(`${base}${bad}`, { 'accept-encoding': 'gzip' });
      expect({ what, status: answer.status }).toEqual({ what, status: 404 });
      expect(answer.body.toString()).toContain('This export link is not valid.');
      expect(answer.body.toString()).not.toContain('member');
    }
    expect((await get(`${base}a/b`)).status).toBe(404);
    expect((await get(url, {}, 'POST')).status).toBe(405);

    // The genuine link, an hour later: gone, said in the reader's language.
    app.clock.advance(EXPORT_LINK_TTL_MS);
    const expired = await get(url, { 'accept-language': 'es-ES,es;q=0.9' });
    expect(expired.status).toBe(410);
    expect(expired.body.toString()).toContain('ha caducado');
    expect((await get(url)).body.toString()).toContain('This export link has expired');

    expect(await files()).toEqual(before);
    expect(await app.deps.ledger.tally('ua-34-25')).toEqual(tallyBefore);
    // The token is a credential: not one line of the log carries it.
    expect(JSON.stringify(logger.entries)).not.toContain(signature);
  });

  it('answers in Spanish too, with the link in a private reply', async () => {
    const type = typer({ ...app.deps, attachmentLimit: () => 1_000 }, 'telegram:-100');
    const reply = await type({ userId: 'mod', moderator: true, locale: 'es', platform: 'telegram' }, '/report ua-34-25');
    expect(reply.visibility).toBe('private');
    expect(reply.attachments.filter((a) => a.name.endsWith('.csv') || a.name.endsWith('.csv.gz'))).toEqual([]);
    expect(reply.plain).toContain('funciona durante una hora (hasta 2026-11-28 11:00 UTC) y solo para esta apelación');
    const url = /^Descarga el CSV: (\S+)$/m.exec(reply.plain)?.[1];
    expect(url).toMatch(/^http:\/\/localhost:\d+\/export\/ua-34-25\./);
    const answer = await get(url!.replace('localhost', '127.0.0.1'), { 'accept-encoding': 'gzip' });
    // A moderator's link gives their own community's rows (issue 25): the operator's CLI file, less the Slack group's.
    const [header, ...rows] = (await cliCsv()).split('\r\n');
    const own = [header, ...rows.filter((row) => row === '' || row.split(',')[2] === 'telegram:-100')].join('\r\n');
    expect(own.length).toBeLessThan((await cliCsv()).length);
    expect(gunzipSync(answer.body).toString('utf8')).toBe(own);
  });

  it('serves two downloads at once and asks a third to come back, without reading its rows', async () => {
    // The ledger port, with rows that wait until released: two downloads stay open.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    const ledger = {
      async *exportRows() {
        reads++;
        await gate;
        yield { at: at.toISOString(), space: 'telegram:-1', platform: 'telegram', method: 'email' as const, member: 'key-1' };
      },
    };
    const busy = await startWebServer({ port: 0, host: '127.0.0.1', logger, routes: [exportRoute({ tokens: app.exportTokens, ledger, appeals: app.deps.appeals, logger })] });
    try {
      const url = `http://127.0.0.1:${busy.port}/export/${app.exportTokens.sign('ua-34-25').token}`;
      const open = [get(url), get(url)];
      for (let waited = 0; reads < 2 && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(reads).toBe(2);
      const third = await get(url);
      expect(third.status).toBe(503);
      expect(third.headers['retry-after']).toBe('60');
      expect(third.body.toString()).toContain('Try again in a minute');
      expect(reads).toBe(2);
      release();
      for (const answer of await Promise.all(open)) {
        expect(answer.status).toBe(200);
        expect(answer.body.toString()).toBe('kind,time,space,platform,appeal,method,count,member_key,date,note\r\nmember,2026-11-27T09:00:00.000Z,telegram:-1,telegram,ua-34-25,email,1,key-1,2026-11-27,\r\n');
      }
      // A slot is free again.
      expect((await get(url)).status).toBe(200);
    } finally {
      await busy.stop();
    }
  });

  it('cuts the connection when the store fails mid-file, and logs it without the token', async () => {
    const failing = {
      async *exportRows() {
        yield { at: at.toISOString(), space: 'telegram:-1', platform: 'telegram', method: 'email' as const, member: 'key-1' };
        throw new Error('disk gone');
      },
    };
    const appeals = { get: async (id: string) => (id === 'ua-34-25' ? {} : undefined) };
    const broken = { get: async () => Promise.reject(new Error('store down')) };
    const token = app.exportTokens.sign('ua-34-25').token;
    const servers = await Promise.all([
      startWebServer({ port: 0, host: '127.0.0.1', logger, routes: [exportRoute({ tokens: app.exportTokens, ledger: failing, appeals, logger })] }),
      startWebServer({ port: 0, host: '127.0.0.1', logger, routes: [exportRoute({ tokens: app.exportTokens, ledger: failing, appeals: broken, logger })] }),
    ]);
    try {
      // Not a whole file: the client sees the connection end early (no final chunk), whatever it had.
      await expect(get(`http://127.0.0.1:${servers[0].port}/export/${token}`)).rejects.toThrow();
      const down = await get(`http://127.0.0.1:${servers[1].port}/export/${token}`);
      expect(down.status).toBe(503);
      expect(down.body.toString()).toContain('could not be read just now');
      const failures = logger.entries.filter((e) => e.message === 'export download failed');
      expect(failures).toHaveLength(2);
      expect(JSON.stringify(logger.entries)).not.toContain(token.split('.')[2]);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
});
