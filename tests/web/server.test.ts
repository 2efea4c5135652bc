import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type Running } from '../../src/app/main.js';
import { startWebServer, type Route, type WebServer } from '../../src/web/server.js';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';

function recordingLogger() {
  const lines: string[] = [];
  const log = (context: object, message: string) => void lines.push(`${message} ${JSON.stringify(context)}`);
  return { lines, logger: { error: log, warn: log, info: log } };
}

const hello: Route = (req, res, url) => {
  if (url.pathname !== '/hello') return false;
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`hello ${url.searchParams.get('name') ?? 'you'}`);
  return true;
};

describe('the web server', () => {
  let web: WebServer | undefined;
  afterEach(async () => {
    await web?.stop();
    web = undefined;
  });

  it('tries routes in order and answers 404 when none takes the request', async () => {
    const seen: string[] = [];
    const spy: Route = (_req, _res, url) => {
      seen.push(url.pathname);
      return false;
    };
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger: recordingLogger().logger, routes: [spy, hello] });
    const answer = await fetch(`http://127.0.0.1:${web.port}/hello?name=ana`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('hello ana');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await fetch(`http://127.0.0.1:${web.port}/nothing-here`);
    expect(missing.status).toBe(404);
    expect(seen).toEqual(['/hello', '/nothing-here']);
  });

  it('mounts routes added after the start', async () => {
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger: recordingLogger().logger });
    expect((await fetch(`http://127.0.0.1:${web.port}/hello`)).status).toBe(404);
    web.use(hello);
    expect((await fetch(`http://127.0.0.1:${web.port}/hello`)).status).toBe(200);
  });

  it('answers 500 and logs one line when a route throws, and keeps serving', async () => {
    const { lines, logger } = recordingLogger();
    const broken: Route = async (_req, _res, url) => {
      if (url.pathname === '/broken') throw new Error('disk on fire');
      return false;
    };
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger, routes: [broken, hello] });
    const answer = await fetch(`http://127.0.0.1:${web.port}/broken`);
    expect(answer.status).toBe(500);
    expect(await answer.text()).not.toContain('disk on fire');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('web request failed');
    expect((await fetch(`http://127.0.0.1:${web.port}/hello`)).status).toBe(200);
  });

  it('builds links from PUBLIC_URL, or from localhost and the port', async () => {
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger: recordingLogger().logger, publicUrl: 'https://bot.example.org/' });
    expect(web.link('/d/abc')).toBe('https://bot.example.org/d/abc');
    await web.stop();
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger: recordingLogger().logger });
    expect(web.link('/d/abc')).toBe(`http://localhost:${web.port}/d/abc`);
  });

  it('ends held streams and closes on stop', async () => {
    const stream: Route = (_req, res, url) => {
      if (url.pathname !== '/stream') return false;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': open\n\n');
      web!.hold(res);
      return true;
    };
    web = await startWebServer({ port: 0, host: '127.0.0.1', logger: recordingLogger().logger, routes: [stream] });
    const port = web.port;
    const answer = await fetch(`http://127.0.0.1:${port}/stream`);
    const reader = answer.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain(': open');
    const ended = reader.read();
    await web.stop();
    web = undefined;
    expect((await ended).done).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/stream`)).rejects.toThrow();
  });

  it('rejects the start when the port is taken', async () => {
    const blocker: Server = await new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
    });
    const { port } = blocker.address() as { port: number };
    await expect(startWebServer({ port, host: '127.0.0.1', logger: recordingLogger().logger })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await new Promise((resolve) => blocker.close(resolve));
  });
});

describe('npm start with WEB_PORT', () => {
  let running: Running | undefined;
  let telegram: FakeBotApi | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await running?.stop();
    await telegram?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('serves mounted routes beside the platforms and closes with the bot', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-web-'));
    telegram = await FakeBotApi.start();
    running = await main(
      { DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_PORT: '0', PUBLIC_URL: 'https://drives.example.org/', TELEGRAM_BOT_TOKEN: '123456:web-test', TELEGRAM_API_ROOT: telegram.apiRoot },
      { signals: false },
    );
    const web = running.web!;
    expect(web.link('/d/x')).toBe('https://drives.example.org/d/x');
    web.use(hello);
    expect(await (await fetch(`http://127.0.0.1:${web.port}/hello`)).text()).toBe('hello you');
    // Export links are mounted: a link that is not one is refused in words.
    const notALink = await fetch(`http://127.0.0.1:${web.port}/export/ua-34-25.zzzzzz.${'A'.repeat(43)}`);
    expect(notALink.status).toBe(404);
    expect(await notALink.text()).toContain('This export link is not valid.');
    await running.stop();
    running = undefined;
    await expect(fetch(`http://127.0.0.1:${web.port}/hello`)).rejects.toThrow();
  }, 30_000);

  it('stops the start with one line naming WEB_PORT when the port is taken', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-web-'));
    const blocker: Server = await new Promise((resolve) => {
      const server = createServer().listen(0, () => resolve(server));
    });
    const { port } = blocker.address() as { port: number };
    try {
      await expect(main({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_PORT: String(port) }, { signals: false })).rejects.toThrow(/^WEB_PORT: cannot listen on port \d+: EADDRINUSE$/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
