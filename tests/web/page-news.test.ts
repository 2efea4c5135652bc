import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { mountDrivePages } from '../../src/web/index.js';
import type { DrivePages } from '../../src/web/page/routes.js';
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
});
