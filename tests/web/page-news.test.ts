import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { mountDrivePages } from '../../src/web/index.js';
import type { DrivePages } from '../../src/web/page/routes.js';
import { communityAppealId } from '../../src/core/appeal-view.js';
import { communityOf } from '../../src/core/walls.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };

describe('the drive page shows the appeal\'s news, within walls', () => {
  let app: TestApp;
  let web: WebServer;
  let pages: DrivePages;

  beforeEach(async () => {
    app = await testApp({ now: '2026-12-01T10:00:00Z' });
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger: silent, publicUrl: 'https://drives.example.org' });
    pages = mountDrivePages(web, app.deps, silent, { intervalMs: 100, limits: { perAddress: 2, total: 3 }, cacheMs: 0 });
  });
  afterEach(async () => {
    pages.stop();
    await web.stop();
    await app.close();
  });

  it('lists this community\'s and the operator\'s news, newest first, and never another community\'s', async () => {
    const inA = typer(app.deps, 'telegram:-100');
    const inB = typer(app.deps, 'telegram:-200');
    const mod = { userId: 'mod', moderator: true, platform: 'telegram' };
    await inA(mod, '/drive start ua-34-25 deadline=2026-12-20 page=on');
    await inB(mod, '/drive start ua-34-25 deadline=2026-12-20');
    await inA(mod, '/news post ua-34-25 text="The minister answered our group." deadline=2027-01-15');
    await inB(mod, '/news post ua-34-25 text="Only for group B <b>."');
    app.clock.advance(86_400_000);
    await typer(app.deps, 'shell:local')({ userId: 'local', operator: true }, '/news post ua-34-25 text="Released!" outcome=good');
    const [drive] = await app.deps.drives.listIn('telegram:-100');
    const html = await (await fetch(`http://127.0.0.1:${web.port}/d/${drive!.pageId}`)).text();
    expect(html).toContain('<h2 id="h-news">What happened</h2>');
    expect(html).toMatch(/Wednesday, December 2, 2026, good news:<\/strong> Released!.*Tuesday, December 1, 2026, update:<\/strong> The minister answered our group\. New deadline: Friday, January 15, 2027\./s);
    expect(html).not.toContain('Only for group B');
  });

  it("shows the letter the drive's members get: their community's own copy of the shared appeal, never another's", async () => {
    const inA = typer(app.deps, 'telegram:-100');
    const inB = typer(app.deps, 'telegram:-200');
    const mod = { userId: 'mod', moderator: true, platform: 'telegram' };
    await inA(mod, '/drive start ua-34-25 deadline=2026-12-20 page=on');
    await inB(mod, '/drive start ua-34-25 deadline=2026-12-20 page=on');
    const shared = (await app.deps.appeals.get('ua-34-25'))!;
    const official = shared.targets.find((t) => !t.copy)!;
    const community = communityOf('telegram:-100');
    const copy = { ...shared, id: communityAppealId('ua-34-25', community), targets: [{ ...official, name: 'Governor Aron Example', emails: ['governor@example.gov'] }] };
    await app.catalog.saveFor(community, copy, { who: 'mod', where: 'test' }, app.clock.now());
    const page = async (space: string) => {
      const [drive] = await app.deps.drives.listIn(space);
      return (await fetch(`http://127.0.0.1:${web.port}/d/${drive!.pageId}`)).text();
    };
    const own = await page('telegram:-100');
    expect(own).toContain('Governor Aron Example');
    expect(own).not.toContain(official.name);
    const other = await page('telegram:-200');
    expect(other).toContain(official.name);
    expect(other).not.toContain('Aron Example');
  });

  it('shows each round of the appeal, this group\'s actions in it, the open one marked; the tally is their sum', async () => {
    const inA = typer(app.deps, 'telegram:-100');
    const mod = { userId: 'mod', moderator: true, platform: 'telegram' };
    await inA(mod, '/drive start ua-34-25 deadline=2026-12-20 page=on');
    await inA({ userId: '1', platform: 'telegram' }, '/acted email');
    await inA({ userId: '2', platform: 'telegram' }, '/acted post');
    const [drive] = await app.deps.drives.listIn('telegram:-100');
    const before = await (await fetch(`http://127.0.0.1:${web.port}/d/${drive!.pageId}`)).text();
    expect(before).not.toContain('id="h-rounds"');
    await inA(mod, '/news post ua-34-25 text="Round two." deadline=2027-01-15');
    await inA({ userId: '1', platform: 'telegram' }, '/acted email');
    const html = await (await fetch(`http://127.0.0.1:${web.port}/d/${drive!.pageId}`)).text();
    expect(html).toContain('<h2 id="h-rounds">Rounds</h2>');
    expect(html).toContain('<tr><th scope="row">Round 1</th><td>2</td><td></td></tr><tr><th scope="row">Round 2</th><td>1</td><td>now</td></tr>');
    expect(html).toMatch(/3 actions/);
  });
});
