// The HTTP listeners' gate: counts requests open and, on a stop, refuses new ones (503, Connection:
// close) then closes.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { bounded } from '../core/bounded.js';
import type { OpenRequests } from '../core/lane.js';

/** What an HTTP adapter does with its listener on a stop: take nothing new, then close. */
export type HttpIntake = {
  /**
   * From now on every request, including one on a connection kept alive from before, is refused
   * with 503 and `Connection: close` (the platform delivers it again, to this process's successor or
   * another replica); requests already taken still get their answer, then their connection closes.
   */
  stopTaking(): void;
  /** Resolves when the last connection has closed, or after `boundMs` by closing what is left. */
  close(boundMs: number): Promise<void>;
};

/**
 * Puts a gate in front of a server's request listener. `server.close()` alone stops new connections
 * only: a client that keeps its connections alive (Slack, Telegram, a load balancer) would go on
 * delivering on them for as long as it has work, and a stop would never end. Each request taken is
 * counted in `requests` until it is answered.
 */
export function gateRequests(server: Server, requests?: OpenRequests): HttpIntake {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  const pending = new Set<ServerResponse>();
  let taking = true;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!taking) {
      res.writeHead(503, { connection: 'close', 'retry-after': '1', 'content-type': 'text/plain' }).end('stopping\n');
      return;
    }
    pending.add(res);
    const answered = requests?.opened();
    res.once('close', () => {
      pending.delete(res);
      answered?.();
    });
    for (const listener of listeners) listener.call(server, req, res);
  });
  let closed: Promise<void> | undefined;
  const closeListener = () => (closed ??= new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    stopTaking() {
      if (!taking) return;
      taking = false;
      for (const res of pending) if (!res.headersSent) res.shouldKeepAlive = false;
      void closeListener();
      server.closeIdleConnections();
    },
    async close(boundMs) {
      this.stopTaking();
      await bounded(closeListener(), boundMs);
      server.closeAllConnections();
      await closeListener();
    },
  };
}
