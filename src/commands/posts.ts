// The posts the bot makes unasked (reminders, final tallies, milestones, live progress), worded and
// charted.
import { pickLocale, translator } from '../core/i18n/index.js';
import { escapeMarkdown } from '../core/markdown.js';
import type { ReminderPosts } from '../core/reminders/scheduler.js';
import type { Appeal } from '../core/appeal.js';
import type { Drive } from '../core/drive.js';
import type { Tally } from '../core/ledger/ledger.js';
import { actionButton, privateReply, publicReply, type Block, type Reply } from '../core/reply.js';
import { chartAttachments } from './chart.js';
import { reminderReply } from './remind.js';
import type { Deps } from './types.js';
import { progressBar, tallyText, timeLeftText, titleOf } from './shared.js';

/** The one message a busy space keeps and sees edited as actions come in (Telegram groups). */
export function liveProgressPost(drive: Drive, appeal: Appeal, tally: Tally, now: Date): Reply {
  const locale = pickLocale(drive.locale);
  const t = translator(locale);
  const blocks: Block[] = [
    { type: 'heading', text: t('progress_heading', { title: titleOf(drive, appeal) }) },
    { type: 'text', text: escapeMarkdown(timeLeftText(t, drive, now, locale)) },
    { type: 'text', text: `**${escapeMarkdown(tallyText(t, tally, drive.goal))}**` },
  ];
  if (drive.goal) blocks.push({ type: 'text', text: progressBar(tally.actions, drive.goal) });
  return publicReply(blocks, { buttons: [actionButton(t('cmd_letter'), `letter drive=${drive.id}`, 'primary')] });
}

/** What the scheduler posts, worded here with every other message, in the drive's language. */
export const reminderPosts: ReminderPosts = {
  reminder(drive, appeal, tally, now) {
    const locale = pickLocale(drive.locale);
    return reminderReply({ t: translator(locale), locale, drive, appeal, tally, now });
  },
  closed(drive, appeal, tally) {
    const t = translator(pickLocale(drive.locale));
    const lines = [t('remind_final', { tally: tallyText(t, tally, drive.goal) })];
    if (drive.goal) lines.push(progressBar(tally.actions, drive.goal));
    return publicReply([
      { type: 'heading', text: t('remind_final_heading', { title: titleOf(drive, appeal) }) },
      ...lines.map((line) => ({ type: 'text' as const, text: escapeMarkdown(line) })),
    ]);
  },
  milestone(drive, appeal, tally, percent) {
    const t = translator(pickLocale(drive.locale));
    // A campaign's milestones count actions (its cases' members cannot be added up): said so.
    const campaign = drive.cases.length > 1;
    const members = campaign ? t('tally_actions', { count: tally.actions }) : t('tally_members', { count: tally.members });
    const text = t(campaign ? 'milestone_campaign' : 'milestone', { percent, title: titleOf(drive, appeal), members, goal: drive.goal ?? 0 });
    return publicReply([{ type: 'text', text: `**${escapeMarkdown(text)}**` }], {
      buttons: [actionButton(t('cmd_letter'), `letter drive=${drive.id}`, 'primary')],
    });
  },
  member(drive, appeal, tally, now) {
    const locale = pickLocale(drive.locale);
    const t = translator(locale);
    return privateReply(
      [
        { type: 'heading', text: t('remindme_heading', { title: titleOf(drive, appeal) }) },
        { type: 'text', text: escapeMarkdown(`${timeLeftText(t, drive, now, locale)}. ${tallyText(t, tally, drive.goal)}.`) },
        { type: 'text', text: t('remind_how') },
      ],
      { buttons: [actionButton(t('cmd_letter'), `letter drive=${drive.id}`, 'primary')] },
    );
  },
};

/** The same posts, with the drive's chart as a PNG on milestones and on the final tally. */
export function chartedPosts(posts: ReminderPosts, deps: Pick<Deps, 'ledger' | 'renderPng' | 'clock'>): ReminderPosts {
  const withChart = async (reply: Reply, drive: Drive) => {
    const locale = pickLocale(drive.locale);
    const attachments = await chartAttachments(drive, deps, { t: translator(locale), locale, now: deps.clock.now() });
    return { ...reply, attachments: [...reply.attachments, ...attachments] };
  };
  return {
    ...posts,
    closed: async (drive, appeal, tally, now) => withChart(await posts.closed(drive, appeal, tally, now), drive),
    milestone: async (drive, appeal, tally, percent) => withChart(await posts.milestone(drive, appeal, tally, percent), drive),
  };
}
