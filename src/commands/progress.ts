// /progress: the tally against the goal, time left, by case, method and platform, and the letters
// written at events, posted in the space.
import type { Appeal } from '../core/appeal.js';
import { driveTally } from '../core/campaign.js';
import type { Method } from '../core/drive.js';
import type { Tally } from '../core/ledger/ledger.js';
import { escapeMarkdown } from '../core/markdown.js';
import { publicReply, type Block } from '../core/reply.js';
import { appealOrChoice, percentOf, progressBar, tallyText, timeLeftText, titleOf } from './shared.js';
import { chartAttachments, pageLinkBlocks } from './chart.js';
import { defineCommand, type CommandContext } from './types.js';

export const PLATFORM_NAMES: Record<string, string> = { discord: 'Discord', telegram: 'Telegram', slack: 'Slack', shell: 'Shell' };

/** By method and by platform: what members reported. */
function breakdown(ctx: CommandContext, tally: Tally): Block[] {
  const { t } = ctx;
  if (tally.actions === 0) return [{ type: 'text', text: t('progress_none') }];
  return [
    { type: 'text', text: `**${t('progress_by_method')}**` },
    { type: 'fields', fields: Object.entries(tally.byMethod).map(([m, n]) => ({ label: t(`method_${m as Method}`), value: String(n) })) },
    { type: 'text', text: `**${t('progress_by_platform')}**` },
    { type: 'fields', fields: Object.entries(tally.byPlatform).map(([p, n]) => ({ label: PLATFORM_NAMES[p] ?? p, value: String(n) })) },
  ];
}

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
    const { drive } = found;
    // A campaign shows each case and the whole; a case named shows that case against its own goal.
    const whole = drive && (!found.appeal || drive.cases.length === 1);
    const appeal: Appeal = found.appeal ?? (await deps.appeals.get(drive!.cases[0]!.appealId))!;
    const campaign = whole ? await driveTally(deps.ledger, drive) : undefined;
    const tally: Tally = campaign ?? (await deps.ledger.tally(appeal.id));
    const goal = whole ? drive.goal : drive ? (drive.cases.find((c) => c.appealId === appeal.id)?.goal ?? null) : null;
    const table = drive ? await deps.tallyBook.totals(drive.id) : undefined;
    const tableCount = whole ? (table?.total ?? 0) : (table?.byAppeal[appeal.id] ?? 0);
    const title = whole ? titleOf(drive, appeal) : appeal.title;
    const blocks: Block[] = [{ type: 'heading', text: t('progress_heading', { title }) }];
    if (drive) blocks.push({ type: 'text', text: escapeMarkdown(timeLeftText(t, drive, ctx.now, ctx.locale)) });
    blocks.push({ type: 'text', text: `**${escapeMarkdown(tallyText(t, campaign ?? tally, goal))}**` });
    if (goal) blocks.push({ type: 'text', text: progressBar(tally.actions, goal) });
    // Letters written together at events, as moderators entered them: apart from members' own reports.
    if (tableCount > 0) blocks.push({ type: 'text', text: escapeMarkdown(t('progress_table', { count: tableCount })) });
    if (campaign && campaign.cases.length > 1) {
      const titles = await Promise.all(campaign.cases.map((c) => deps.appeals.get(c.appealId)));
      blocks.push({ type: 'text', text: `**${t('progress_cases')}**` });
      blocks.push({
        type: 'fields',
        fields: campaign.cases.map((c, i) => {
          const parts = [t('tally_actions', { count: c.tally.actions })];
          if (c.goal) parts.push(t('progress_case_goal', { percent: percentOf(c.tally.actions, c.goal), goal: c.goal }));
          const atTables = table?.byAppeal[c.appealId] ?? 0;
          if (atTables > 0) parts.push(t('progress_table', { count: atTables }));
          if (c.status === 'ended') parts.push(t('progress_case_ended'));
          return { label: `${c.number}. ${titles[i]?.reference ?? c.appealId}`, value: escapeMarkdown(parts.join(' · ')) };
        }),
      });
    }
    blocks.push(...breakdown(ctx, tally));
    if (drive) blocks.push(...pageLinkBlocks(t, drive, deps));
    return publicReply(blocks, { attachments: drive ? await chartAttachments(drive, deps, ctx) : [] });
  },
});
