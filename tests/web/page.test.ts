import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { get, type ClientRequest } from 'node:http';
import { startWebServer, type Route, type WebServer } from '../../src/web/server.js';
import { mountDrivePages } from '../../src/web/index.js';
import type { DrivePages } from '../../src/web/page/routes.js';
import { testApp, type TestApp } from '../support/app.js';
import { pngSize } from '../support/png.js';
import { handle, type Invocation } from '../../src/commands/index.js';

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };
const SPACE = 'telegram:-100';

function say(app: TestApp, who: string, line: string, moderator = false) {
  const [name = '', ...rest] = line.replace(/^\//, '').split(' ');
  const invocation: Invocation = { name, text: rest.join(' '), actor: { platform: 'telegram', userId: who }, space: { id: SPACE, kind: 'group' }, isModerator: async () => moderator };
  return handle(invocation, app.deps, silent);
}

/** Reads server-sent events until `want` says it has what it needs. */
async function readEvents(url: string, want: (events: Array<Record<string, unknown>>) => boolean, timeoutMs = 5_000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: Array<Record<string, unknown>> = [];
  try {
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.getReader();
    let buffer = '';
    while (!want(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, end));
        if (data) events.push(JSON.parse(data[1]!) as Record<string, unknown>);
        buffer = buffer.slice(end + 2);
      }
    }
    return events;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

describe('the drive page', () => {
  let app: TestApp;
  let web: WebServer;
  let pages: DrivePages;
  let base: string;
  let pageUrl: string;

  beforeEach(async () => {
    app = await testApp({ now: '2026-11-28T10:00:00Z' });
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger: silent, publicUrl: 'https://drives.example.org' });
    pages = mountDrivePages(web, app.deps, silent, { intervalMs: 100, limits: { perAddress: 2, total: 3 }, cacheMs: 0 });
    base = `http://127.0.0.1:${web.port}`;
    await say(app, 'mod', '/drive start ua-34-25 goal=10 deadline=2030-01-31 page=on', true);
    const [drive] = await app.deps.drives.listIn(SPACE);
    expect(drive?.pageId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    pageUrl = `${base}/d/${drive!.pageId}`;
    for (const who of ['ana', 'bob', 'eve']) {
      app.clock.advance(3_600_000);
      await say(app, who, '/acted email');
    }
  });
  afterEach(async () => {
    pages.stop();
    await web.stop();
    await app.close();
  });

  it('answers 200 with the title, the tally and an SVG chart, without any script needed', async () => {
    const answer = await fetch(pageUrl);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const html = await answer.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Stop illegal expulsions to El Salvador</h1>');
    expect(html).toMatch(/<span class="count" id="drive-count">3<\/span>/);
    expect(html).toMatch(/<figure id="chart"><svg [^>]*role="img"/);
    expect(html).toContain('3 actions in this drive (email 3). Goal: 10.');
    expect(html).toContain('30%');
    expect(html).toContain('<meta property="og:image" content="https://drives.example.org/d/');
    expect(html).toContain('mailto:');
    // Honest about the count, as /report is.
    expect(html).toContain('Actions are self-reported: members say what they did. Each is counted once per platform account');
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
  });

  it('is linked from /progress under PUBLIC_URL, which also attaches the chart', async () => {
    const reply = await say(app, 'ana', '/progress');
    // Markdown escapes (an id may hold `_`) are undone by every renderer.
    const text = reply.blocks.map((b) => (b.type === 'text' ? b.text : '')).join('\n').replace(/\\(.)/g, '$1');
    expect(text).toContain(`Live page: https://drives.example.org/d/${pageUrl.split('/d/')[1]}`);
    expect(reply.attachments.map((a) => [a.name, a.mimeType])).toEqual([['ua-34-25-chart.png', 'image/png']]);
    expect(pngSize(reply.attachments[0]!.data).width).toBe(1200);
  });

  it('shows counts only: no member key and no space id', async () => {
    const html = await (await fetch(pageUrl)).text();
    expect(html).not.toContain(SPACE);
    const rows = await app.deps.ledger.export('ua-34-25');
    for (const row of rows) expect(html).not.toContain(row.member);
  });

  it('serves the chart as SVG and as a PNG for link previews', async () => {
    const svg = await fetch(`${pageUrl}/chart.svg`);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg /);
    const png = await fetch(`${pageUrl}/chart.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({ width: 1200, height: 600 });
  });

  it('answers a repeat visit with 304 when nothing changed', async () => {
    const first = await fetch(`${pageUrl}/chart.svg`);
    const etag = first.headers.get('etag')!;
    expect((await fetch(`${pageUrl}/chart.svg`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('has an embeddable variant that any site may frame, while the page itself may not be framed elsewhere', async () => {
    const embed = await fetch(`${pageUrl}?embed=1`);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const html = await embed.text();
    expect(html).toContain('id="drive-count">3<');
    expect(html).not.toContain('mailto:');
    expect((await fetch(pageUrl)).headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });

  it('is not found under a wrong id, and goes away when the moderator turns it off', async () => {
    expect((await fetch(`${base}/d/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await fetch(`${base}/d/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(pageUrl, { method: 'POST' })).status).toBe(405);
    await say(app, 'mod', '/drive set page=off', true);
    expect((await fetch(pageUrl)).status).toBe(404);
    await say(app, 'mod', '/drive set page=on', true);
    expect((await fetch(pageUrl)).status).toBe(200);
  });

  it('pushes a new action to open pages within the poll interval', async () => {
    const events = readEvents(`${pageUrl}/events`, (e) => e.some((s) => s.driveCount === 4));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await say(app, 'zoe', '/acted post');
    const seen = await events;
    expect(seen[0]).toMatchObject({ driveCount: 3, total: 3 });
    expect(seen.at(-1)).toMatchObject({ driveCount: 4, total: 4, countLabel: 'actions in this drive', goalText: 'Goal: 10 (40%)' });
    expect(String(seen.at(-1)!.svg)).toContain('posted letter: 1');
  });

  it('caps live connections per address and in all', async () => {
    const open: ClientRequest[] = [];
    const from = (localAddress: string) =>
      new Promise<number>((resolve, reject) => {
        const req = get(`${pageUrl}/events`, { localAddress }, (res) => {
          resolve(res.statusCode!);
          if (res.statusCode !== 200) res.resume();
        });
        req.on('error', reject);
        open.push(req);
      });
    try {
      expect(await from('127.0.0.1')).toBe(200);
      expect(await from('127.0.0.1')).toBe(200);
      expect(await from('127.0.0.1')).toBe(429);
      expect(await from('127.0.0.2')).toBe(200);
      expect(await from('127.0.0.3')).toBe(503);
      expect(pages.hub.open).toBe(3);
    } finally {
      for (const req of open) req.destroy();
    }
    await expect.poll(() => pages.hub.open).toBe(0);
  });

  it('renders a chart once for everyone who asks at the same time, and serves the state as JSON', async () => {
    let renders = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Each render waits until all sixteen requests are in: any that starts its own render is counted.
    const counting = mountDrivePages(web, { ...app.deps, renderPng: async (svg) => (renders++, await gate, await app.deps.renderPng!(svg)) }, silent, { cacheMs: 0 });
    let arrived = 0;
    const wakes: Array<() => void> = [];
    const count: Route = () => {
      arrived += 1;
      for (const wake of wakes.splice(0)) wake();
      return false;
    };
    const own = await startWebServer({ port: 0, host: '127.0.0.1', logger: silent, routes: [count, counting.route] });
    try {
      const url = `http://127.0.0.1:${own.port}${new URL(pageUrl).pathname}`;
      const asked = Promise.all(Array.from({ length: 16 }, () => fetch(`${url}/chart.png`)));
      while (arrived < 16) await new Promise<void>((resolve) => wakes.push(resolve));
      // Past the counting route, each request reaches the page route within a few turns of the loop.
      await new Promise((resolve) => setImmediate(resolve));
      release();
      expect((await asked).map((a) => a.status)).toEqual(Array(16).fill(200));
      expect(renders).toBe(1);
      const state = await fetch(`${url}/state`);
      expect(state.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await state.json()).toMatchObject({ driveCount: 3 });
    } finally {
      await own.stop();
      counting.stop();
    }
  });
});

describe('live updates behind a proxy', () => {
  it('counts the cap per client address the trusted proxy forwarded, not per proxy', async () => {
    const app = await testApp({ now: '2026-11-28T10:00:00Z' });
    const web = await startWebServer({ port: 0, host: '127.0.0.1', logger: silent, trustProxy: { hops: 1 } });
    const pages = mountDrivePages(web, app.deps, silent, { limits: { perAddress: 1, total: 10 } });
    const open: ClientRequest[] = [];
    try {
      await say(app, 'mod', '/drive start ua-34-25 goal=10 deadline=2030-01-31 page=on', true);
      const [drive] = await app.deps.drives.listIn(SPACE);
      const url = `http://127.0.0.1:${web.port}/d/${drive!.pageId}/events`;
      // Every request comes from the proxy (127.0.0.1); the viewers are behind it.
      const viewer = (address: string) =>
        new Promise<number>((resolve, reject) => {
          const req = get(url, { headers: { 'x-forwarded-for': `6.6.6.6, ${address}` } }, (res) => {
            resolve(res.statusCode!);
            if (res.statusCode !== 200) res.resume();
          });
          req.on('error', reject);
          open.push(req);
        });
      expect(await viewer('198.51.100.1')).toBe(200);
      expect(await viewer('198.51.100.2')).toBe(200);
      expect(await viewer('198.51.100.1')).toBe(429);
    } finally {
      for (const req of open) req.destroy();
      pages.stop();
      await web.stop();
      await app.close();
    }
  });
});
