import { describe, expect, it } from 'vitest';
import { isShardMessage, shardProcess } from '../../../src/adapters/discord/shard-ipc.js';
import { shardsReadiness, spawnDelayMs } from '../../../src/adapters/discord/shards.js';

describe('the parts of DISCORD_SHARDS', () => {
  it('knows a shard process by the variables the ShardingManager sets, and no other process', () => {
    expect(shardProcess({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' })).toEqual({ ids: [1], count: 2 });
    expect(shardProcess({ SHARDING_MANAGER: 'true', SHARDS: '[2,3]', SHARD_COUNT: '4' })).toEqual({ ids: [2, 3], count: 4 });
    // The manager's own process gets SHARDING_MANAGER from discord.js too, but no SHARDS.
    expect(shardProcess({ SHARDING_MANAGER: 'true', DISCORD_SHARDS: '2' })).toBeUndefined();
    expect(shardProcess({ DISCORD_SHARDS: '2' })).toBeUndefined();
  });

  it('is ready only when every shard has started and is READY, naming those that are not', () => {
    expect(shardsReadiness([{ id: 0, ready: true }], 2)).toEqual({ ok: false, reason: 'gateway: 1 of 2 shards started' });
    expect(shardsReadiness([{ id: 0, ready: true }, { id: 1, ready: false }], 2)).toEqual({ ok: false, reason: 'gateway: shard 1 not ready' });
    expect(shardsReadiness([{ id: 0, ready: true }, { id: 1, ready: true }], 2)).toEqual({ ok: true });
  });

  it('spaces shard starts by Discord identify buckets: 5.5 s with one, less with more', () => {
    expect(spawnDelayMs(1)).toBe(5_500);
    expect(spawnDelayMs(16)).toBe(344);
    expect(spawnDelayMs(0)).toBe(5_500);
  });

  it("tells actionbot's IPC messages from discord.js' own", () => {
    expect(isShardMessage({ actionbot: 'events' })).toBe(true);
    expect(isShardMessage({ actionbot: 'metrics?', id: 1 })).toBe(true);
    expect(isShardMessage({ _ready: true })).toBe(false);
    expect(isShardMessage(null)).toBe(false);
  });
});
