import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Which backend a proxied request went to: the `x-backend` header of every answer. */
export const BACKEND_HEADER = 'x-backend';

/**
 * A tiny load balancer: one public port whose requests go to the backends of their path prefix in
 * turn (first, second, first...), counted per prefix. Each answer says which backend served it.
 */
export class RoundRobinProxy {
  private server?: Server;
  private readonly turns = new Map<string, number>();
  port = 0;

  /** `routes`: path prefix -> the ports serving it. */
  constructor(private readonly routes: Record<string, number[]>) {}

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const prefix = Object.keys(this.routes).find((p) => (req.url ?? '/').startsWith(p));
      if (!prefix) return void res.writeHead(404).end();
      const turn = this.turns.get(prefix) ?? 0;
      this.turns.set(prefix, turn + 1);
      const backends = this.routes[prefix]!;
      const backend = turn % backends.length;
      const upstream = request({ host: '127.0.0.1', port: backends[backend], method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [BACKEND_HEADER]: String(backend) });
        answer.pipe(res);
      });
      upstream.on('error', () => res.headersSent || res.writeHead(502, { [BACKEND_HEADER]: String(backend) }).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
