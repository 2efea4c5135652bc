// The bot's one HTTP server on WEB_PORT: routes mounted in order, and its stop.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../commands/index.js';
import { clientAddress, type TrustProxy } from './client-address.js';

/**
 * One route of the bot's HTTP server. It looks at the request and either answers it (returns true)
 * or leaves it to the next route (returns false). Routes are tried in the order they were added.
 */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export type WebServerOptions = {
  /** 0 picks a free port (tests). */
  port: number;
  /** Interface to listen on; every interface by default. */
  host?: string;
  /** The base of every link the bot gives; `http://localhost:<port>` when unset. */
  publicUrl?: string;
  logger: Logger;
  routes?: Route[];
  /** Proxies trusted to name the client in X-Forwarded-For (TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
};

/** The bot's one HTTP server: drive pages, and whatever other parts mount on it. */
export interface WebServer {
  readonly port: number;
  /** The public base, without a trailing slash. */
  readonly publicUrl: string;
  /** Adds a route after the ones already there. */
  use(route: Route): void;
  /** An absolute link under the public base, for a path starting with `/`. */
  link(path: string): string;
  /** The client's address: the socket's, or the one a trusted proxy put in X-Forwarded-For. */
  clientAddress(req: IncomingMessage): string;
  /** Keeps a long-lived response (a server-sent event stream) so that `stop` can end it. */
  hold(res: ServerResponse): void;
  /** Ends held streams, stops taking requests and closes every connection. */
  stop(): Promise<void>;
}

/** Starts listening; resolves once the port is bound (rejects with the listen error, e.g. EADDRINUSE). */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const routes: Route[] = [...(options.routes ?? [])];
  const held = new Set<ServerResponse>();
  const { logger } = options;

  const server = createServer((req, res) => {
    void answer(req, res).catch((error: unknown) => {
      logger.error({ err: error, path: req.url, client: clientAddress(req, options.trustProxy) }, 'web request failed');
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Something went wrong.\n');
      } else {
        res.destroy();
      }
    });
  });
  // A slow client must not hold a connection for ever; event streams are held on purpose and write often.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    const url = new URL(req.url ?? '/', 'http://localhost');
    for (const route of routes) {
      if (await route(req, res, url)) return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('Not found.\n');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ err: error }, 'web server error'));
  const port = (server.address() as AddressInfo).port;
  const publicUrl = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');

  return {
    port,
    publicUrl,
    use: (route) => void routes.push(route),
    link: (path) => `${publicUrl}${path.startsWith('/') ? path : `/${path}`}`,
    clientAddress: (req) => clientAddress(req, options.trustProxy),
    hold(res) {
      held.add(res);
      res.once('close', () => held.delete(res));
    },
    async stop() {
      for (const res of held) res.end();
      held.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
