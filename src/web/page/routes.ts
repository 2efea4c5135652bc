// The drive page routes: the page, its chart PNG, the live stream and the live script, cached and
// rate-limited.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { systemTimer, type Timer } from '../../core/reminders/scheduler.js';
import { translator } from '../../core/i18n/index.js';
import type { Logger } from '../../commands/index.js';
import type { PngRenderer } from '../png.js';
import type { Route } from '../server.js';
import { renderPage } from './html.js';
import { LiveHub, type LiveLimits } from './live.js';
import { LIVE_SCRIPT } from './live-script.js';
import { renderScreen, screenState } from './screen.js';
import { loadView, type PageSource } from './view.js';

export type DrivePagesOptions = {
  source: PageSource;
  link: (path: string) => string;
  renderPng: PngRenderer;
  hold: (res: ServerResponse) => void;
  logger: Logger;
  /** The client's address for the live-update caps; the socket's by default. */
  clientAddress?: (req: IncomingMessage) => string;
  timer?: Timer;
  /** How often open pages read the counters again (default 1 s). */
  intervalMs?: number;
  limits?: LiveLimits;
  /** A rendered page is served again for this long (default 2 s), so a crowd costs one render. */
  cacheMs?: number;
};

export type DrivePages = { route: Route; hub: LiveHub; stop(): void };

const PAGE_PATH = /^\/d\/([A-Za-z0-9_-]{16,64})(\/chart\.svg|\/chart\.png|\/events|\/state)?$/;

type Cached = { at: number; body: Buffer; etag: string; type: string };

/** The drive pages, their chart images and live updates; nothing else. */
export function drivePages(options: DrivePagesOptions): DrivePages {
  const cacheMs = options.cacheMs ?? 2_000;
  const cache = new Map<string, Cached>();
  const now = () => options.source.clock.now().getTime();
  const hub = new LiveHub({
    read: async (pageId) => {
      const view = await loadView(options.source, pageId);
      // The screen's case list rides along; the page has no element for it and leaves it.
      return view && screenState(view);
    },
    hold: options.hold,
    timer: options.timer ?? systemTimer,
    intervalMs: options.intervalMs ?? 1_000,
    limits: options.limits ?? { perAddress: 6, total: 500 },
    logger: options.logger,
    clientAddress: options.clientAddress ?? ((req) => req.socket.remoteAddress ?? 'unknown'),
  });

  // Renders under way: everyone who asks for the same thing meanwhile waits for the one render.
  const making = new Map<string, Promise<Cached | undefined>>();

  async function cached(key: string, make: () => Promise<{ body: string | Uint8Array; type: string } | undefined>): Promise<Cached | undefined> {
    const hit = cache.get(key);
    if (hit && now() - hit.at < cacheMs) return hit;
    const under = making.get(key);
    if (under) return under;
    const render = fresh(key, make).finally(() => making.delete(key));
    making.set(key, render);
    return render;
  }

  async function fresh(key: string, make: () => Promise<{ body: string | Uint8Array; type: string } | undefined>): Promise<Cached | undefined> {
    const made = await make();
    if (!made) return undefined;
    const body = Buffer.from(made.body);
    const entry = { at: now(), body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`, type: made.type };
    cache.set(key, entry);
    // The cache holds what was asked in the last few seconds only.
    for (const [k, v] of cache) if (now() - v.at >= cacheMs) cache.delete(k);
    return entry;
  }

  function send(req: IncomingMessage, res: ServerResponse, entry: Cached, headers: Record<string, string>): void {
    const common = { etag: entry.etag, ...headers };
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, common);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': entry.type, 'content-length': String(entry.body.byteLength), ...common });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  }

  function notFound(res: ServerResponse): void {
    const t = translator('en');
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><main><p>${t('page_not_found')}</p></main></body></html>`);
  }

  const route: Route = async (req, res, url) => {
    const isAsset = url.pathname === '/assets/live.js';
    const match = PAGE_PATH.exec(url.pathname);
    if (!isAsset && !match && !url.pathname.startsWith('/d/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed.\n');
      return true;
    }
    if (isAsset) {
      send(req, res, (await cached('live.js', async () => ({ body: LIVE_SCRIPT, type: 'text/javascript; charset=utf-8' })))!, { 'cache-control': 'public, max-age=3600' });
      return true;
    }
    if (!match) return notFound(res), true;
    const [, pageId, part] = match as unknown as [string, string, string | undefined];
    if (part === '/events') {
      const view = await loadView(options.source, pageId);
      if (!view) return notFound(res), true;
      await hub.serve(pageId, req, res, screenState(view));
      return true;
    }
    const embed = url.searchParams.get('embed') === '1';
    // The projector view: the same page's numbers in type for the back of a room.
    const screen = !embed && part === undefined && url.searchParams.get('screen') === '1';
    const entry = await cached(`${pageId}${part ?? ''}${embed ? '?embed' : ''}${screen ? '?screen' : ''}`, async () => {
      const view = await loadView(options.source, pageId);
      if (!view) return undefined;
      if (part === '/chart.svg') return { body: view.svg, type: 'image/svg+xml; charset=utf-8' };
      if (part === '/chart.png') return { body: await options.renderPng(view.svg), type: 'image/png' };
      // What a page reads every few seconds when the live-update cap refused it a stream.
      if (part === '/state') return { body: JSON.stringify(screenState(view)), type: 'application/json; charset=utf-8' };
      if (screen) return { body: renderScreen(view), type: 'text/html; charset=utf-8' };
      return { body: renderPage(view, { link: options.link, embed }), type: 'text/html; charset=utf-8' };
    });
    if (!entry) return notFound(res), true;
    const framing = embed ? '*' : "'self'";
    send(req, res, entry, {
      'cache-control': part === '/chart.png' ? 'public, max-age=60' : part === '/state' ? 'no-store' : 'public, max-age=5',
      'content-security-policy': `default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ${framing}`,
    });
    return true;
  };

  return { route, hub, stop: () => hub.stop() };
}
