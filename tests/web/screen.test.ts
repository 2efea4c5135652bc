import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountDrivePages } from '../../src/web/index.js';
import type { DrivePages } from '../../src/web/page/routes.js';
import { renderScreen, screenCases } from '../../src/web/page/screen.js';
import { loadView } from '../../src/web/page/view.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

type Box = { width: number; height: number; scrollWidth: number; scrollHeight: number };
type Doc = {
  documentElement: { scrollWidth: number; scrollHeight: number };
  getElementById(id: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ scrollWidth: number; clientWidth: number; getBoundingClientRect(): { bottom: number; right: number } }>;
};
type Win = { innerWidth: number; innerHeight: number; document: Doc; getComputedStyle(el: unknown): { fontSize: string } };

/** The page's size against the window's, and the px size of the type of `selector`'s first element. */
async function measure(page: Page, selector: string): Promise<Box & { font: number; outside: number }> {
  return page.evaluate((sel) => {
    const w = globalThis as unknown as Win;
    const all = Array.from(w.document.querySelectorAll('body *'));
    const outside = all.filter((el) => el.getBoundingClientRect().bottom > w.innerHeight + 0.5 || el.getBoundingClientRect().right > w.innerWidth + 0.5).length;
    const el = w.document.querySelectorAll(sel)[0];
    return { width: w.innerWidth, height: w.innerHeight, scrollWidth: w.document.documentElement.scrollWidth, scrollHeight: w.document.documentElement.scrollHeight, font: parseFloat(w.getComputedStyle(el).fontSize), outside };
  }, selector);
}

describe.skipIf(!existsSync(CHROMIUM))('the projector view in Chromium', () => {
  let app: TestApp;
  let web: WebServer;
  let pages: DrivePages;
  let context: BrowserContext;
  let axeContext: BrowserContext;
  let profiles: string[] = [];
  let pageUrl: string;

  const say = (who: string, line: string, moderator = false) => typer(app.deps)({ userId: who, moderator }, line);

  beforeAll(async () => {
    app = await testApp({ now: '2026-11-28T10:00:00Z' });
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger: silent });
    // One live stream per address: the room's second screen must fall back to reading the state.
    pages = mountDrivePages(web, app.deps, silent, { limits: { perAddress: 1, total: 10 } });
    await say('operator', '/drive start ua-34-25 goal=10 deadline=2030-01-31 page=on', true);
    await say('ana', '/letter name="Ana Example" town="Lyon"');
    await say('ana', '/acted email');
    const [drive] = await app.deps.drives.listIn('shell:local');
    pageUrl = `http://127.0.0.1:${web.port}/d/${drive!.pageId}`;
    profiles = [await mkdtemp(join(tmpdir(), 'actionbot-screen-')), await mkdtemp(join(tmpdir(), 'actionbot-screen-axe-'))];
    context = await chromium.launchPersistentContext(profiles[0]!, { executablePath: CHROMIUM, headless: true, args: FLAGS });
    // axe is injected as a script: only this context lets it past the page's Content-Security-Policy.
    axeContext = await chromium.launchPersistentContext(profiles[1]!, { executablePath: CHROMIUM, headless: true, args: FLAGS, bypassCSP: true });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await axeContext?.close();
    pages?.stop();
    await web?.stop();
    await app?.close();
    for (const profile of profiles) await rm(profile, { recursive: true, force: true });
  });

  it.each(SIZES)('fits $width x $height without scrolling, in type read from the back of a room', async (size) => {
    const page = await context.newPage();
    await page.setViewportSize(size);
    await page.goto(`${pageUrl}?screen=1`, { waitUntil: 'load' });
    const total = await measure(page, '#screen-count');
    expect(total.scrollWidth).toBeLessThanOrEqual(size.width);
    expect(total.scrollHeight).toBeLessThanOrEqual(size.height);
    expect(total.outside).toBe(0);
    // The total a fifth of the screen's height; each case at least 1/20 of it (43 px on a 720 p beamer).
    expect(total.font).toBeGreaterThanOrEqual(size.height * 0.2);
    expect((await measure(page, '#screen-cases li')).font).toBeGreaterThanOrEqual(size.height * 0.05);
    expect(await page.locator('#screen-cases li').allTextContents()).toEqual(['1.Stop illegal expulsions to El Salvador1 of 10']);
    if (process.env.SCREENSHOT) await page.screenshot({ path: `/tmp/ev/screen-${size.width}.png` });
    await page.close();
  }, 60_000);

  it('moves the total and the case live, and by reading the state when the live updates are capped', async () => {
    // The room's first screen takes the address's one stream; the second is refused and polls.
    const first = await context.newPage();
    const streaming = first.waitForResponse((r) => r.url().endsWith('/events') && r.status() === 200);
    await first.goto(`${pageUrl}?screen=1`, { waitUntil: 'load' });
    await streaming;
    const second = await context.newPage();
    const refused = second.waitForResponse((r) => r.url().endsWith('/events') && r.status() === 429);
    await second.goto(`${pageUrl}?screen=1`, { waitUntil: 'load' });
    await refused;
    await say('bob', '/acted post');
    const moved = () => {
      const doc = (globalThis as unknown as Win).document;
      return doc.getElementById('screen-count')?.textContent === '2' && (doc.getElementById('screen-cases')?.textContent ?? '').includes('2 of 10');
    };
    await first.waitForFunction(moved);
    await second.waitForFunction(moved, undefined, { timeout: 15_000 });
    await first.close();
    await second.close();
  }, 60_000);

  it('shows no member data: no name, member key, space or note', async () => {
    const html = await (await fetch(`${pageUrl}?screen=1`)).text();
    for (const secret of ['Ana Example', 'Lyon', 'shell:local', app.deps.memberKey('shell', 'ana')]) expect(html).not.toContain(secret);
  });

  it.each(SIZES)('passes axe (WCAG 2.1 AA and best practice) at $width x $height', async (size) => {
    const page = await axeContext.newPage();
    await page.setViewportSize(size);
    await page.goto(`${pageUrl}?screen=1`, { waitUntil: 'load' });
    await page.addScriptTag({ content: AXE });
    type Result = { violations: Array<{ id: string; nodes: unknown[] }>; passes: Array<{ id: string }> };
    const result = await page.evaluate(() => (globalThis as unknown as { axe: { run(o: unknown): Promise<Result> } }).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
    expect(result.violations.map((v) => v.id)).toEqual([]);
    // The rules the brief names did run and pass.
    expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['color-contrast', 'html-has-lang', 'landmark-one-main', 'page-has-heading-one', 'region']));
    await page.close();
  }, 60_000);

  it("counts the tables' letters in the big number and says their share, never an entry's note", async () => {
    await say('operator', '/tally add 5 post note="Back table by the window"', true);
    app.clock.advance(5_000); // past the page cache
    const html = await (await fetch(`${pageUrl}?screen=1`)).text();
    // Two members' actions (ana's email, bob's letter) and the table's five.
    expect(html).toContain('<span id="screen-count">7</span>');
    expect(html).toContain('5 letters written at events');
    expect(html).toContain('<span class="count">7 <span class="goal">of 10</span>');
    expect(html).not.toContain('Back table');
  });

  it('fits ten cases with long titles on a 1280 x 720 beamer, in two columns', async () => {
    const view = (await loadView(app.deps, pageUrl.split('/d/')[1]!))!;
    const [one] = screenCases(view);
    const cases = Array.from({ length: 10 }, (_, i) => ({ ...one!, number: i + 1, title: `${one!.title}: a long case title that goes on and on ${i + 1}`, count: 1000 + i }));
    const page = await axeContext.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.setContent(renderScreen(view, cases));
    const box = await measure(page, '#screen-cases li');
    if (process.env.SCREENSHOT) await page.screenshot({ path: '/tmp/ev/screen-ten.png' });
    expect(box.scrollHeight).toBeLessThanOrEqual(720);
    expect(box.scrollWidth).toBeLessThanOrEqual(1280);
    expect(box.outside).toBe(0);
    expect(box.font).toBeGreaterThanOrEqual(24);
    expect(await page.locator('#screen-cases li .count').allTextContents()).toEqual(cases.map((c) => `${c.count} of 10`));
    await page.close();
  }, 60_000);
});
