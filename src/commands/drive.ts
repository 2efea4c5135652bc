// /drive start, end, list and set: moderators run an appeal, or a campaign of several, in their space
// with a goal, deadline and time zone.
import type { Appeal } from '../core/appeal.js';
import { appealIdSchema } from '../core/appeal.js';
import { driveTally } from '../core/campaign.js';
import { findCase, isOpen, type Drive } from '../core/drive.js';
import type { DriveSettings } from '../core/drives.js';
import { UserInputError } from '../core/errors.js';
import type { Translate } from '../core/i18n/index.js';
import { escapeMarkdown } from '../core/markdown.js';
import { DEFAULT_SCHEDULE, slotsFor } from '../core/reminders/slots.js';
import { actionButton, privateReply, publicReply, type Button } from '../core/reply.js';
import { pageLinkBlocks } from './chart.js';
import { usage } from './parse.js';
import { caseList, findAppeal, openDrive, tallyText, titleOf } from './shared.js';
import { defineCommand, type CommandGroup, type Deps } from './types.js';

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

/**
 * What `/drive start` names: one appeal, several separated by commas (in case order), or a campaign
 * file's id (its appeals, title, deadline and goal). Every appeal is read through the space's view
 * of the catalog, so a campaign cannot run another community's appeal.
 */
async function appealsNamed(word: string, deps: Deps): Promise<{ appeals: Appeal[]; title: string | null; settings: { deadline?: string; goal?: number } }> {
  const ids = word.split(',').map((id) => id.trim().toLowerCase()).filter(Boolean);
  for (const id of ids) if (!appealIdSchema.safeParse(id).success) throw new UserInputError('unknown_appeal', { appeal: id, appeals: (await deps.appeals.list()).map((a) => a.id).join(', ') || '-' });
  if (ids.length === 1 && !(await deps.appeals.get(ids[0]!))) {
    const campaign = deps.campaigns?.find((c) => c.id === ids[0]);
    if (campaign) {
      const appeals = await Promise.all(campaign.appeals.map((id) => findAppeal(id, deps)));
      return { appeals, title: campaign.title, settings: { deadline: campaign.deadline, goal: campaign.goal } };
    }
    if (deps.campaigns && deps.campaigns.length > 0) {
      const appeals = (await deps.appeals.list()).map((a) => a.id).join(', ') || '-';
      throw new UserInputError('campaign_unknown', { id: ids[0]!, appeals, campaigns: deps.campaigns.map((c) => c.id).join(', ') });
    }
  }
  if (new Set(ids).size !== ids.length) throw new UserInputError('campaign_repeats');
  return { appeals: await Promise.all(ids.map((id) => findAppeal(id, deps))), title: null, settings: {} };
}

const start = defineCommand({
  name: 'start',
  description: 'cmd_drive_start',
  permission: 'moderator',
  scope: 'space',
  options: [{ name: 'appeal', kind: 'appeals', description: 'opt_appeals', positional: true, required: true, placeholder: 'APPEAL[,APPEAL...]|CAMPAIGN' }, ...settingsOptions],
  async run(input, ctx, deps) {
    const { t } = ctx;
    // A private chat has nobody to remind and, on Telegram, no id kept to post to.
    if (ctx.space.kind === 'private') throw new UserInputError('drive_private_space');
    const named = await appealsNamed(input.appeal!, deps);
    const appeal = named.appeals[0]!;
    const settings = { ...settingsOf(input), locale: ctx.locale };
    const drive = await deps.drives.start(named.appeals, ctx.space.id, {
      ...settings,
      deadline: settings.deadline ?? named.settings.deadline,
      goal: settings.goal ?? named.settings.goal,
      title: named.title,
    });
    // The count belongs to the appeal: a new drive for it goes on from what earlier ones gathered.
    const tally = await driveTally(deps.ledger, drive);
    const campaign = drive.cases.length > 1;
    return publicReply(
      [
        { type: 'heading', text: campaign ? t('drive_started_campaign', { title: titleOf(drive, appeal), count: drive.cases.length }) : t('drive_started', { title: appeal.title }) },
        ...(campaign ? [{ type: 'text' as const, text: escapeMarkdown(named.appeals.map((a, i) => t('letter_case_line', { number: i + 1, reference: a.reference, title: a.title })).join('\n')) }] : []),
        { type: 'text', text: escapeMarkdown(`${campaign ? '' : `${appeal.reference}. `}${settingsLine(t, drive)}`) },
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
    const appeal = await findAppeal(drive.cases[0]!.appealId, deps);
    const tally = await driveTally(deps.ledger, drive);
    return publicReply([{ type: 'text', text: escapeMarkdown(t('drive_ended_msg', { title: titleOf(drive, appeal), tally: tallyText(t, tally, drive.goal) })) }]);
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
        const tally = await driveTally(deps.ledger, d);
        return t('drive_list_row', { appeal: d.title ?? d.cases.map((c) => c.appealId).join(', '), status: t(status), deadline: d.deadline, timezone: d.timezone, goal: d.goal ?? t('drive_no_goal'), tally: tallyText(t, tally) });
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
  options: [{ name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true }, ...settingsOptions, { name: 'case', kind: 'word', description: 'opt_case', max: 40, placeholder: 'CASE' }],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const before = await openDrive(input, ctx, deps);
    // `case=CASE goal=N`: that case's own goal; the drive's goal stays the whole campaign's.
    if (input.case !== undefined) {
      const found = findCase(before, input.case);
      if (!found) throw new UserInputError('unknown_case', { case: input.case, cases: caseList(before) });
      if (input.goal === undefined) throw new UserInputError('drive_set_nothing', { settings: settingsLine(t, before), usage: usage('drive set', settingsOptions) });
      await findAppeal(found.entry.appealId, deps);
      const drive = await deps.drives.setCaseGoal(before, found.entry.appealId, input.goal);
      ctx.emit({ type: 'drive-changed', driveId: drive.id });
      return publicReply([{ type: 'text', text: escapeMarkdown(t('drive_case_goal_set', { number: found.number, appeal: found.entry.appealId, goal: input.goal })) }]);
    }
    if (Object.values(settingsOf(input)).every((v) => v === undefined)) {
      return privateReply([{ type: 'text', text: escapeMarkdown(t('drive_set_nothing', { settings: settingsLine(t, before), usage: usage('drive set', settingsOptions) })) }]);
    }
    const drive = await deps.drives.update(before, settingsOf(input));
    if (drive.goal !== before.goal || drive.milestones !== before.milestones) ctx.emit({ type: 'drive-changed', driveId: drive.id });
    const appeal = await findAppeal(drive.cases[0]!.appealId, deps);
    return publicReply([
      { type: 'heading', text: t('drive_updated', { title: titleOf(drive, appeal) }) },
      { type: 'text', text: escapeMarkdown(settingsLine(t, drive)) },
      ...pageLinkBlocks(t, drive, deps),
    ]);
  },
});

export const drive: CommandGroup = { name: 'drive', description: 'cmd_drive', subcommands: [start, end, list, set] };
