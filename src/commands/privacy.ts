// /privacy: what is stored about the member, and for how long.
import { escapeMarkdown } from '../core/markdown.js';
import { privateReply, type Block } from '../core/reply.js';
import type { MemberReminder } from '../core/reminders/member-reminders.js';
import { reminderExpiry } from '../core/reminders/member-reminders.js';
import { day } from './follow.js';
import { describeProfile } from './letter.js';
import { PLATFORM_NAMES } from './progress.js';
import type { CommandContext, Deps } from './types.js';
import { defineCommand } from './types.js';

/** Days actions are kept after their appeal's last drive has closed, unless RETENTION_DAYS says otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;

/**
 * Everything stored about the member: actions, the saved signature, pending reminders (with the
 * time in the drive's zone and when their platform id goes), and how long each is kept. Anything
 * that came from a member or a key is escaped: a key's underscore must not become italics.
 */
export const privacy = defineCommand({
  name: 'privacy',
  description: 'cmd_privacy',
  permission: 'member',
  scope: 'member',
  options: [],
  async run(_input, ctx, deps) {
    const { t } = ctx;
    // A member's own actions span every community they acted in: every appeal is looked at, and
    // only the member's own actions are shown (nothing of a community they did not act in).
    const everywhere = deps.appeals.viewFor({ community: ctx.origin.community, member: ctx.member, operator: true, where: ctx.space.id });
    const appeals = await everywhere.list();
    const lines: string[] = [];
    for (const appeal of appeals) {
      const methods = await deps.ledger.methodsOf(appeal.id, ctx.member);
      if (methods.length > 0) lines.push(`${appeal.reference}: ${methods.map((m) => t(`method_${m}`)).join(', ')}`);
    }
    const profile = await deps.profiles.get(ctx.member);
    const reminders = await reminderLines(await deps.memberReminders.forMember(ctx.member), ctx, deps);
    const following = await followingLines(ctx, deps);
    const blocks: Block[] = [
      { type: 'heading', text: t('privacy_heading') },
      { type: 'text', text: escapeMarkdown(t('privacy_body', { key: ctx.member.slice(0, 8) })) },
      {
        type: 'fields',
        fields: [
          { label: t('privacy_actions'), value: lines.length > 0 ? lines.join('\n') : t('privacy_no_actions') },
          { label: t('privacy_profile'), value: profile ? describeProfile(t, profile) : t('privacy_no_profile') },
          { label: t('privacy_reminders'), value: reminders.length > 0 ? reminders.join('\n') : t('privacy_no_reminders') },
          { label: t('privacy_following'), value: following.length > 0 ? following.join('\n') : t('privacy_no_following') },
        ],
      },
      { type: 'text', text: escapeMarkdown(t('privacy_kept', { days: deps.retentionDays ?? DEFAULT_RETENTION_DAYS })) },
      { type: 'text', text: t('privacy_forget') },
    ];
    return privateReply(blocks);
  },
});

async function reminderLines(reminders: MemberReminder[], ctx: CommandContext, deps: Deps): Promise<string[]> {
  const lines: string[] = [];
  for (const reminder of reminders) {
    const drive = await deps.drives.get(reminder.driveId);
    if (!drive) continue;
    const appeal = await deps.appeals.viewFor({ community: ctx.origin.community, member: ctx.member, operator: true, where: ctx.space.id }).get(drive.cases[0]!.appealId);
    const format = (d: Date) =>
      new Intl.DateTimeFormat(ctx.locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: drive.timezone }).format(d);
    const expires = reminder.expires ? new Date(reminder.expires) : reminderExpiry(new Date(reminder.due));
    lines.push(
      ctx.t('privacy_reminder_line', {
        reference: drive.title ?? (drive.cases.length > 1 ? drive.cases.map((c) => c.appealId).join(', ') : (appeal?.reference ?? drive.cases[0]!.appealId)),
        date: format(new Date(reminder.due)),
        zone: drive.timezone,
        platform: PLATFORM_NAMES[reminder.platform] ?? reminder.platform,
        expires: format(expires),
      }),
    );
  }
  return lines;
}

/** The appeals the member follows, with when their sealed platform id goes at the latest. */
async function followingLines(ctx: CommandContext, deps: Deps): Promise<string[]> {
  const view = deps.appeals.viewFor({ community: ctx.origin.community, member: ctx.member, operator: true, where: ctx.space.id });
  const lines: string[] = [];
  for (const follower of await deps.followers.store.forMember(ctx.member, ctx.now)) {
    const appeal = await view.get(follower.appealId);
    lines.push(ctx.t('privacy_following_line', { reference: appeal?.reference ?? follower.appealId, platform: PLATFORM_NAMES[follower.platform] ?? follower.platform, until: day(ctx, new Date(follower.expires)) }));
  }
  return lines;
}
