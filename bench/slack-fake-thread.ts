// The fake Slack Web API on a thread of its own: the platform's work (users.info, response_url
// posts) runs on another event loop than the benchmark's load, as Slack's does on other machines.
import { parentPort } from 'node:worker_threads';
import { FakeSlackApi } from '../tests/adapters/slack/fake-web-api.js';

const fake = new FakeSlackApi();
await fake.start();
parentPort!.on('message', (message: { id: number; prefix: string }) => {
  parentPort!.postMessage({ id: message.id, count: fake.responses.filter((r) => r.key.startsWith(message.prefix)).length });
});
parentPort!.postMessage({ apiUrl: fake.apiUrl, responseBase: fake.responseUrl('') });
