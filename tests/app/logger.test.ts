import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';

function captured(): { logger: ReturnType<typeof createLogger>; text: () => string } {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  return { logger: createLogger('info', sink), text: () => out };
}

it('writes a field once when the line repeats what its child logger is bound to', () => {
  const { logger, text } = captured();
  logger.child({ platform: 'slack' }).info({ platform: 'slack', mode: 'socket' }, 'Slack adapter started');
  expect(text().match(/"platform"/g)).toHaveLength(1);
  expect(JSON.parse(text())).toMatchObject({ platform: 'slack', mode: 'socket', msg: 'Slack adapter started' });
});

it('keeps a field that differs from the bound one', () => {
  const { logger, text } = captured();
  logger.child({ part: 'web' }).info({ part: 'pages' }, 'moved');
  expect(text().match(/"part"/g)).toHaveLength(2);
});
