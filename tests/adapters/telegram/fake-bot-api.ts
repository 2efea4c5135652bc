import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Bot API call as the fake received it (files as name and size). */
export type ApiCall = { method: string; payload: Record<string, unknown>; files: Array<{ field: string; name: string; size: number }>; ok: boolean; messageId?: number };

type ApiAnswer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

export const BOT_USER = { id: 42, is_bot: true, first_name: 'Action', username: 'ActionTestBot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } as const;

/**
 * A loopback Telegram Bot API for grammY (`client.apiRoot`): getMe, getUpdates (long polls until an
 * update is pushed), sendMessage, sendDocument (multipart), answerCallbackQuery, getChatMember,
 * setMyCommands, setWebhook, deleteWebhook, getFile and file downloads, setMessageReaction and
 * editMessageText. Records every call except getUpdates. Tests script failures with `failNext` and
 * refused DMs with `refuseDm`. Like Telegram, it answers 429 with `retry_after` past 20 posts (new
 * messages and edits) a minute in one group.
 */
export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  /** `chat:user` -> status; anyone else is a plain `member`. */
  readonly members = new Map<string, string>();
  /** Users who never started the bot: a DM to them gets 403. */
  readonly refusedDms = new Set<number>();
  /** Files members sent, by file_id: getFile answers with their path, `/file/bot<token>/<path>` serves them. */
  readonly files = new Map<string, Buffer>();
  /** Paths downloaded through `/file/bot<token>/...`. */
  readonly downloads: string[] = [];
  private readonly failures: Array<{ method: string; answer: ApiAnswer }> = [];
  private readonly updates: Array<{ update_id: number }> = [];
  private readonly waiting = new Set<() => void>();
  private readonly onCall: Array<() => void> = [];
  private nextMessageId = 1;
  getUpdatesCalls = 0;
  /**
   * Like Telegram, the updates below the highest offset a getUpdates asked with are confirmed: never
   * sent again, whatever offset a later call (a restarted bot) asks with.
   */
  confirmedOffset = 0;
  /** Posts a minute in one group before 429 (Telegram's documented limit is about 20). */
  groupPostsPerMinute = 20;
  /**
   * Messages a second across all chats before 429 with `retry_after` (Telegram's broadcast limit is
   * about 30); unset, no such limit (the default, so that bursts in tests are not slowed).
   */
  messagesPerSecond?: number;
  /** How many 429s the broadcast limit answered. */
  broadcastRefusals = 0;
  private readonly sentAt: number[] = [];
  /** When each group post the fake accepted was made, per group. */
  private readonly groupPosts = new Map<number, number[]>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeBotApi> {
    const server = createServer();
    const fake = new FakeBotApi(server);
    // A bot killed in the middle of sending a request (the crash tests) aborts it: Telegram never
    // received it, so it is dropped, not an error of the test.
    server.on('request', (req, res) => void fake.serve(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queues an update for getUpdates. */
  push(...updates: Array<{ update_id: number }>): void {
    this.updates.push(...updates);
    for (const wake of this.waiting) wake();
  }

  /** The next call of `method` gets this error instead of its result. */
  failNext(method: string, error_code: number, description: string, parameters?: { retry_after?: number; migrate_to_chat_id?: number }): void {
    this.failures.push({ method, answer: { ok: false, error_code, description, ...(parameters ? { parameters } : {}) } });
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Accepted posts in a group: new messages, documents and edits. */
  postsIn(chatId: number): ApiCall[] {
    return this.calls.filter((c) => c.ok && POSTS.has(c.method) && Number(c.payload.chat_id) === chatId);
  }

  /** Text of every delivered sendMessage to one chat. */
  textsTo(chatId: number): string[] {
    return this.callsOf('sendMessage').filter((c) => c.ok && Number(c.payload.chat_id) === chatId).map((c) => String(c.payload.text));
  }

  /**
   * Resolves once `ready()` holds, checked again after every recorded call: it waits on the calls
   * themselves, however slow a loaded machine makes them (the test's own timeout is the bound).
   */
  async until(ready: () => boolean): Promise<void> {
    while (!ready()) await new Promise<void>((resolve) => this.onCall.push(resolve));
  }

  async close(): Promise<void> {
    for (const wake of this.waiting) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const download = /^\/file\/bot[^/]+\/documents\/([\w-]+)$/.exec(req.url ?? '')?.[1];
    if (download !== undefined) {
      this.downloads.push(download);
      const bytes = this.files.get(download);
      res.writeHead(bytes ? 200 : 404, { 'content-type': 'application/octet-stream' }).end(bytes ?? 'Not Found');
      return;
    }
    const method = /^\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1] ?? '';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    let answer: ApiAnswer;
    try {
      const { payload, files } = await parseBody(body, req.headers['content-type'] ?? '');
      answer = await this.answer(method, payload, files, req);
    } catch (error) {
      answer = { ok: false, error_code: 400, description: `Bad Request: the fake could not read it: ${(error as Error).message}` };
    }
    res.writeHead(answer.ok ? 200 : answer.error_code, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  private async answer(method: string, payload: Record<string, unknown>, files: ApiCall['files'], req: IncomingMessage): Promise<ApiAnswer> {
    if (method === 'getUpdates') {
      const failure = this.failures.findIndex((f) => f.method === method);
      if (failure >= 0) return this.failures.splice(failure, 1)[0]!.answer;
      return { ok: true, result: await this.poll(payload, req) };
    }
    const call: ApiCall = { method, payload, files, ok: true };
    this.calls.push(call);
    const answer = this.reply(method, payload);
    call.ok = answer.ok;
    if (answer.ok) {
      const messageId = (answer.result as { message_id?: unknown } | null)?.message_id;
      if (typeof messageId === 'number') call.messageId = messageId;
    }
    for (const wake of this.onCall.splice(0)) wake();
    return answer;
  }

  private reply(method: string, payload: Record<string, unknown>): ApiAnswer {
    const failure = this.failures.findIndex((f) => f.method === method);
    if (failure >= 0) return this.failures.splice(failure, 1)[0]!.answer;
    const chatId = Number(payload.chat_id);
    const ok = (result: unknown): ApiAnswer => ({ ok: true, result });
    const groupWait = POSTS.has(method) && chatId < 0 ? this.floodWait(chatId) : 0;
    const wait = groupWait > 0 || !POSTS.has(method) ? groupWait : this.broadcastWait();
    if (wait > 0) return { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } };
    switch (method) {
      case 'getMe':
        return ok(BOT_USER);
      case 'sendMessage':
      case 'sendDocument':
        if (chatId > 0 && this.refusedDms.has(chatId)) return { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" };
        return ok({ message_id: this.nextMessageId++, date: 0, chat: { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' }, text: payload.text });
      case 'getChatMember': {
        const status = this.members.get(`${payload.chat_id}:${payload.user_id}`) ?? 'member';
        return ok({ status, user: { id: Number(payload.user_id), is_bot: false, first_name: 'M' } });
      }
      case 'getFile': {
        const bytes = this.files.get(String(payload.file_id));
        if (!bytes) return { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' };
        return ok({ file_id: payload.file_id, file_unique_id: `u${String(payload.file_id)}`, file_size: bytes.length, file_path: `documents/${String(payload.file_id)}` });
      }
      case 'editMessageText':
        return ok({ message_id: Number(payload.message_id), date: 0, chat: { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' }, text: payload.text });
      case 'setMessageReaction':
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'setWebhook':
      case 'deleteWebhook':
        return ok(true);
      default:
        return { ok: false, error_code: 404, description: `Not Found: method ${method} is not in the fake` };
    }
  }

  /** Seconds until one more post fits in the group's minute; 0 when it fits now (and it is counted). */
  /** The broadcast limit: every accepted message counts against the last second. */
  private broadcastWait(): number {
    if (this.messagesPerSecond === undefined) return 0;
    const now = Date.now();
    while (this.sentAt.length > 0 && this.sentAt[0]! <= now - 1000) this.sentAt.shift();
    if (this.sentAt.length < this.messagesPerSecond) {
      this.sentAt.push(now);
      return 0;
    }
    this.broadcastRefusals += 1;
    return 1;
  }

  private floodWait(chatId: number): number {
    const now = Date.now();
    const recent = (this.groupPosts.get(chatId) ?? []).filter((at) => at > now - 60_000);
    this.groupPosts.set(chatId, recent);
    if (recent.length < this.groupPostsPerMinute) {
      recent.push(now);
      return 0;
    }
    return Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
  }

  /** Long polling: answers at once when updates are queued, else waits for one or the timeout. */
  private async poll(payload: Record<string, unknown>, req: IncomingMessage): Promise<unknown[]> {
    this.getUpdatesCalls++;
    this.confirmedOffset = Math.max(this.confirmedOffset, Number(payload.offset ?? 0));
    const offset = this.confirmedOffset;
    const limit = Number(payload.limit ?? 100);
    const pending = () => this.updates.filter((u) => u.update_id >= offset);
    if (pending().length === 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Number(payload.timeout ?? 0) * 1000);
        this.waiting.add(done);
        req.once('close', done);
      });
    }
    return pending().slice(0, limit);
  }
}

/** What Telegram counts against a group's limit. */
const POSTS = new Set(['sendMessage', 'sendDocument', 'editMessageText']);

async function parseBody(body: Buffer, contentType: string): Promise<{ payload: Record<string, unknown>; files: ApiCall['files'] }> {
  if (body.length === 0) return { payload: {}, files: [] };
  if (contentType.startsWith('application/json')) return { payload: JSON.parse(body.toString('utf8')) as Record<string, unknown>, files: [] };
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`unexpected content-type ${contentType}`);
  const payload: Record<string, unknown> = {};
  const files: ApiCall['files'] = [];
  // Binary-safe split: latin1 keeps one char per byte.
  for (const part of body.toString('latin1').split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const field = /name="([^"]+)"/.exec(headers)?.[1] ?? '';
    // grammY writes filename=NAME without quotes.
    const filename = /filename="?([^"\r\n]*)"?/.exec(headers)?.[1];
    if (filename !== undefined) files.push({ field, name: filename, size: Buffer.byteLength(content, 'latin1') });
    else payload[field] = Buffer.from(content, 'latin1').toString('utf8');
  }
  return { payload, files };
}
