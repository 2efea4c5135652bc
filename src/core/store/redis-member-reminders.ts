// Members' own reminders in Redis: a hash per reminder that Redis expires by itself, found through a
// sorted set per drive and a set per member; each change one script.
import type { MemberReminder, MemberReminderRepository } from '../reminders/member-reminders.js';
import { GET_HASH, pairs, repositoryKeys, run, type RedisScripts } from './redis-repositories.js';

// KEYS: the reminder hash, the drive's sorted set (member by due time), the member's set of drives.
// ARGV: member, drive id, time to live in ms, then the hash's fields and values.
export const PUT_REMINDER = `
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], 0, ARGV[1])
redis.call('SADD', KEYS[3], ARGV[2])
return 1`;
// KEYS[1]: an index (sorted set or set); ARGV[1]: the prefix of the hashes it points to, ARGV[2]: the
// separator side ('drive': entries are members, hashes are prefix..entry; 'member': prefix..entry..':'..member).
// Returns the hashes still there, flattened; entries whose hash expired leave the index.
const READ_INDEX = `
local kind = ARGV[1]
local entries
if kind == 'drive' then entries = redis.call('ZRANGE', KEYS[1], 0, -1) else entries = redis.call('SMEMBERS', KEYS[1]) end
local found = {}
for _, entry in ipairs(entries) do
  local key
  if kind == 'drive' then key = ARGV[2] .. entry else key = ARGV[2] .. entry .. ':' .. ARGV[3] end
  local fields = redis.call('HGETALL', key)
  if #fields == 0 then
    if kind == 'drive' then redis.call('ZREM', KEYS[1], entry) else redis.call('SREM', KEYS[1], entry) end
  else
    table.insert(found, fields)
  end
end
return found`;
// KEYS: hash, drive index, member index; ARGV: member, drive id.
const REMOVE_REMINDER = `
local existed = redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[2])
return existed`;
// KEYS[1]: the member's set; ARGV: reminder prefix, member, drive-index prefix.
const REMOVE_MEMBER = `
local removed = 0
for _, drive in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  removed = removed + redis.call('DEL', ARGV[1] .. drive .. ':' .. ARGV[2])
  redis.call('ZREM', ARGV[3] .. drive, ARGV[2])
end
redis.call('DEL', KEYS[1])
return removed`;
const DRIVES_WITH = `local found = {} for i, key in ipairs(KEYS) do if redis.call('ZCARD', key) > 0 then table.insert(found, ARGV[i]) end end return found`;

/**
 * A reminder is a hash `reminder:<drive>:<member>` that Redis expires by itself; `reminders:drive:<id>`
 * (a sorted set of member keys) and `reminders:member:<key>` (a set of drive ids) find them, and lose
 * an entry when a read finds its hash expired.
 */
export class RedisMemberReminders implements MemberReminderRepository {
  private readonly keys;
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisScripts,
    prefix: string,
  ) {
    this.keys = repositoryKeys(prefix);
    this.prefix = prefix;
  }

  async put(r: MemberReminder & { expires: string }, now: Date): Promise<void> {
    // Lives until its expiry, counted from the caller's clock (a test's clock may not be the wall's).
    const ttl = Math.max(1, Date.parse(r.expires) - now.getTime());
    await run(this.redis, 'write a reminder', PUT_REMINDER, [this.keys.reminder(r.driveId, r.member), this.keys.remindersOfDrive(r.driveId), this.keys.remindersOfMember(r.member)], [r.member, r.driveId, String(ttl), ...reminderFields(r)]);
  }

  async get(driveId: string, member: string): Promise<MemberReminder | undefined> {
    const found = pairs(await run(this.redis, 'read a reminder', GET_HASH, [this.keys.reminder(driveId, member)]));
    return Object.keys(found).length === 0 ? undefined : toReminder(found);
  }

  async forDrive(driveId: string): Promise<MemberReminder[]> {
    const found = (await run(this.redis, 'read reminders', READ_INDEX, [this.keys.remindersOfDrive(driveId)], ['drive', `${this.prefix}reminder:${driveId}:`])) as unknown[];
    return found.map((f) => toReminder(pairs(f))).sort((a, b) => a.due.localeCompare(b.due) || a.member.localeCompare(b.member));
  }

  async forMember(member: string): Promise<MemberReminder[]> {
    const found = (await run(this.redis, 'read reminders', READ_INDEX, [this.keys.remindersOfMember(member)], ['member', `${this.prefix}reminder:`, member])) as unknown[];
    return found.map((f) => toReminder(pairs(f))).sort((a, b) => a.due.localeCompare(b.due) || a.driveId.localeCompare(b.driveId));
  }

  async drivesWith(driveIds: readonly string[]): Promise<Set<string>> {
    const found = (await run(this.redis, 'read reminders', DRIVES_WITH, driveIds.map((id) => this.keys.remindersOfDrive(id)), [...driveIds])) as string[];
    return new Set(found);
  }

  async remove(driveId: string, member: string): Promise<boolean> {
    const keys = [this.keys.reminder(driveId, member), this.keys.remindersOfDrive(driveId), this.keys.remindersOfMember(member)];
    return Number(await run(this.redis, 'delete a reminder', REMOVE_REMINDER, keys, [member, driveId])) > 0;
  }

  async removeMember(member: string): Promise<number> {
    return Number(await run(this.redis, 'delete reminders', REMOVE_MEMBER, [this.keys.remindersOfMember(member)], [`${this.prefix}reminder:`, member, `${this.prefix}reminders:drive:`]));
  }
}

/** A reminder as a hash's field/value list (also what the migration writes). */
export function reminderFields(r: MemberReminder & { expires: string }): string[] {
  return ['driveId', r.driveId, 'member', r.member, 'platform', r.platform, 'userId', r.userId, 'due', r.due, 'expires', r.expires];
}

const toReminder = (f: Record<string, string>): MemberReminder => ({ driveId: f.driveId!, member: f.member!, platform: f.platform!, userId: f.userId!, due: f.due!, expires: f.expires! });
