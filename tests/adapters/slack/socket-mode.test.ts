import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackApp, type SlackApp } from '../../../src/adapters/slack/index.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { FakeSlackApi } from './fake-web-api.js';

let app: TestApp;
let fake: FakeSlackApi;
let wss: WebSocketServer;
let slack: SlackApp | undefined;

beforeEach(async () => {
  app = await testApp({ moderatorIds: ['slack:UMOD'] });
  fake = new FakeSlackApi();
  await fake.start();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  fake.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
});

afterEach(async () => {
  await slack?.stop();
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await fake.close();
  await app.close();
});

it('runs a slash command over Socket Mode: acks the envelope and answers on the response_url', async () => {
  const connected = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const starting = createSlackApp({ botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: fake.apiUrl, port: 0 }, { deps: app.deps, logger: new RecordingLogger() });
  const socket = await connected;
  socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }));
  slack = await starting;
  expect(slack.mode).toBe('socket');

  const acks: unknown[] = [];
  socket.on('message', (data) => acks.push(JSON.parse(String(data))));
  const payload = {
    team_id: 'T1', channel_id: 'C1', channel_name: 'general', user_id: 'UMOD', command: '/drive',
    text: 'start ua-34-25 goal=500 deadline=2030-01-31', response_url: fake.responseUrl('s1'), trigger_id: 'trig-s1', api_app_id: 'A1',
  };
  socket.send(JSON.stringify({ envelope_id: 'env-1', type: 'slash_commands', payload, accepts_response_payload: true }));
  await fake.until(() => fake.answersTo('s1').length === 1);
  expect(acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
  expect(fake.answersTo('s1')[0]!.response_type).toBe('in_channel');
  expect(await app.deps.drives.listIn('slack:T1/C1')).toHaveLength(1);
  expect(fake.callsTo('apps.connections.open')).toHaveLength(1);
});
