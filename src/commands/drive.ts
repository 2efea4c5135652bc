// /drive start, end, list and set: moderators run an appeal in their space with a goal, deadline
// and time zone.
import { isOpen, type Drive } from '../core/drive.js';
import type { DriveSettings } from '../core/drives.js';
import { UserInputError } from '../core/errors.js';
import type { Translate } from '../core/i18n/index.js';
import { escapeMarkdown } from '../core/markdown.js';
import { DEFAULT_SCHEDULE, slotsFor } from '../core/reminders/slots.js';
import { actionButton, privateReply, publicReply, type Button } from '../core/reply.js';
import { pageLinkBlocks } from './chart.js';
import { usage } from './parse.js';
import { findAppeal, openDrive, tallyText } from './shared.js';
import { defineCommand, type CommandGroup } from './types.js';

const settingsOptions = [
  { name: 'goal', kind: 'goal', description: 'opt_goal' },
  { name: 'deadline', kind: 'date', description: 'opt_deadline' },
  { name: 'timezone', kind: 'timezone', description: 'opt_timezone' },
  { name: 'milestones', kind: 'toggle', description: 'opt_milestones' },
  { name: 'page', kind: 'toggle', description: 'opt_page' },
] as const;

function settingsOf(input: DriveSettings): DriveSettings {
  return { goal: input.goal, deadline: input.deadline, timezone: input.timezone, milestones: input.milestones, page: input.page };
}

function settingsLine(t: Translate, drive: Drive): string {
  return t('drive_settings', { deadline: drive.deadline, timezone: drive.timezone, goal: drive.goal ?? t('drive_no_goal') });
}

/** The default schedule's reminders still to come; no button when every one has passed. */
function scheduleButton(t: Translate, drive: Drive, now: Date): Button[] {
  const { at } = DEFAULT_SCHEDULE;
  const upcoming = DEFAULT_SCHEDULE.offsets.filter((offset) =>
    slotsFor({ ...drive, reminders: { offsets: [offset], at, since: now.toISOString() } }).some((slot) => slot.kind === 'reminder'),
  );
  if (upcoming.length === 0) return [];
  return [actionButton(t('button_schedule_default', { offsets: upcoming.join(', '), at }), `remind schedule ${upcoming.join(',')} at=${at} drive=${drive.id}`)];
}

const start = defineCommand({
  name: 'start',
  description: 'cmd_drive_start',
  permission: 'moderator',
  scope: 'space',
  options: [{ name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true, required: true }, ...settingsOptions],
  async run(input, ctx, deps) {
    const { t } = ctx;
    // A private chat has nobody to remind and, on Telegram, no id kept to post to.
    if (ctx.space.kind === 'private') throw new UserInputError('drive_private_space');
    const appeal = await findAppeal(input.appeal!, deps);
    const drive = await deps.drives.start(appeal, ctx.space.id, { ...settingsOf(input), locale: ctx.locale });
    // The count belongs to the appeal: a new drive for it goes on from what earlier ones gathered.
    const tally = await deps.ledger.tally(appeal.id);
    return publicReply(
      [
        { type: 'heading', text: t('drive_started', { title: appeal.title }) },
        { type: 'text', text: escapeMarkdown(`${appeal.reference}. ${settingsLine(t, drive)}`) },
        ...pageLinkBlocks(t, drive, deps),
        ...(tally.actions > 0 ? [{ type: 'text' as const, text: escapeMarkdown(t('drive_continues', { tally: tallyText(t, tally, drive.goal) })) }] : []),
        { type: 'text', text: t('drive_how') },
      ],
      {
        buttons: [actionButton(t('cmd_letter'), `letter drive=${drive.id}`, 'primary'), ...scheduleButton(t, drive, ctx.now)],
      },
    );
  },
});

const end = defineCommand({
  name: 'end',
  description: 'cmd_drive_end',
  permission: 'moderator',
  scope: 'space',
  options: [{ name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true }],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const drive = await deps.drives.end(await openDrive(input, ctx, deps));
    const appeal = await findAppeal(drive.appealId, deps);
    const tally = await deps.ledger.tally(drive.appealId);
    return publicReply([{ type: 'text', text: escapeMarkdown(t('drive_ended_msg', { title: appeal.title, tally: tallyText(t, tally, drive.goal) })) }]);
  },
});

const list = defineCommand({
  name: 'list',
  description: 'cmd_drive_list',
  permission: 'moderator',
  scope: 'space',
  options: [],
  async run(_input, ctx, deps) {
    const { t } = ctx;
    const drives = await deps.drives.listIn(ctx.space.id);
    if (drives.length === 0) {
      const example = (await deps.appeals.list())[0]?.id ?? 'APPEAL';
      return privateReply([{ type: 'text', text: escapeMarkdown(t('drive_list_none', { example })) }]);
    }
    const rows = await Promise.all(
      drives.map(async (d) => {
        const status = d.status === 'ended' ? 'drive_status_ended' : isOpen(d, ctx.now) ? 'drive_status_open' : 'drive_status_closed';
        const tally = await deps.ledger.tally(d.appealId);
        return t('drive_list_row', { appeal: d.appealId, status: t(status), deadline: d.deadline, timezone: d.timezone, goal: d.goal ?? t('drive_no_goal'), tally: tallyText(t, tally) });
      }),
    );
    return privateReply([{ type: 'heading', text: t('drive_list_heading') }, { type: 'text', text: escapeMarkdown(rows.join('\n')) }]);
  },
});

const set = defineCommand({
  name: 'set',
  description: 'cmd_drive_set',
  permission: 'moderator',
  scope: 'space',
  options: [{ name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true }, ...settingsOptions],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const before = await openDrive(input, ctx, deps);
    if (Object.values(settingsOf(input)).every((v) => v === undefined)) {
      return privateReply([{ type: 'text', text: escapeMarkdown(t('drive_set_nothing', { settings: settingsLine(t, before), usage: usage('drive set', settingsOptions) })) }]);
    }
    const drive = await deps.drives.update(before, settingsOf(input));
    if (drive.goal !== before.goal || drive.milestones !== before.milestones) ctx.emit({ type: 'drive-changed', driveId: drive.id });
    const appeal = await findAppeal(drive.appealId, deps);
    return publicReply([
      { type: 'heading', text: t('drive_updated', { title: appeal.title }) },
      { type: 'text', text: escapeMarkdown(settingsLine(t, drive)) },
      ...pageLinkBlocks(t, drive, deps),
    ]);
  },
});

export const drive: CommandGroup = { name: 'drive', description: 'cmd_drive', subcommands: [start, end, list, set] };
