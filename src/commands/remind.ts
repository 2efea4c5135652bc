import { escapeMarkdown } from '../core/markdown.js';
import { actionButton, publicReply, type Block, type Reply } from '../core/reply.js';
import type { Appeal } from '../core/appeal.js';
import type { Drive } from '../core/drive.js';
import type { Locale, Translate } from '../core/i18n/index.js';
import type { Tally } from '../core/ledger/ledger.js';
import { findAppeal, progressBar, tallyText, timeLeftText } from './shared.js';
import { defineCommand, type CommandGroup } from './types.js';
import { UserInputError } from '../core/errors.js';

/** The reminder post, shared by /remind now and the scheduler. */
export function reminderReply(input: { t: Translate; locale: Locale; drive: Drive; appeal: Appeal; tally: Tally; now: Date; message?: string }): Reply {
  const { t, drive, appeal, tally, now } = input;
  const blocks: Block[] = [
    { type: 'heading', text: t('remind_heading', { title: appeal.title }) },
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
  options: [
    { name: 'appeal', kind: 'appeal', description: 'opt_appeal' },
    { name: 'message', kind: 'text', description: 'opt_message', rest: true, max: 500 },
  ],
  async run(input, ctx, deps) {
    const drive = await deps.drives.resolve(ctx.space.id, input.appeal);
    if (!drive) throw new UserInputError('no_drive');
    const appeal = await findAppeal(drive.appealId, deps);
    const tally = await deps.ledger.tally(appeal.id);
    return reminderReply({ t: ctx.t, locale: ctx.locale, drive, appeal, tally, now: ctx.now, message: input.message });
  },
});

export const remind: CommandGroup = { name: 'remind', description: 'cmd_remind', subcommands: [now] };
