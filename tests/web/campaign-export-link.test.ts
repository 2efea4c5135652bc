import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountExportLinks, startWebServer, type WebServer } from '../../src/web/index.js';
import { testApp, type TestApp } from '../support/app.js';
import { addCampaignCases } from '../support/campaign.js';
import { aDrive } from '../support/drives.js';
import { typer } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';

type Got = { status: number; body: Buffer; headers: Record<string, string | string[] | undefined> };

function get(url: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(url.replace('localhost', '127.0.0.1'), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headers: res.headers }));
      res.on('error', reject);
    });
    req.setTimeout(5_000, () => req.destroy(new Error(`no answer from ${url} within 5 s`)));
    req.on('error', reject).end();
  });
}

const mod = { userId: 'volunteer', moderator: true, platform: 'telegram' };

describe("a campaign's report too large for the platform: a download link for the whole campaign", () => {
  let app: TestApp;
  let web: WebServer;

  beforeEach(async () => {
    app = await testApp();
    const logger = new RecordingLogger();
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger });
    mountExportLinks(web, app.deps, app.exportTokens, logger);
    await addCampaignCases(app.deps, app.clock.now());
    const type = typer(app.deps, 'telegram:-100');
    expect((await type(mod, '/drive start ua-34-25,ua-1-26,ua-2-26 deadline=2030-01-31')).plain).toContain('Campaign started');
    await type({ userId: '1', platform: 'telegram' }, '/acted email 1');
    await type({ userId: '2', platform: 'telegram' }, '/acted post 2');
    await type({ userId: '3', platform: 'telegram' }, '/acted card 3');
    await type(mod, '/tally add 37 post 2 note="Library"');
    await type(mod, '/tally add 5 card 3');
    // Another community acting on the second case: not in this moderator's file or link.
    await app.deps.ledger.record({ drive: aDrive({ appealId: 'ua-1-26', space: 'slack:T9/C9' }), member: 'elsewhere', method: 'email', at: app.clock.now() });
  });
  afterEach(async () => {
    await web.stop();
    await app.close();
  });

  /** The report as a file (a roomy platform) and as a link (a platform taking 100 bytes). */
  async function fileAndLink(command: string): Promise<{ csv: string; plain: string; url: string }> {
    const roomy = await typer(app.deps, 'telegram:-100')(mod, command);
    const csv = new TextDecoder().decode(roomy.attachments.find((a) => a.name.endsWith('.csv'))!.data);
    const tight = await typer({ ...app.deps, attachmentLimit: () => 100 }, 'telegram:-100')(mod, command);
    expect(tight.visibility).toBe('private');
    expect(tight.attachments.filter((a) => a.name.includes('.csv'))).toEqual([]);
    const url = /^Download the CSV: (\S+)$/m.exec(tight.plain)?.[1];
    expect(url).toBeDefined();
    return { csv, plain: tight.plain, url: url! };
  }

  it("serves every case's member rows and the table rows, the same file /report would attach", async () => {
    const { csv, plain, url } = await fileAndLink('/report');
    expect(plain).toContain("members' actions of every case reported and the table counts");
    expect(plain).not.toContain('npx actionbot report');
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows.filter((r) => r.startsWith('member,'))).toHaveLength(3);
    expect(rows.filter((r) => r.startsWith('table,'))).toHaveLength(2);
    expect(csv).not.toContain('slack:T9/C9');
    const answer = await get(url, { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(gunzipSync(answer.body).toString('utf8')).toBe(csv);
  });

  it("gives one case's rows for a case's report, and refuses altered drive tokens with 404", async () => {
    const { csv, url } = await fileAndLink('/report 2');
    expect(csv).toContain('table,');
    expect(new Set(csv.trim().split('\r\n').slice(1).map((r) => r.split(',')[4]))).toEqual(new Set(['ua-1-26']));
    expect((await get(url)).body.toString('utf8')).toBe(csv);
    const token = url.slice(url.lastIndexOf('/') + 1);
    const base = url.slice(0, url.lastIndexOf('/') + 1);
    const [drive, appeal] = token.split('.')[0]!.slice(1).split('~') as [string, string];
    const refused = [
      token.replace(`~${appeal}.`, '~ua-2-26.'), // another case of the same drive
      token.replace(`~${appeal}.`, '.'), // the whole drive
      token.replace(`~${drive}`, '~AAAAAAAA'), // another drive
      token.slice(1).replace(`${drive}~`, ''), // read as an appeal's token
    ];
    for (const bad of refused) expect({ bad, status: (await get(`${base}${bad}`)).status }).toEqual({ bad, status: 404 });
  });
});
