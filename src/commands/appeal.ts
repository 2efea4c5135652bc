// /appeal: the case, its summary, officials, deadline and background.
import { mainTargets } from '../core/appeal.js';
import { languageNamesIn } from '../core/languages.js';
import { escapeMarkdown } from '../core/markdown.js';
import { privateReply, type Block } from '../core/reply.js';
import { appealHeading, appealOrChoice, casePicker, timeLeftText } from './shared.js';
import { defineCommand } from './types.js';

export const appeal = defineCommand({
  name: 'appeal',
  description: 'cmd_appeal',
  permission: 'member',
  scope: 'member',
  options: [
    { name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true },
    // The case picker's buttons name the drive: pressed in a private chat, they still find its cases.
    { name: 'drive', kind: 'word', description: 'opt_appeal', hidden: true },
  ],
  async run(input, ctx, deps) {
    const { t } = ctx;
    const found = await appealOrChoice('appeal', input, ctx, deps);
    if ('choice' in found) return found.choice;
    if (!found.appeal) return casePicker('appeal', found.drive!, ctx, deps);
    const { drive, appeal } = found;
    const blocks: Block[] = [{ type: 'heading', text: appealHeading(t, appeal) }];
    if (appeal.draft) blocks.push({ type: 'text', text: `_${t('appeal_draft')}_` });
    if (appeal.summary) blocks.push({ type: 'text', text: escapeMarkdown(appeal.summary) });
    const fields = [];
    if (appeal.concerning) fields.push({ label: t('appeal_concerning'), value: appeal.concerning });
    fields.push({ label: t('appeal_targets'), value: mainTargets(appeal).map((tg) => [tg.name, tg.title].filter(Boolean).join(', ')).join('\n') });
    fields.push({ label: t('appeal_deadline'), value: drive ? timeLeftText(t, drive, ctx.now, ctx.locale) : (appeal.deadline ?? t('appeal_no_deadline')) });
    if (appeal.preferredLanguages.length > 0) fields.push({ label: t('letter_languages', { languages: '' }).replace(/:\s*$/, ''), value: languageNamesIn(appeal.preferredLanguages, ctx.locale).join(', ') });
    blocks.push({ type: 'fields', fields });
    if (appeal.background.length > 0) {
      blocks.push({ type: 'text', text: `**${t('appeal_background')}**` });
      for (const paragraph of appeal.background) blocks.push({ type: 'text', text: escapeMarkdown(paragraph) });
    }
    if (appeal.reportUrl) blocks.push({ type: 'text', text: `[${escapeMarkdown(appeal.reference)}](${appeal.reportUrl})` });
    return privateReply(blocks);
  },
});
