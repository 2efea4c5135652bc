// /remindme: a private reminder for one member before the deadline.
import { closesAt } from '../core/drive.js';
import { UserInputError } from '../core/errors.js';
import { privateReply } from '../core/reply.js';
import { PLATFORM_NAMES } from './progress.js';
import { driveAndCase } from './shared.js';
import { defineCommand } from './types.js';

const HOUR = 3_600_000;

/**
 * When to remind: two days before the drive closes, but never sooner than an hour from now nor
 * later than three days from now (a member who asked wants it while they still remember why).
 */
export function memberReminderDue(now: Date, closes: Date): Date {
  const twoDaysBefore = closes.getTime() - 48 * HOUR;
  const latest = now.getTime() + 72 * HOUR;
  const earliest = now.getTime() + HOUR;
  return new Date(Math.min(closes.getTime() - HOUR, Math.max(earliest, Math.min(twoDaysBefore, latest))));
}

export const remindme = defineCommand({
  name: 'remindme',
  description: 'cmd_remindme',
  permission: 'member',
  scope: 'member',
  options: [
    { name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true },
    { name: 'drive', kind: 'word', description: 'opt_appeal', hidden: true },
  ],
  async run(input, ctx, deps) {
    const { t } = ctx;
    // A reminder is for the drive, a campaign's every case: no case needs naming (a named one must exist).
    const { drive } = await driveAndCase(input, ctx, deps, { needDrive: true });
    const closes = closesAt(drive!);
    const format = (d: Date) =>
      `${new Intl.DateTimeFormat(ctx.locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: drive!.timezone }).format(d)} (${drive!.timezone})`;
    const existing = await deps.memberReminders.get(drive!.id, ctx.member);
    if (existing) return privateReply([{ type: 'text', text: t('remindme_already', { date: format(new Date(existing.due)) }) }]);
    const due = memberReminderDue(ctx.now, closes);
    if (due <= ctx.now) throw new UserInputError('drive_closed', { deadline: drive!.deadline });
    await deps.memberReminders.add({ driveId: drive!.id, member: ctx.member, platform: ctx.actor.platform, userId: ctx.actor.userId, due: due.toISOString() }, ctx.now);
    return privateReply([{ type: 'text', text: t('remindme_set', { date: format(due), platform: PLATFORM_NAMES[ctx.actor.platform] ?? ctx.actor.platform }) }]);
  },
});
