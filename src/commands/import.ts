// /import: a moderator adds an appeal from an Urgent Action text, previewed with warnings and saved
// on confirmation.
import { readFile } from 'node:fs/promises';
import { fileProblem } from '../core/file-problem.js';
import { asksForLettersAgain, missingToSave, type Appeal } from '../core/appeal.js';
import { UserInputError } from '../core/errors.js';
import type { MessageKey, Translate } from '../core/i18n/index.js';
import { importUrgentAction, type AddressSource, type ImportKind, type ImportWarning } from '../core/importer/index.js';
import { escapeMarkdown } from '../core/markdown.js';
import { actionButton, privateReply, type Block, type Button, type Reply } from '../core/reply.js';
import { addressSourceLines, applyEdits, describeParts, fillInButtons, missingParts } from './import-draft.js';
import { newsOffer } from './news.js';
import { IMPORT_TEXT_LIMIT, takeSlot } from './slots.js';
import type { Deps } from './types.js';
import { defineCommand } from './types.js';

/** The preview a moderator checks before saving; the CLI prints the same blocks. */
export function importPreview(t: Translate, appeal: Appeal, warnings: ImportWarning[], sources: AddressSource[] = []): Block[] {
  const targets = appeal.targets.map((tg) => {
    const who = [tg.name, tg.title, tg.organisation].filter(Boolean).join(', ');
    const contact = [...tg.emails, ...(tg.phone ? [tg.phone] : []), ...(tg.fax ? [`fax ${tg.fax}`] : []), ...tg.social].join(', ');
    return `${tg.copy ? '(copy) ' : ''}${who}${contact ? `: ${contact}` : ''}`;
  });
  const letterKey: MessageKey = appeal.letter.composed === 'summary' ? 'import_letter_missing' : appeal.letter.composed === 'points' ? 'import_letter_composed' : 'import_letter';
  const blocks: Block[] = [
    // Without a UA number the reference is the title: said once.
    { type: 'heading', text: appeal.reference === appeal.title ? t('import_preview_title_only', { title: appeal.title }) : t('import_preview', { reference: appeal.reference, title: appeal.title }) },
    {
      type: 'fields',
      fields: [
        { label: 'id', value: appeal.id },
        { label: t('appeal_deadline'), value: appeal.deadline ?? t('appeal_no_deadline') },
        { label: t('appeal_targets'), value: targets.join('\n') || '-' },
        { label: t('letter_body'), value: t(letterKey, { salutation: appeal.letter.salutation, closing: appeal.letter.closing, count: appeal.letter.paragraphs.length }) },
        { label: t('letter_languages', { languages: '' }).replace(/:\s*$/, ''), value: appeal.preferredLanguages.join(', ') || '-' },
      ],
    },
  ];
  const card = appeal.solidarity;
  if (card) {
    const where = [card.to, ...card.address].join(', ');
    blocks.push({ type: 'text', text: `**${t('import_solidarity')}**\n${escapeMarkdown([where, card.hashtags.join(' '), card.languages.join(', ')].filter(Boolean).join(' · '))}` });
  }
  const traced = addressSourceLines(appeal, sources);
  if (traced.length > 0) blocks.push({ type: 'text', text: `**${t('import_sources')}**\n${traced.map((l) => `- ${escapeMarkdown(l)}`).join('\n')}` });
  const missing = missingParts(appeal);
  if (missing.length > 0) blocks.push({ type: 'text', text: `**${t('import_missing', { parts: describeParts(t, missing) })}**` });
  if (appeal.draft) blocks.push({ type: 'text', text: `_${t('import_draft')}_` });
  if (warnings.length > 0) {
    blocks.push({ type: 'text', text: `**${t('import_warnings')}**\n${warnings.map((w) => `- ${escapeMarkdown(w.message)}`).join('\n')}` });
  }
  return blocks;
}

const hidden = { hidden: true } as const;

export const importAppeal = defineCommand({
  name: 'import',
  description: 'cmd_import',
  permission: 'moderator',
  scope: 'space',
  options: [
    { name: 'text', kind: 'document', description: 'opt_message', rest: true },
    { name: 'file', kind: 'text', description: 'opt_import_file', max: 500, placeholder: 'PATH' },
    { name: 'save', kind: 'word', description: 'opt_confirm', ...hidden },
    { name: 'overwrite', kind: 'toggle', description: 'opt_confirm', ...hidden },
    { name: 'translate', kind: 'word', description: 'opt_confirm', ...hidden },
    { name: 'edit', kind: 'word', description: 'opt_confirm', ...hidden },
    { name: 'step', kind: 'word', description: 'opt_confirm', ...hidden },
    { name: 'deadline', kind: 'date', description: 'import_field_deadline', ...hidden },
    { name: 'target', kind: 'text', description: 'import_field_target', max: 200, ...hidden },
    { name: 'email', kind: 'text', description: 'import_field_email', max: 300, ...hidden },
    { name: 'phone', kind: 'text', description: 'import_field_phone', max: 60, ...hidden },
    { name: 'salutation', kind: 'text', description: 'import_field_salutation', max: 200, ...hidden },
    { name: 'letter', kind: 'document', description: 'import_field_letter', max: 20_000, ...hidden },
  ],
  async run(input, ctx, deps) {
    const { t } = ctx;
    if (input.save) return save(t, deps, input.save, input.overwrite === true, ctx.now);
    if (input.translate) return addTranslation(t, deps, input.translate, ctx.now);
    if (input.edit) {
      const staged = await deps.appeals.staged(input.edit);
      if (!staged) throw new UserInputError('import_expired');
      const { deadline, target, email, phone, salutation, letter } = input;
      const edits = { deadline, target, email, phone, salutation, letter };
      // The draft keeps its key while it is filled in: platforms rebuild a form by running its command again.
      const edited = applyEdits(staged, edits);
      await deps.appeals.restage(input.edit, edited);
      return preview(t, deps, edited, [], input.edit);
    }
    const text = input.file !== undefined ? await readLocalFile(input.file, ctx.actor.platform) : input.text;
    if (text === undefined) return howToGiveText(t, ctx.actor.platform);
    if (!(await takeSlot(deps.claims, `flood:import-text:${ctx.member}`, IMPORT_TEXT_LIMIT, ctx.now))) return privateReply([{ type: 'text', text: t('flood_wait') }]);
    const result = deps.importText ? await deps.importText(text) : importUrgentAction(text);
    if (!result.ok) throw new UserInputError(result.reason, { problem: result.message }, result.message);
    const reference = result.appeal.number === undefined ? undefined : result.appeal.reference;
    // An update that asks for letters again (a "Second UA": its own officials, addresses and letter) is still an action
    // a group can take: previewed like an appeal, saying what it is. Other news never runs as a drive of its own.
    const secondRound = result.kind === 'update' && asksForLettersAgain(result.appeal);
    // Of an appeal known here, news is offered for its followers (src/commands/news.ts).
    const offer = result.kind === 'appeal' ? undefined : await newsOffer(result.appeal, result.kind, ctx, deps);
    if (result.kind !== 'appeal' && !secondRound) {
      if (offer) return privateReply([{ type: 'text', text: escapeMarkdown(t('import_not_live', { kind: t(KIND_WORDS[result.kind]), reference: reference ?? result.appeal.id })) }, { type: 'text', text: escapeMarkdown(offer) }]);
      throw new UserInputError(reference ? 'import_not_live' : 'import_not_live_unnumbered', { kind: t(KIND_WORDS[result.kind]), ...(reference ? { reference } : {}) });
    }
    const reply = await preview(t, deps, result.appeal, result.warnings, undefined, result.sources);
    const notes: string[] = [];
    if (secondRound) notes.push(offer ? `${t('import_update_of_known', { reference: result.appeal.reference, id: deps.appeals.idFor(result.appeal) })}\n${offer}` : t('import_update_as_appeal', { reference: result.appeal.reference }));
    const cut = looksCut(text, ctx.actor.platform, result.warnings);
    if (cut) notes.push(t(cut));
    return notes.length === 0 ? reply : { ...reply, blocks: [...reply.blocks, ...notes.map((n): Block => ({ type: 'text', text: escapeMarkdown(n) }))] };
  },
});

const KIND_WORDS: Record<Exclude<ImportKind, 'appeal'>, MessageKey> = { update: 'import_kind_update', closure: 'import_kind_closure', 'good-news': 'import_kind_good_news' };

/**
 * A paste that filled a platform's limit was probably cut: Telegram splits a paste over 4,096 characters into
 * several messages, Discord's paste field holds 4,000. The member is told to send the file instead.
 */
function looksCut(text: string, platform: string, warnings: ImportWarning[]): MessageKey | undefined {
  const full = text.length >= IMPORT_FORM_MAX - 100 || warnings.some((w) => w.code === 'truncated');
  if (!full) return undefined;
  return platform === 'telegram' ? 'import_cut_telegram' : platform === 'discord' ? 'import_cut_discord' : undefined;
}

/** Stages the appeal and shows it: Save, Fill in while parts are missing, and Add as translation for a known UA in another language. */
async function preview(t: Translate, deps: Deps, appeal: Appeal, warnings: ImportWarning[], stagedKey?: string, sources: AddressSource[] = []): Promise<Reply> {
  const key = stagedKey ?? (await deps.appeals.stage(appeal));
  const buttons: Button[] = [actionButton(t('button_import_save'), `import save=${key}`, 'primary')];
  if (missingParts(appeal).length > 0 || appeal.draft) buttons.push(...fillInButtons(t, appeal, key));
  const known = await knownAppeal(deps, appeal);
  const langs = known ? [known.letter, ...known.translations].map((l) => l.lang.toLowerCase()) : [];
  const blocks = importPreview(t, appeal, warnings, sources);
  const id = deps.appeals.idFor(appeal);
  if (id !== appeal.id) blocks.push({ type: 'text', text: escapeMarkdown(t('import_community_id', { id, shared: appeal.id })) });
  if (known && !langs.includes(appeal.letter.lang.toLowerCase()) && appeal.letter.composed === undefined) {
    blocks.push({ type: 'text', text: escapeMarkdown(t('import_translation_offer', { id: known.id, lang: appeal.letter.lang })) });
    buttons.push(actionButton(t('button_import_translation', { lang: appeal.letter.lang }), `import translate=${key}`, 'primary'));
  }
  return privateReply(blocks, { buttons });
}

/**
 * Saves where the caller may: the operator to the shared catalog; a moderator for their community,
 * under the community's own id (a shared appeal or another community's is never replaced).
 */
async function save(t: Translate, deps: Deps, key: string, overwrite: boolean, now: Date): Promise<Reply> {
  const staged = await deps.appeals.staged(key);
  if (!staged) throw new UserInputError('import_expired');
  const appeal = { ...staged, id: deps.appeals.idFor(staged) };
  const missing = missingToSave(appeal);
  if (missing.length > 0) {
    return privateReply([{ type: 'text', text: escapeMarkdown(t('import_save_refused', { parts: describeParts(t, missing) })) }], {
      buttons: fillInButtons(t, appeal, key),
    });
  }
  if (!overwrite && (await deps.appeals.get(appeal.id))) {
    return privateReply([{ type: 'text', text: t('import_exists', { id: appeal.id }) }], {
      buttons: [actionButton(t('button_import_overwrite'), `import save=${key} overwrite=on`, 'danger')],
    });
  }
  await deps.appeals.save({ ...appeal, draft: false }, undefined, now);
  const saved = appeal.id === staged.id ? t('import_saved', { id: appeal.id }) : t('import_saved_community', { id: appeal.id, shared: staged.id });
  return privateReply([{ type: 'text', text: escapeMarkdown(saved) }]);
}

/** Adds the staged appeal's letter to the saved appeal of the same UA number, replacing one in that language. */
async function addTranslation(t: Translate, deps: Deps, key: string, now: Date): Promise<Reply> {
  const staged = await deps.appeals.staged(key);
  if (!staged) throw new UserInputError('import_expired');
  const known = await knownAppeal(deps, staged);
  if (!known) throw new UserInputError('import_translation_no_appeal', { id: staged.id });
  const lang = staged.letter.lang.toLowerCase();
  const translations = [...known.translations.filter((l) => l.lang.toLowerCase() !== lang), staged.letter].slice(-6);
  // A moderator's translation of a shared appeal goes to their community's copy of it, like an import.
  const id = deps.appeals.idFor(known);
  await deps.appeals.save({ ...known, id, translations }, undefined, now, 'translation');
  return privateReply([{ type: 'text', text: escapeMarkdown(t('import_translation_saved', { id, lang })) }]);
}

/**
 * The saved appeal this import is another version of: the same UA number, or, for a text that shows no
 * number (section pages often drop it), a saved appeal whose officials share an email address with it.
 */
async function knownAppeal(deps: Deps, appeal: Appeal): Promise<Appeal | undefined> {
  const same = (await deps.appeals.get(deps.appeals.idFor(appeal))) ?? (await deps.appeals.get(appeal.id));
  if (same || appeal.number !== undefined) return same;
  const emails = new Set(appeal.targets.flatMap((tg) => tg.emails.map((e) => e.toLowerCase())));
  if (emails.size === 0) return undefined;
  return (await deps.appeals.list()).find((a) => a.targets.some((tg) => tg.emails.some((e) => emails.has(e.toLowerCase()))));
}

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
    throw new UserInputError(`import_file_${fileProblem(error)}`, { path });
  }
}
