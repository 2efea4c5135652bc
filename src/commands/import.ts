import { readFile } from 'node:fs/promises';
import type { Appeal } from '../core/appeal.js';
import { UserInputError } from '../core/errors.js';
import type { MessageKey, Translate } from '../core/i18n/index.js';
import { importUrgentAction, type ImportWarning } from '../core/importer/index.js';
import { escapeMarkdown } from '../core/markdown.js';
import { actionButton, privateReply, type Block, type Button, type Reply } from '../core/reply.js';
import { defineCommand } from './types.js';

/** The preview a moderator checks before saving; the CLI prints the same blocks. */
export function importPreview(t: Translate, appeal: Appeal, warnings: ImportWarning[]): Block[] {
  const targets = appeal.targets.map((tg) => {
    const who = [tg.name, tg.title, tg.organisation].filter(Boolean).join(', ');
    const contact = [...tg.emails, ...tg.social].join(', ');
    return `${tg.copy ? '(copy) ' : ''}${who}${contact ? `: ${contact}` : ''}`;
  });
  const blocks: Block[] = [
    { type: 'heading', text: t('import_preview', { reference: appeal.reference, title: appeal.title }) },
    {
      type: 'fields',
      fields: [
        { label: 'id', value: appeal.id },
        { label: t('appeal_deadline'), value: appeal.deadline ?? t('appeal_no_deadline') },
        { label: t('appeal_targets'), value: targets.join('\n') },
        { label: t('letter_body'), value: t('import_letter', { salutation: appeal.letter.salutation, closing: appeal.letter.closing, count: appeal.letter.paragraphs.length }) },
        { label: t('letter_languages', { languages: '' }).replace(/:\s*$/, ''), value: appeal.preferredLanguages.join(', ') || '-' },
      ],
    },
  ];
  if (appeal.draft) blocks.push({ type: 'text', text: `_${t('import_draft')}_` });
  if (warnings.length > 0) {
    blocks.push({ type: 'text', text: `**${t('import_warnings')}**\n${warnings.map((w) => `- ${escapeMarkdown(w.message)}`).join('\n')}` });
  }
  return blocks;
}

export const importAppeal = defineCommand({
  name: 'import',
  description: 'cmd_import',
  permission: 'moderator',
  options: [
    { name: 'text', kind: 'document', description: 'opt_message', rest: true },
    { name: 'file', kind: 'text', description: 'opt_import_file', max: 500, placeholder: 'PATH' },
    { name: 'save', kind: 'word', description: 'opt_confirm', hidden: true },
    { name: 'overwrite', kind: 'toggle', description: 'opt_confirm', hidden: true },
  ],
  async run(input, ctx, deps) {
    const { t } = ctx;
    if (input.save) {
      const appeal = await deps.appeals.staged(input.save);
      if (!appeal) throw new UserInputError('import_expired');
      if (!input.overwrite && (await deps.appeals.get(appeal.id))) {
        return privateReply([{ type: 'text', text: t('import_exists', { id: appeal.id }) }], {
          buttons: [actionButton(t('button_import_overwrite'), `import save=${input.save} overwrite=on`, 'danger')],
        });
      }
      await deps.appeals.save(appeal);
      return privateReply([{ type: 'text', text: escapeMarkdown(t('import_saved', { id: appeal.id })) }]);
    }
    const text = input.file !== undefined ? await readLocalFile(input.file, ctx.actor.platform) : input.text;
    if (text === undefined) return howToGiveText(t, ctx.actor.platform);
    const result = importUrgentAction(text);
    if (!result.ok) throw new UserInputError(result.reason, { problem: result.message }, result.message);
    const key = await deps.appeals.stage(result.appeal);
    return privateReply(importPreview(t, result.appeal, result.warnings), {
      buttons: [actionButton(t('button_import_save'), `import save=${key}`, 'primary')],
    });
  },
});

/** The longest text the paste form takes; Slack clamps it to its own 3,000. */
export const IMPORT_FORM_MAX = 4000;

const HOW: Record<string, MessageKey> = { telegram: 'import_how_telegram', discord: 'import_how_discord', slack: 'import_how_slack', shell: 'import_how_shell' };

/** `/import` alone: the ways to give the text on this platform, and a form to paste it into. */
function howToGiveText(t: Translate, platform: string): Reply {
  const form: Button = {
    type: 'form',
    label: t('button_import_paste'),
    command: 'import',
    title: t('import_form_title'),
    fields: [{ name: 'text', label: t('import_form_text'), max: IMPORT_FORM_MAX, multiline: true }],
  };
  // The terminal has no forms: its hint says what to type.
  return privateReply([{ type: 'text', text: escapeMarkdown(t(HOW[platform] ?? 'import_needs_text')) }], { buttons: platform === 'shell' ? [] : [form] });
}

/** Only the terminal's operator may name a file: on a chat platform it would read the server's disk. */
async function readLocalFile(path: string, platform: string): Promise<string> {
  if (platform !== 'shell') throw new UserInputError('import_file_shell_only');
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UserInputError('import_file_unreadable', { path, problem: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
}
