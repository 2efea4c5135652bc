import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handle, type Invocation } from '../../src/commands/index.js';
import { mountDrivePages } from '../../src/web/index.js';
import type { DrivePages } from '../../src/web/page/routes.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { testApp, type TestApp } from '../support/app.js';

/** Debian's chromium; `.ci/run` installs it with apt-get when missing. Nothing is downloaded here. */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const ARTIFACTS = '.ci/artifacts';
const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };
const require = createRequire(import.meta.url);

describe.skipIf(!existsSync(CHROMIUM))('the drive page in Chromium', () => {
  let app: TestApp;
  let web: WebServer;
  let pages: DrivePages;
  let context: BrowserContext;
  let profile: string;
  let pageUrl: string;

  const say = (who: string, line: string, moderator = false) => {
    const [name = '', ...rest] = line.replace(/^\//, '').split(' ');
    const invocation: Invocation = { name, text: rest.join(' '), actor: { platform: 'shell', userId: who }, space: { id: 'shell:local', kind: 'group' }, isModerator: async () => moderator };
    return handle(invocation, app.deps, silent);
  };

  beforeAll(async () => {
    app = await testApp({ now: '2026-11-28T10:00:00Z' });
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger: silent });
    pages = mountDrivePages(web, app.deps, silent);
    await say('operator', '/drive start ua-34-25 goal=10 deadline=2030-01-31 page=on', true);
    for (const who of ['ana', 'bob', 'eve']) {
      app.clock.advance(2 * 3_600_000);
      await say(who, '/acted email');
    }
    const [drive] = await app.deps.drives.listIn('shell:local');
    pageUrl = `http://127.0.0.1:${web.port}/d/${drive!.pageId}`;
    profile = await mkdtemp(join(tmpdir(), 'actionbot-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 412, height: 915 } });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    pages?.stop();
    await web?.stop();
    await app?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('renders the chart, shows a new action without a reload, stays on this host and passes axe', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    const hosts = new Set<string>();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:') hosts.add(url.host);
    });

    await page.goto(pageUrl, { waitUntil: 'load' });
    await expect.poll(() => page.locator('#drive-count').textContent()).toBe('3');
    const chart = page.locator('#chart svg[role="img"]');
    await expect.poll(() => chart.isVisible()).toBe(true);
    expect((await chart.boundingBox())!.width).toBeGreaterThan(300);
    expect(await page.locator('h1').textContent()).toBe('Stop illegal expulsions to El Salvador');
    // Wait for the event stream to be open before acting, as a reader of the page would be.
    await expect.poll(() => pages.hub.open).toBe(1);

    const before = Date.now();
    await say('zoe', '/acted post');
    // A function, not a string: the page's CSP forbids eval, and a string predicate is evaluated with it.
    type Page = { document: { getElementById(id: string): { textContent: string | null } | null } };
    await page.waitForFunction(() => (globalThis as unknown as Page).document.getElementById('drive-count')?.textContent === '4', null, { timeout: 5_000 });
    expect(Date.now() - before).toBeLessThan(5_000);
    expect(await page.locator('#chart').textContent()).toContain('posted letter: 1');
    expect(await page.locator('#by-method').textContent()).toContain('posted letter1');
    expect(await page.evaluate("performance.getEntriesByType('navigation').length")).toBe(1);

    await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
    type Violation = { id: string; impact: string; help: string };
    const results = (await page.evaluate('axe.run().then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help })))')) as Violation[];
    expect(results.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'drive-page.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect([...hosts]).toEqual([`127.0.0.1:${web.port}`]);
    // What the load weighed on the wire, headers included; the event stream stays open and is left out.
    const weight = Number(
      await page.evaluate("[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].filter((e) => !e.name.endsWith('/events')).reduce((sum, e) => sum + e.transferSize, 0)"),
    );
    expect(weight).toBeGreaterThan(5_000);
    expect(weight).toBeLessThan(100_000);
    await page.close();
  }, 60_000);
});
