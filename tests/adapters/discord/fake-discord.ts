import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '1100000000000000001';

export type RecordedRequest = {
  method: string;
  /** Path after `/api/v10`, without the query. */
  path: string;
  /** The JSON body, or a multipart request's `payload_json`. */
  body: Record<string, unknown> | undefined;
  files: string[];
  at: number;
};

type Json = Record<string, unknown>;

/**
 * A loopback Discord: a REST server that records every request (commands, interaction callbacks,
 * webhooks, channel messages) and a gateway that says HELLO, takes IDENTIFY, sends READY, answers
 * heartbeats and dispatches the INTERACTION_CREATE events a test builds.
 */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Registered commands by route (`/applications/:app/commands` or the guild's). */
  readonly commands = new Map<string, Json[]>();
  /** Uploaded files served at `/attachments/<name>` (the CDN URL a test puts in a resolved attachment). */
  readonly cdn = new Map<string, Buffer>();
  /** The shards each dispatched event went to, by the event's `id` (an interaction's). */
  readonly deliveries = new Map<string, number[]>();
  /** Every IDENTIFY's `shard` ([id, count]; [0, 1] when it sent none), in the order they came. */
  readonly identifies: Array<[number, number]> = [];
  /** What GET /gateway/bot recommends: the shard count (`DISCORD_SHARDS=auto`) and identify buckets. */
  recommendedShards = 1;
  maxConcurrency = 1;
  private server?: Server;
  private readonly sockets = new Set<WebSocket>();
  /** The shard each identified session runs. */
  private readonly shardOf = new Map<WebSocket, [number, number]>();
  private waiters: Array<() => void> = [];
  private seq = 0;
  private messageId = 5_000_000_000_000_000_000n;
  port = 0;

  /** Gateway sessions open now. */
  get sessions(): number {
    return this.sockets.size;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    const wss = new WebSocketServer({ server });
    wss.on('connection', (socket) => this.onConnection(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The URL of a file in `cdn`, as Discord puts it in a resolved attachment. */
  cdnUrl(name: string): string {
    return `http://127.0.0.1:${this.port}/attachments/${name}`;
  }

  /**
   * Sends one event to the session of the shard it belongs to, as Discord routes them: a guild's
   * events to shard `(guild_id >> 22) % num_shards`, direct messages to shard 0. Returns the shard
   * ids it went to (one, unless a test connected two sessions for the same shard).
   */
  dispatch(event: string, data: Json): number[] {
    const frame = JSON.stringify({ op: 0, t: event, s: ++this.seq, d: data });
    const sent: number[] = [];
    for (const socket of this.sockets) {
      const [id, count] = this.shardOf.get(socket) ?? [0, 1];
      if (shardFor(data.guild_id, count) !== id) continue;
      socket.send(frame);
      sent.push(id);
    }
    if (data.id !== undefined) this.deliveries.set(String(data.id), sent);
    return sent;
  }

  /** The first recorded request matching, waiting up to `timeoutMs` for it. */
  async waitFor(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.requests.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching request within ${timeoutMs} ms; saw ${this.requests.map((r) => `${r.method} ${r.path}`).slice(-10).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private onConnection(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOf.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d?: { shard?: [number, number] } };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
      if (frame.op === 2) {
        const shard = frame.d?.shard ?? [0, 1];
        this.identifies.push(shard);
        this.shardOf.set(socket, shard);
        const user = { id: APP_ID, username: 'actionbot', discriminator: '0', global_name: null, avatar: null, bot: true };
        const ready = { v: 10, user, guilds: [], session_id: `fake-session-${shard[0]}`, resume_gateway_url: `ws://127.0.0.1:${this.port}`, shard, application: { id: APP_ID, flags: 0 } };
        socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.seq, d: ready }));
      }
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/v\d+/, '');
    const { body, files } = await parseBody(raw, req.headers['content-type'] ?? '');
    const method = req.method ?? 'GET';
    this.requests.push({ method, path, body, files, at: performance.now() });
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    const upload = /^\/attachments\/([\w.-]+)$/.exec(path)?.[1];
    if (method === 'GET' && upload !== undefined) {
      const bytes = this.cdn.get(upload);
      res.writeHead(bytes ? 200 : 404, { 'content-type': 'application/octet-stream' }).end(bytes ?? 'Not Found');
      return;
    }
    const [status, answer] = this.route(method, path, body);
    if (status === 204) res.writeHead(204).end();
    else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  private route(method: string, path: string, body: Json | undefined): [number, unknown] {
    if (method === 'GET' && path === '/gateway/bot') {
      const limit = { total: 1000, remaining: 1000, reset_after: 60_000, max_concurrency: this.maxConcurrency };
      return [200, { url: `ws://127.0.0.1:${this.port}`, shards: this.recommendedShards, session_start_limit: limit }];
    }
    if (/^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      if (method === 'PUT') this.commands.set(path, asDiscordReturnsThem((body as unknown as Json[]) ?? []));
      return [200, this.commands.get(path) ?? []];
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204, undefined];
    if (method === 'DELETE' && /^\/webhooks\//.test(path)) return [204, undefined];
    if (method === 'POST' && path === '/users/@me/channels') return [200, { id: '1200000000000000001', type: 1, recipients: [{ id: String(body?.recipient_id), username: 'member', discriminator: '0' }] }];
    if (/^\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.test(path) || /^\/channels\/\d+\/messages$/.test(path)) {
      return [200, this.message(path, body)];
    }
    return [404, { message: 'Unknown route in FakeDiscord', code: 0 }];
  }

  private message(path: string, body: Json | undefined): Json {
    const channel = /^\/channels\/(\d+)/.exec(path)?.[1] ?? '1000000000000000002';
    return {
      id: String(++this.messageId), channel_id: channel, type: 0, content: body?.content ?? '', embeds: body?.embeds ?? [], components: [], attachments: [],
      author: { id: APP_ID, username: 'actionbot', discriminator: '0', avatar: null, bot: true }, timestamp: new Date().toISOString(), edited_timestamp: null,
      tts: false, mention_everyone: false, mentions: [], mention_roles: [], pinned: false, flags: body?.flags ?? 0,
    };
  }
}

/** Discord's routing: `(guild_id >> 22) % num_shards`; events outside a guild go to shard 0. */
export function shardFor(guildId: unknown, count: number): number {
  return guildId === undefined ? 0 : Number((BigInt(String(guildId)) >> 22n) % BigInt(count));
}

async function parseBody(raw: Buffer, type: string): Promise<{ body: Json | undefined; files: string[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: string[] = [];
    for (const [key, value] of form.entries()) if (key !== 'payload_json' && typeof value !== 'string') files.push(value.name);
    return { body: JSON.parse(String(form.get('payload_json') ?? '{}')) as Json, files };
  }
  return { body: JSON.parse(raw.toString('utf8')) as Json, files: [] };
}

/** What GET returns after a PUT: ids added, defaults filled in, `required: false` left out, as Discord does. */
function asDiscordReturnsThem(list: Json[]): Json[] {
  const strip = (o: Json): Json => {
    const { required, options, ...rest } = o;
    return { ...rest, ...(required ? { required } : {}), ...(Array.isArray(options) ? { options: (options as Json[]).map(strip) } : {}) };
  };
  return list.map((c, i) => ({
    id: String(1300000000000000000n + BigInt(i)), application_id: APP_ID, version: '1', type: 1, nsfw: false, name_localizations: null,
    default_member_permissions: null, integration_types: [0], contexts: null, ...strip(c),
  }));
}
