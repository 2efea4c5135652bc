// /follow and /unfollow: a member asks to hear privately what becomes of an appeal, or stops.
import type { Appeal } from '../core/appeal.js';
import { closesAt, type Drive } from '../core/drive.js';
import { escapeMarkdown } from '../core/markdown.js';
import { privateReply } from '../core/reply.js';
import { endOfDay } from '../core/time.js';
import { PLATFORM_NAMES } from './progress.js';
import { driveAndAppeal, findAppeal } from './shared.js';
import type { CommandContext, Deps } from './types.js';
import { defineCommand } from './types.js';

const options = [
  { name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true },
  // The button after /acted names the drive: followed from a private chat, it still belongs to that group.
  { name: 'drive', kind: 'word', description: 'opt_appeal', hidden: true },
] as const;

/** "28 December 2026", in the member's language. */
export function day(ctx: CommandContext, at: Date): string {
  return new Intl.DateTimeFormat(ctx.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/** The later of the drive's close and the appeal's own deadline: news may come until then. */
function lastDeadline(appeal: Appeal, drive: Drive | undefined, now: Date): Date {
  const times = [now.getTime()];
  if (drive) times.push(closesAt(drive).getTime());
  if (appeal.deadline) times.push(endOfDay(appeal.deadline, 'UTC').getTime());
  return new Date(Math.max(...times));
}

export const follow = defineCommand({
  name: 'follow',
  description: 'cmd_follow',
  permission: 'member',
  scope: 'member',
  options,
  async run(input, ctx, deps) {
    const { t } = ctx;
    const { drive, appeal } = await driveAndAppeal(input, ctx, deps, { needDrive: false });
    // The group the member follows from: its community's news reaches them, and its count is "your group".
    const space = drive?.space ?? ctx.space.id;
    const { created, expires } = await deps.followers.follow(
      { appealId: appeal.id, member: ctx.member, space, platform: ctx.actor.platform, userId: ctx.actor.userId, locale: ctx.locale, lastDeadline: lastDeadline(appeal, drive, ctx.now) },
      ctx.now,
    );
    const params = { reference: appeal.reference, appeal: appeal.id, until: day(ctx, expires), platform: PLATFORM_NAMES[ctx.actor.platform] ?? ctx.actor.platform };
    const lines = [t(created ? 'follow_done' : 'follow_already', params)];
    if (!drive && ctx.space.kind === 'private') lines.push(t('follow_private_note'));
    return privateReply(lines.map((text) => ({ type: 'text', text: escapeMarkdown(text) })));
  },
});

/** The appeal named, or the space's drive's, or the only one the member follows. */
async function followedAppeal(input: { appeal?: string; drive?: string }, ctx: CommandContext, deps: Deps): Promise<Appeal> {
  if (!input.appeal && !input.drive && !(await deps.drives.resolve(ctx.space.id))) {
    const followed = await deps.followers.store.forMember(ctx.member, ctx.now);
    if (followed.length === 1) return findAppeal(followed[0]!.appealId, deps);
  }
  return (await driveAndAppeal(input, ctx, deps, { needDrive: false })).appeal;
}

export const unfollow = defineCommand({
  name: 'unfollow',
  description: 'cmd_unfollow',
  permission: 'member',
  scope: 'member',
  options,
  async run(input, ctx, deps) {
    const appeal = await followedAppeal(input, ctx, deps);
    const removed = await deps.followers.store.remove(appeal.id, ctx.member);
    // The sealed id leaves the files too.
    if (removed) await deps.scrub();
    return privateReply([{ type: 'text', text: escapeMarkdown(ctx.t(removed ? 'unfollow_done' : 'unfollow_none', { reference: appeal.reference })) }]);
  },
});
