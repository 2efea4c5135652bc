// /progress: the tally against the goal, time left, by method and platform, posted in the space.
import type { Method } from '../core/drive.js';
import { escapeMarkdown } from '../core/markdown.js';
import { publicReply, type Block } from '../core/reply.js';
import { appealOrChoice, progressBar, tallyText, timeLeftText } from './shared.js';
import { chartAttachments, pageLinkBlocks } from './chart.js';
import { defineCommand } from './types.js';

export const PLATFORM_NAMES: Record<string, string> = { discord: 'Discord', telegram: 'Telegram', slack: 'Slack', shell: 'Shell' };

/** Public: the group's tally holds nothing personal, and seeing it move is the point. */
export const progress = defineCommand({
  name: 'progress',
  description: 'cmd_progress',
  permission: 'member',
  scope: 'member',
  options: [{ name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true }],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const found = await appealOrChoice('progress', input, ctx, deps);
    if ('choice' in found) return found.choice;
    const { drive, appeal } = found;
    const tally = await deps.ledger.tally(appeal.id);
    const blocks: Block[] = [{ type: 'heading', text: t('progress_heading', { title: appeal.title }) }];
    if (drive) blocks.push({ type: 'text', text: escapeMarkdown(timeLeftText(t, drive, ctx.now, ctx.locale)) });
    blocks.push({ type: 'text', text: `**${escapeMarkdown(tallyText(t, tally, drive?.goal))}**` });
    if (drive?.goal) blocks.push({ type: 'text', text: progressBar(tally.actions, drive.goal) });
    if (tally.actions === 0) {
      blocks.push({ type: 'text', text: t('progress_none') });
    } else {
      blocks.push({ type: 'text', text: `**${t('progress_by_method')}**` });
      blocks.push({ type: 'fields', fields: Object.entries(tally.byMethod).map(([m, n]) => ({ label: t(`method_${m as Method}`), value: String(n) })) });
      blocks.push({ type: 'text', text: `**${t('progress_by_platform')}**` });
      blocks.push({ type: 'fields', fields: Object.entries(tally.byPlatform).map(([p, n]) => ({ label: PLATFORM_NAMES[p] ?? p, value: String(n) })) });
    }
    if (drive) blocks.push(...pageLinkBlocks(t, drive, deps));
    return publicReply(blocks, { attachments: drive ? await chartAttachments(drive, deps, ctx) : [] });
  },
});
