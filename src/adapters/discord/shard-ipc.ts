/**
 * What actionbot's shard processes and their ShardingManager tell each other over the IPC channel,
 * beside discord.js' own messages (whose keys start with `_`): a shard appended events to the
 * outbox (the manager's relay handles them at once), and the manager asks for a shard's metrics
 * (merged into /metrics). Kept free of discord.js so the shard side needs no SDK to read it.
 */
export type ShardMessage =
  | { actionbot: 'events' }
  | { actionbot: 'metrics?'; id: number }
  | { actionbot: 'metrics'; id: number; metrics: unknown[] };

const KINDS = new Set(['events', 'metrics?', 'metrics']);

export function isShardMessage(message: unknown): message is ShardMessage {
  const kind = (message as { actionbot?: unknown } | null)?.actionbot;
  return typeof kind === 'string' && KINDS.has(kind);
}

/**
 * A shard process (started by discord.js' ShardingManager, which sets these variables), or
 * undefined for any other process. `ids` are the shards this process runs.
 */
export function shardProcess(env: Record<string, string | undefined>): { ids: number[]; count: number } | undefined {
  if (env.SHARDING_MANAGER !== 'true' || env.SHARDS === undefined) return undefined;
  const ids = ([] as unknown[]).concat(JSON.parse(env.SHARDS)).map(Number);
  return { ids, count: Number(env.SHARD_COUNT ?? ids.length) };
}
