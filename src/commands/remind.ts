// /remind now, schedule, list and off: moderators' reminders before the deadline.
import type { Appeal } from '../core/appeal.js';
import type { Drive } from '../core/drive.js';
import type { Locale, Translate } from '../core/i18n/index.js';
import type { Tally } from '../core/ledger/ledger.js';
import { escapeMarkdown } from '../core/markdown.js';
import { DEFAULT_SCHEDULE, parseOffsets, parseTimeOfDay, skippedSlots, slotsFor, type Slot } from '../core/reminders/slots.js';
import { localDate } from '../core/time.js';
import { actionButton, privateReply, publicReply, type Block, type Reply } from '../core/reply.js';
import { driveTally } from '../core/campaign.js';
import { findAppeal, longDate, openDrive, progressBar, tallyText, timeLeftText, titleOf } from './shared.js';
import { defineCommand, type CommandGroup } from './types.js';

/** The reminder post, shared by /remind now and the scheduler. */
export function reminderReply(input: { t: Translate; locale: Locale; drive: Drive; appeal: Appeal; tally: Tally; now: Date; message?: string }): Reply {
  const { t, drive, appeal, tally, now } = input;
  const blocks: Block[] = [
    { type: 'heading', text: t('remind_heading', { title: titleOf(drive, appeal) }) },
    { type: 'text', text: `**${escapeMarkdown(timeLeftText(t, drive, now, input.locale))}**` },
    { type: 'text', text: escapeMarkdown(tallyText(t, tally, drive.goal)) },
  ];
  if (drive.goal) blocks.push({ type: 'text', text: progressBar(tally.actions, drive.goal) });
  blocks.push({ type: 'text', text: t('remind_how') });
  if (input.message) blocks.push({ type: 'text', text: escapeMarkdown(t('remind_from', { message: input.message })) });
  return publicReply(blocks, { buttons: [actionButton(t('cmd_letter'), `letter drive=${drive.id}`, 'primary')] });
}

const now = defineCommand({
  name: 'now',
  description: 'cmd_remind_now',
  permission: 'moderator',
  scope: 'space',
  options: [
    { name: 'appeal', kind: 'appeal', description: 'opt_appeal' },
    { name: 'message', kind: 'text', description: 'opt_message', rest: true, max: 500 },
  ],
  async run(input, ctx, deps) {
    const drive = await openDrive(input, ctx, deps);
    const appeal = await findAppeal(drive.cases[0]!.appealId, deps);
    const tally = await driveTally(deps.ledger, drive);
    return reminderReply({ t: ctx.t, locale: ctx.locale, drive, appeal, tally, now: ctx.now, message: input.message });
  },
});

/** "Tuesday, December 1, 09:00 (Europe/Paris)"; the close as "the end of Thursday, December 31 (Europe/Paris): final tally". */
function slotText(t: Translate, locale: string, drive: Drive, slot: Slot, now: Date): string {
  if (slot.kind === 'close') {
    return t('remind_slot_close_at', { date: longDate(drive.deadline, locale, localDate(now, drive.timezone).slice(0, 4) !== drive.deadline.slice(0, 4)), timezone: drive.timezone });
  }
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: drive.timezone });
  return `${format.format(slot.at)} (${drive.timezone})`;
}

/** The posts still to come, as /remind schedule and /remind list both show them. */
function slotLines(t: Translate, locale: string, drive: Drive, now: Date): string[] {
  return slotsFor(drive)
    .filter((slot) => slot.at > now)
    .map((slot) => slotText(t, locale, drive, slot, now));
}

const schedule = defineCommand({
  name: 'schedule',
  description: 'cmd_remind_schedule',
  permission: 'moderator',
  scope: 'space',
  options: [
    { name: 'offsets', kind: 'word', description: 'opt_offsets', positional: true, required: true, max: 60, placeholder: '7d,3d,1d,0d' },
    { name: 'at', kind: 'word', description: 'opt_at', max: 5, placeholder: 'HH:MM' },
    { name: 'appeal', kind: 'appeal', description: 'opt_appeal' },
    { name: 'drive', kind: 'word', description: 'opt_appeal', hidden: true },
  ],
  async run(input, ctx, deps) {
    const offsets = parseOffsets(input.offsets!);
    const at = parseTimeOfDay(input.at ?? DEFAULT_SCHEDULE.at);
    const drive = await deps.drives.update(await openDrive(input, ctx, deps), { reminders: { offsets, at, since: ctx.now.toISOString() } });
    const appeal = await findAppeal(drive.cases[0]!.appealId, deps);
    const lines = slotLines(ctx.t, ctx.locale, drive, ctx.now);
    const blocks: Block[] = [{ type: 'text', text: escapeMarkdown([ctx.t('remind_scheduled', { title: titleOf(drive, appeal) }), ...lines.map((l) => `- ${l}`)].join('\n')) }];
    const skipped = skippedSlots(drive).map((slot) => slotText(ctx.t, ctx.locale, drive, slot, ctx.now));
    if (skipped.length > 0) blocks.push({ type: 'text', text: escapeMarkdown(ctx.t('remind_skipped', { slots: skipped.join('; ') })) });
    return privateReply(blocks);
  },
});

const list = defineCommand({
  name: 'list',
  description: 'cmd_remind_list',
  permission: 'moderator',
  scope: 'space',
  options: [{ name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true }],
  async run(input, ctx, deps) {
    const drive = await openDrive(input, ctx, deps);
    const appeal = await findAppeal(drive.cases[0]!.appealId, deps);
    const lines = slotLines(ctx.t, ctx.locale, drive, ctx.now).map((l) => `- ${l}`);
    const blocks: Block[] = [{ type: 'heading', text: ctx.t('remind_list_heading', { title: titleOf(drive, appeal) }) }, { type: 'text', text: escapeMarkdown(lines.join('\n')) }];
    if (!drive.reminders) blocks.push({ type: 'text', text: escapeMarkdown(ctx.t('remind_list_none')) });
    return privateReply(blocks);
  },
});

const off = defineCommand({
  name: 'off',
  description: 'cmd_remind_off',
  permission: 'moderator',
  scope: 'space',
  options: [{ name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true }],
  async run(input, ctx, deps) {
    const drive = await deps.drives.update(await openDrive(input, ctx, deps), { reminders: null });
    const appeal = await findAppeal(drive.cases[0]!.appealId, deps);
    return privateReply([{ type: 'text', text: escapeMarkdown(ctx.t('remind_off_done', { title: titleOf(drive, appeal) })) }]);
  },
});

export const remind: CommandGroup = { name: 'remind', description: 'cmd_remind', subcommands: [now, schedule, list, off] };
