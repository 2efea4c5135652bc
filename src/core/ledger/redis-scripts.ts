// The Redis ledger's Lua scripts: record a batch and remove actions, checking the store marker.
import { createHash } from 'node:crypto';

// Each script touches the keys of one appeal (one hash tag) and the store's marker: one Redis, not a cluster.
// KEYS: [acts hash, member-count hash, tally hash, hourly hash, the store's marker, the outbox's
// events hash, the outbox's id set]; ARGV[1] is the marker's value: a store whose marker is gone or
// changed (Redis came back empty) refuses to count.
// The hourly counts of one space live in the hourly hash's name followed by ':' and the space.
// A write's delivery claim (a key and its lifetime, or '' for none) and its events (a JSON array of
// [id, stored event] pairs, or '') commit in the same script as the change they follow from.
const MARKER_CHECK = `
local marker = redis.call('GET', KEYS[5])
if (marker or '') ~= ARGV[1] then return redis.error_reply('STORE_RESET the store marker is gone') end
local function claimed(key, ttl)
  if key == '' then return true end
  return redis.call('SET', key, '1', 'NX', 'PX', ttl) ~= false
end
local function follow(events)
  if events == '' then return end
  for _, pair in ipairs(cjson.decode(events)) do
    redis.call('HSET', KEYS[6], pair[1], pair[2])
    redis.call('ZADD', KEYS[7], 0, pair[1])
  end
end
`;

/**
 * Records a batch of actions in order. ARGV, after the marker, holds 8 values per action: member,
 * method, "time|space", space, platform, claim key, claim lifetime (ms), events. Returns per action
 * -1 (delivery handled before: nothing done), 0 (already counted), 1 (new action) or 2 (new action
 * by a member new to this appeal), then the tally hash after the whole batch.
 */

export const RECORD_BATCH = `${MARKER_CHECK}
local results = {}
for i = 2, #ARGV, 8 do
  local member, method, space = ARGV[i], ARGV[i + 1], ARGV[i + 3]
  if not claimed(ARGV[i + 5], ARGV[i + 6]) then
    results[#results + 1] = -1
  elseif redis.call('HSETNX', KEYS[1], member .. '|' .. method, ARGV[i + 2]) == 0 then
    results[#results + 1] = 0
  else
    local first = redis.call('HINCRBY', KEYS[2], member, 1) == 1
    if first then redis.call('HINCRBY', KEYS[3], 'members', 1) end
    redis.call('HINCRBY', KEYS[3], 'actions', 1)
    redis.call('HINCRBY', KEYS[3], 'm:' .. method, 1)
    redis.call('HINCRBY', KEYS[3], 's:' .. space, 1)
    redis.call('HINCRBY', KEYS[3], 'p:' .. ARGV[i + 4], 1)
    local bucket = string.sub(ARGV[i + 2], 1, 13) .. '|' .. method
    redis.call('HINCRBY', KEYS[4], bucket, 1)
    redis.call('HINCRBY', KEYS[4] .. ':' .. space, bucket, 1)
    follow(ARGV[i + 7])
    results[#results + 1] = first and 2 or 1
  end
end
return {results, redis.call('HGETALL', KEYS[3])}
`;

/**
 * Removes one member's actions (ARGV[2]) by the methods in ARGV[6..], with a claim (ARGV[3], its
 * lifetime ARGV[4]) and events (ARGV[5]) as in RECORD_BATCH; returns how many (-1: handled
 * before), then the tally hash.
 */
export const REMOVE = `${MARKER_CHECK}
if not claimed(ARGV[3], ARGV[4]) then return {-1, redis.call('HGETALL', KEYS[3])} end
local function dec(field, key)
  key = key or KEYS[3]
  if redis.call('HINCRBY', key, field, -1) <= 0 then redis.call('HDEL', key, field) end
end
local removed = 0
for i = 6, #ARGV do
  local f = ARGV[2] .. '|' .. ARGV[i]
  local v = redis.call('HGET', KEYS[1], f)
  if v then
    redis.call('HDEL', KEYS[1], f)
    removed = removed + 1
    local space = string.sub(v, string.find(v, '|', 1, true) + 1)
    dec('actions')
    dec('m:' .. ARGV[i])
    dec('s:' .. space)
    dec('p:' .. string.match(space, '^[^:]+'))
    local bucket = string.sub(v, 1, 13) .. '|' .. ARGV[i]
    dec(bucket, KEYS[4])
    dec(bucket, KEYS[4] .. ':' .. space)
    if redis.call('HINCRBY', KEYS[2], ARGV[2], -1) <= 0 then
      redis.call('HDEL', KEYS[2], ARGV[2])
      dec('members')
    end
  end
end
if removed > 0 then follow(ARGV[5]) end
return {removed, redis.call('HGETALL', KEYS[3])}
`;

export const SCRIPT_SHA = new Map([RECORD_BATCH, REMOVE].map((script) => [script, createHash('sha1').update(script).digest('hex')]));
