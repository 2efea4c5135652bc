import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { gateRequests } from '../../src/adapters/http-intake.js';
import { OpenRequests } from '../../src/core/lane.js';

type Answer = { status: number; connection: string | undefined; body: string };

/** One GET on `agent` (which keeps its connection alive between requests). */
function get(port: number, agent: Agent, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('an HTTP listener that stops taking requests', () => {
  let server: Server;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  afterEach(() => {
    agent.destroy();
    server.closeAllConnections();
    server.close();
  });

  it('refuses a request on a connection kept alive from before, answers the one it had taken, then closes', async () => {
    let release: () => void = () => undefined;
    const slowTaken = new Promise<void>((resolve) => (release = resolve));
    let arrived: () => void = () => undefined;
    const slowArrived = new Promise<void>((resolve) => (arrived = resolve));
    server = createServer((req, res) => {
      if (req.url === '/slow') {
        arrived();
        void slowTaken.then(() => res.end('slow done'));
      } else res.end('fast');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const intake = gateRequests(server);

    expect(await get(port, agent, '/fast')).toMatchObject({ status: 200, body: 'fast', connection: 'keep-alive' });
    const slow = get(port, new Agent({ keepAlive: true }), '/slow');
    await slowArrived;

    intake.stopTaking();
    // The idle kept-alive connection is closed: the next request opens a new one and finds no listener,
    // or (had it raced in on the old one) is answered 503.
    const late = await get(port, agent, '/fast').then(
      (answer) => `HTTP ${answer.status}`,
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect(['ECONNREFUSED', 'ECONNRESET', 'HTTP 503']).toContain(late);

    const closed = intake.close(5000);
    release();
    expect(await slow).toMatchObject({ status: 200, body: 'slow done', connection: 'close' });
    await closed;
    expect(server.listening).toBe(false);
  });

  it('counts a request open from its arrival until its answer is sent', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    server = createServer((req, res) => void (req.url === '/held' ? held.then(() => res.end('done')) : res.end('fast')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const requests = new OpenRequests(1);
    gateRequests(server, requests);
    expect(requests.busy).toBe(false);
    const answer = get(port, new Agent(), '/held');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.busy).toBe(true);
    // Another request comes and goes; the held one keeps the count above zero.
    expect((await get(port, agent, '/fast')).body).toBe('fast');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests.busy).toBe(true);
    release();
    expect((await answer).body).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests.busy).toBe(false);
  });

  it('answers 503 with Connection: close to a request that arrives on a busy kept-alive connection after the stop', async () => {
    // The handler stops the intake it sits behind, made just after the server.
    const gate: { intake?: ReturnType<typeof gateRequests> } = {};
    server = createServer((req, res) => {
      // The first answer's headers (keep-alive) are out when the stop comes: its connection stays open
      // for the request written behind it.
      if (req.url === '/first') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first');
        gate.intake!.stopTaking();
        res.end();
      } else res.end('should not run');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    gate.intake = gateRequests(server);
    const pipelined = await new Promise<string>((resolve, reject) => {
      // Two requests written at once on one socket: the second is read after the stop.
      import('node:net').then(({ connect }) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /second HTTP/1.1\r\nHost: x\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      }, reject);
    });
    expect(pipelined).toContain('first');
    expect(pipelined).not.toContain('should not run');
    expect(pipelined).toMatch(/HTTP\/1\.1 503[^]*connection: close/i);
    await gate.intake.close(1000);
  });
});
