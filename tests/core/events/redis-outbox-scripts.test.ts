// The Redis outbox runs its scripts by hash and sends the text only when Redis does not know it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RedisOutbox, type RedisScriptRunner } from '../../../src/core/events/redis-outbox.js';
import { StoreError } from '../../../src/core/errors.js';

/** A client that knows a script once its text was sent (as Redis does), and records what was asked. */
function scriptClient(fail?: string) {
  const known = new Set<string>();
  const calls: string[] = [];
  const client: RedisScriptRunner = {
    async evalSha(sha) {
      calls.push(`evalsha ${sha.slice(0, 8)}`);
      if (fail) throw new Error(fail);
      if (!known.has(sha)) throw new Error('NOSCRIPT No matching script. Please use EVAL.');
      return 0;
    },
    async eval(script) {
      calls.push('eval');
      known.add(createHash('sha1').update(script).digest('hex'));
      return 0;
    },
  };
  return { client, calls };
}

describe('the Redis outbox scripts', () => {
  it('sends a script\'s text once, then only its hash', async () => {
    const { client, calls } = scriptClient();
    const outbox = new RedisOutbox(client, 'test:');
    await outbox.count();
    await outbox.count();
    await outbox.count();
    expect(calls.filter((c) => c === 'eval')).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('evalsha'))).toHaveLength(3);
  });

  it('turns another refusal into a StoreError without sending the text', async () => {
    const { client, calls } = scriptClient('READONLY You can\'t write against a read only replica.');
    await expect(new RedisOutbox(client, 'test:').done('e1')).rejects.toBeInstanceOf(StoreError);
    expect(calls).not.toContain('eval');
  });
});
