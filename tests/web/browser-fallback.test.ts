import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handle, type Invocation } from '../../src/commands/index.js';
import { mountDrivePages } from '../../src/web/index.js';
import type { DrivePages } from '../../src/web/page/routes.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { testApp, type TestApp } from '../support/app.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };

/** A room whose phones share one address: one live stream is allowed, the other pages poll the state. */
describe.skipIf(!existsSync(CHROMIUM))('the drive page over the live-update cap, in Chromium', () => {
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
    pages = mountDrivePages(web, app.deps, silent, { limits: { perAddress: 1, total: 10 } });
    await say('operator', '/drive start ua-34-25 goal=10 deadline=2030-01-31 page=on', true);
    await say('ana', '/acted email');
    const [drive] = await app.deps.drives.listIn('shell:local');
    pageUrl = `http://127.0.0.1:${web.port}/d/${drive!.pageId}`;
    profile = await mkdtemp(join(tmpdir(), 'actionbot-chromium-cap-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    pages?.stop();
    await web?.stop();
    await app?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('shows the total moving on a page whose stream was refused, by reading the state instead', async () => {
    const first = await context.newPage();
    const streaming = first.waitForResponse((r) => r.url().endsWith('/events') && r.status() === 200);
    await first.goto(pageUrl, { waitUntil: 'load' });
    await streaming;
    expect(pages.hub.open).toBe(1);
    const second = await context.newPage();
    const refused = second.waitForResponse((r) => r.url().endsWith('/events') && r.status() === 429);
    await second.goto(pageUrl, { waitUntil: 'load' });
    await refused;
    expect(await second.locator('#drive-count').textContent()).toBe('1');

    await say('bob', '/acted post');
    type Page = { document: { getElementById(id: string): { textContent: string | null } | null } };
    const moved = () => (globalThis as unknown as Page).document.getElementById('drive-count')?.textContent === '2';
    // The stream's page hears it at once; the refused one on its next read of /state.
    await first.waitForFunction(moved);
    await second.waitForFunction(moved);
    expect(pages.hub.open).toBe(1);
  }, 60_000);
});
