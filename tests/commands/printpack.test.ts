import { threadId } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handle, type Invocation } from '../../src/commands/index.js';
import { testApp, type TestApp } from '../support/app.js';
import { RecordingLogger } from '../support/logger.js';
import { typer } from '../support/invoke.js';
import { readPdf } from '../core/kit/read-pdf.js';
import { addCampaignCases } from '../support/campaign.js';

const admin = { userId: 'admin', moderator: true, platform: 'telegram' };
const member = { userId: 'member', platform: 'telegram' };

describe('/printpack', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(() => app.close());

  it("sends the moderator the drive's pack privately, made in another thread", async () => {
    const group = typer(app.deps, 'telegram:-100');
    await group(admin, '/drive start ua-34-25 goal=100 deadline=2030-01-31');
    const reply = await group(admin, '/printpack');
    expect(reply.visibility).toBe('private');
    expect(reply.plain).toMatch(/print pack for .*: 1 case, each on its own page, and a tally sheet/);
    const [file] = reply.attachments;
    expect(file).toMatchObject({ name: 'ua-34-25-printpack.pdf', mimeType: 'application/pdf' });
    const read = await readPdf(file!.data);
    expect(read.pages[0]).toContain('Case 1 of 1 · UA 34.25');
    expect(read.pages.at(-1)).toContain('Tally sheet');
    expect(app.printPacks.threads).toHaveLength(1);
    expect(app.printPacks.threads[0]).not.toBe(threadId);
  });

  it("prints each case of a campaign, in the drive's order, and a tally sheet row for each", async () => {
    await addCampaignCases(app.deps, app.clock.now());
    const group = typer(app.deps, 'telegram:-100');
    await group(admin, '/drive start ua-2-26,ua-34-25,ua-1-26 goal=500 deadline=2030-01-31');
    const [drive] = await app.deps.drives.listIn('telegram:-100');
    const reply = await group(admin, '/printpack');
    expect(reply.plain).toMatch(/3 cases, each on its own page/);
    const [file] = reply.attachments;
    expect(file!.name).toBe(`${drive!.id}-printpack.pdf`);
    const read = await readPdf(file!.data);
    const openings = read.pages.map((page) => /Case (\d) of 3 · (UA [\d.]+)/.exec(page)?.slice(1, 3).join(' ')).filter(Boolean);
    expect(openings).toEqual(['1 UA 2.26', '2 UA 34.25', '3 UA 1.26']);
    const sheet = read.pages.at(-1)!;
    expect(sheet).toContain('Tally sheet');
    for (const title of ['Third case', 'Second case']) expect(sheet).toContain(title);
  });

  it('refuses a member, and a group without a drive, writing nothing', async () => {
    const group = typer(app.deps, 'telegram:-100');
    const refused = await group(member, '/printpack');
    expect(refused.attachments).toHaveLength(0);
    expect(refused.plain).toMatch(/moderator/i);
    const none = await group(admin, '/printpack');
    expect(none.attachments).toHaveLength(0);
    expect(app.printPacks.threads).toHaveLength(0);
  });

  it('gives nothing in a private chat, where nobody is a moderator', async () => {
    await typer(app.deps, 'telegram:-100')(admin, '/drive start ua-34-25 goal=100 deadline=2030-01-31');
    const invocation: Invocation = { name: 'printpack', text: 'ua-34-25', actor: { platform: 'telegram', userId: 'admin' }, space: { id: 'telegram:admin', kind: 'private' }, isModerator: async () => true };
    const reply = await handle(invocation, app.deps, new RecordingLogger());
    expect(reply.attachments).toHaveLength(0);
    expect(JSON.stringify(reply.blocks)).toContain('a private chat makes nobody a moderator');
    expect(app.printPacks.threads).toHaveLength(0);
  });

  it("will not print another group's drive", async () => {
    await typer(app.deps, 'telegram:-100')(admin, '/drive start ua-34-25 goal=100 deadline=2030-01-31');
    const [drive] = await app.deps.drives.listIn('telegram:-100');
    const stranger = typer(app.deps, 'telegram:-200');
    const reply = await stranger({ userId: 'other-admin', moderator: true, platform: 'telegram' }, `/printpack ua-34-25`);
    expect(reply.attachments).toHaveLength(0);
    expect(drive).toBeDefined();
    expect(reply.plain).toMatch(/No drive for ua-34-25 is running here/);
  });
});
