import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ApiCall = { method: string; args: Record<string, unknown> };
/** `at`: when it arrived (ms since the epoch). */
export type ResponsePost = { key: string; body: Record<string, unknown>; at: number };
export type Upload = { fileId: string; bytes: number };

// Web API arguments that the client JSON-encodes inside its form body.
const JSON_ARGS = new Set(['blocks', 'view', 'attachments', 'files']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function formArgs(raw: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) args[key] = JSON_ARGS.has(key) ? JSON.parse(value) : value;
  return args;
}

/**
 * A loopback Slack: the Web API under `/api/<method>` (recording every call), file upload URLs,
 * and response_url endpoints under `/response/<key>` that record what the app answers.
 */
export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  readonly uploads: Upload[] = [];
  /** Users whose users.info says is_admin. */
  readonly admins = new Set<string>();
  /** What users.info says of a user's language when asked with include_locale. */
  readonly locales = new Map<string, string>();
  /** Web API methods that answer ok:false with this error (channel_not_found, account_inactive...). */
  readonly refusals = new Map<string, string>();
  /** Web API methods whose answer waits until the promise settles (a slow Slack, to keep a command in flight). */
  readonly holds = new Map<string, Promise<void>>();
  /** users.info answers ok:false (user_not_found). */
  failUsersInfo = false;
  /** What apps.connections.open hands out (Socket Mode): a ws:// URL of a test server. */
  socketUrl?: string;
  private server?: Server;
  private origin = '';
  private nextId = 1;
  private waiters: Array<() => void> = [];

  /** The Web API base for `slackApiUrl` (ends with a slash). */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  responseUrl(key: string): string {
    return `${this.origin}/response/${key}`;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** What was posted to one response_url (by key: a burst's tests ask this for hundreds of keys at each answer). */
  answersTo(key: string): Array<Record<string, unknown>> {
    return this.responsesByKey.get(key) ?? [];
  }

  private readonly responsesByKey = new Map<string, Array<Record<string, unknown>>>();

  /** Resolves once `ready()` holds (checked after every request), or fails after `timeoutMs`. */
  async until(ready: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the fake Slack');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.route(req).then(
        (reply) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(reply));
          const waiters = this.waiters.splice(0);
          for (const wake of waiters) wake();
        },
        (error: Error) => {
          res.writeHead(500);
          res.end(error.message);
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async route(req: IncomingMessage): Promise<unknown> {
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const raw = await readBody(req);
    if (path.startsWith('/response/')) {
      const response = { key: path.slice('/response/'.length), body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, at: Date.now() };
      this.responses.push(response);
      this.responsesByKey.set(response.key, [...this.answersTo(response.key), response.body]);
      return { ok: true };
    }
    if (path.startsWith('/upload/')) {
      const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
      const file = form.get('body');
      this.uploads.push({ fileId: path.slice('/upload/'.length), bytes: file instanceof Blob ? file.size : 0 });
      return { ok: true };
    }
    const method = path.replace(/^\/api\//, '');
    const args = formArgs(raw.toString('utf8'));
    this.calls.push({ method, args });
    await this.holds.get(method);
    return this.answer(method, args);
  }

  private answer(method: string, args: Record<string, unknown>): unknown {
    const id = this.nextId++;
    const refusal = this.refusals.get(method);
    if (refusal) return { ok: false, error: refusal };
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', url: 'https://fake.slack.com/' };
      case 'users.info': {
        if (this.failUsersInfo) return { ok: false, error: 'user_not_found' };
        const user = String(args.user);
        const locale = args.include_locale ? this.locales.get(user) : undefined;
        return { ok: true, user: { id: user, is_admin: this.admins.has(user), is_owner: false, is_primary_owner: false, ...(locale ? { locale } : {}) } };
      }
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `1700000000.${String(id).padStart(6, '0')}` };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(id).padStart(6, '0')}` };
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'not_allowed_token_type' };
      case 'views.open':
        return { ok: true, view: { id: `V${id}` } };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `${this.origin}/upload/F${id}`, file_id: `F${id}` };
      case 'files.completeUploadExternal':
        return { ok: true, files: (args.files as Array<{ id: string }>).map((f) => ({ id: f.id })) };
      default:
        return { ok: true };
    }
  }
}
