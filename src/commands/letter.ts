// /letter: the letter for the member, privately, with its PDF, .eml draft, email links and buttons
// to record the action.
import { isOpen, type Drive } from '../core/drive.js';
import { caseTally } from '../core/campaign.js';
import { letterAttachments } from '../core/kit/attachments.js';
import { unprintable } from '../core/kit/fonts.js';
import { pdfFonts } from '../core/kit/pdf.js';
import { mailLinksWithin, urlLimitFor, type MailClient } from '../core/kit/webmail.js';
import { renderLetter, type RenderedLetter, type Sender } from '../core/letter.js';
import { hasLetterIn, letterLanguages, mainTargets, type Appeal, type Solidarity, type Target } from '../core/appeal.js';
import { UserInputError } from '../core/errors.js';
import { LOCALES } from '../core/i18n/index.js';
import type { MessageKey, Translate } from '../core/i18n/index.js';
import { languageNamesIn } from '../core/languages.js';
import { escapeMarkdown } from '../core/markdown.js';
import { isEmpty, type Profile } from '../core/profiles.js';
import { composeOwnWords, MAX_OWN_WORDS, promptsFor, type Prompt } from '../core/prompts.js';
import { MAX_ACTION_BYTES, actionButton, privateReply, type Block, type Button, type FormField } from '../core/reply.js';
import { appealHeading, daysLeft, appealOrChoice, casePicker, methodButtons, tallyText, timeLeftText } from './shared.js';
import { defineCommand, type CommandContext, type Deps } from './types.js';

/** Amnesty's advice: post when a week or more is left, email when time is short. */
export const POST_ADVICE_DAYS = 7;

const LINK_LABELS: Record<MailClient, MessageKey> = { mailto: 'button_open_email', gmail: 'button_open_gmail', outlook: 'button_open_outlook' };

export const letter = defineCommand({
  name: 'letter',
  description: 'cmd_letter',
  permission: 'member',
  scope: 'member',
  options: [
    { name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true },
    { name: 'target', kind: 'target', description: 'opt_target', positional: true },
    { name: 'name', kind: 'text', description: 'opt_name', max: 80 },
    { name: 'town', kind: 'text', description: 'opt_town', max: 80 },
    { name: 'country', kind: 'text', description: 'opt_country', max: 60 },
    { name: 'opening', kind: 'toggle', description: 'opt_opening' },
    { name: 'remember', kind: 'toggle', description: 'opt_remember' },
    { name: 'lang', kind: 'language', description: 'opt_lang' },
    { name: 'drive', kind: 'word', description: 'opt_appeal', hidden: true },
    { name: 'mine', kind: 'text', description: 'opt_mine', max: MAX_OWN_WORDS },
    // The prompts' form fields: the member's own words, used for this letter and never stored.
    { name: 'who', kind: 'text', description: 'prompt_who', max: MAX_OWN_WORDS, hidden: true },
    { name: 'why', kind: 'text', description: 'prompt_why', max: MAX_OWN_WORDS, hidden: true },
    { name: 'question', kind: 'text', description: 'prompt_question', max: MAX_OWN_WORDS, hidden: true },
    // Tells the prompts' form from Personalise, which runs the same letter: Discord rebuilds a form by its command.
    { name: 'own', kind: 'toggle', description: 'form_prompts_title', hidden: true },
  ],
  async run(input, ctx, deps) {
    const { t, now } = ctx;
    const found = await appealOrChoice('letter', input, ctx, deps);
    if ('choice' in found) return found.choice;
    // A campaign and no case named: its cases, one line each, with numbered buttons.
    if (!found.appeal) return casePicker('letter', found.drive!, ctx, deps);
    const { drive, appeal, number } = found;
    checkLetterLanguage(appeal, input.lang);
    const typed: Profile = { name: input.name, town: input.town, country: input.country, opening: input.opening };
    const signature = await signatureFor(input.remember, typed, ctx, deps);
    const prompts = promptsFor(appeal, ctx.locale, t);
    const own = composeOwnWords(input, prompts);
    const rendered = renderLetter(appeal, { target: input.target, lang: input.lang, sender: signature.sender, now, timezone: drive?.timezone ?? 'UTC', own });
    const open = drive !== undefined && isOpen(drive, now);
    const blocks: Block[] = [{ type: 'heading', text: appealHeading(t, appeal) }];
    blocks.push(...(await situation(appeal, drive, ctx, deps)));
    if (signature.note) blocks.push({ type: 'text', text: escapeMarkdown(signature.note) });
    blocks.push({ type: 'text', text: escapeMarkdown(t(own ? 'letter_own_words' : 'prompts_intro')) });
    const missing = unprintable([rendered.sender.name, rendered.sender.town, rendered.sender.country], pdfFonts());
    if (missing.length > 0) blocks.push({ type: 'text', text: escapeMarkdown(t('letter_pdf_unprintable', { chars: missing.join(' ') })) });
    const targets = mainTargets(appeal);
    if (targets.length > 1) {
      const list = targets.map((tg, i) => `${i + 1}. ${tg.title ?? tg.name}`).join('; ');
      blocks.push({ type: 'text', text: escapeMarkdown(t('letter_targets', { targets: list })) });
    }
    if (appeal.preferredLanguages.length > 0) {
      blocks.push({ type: 'text', text: escapeMarkdown(t('letter_languages', { languages: languageNamesIn(appeal.preferredLanguages, ctx.locale).join(', ') })) });
    }
    const reach = reachOf(rendered.target);
    if (reach) blocks.push({ type: 'text', text: escapeMarkdown(t('letter_reach', { name: rendered.target.name, contacts: reach })) });
    const links = mailLinksWithin(rendered, urlLimitFor(ctx.actor.platform));
    blocks.push({ type: 'text', text: t('letter_kit_pdf') });
    if (rendered.emails.length > 0) blocks.push({ type: 'text', text: t('letter_kit_eml') });
    if (links.some((l) => !l.full)) blocks.push({ type: 'text', text: escapeMarkdown(t('letter_links_short')) });
    blocks.push(...copyBlocks(t, rendered));
    if (appeal.solidarity) blocks.push(...cardBlocks(t, appeal.solidarity, ctx.locale, drive !== undefined && open));
    const buttons: Button[] = links.map((l) => ({ type: 'link', label: t(LINK_LABELS[l.client]), url: l.url }));
    if (drive && open) {
      blocks.push({ type: 'text', text: t('letter_press') });
      const target = rendered.target;
      const methods = (['email', 'post', 'phone', 'social', 'other'] as const).filter(
        (m) => (m === 'email' ? target.emails.length > 0 : m === 'post' ? target.address.length > 0 : m === 'phone' ? Boolean(target.phone) : m === 'social' ? target.social.length > 0 : true),
      );
      // A card to the person at risk is its own method, counted apart from letters to officials.
      buttons.push(...methodButtons(t, drive, appeal.solidarity ? [...methods, 'card'] : methods, number));
      buttons.push(actionButton(t('button_remindme'), `remindme drive=${drive.id}`));
    }
    buttons.push(...signatureButtons(t, commandFor(appeal, drive, rendered, input.lang, number), signature.saved, rendered.sender));
    buttons.push(promptsButton(t, commandFor(appeal, drive, rendered, input.lang, number), prompts));
    const attachments = await letterAttachments(rendered, {
      appealId: appeal.id,
      reference: appeal.reference,
      now,
      locale: ctx.actor.locale,
      labelCaption: t('letter_label_caption'),
    });
    return privateReply(blocks, { buttons, attachments, notice: t('letter_notice') });
  },
});

/** Time left and the advice it gives, or why actions are not counted. */
async function situation(appeal: Appeal, drive: Drive | undefined, ctx: CommandContext, deps: Deps): Promise<Block[]> {
  const { t, now } = ctx;
  if (drive && isOpen(drive, now)) {
    const entry = drive.cases.find((c) => c.appealId === appeal.id);
    const tally = entry ? await caseTally(deps.ledger, entry) : await deps.ledger.tally(appeal.id);
    // A campaign's case is measured against its own goal; the campaign's goal is for the whole.
    const goal = drive.cases.length > 1 ? (drive.cases.find((c) => c.appealId === appeal.id)?.goal ?? null) : drive.goal;
    return [
      { type: 'text', text: `${timeLeftText(t, drive, now, ctx.locale)}. ${tallyText(t, tally, goal)}.` },
      { type: 'text', text: t(daysLeft(drive, now) >= POST_ADVICE_DAYS ? 'letter_advice_post' : 'letter_advice_email') },
    ];
  }
  if (drive) return [{ type: 'text', text: timeLeftText(t, drive, now, ctx.locale) }];
  if (appeal.deadline && appeal.deadline < now.toISOString().slice(0, 10)) return [{ type: 'text', text: t('letter_expired', { deadline: appeal.deadline }) }];
  return [{ type: 'text', text: t('letter_no_drive', { appeal: appeal.id }) }];
}

function copyBlocks(t: Translate, rendered: RenderedLetter): Block[] {
  const blocks: Block[] = [{ type: 'copy', label: t('letter_address'), text: rendered.addressBlock.join('\n') }];
  if (rendered.emails.length > 0) blocks.push({ type: 'copy', label: t('letter_email'), text: rendered.emails.join(', ') });
  blocks.push({ type: 'copy', label: t('letter_subject'), text: rendered.subject });
  blocks.push({ type: 'copy', label: t('letter_body'), text: rendered.text });
  if (rendered.copies.length > 0) {
    const copies = rendered.copies.map((c) => [c.name, c.title, ...c.emails].filter(Boolean).join(', '));
    blocks.push({ type: 'copy', label: t('letter_copies'), text: copies.join('\n') });
  }
  return blocks;
}

/**
 * The signature to use: typed options over the saved profile. `remember=on` saves what this call
 * ends up with (buttons carry no personal data, so only a form or typed options can fill it);
 * `remember=off` deletes the profile and signs with the typed options only.
 */
async function signatureFor(remember: boolean | undefined, typed: Profile, ctx: CommandContext, deps: Deps): Promise<{ sender: Sender; saved?: Profile; note?: string }> {
  const { t } = ctx;
  const given = Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== undefined)) as Profile;
  if (remember === false) {
    const deleted = await deps.profiles.delete(ctx.member);
    return { sender: given, note: deleted ? t('letter_profile_deleted') : undefined };
  }
  const stored = await deps.profiles.get(ctx.member);
  const sender: Profile = { ...stored, ...given };
  if (remember === true) {
    const saved = await deps.profiles.save(ctx.member, sender);
    return { sender, saved, note: saved ? t('letter_profile_saved', { profile: describeProfile(t, saved) }) : t('letter_profile_nothing') };
  }
  return { sender, saved: stored, note: stored ? t('letter_profile_used', { profile: describeProfile(t, stored) }) : undefined };
}

/** "Ana, Lyon, France (opening line)". */
export function describeProfile(t: Translate, profile: Profile): string {
  const parts = [profile.name, profile.town, profile.country].filter(Boolean).join(', ');
  return profile.opening ? `${parts} (${t('letter_profile_opening')})` : parts;
}

/**
 * `lang=` picks the letter's language. The bot's own languages (en, es) also choose its words, so an appeal
 * without that translation still gives its main letter; any other language must be one the appeal has.
 */
function checkLetterLanguage(appeal: Appeal, lang: string | undefined): void {
  if (lang === undefined || (LOCALES as readonly string[]).includes(lang) || hasLetterIn(appeal, lang)) return;
  const languages = letterLanguages(appeal);
  throw new UserInputError('letter_no_translation', { lang, languages: languages.join(', '), appeal: appeal.id, first: languages[0] ?? 'en' });
}

/** The command a signature button runs: this letter again (a campaign's case by number), with target and language when they fit. */
function commandFor(appeal: Appeal, drive: Drive | undefined, rendered: RenderedLetter, lang?: string, caseNumber?: number): string {
  let command = drive ? `letter${drive.cases.length > 1 ? ` ${caseNumber}` : ''} drive=${drive.id}` : `letter ${appeal.id}`;
  // Room for " remember=off", the longest suffix a signature button adds.
  const room = MAX_ACTION_BYTES - ' remember=off'.length;
  for (const extra of [rendered.targetNumber > 1 ? ` target=${rendered.targetNumber}` : '', lang ? ` lang=${lang}` : '']) {
    if (Buffer.byteLength(command + extra) <= room) command += extra;
  }
  return command;
}

/** Personalise once, or personalise and remember; with a saved profile: change or forget it. */
function signatureButtons(t: Translate, command: string, saved: Profile | undefined, current: Sender): Button[] {
  const fields: FormField[] = [
    { name: 'name', label: t('opt_name'), max: 80, value: current.name },
    { name: 'town', label: t('opt_town'), max: 80, value: current.town },
    { name: 'country', label: t('opt_country'), max: 60, value: current.country },
    { name: 'opening', label: t('form_opening'), max: 3, value: current.opening ? 'on' : 'off', choices: ['on', 'off'] },
  ];
  const form = (label: MessageKey, suffix: string): Button => ({ type: 'form', label: t(label), title: t('form_letter_title'), command: `${command}${suffix}`, fields });
  if (saved && !isEmpty(saved)) {
    return [form('button_change_signature', ' remember=on'), actionButton(t('button_forget_signature'), `${command} remember=off`)];
  }
  return [form('button_personalise', ''), form('button_personalise_remember', ' remember=on')];
}

/** A form of the prompts, each field offered with the start of its sentence, for the member to complete. */
function promptsButton(t: Translate, command: string, prompts: readonly Prompt[]): Button {
  const fields: FormField[] = prompts.map((p) => ({ name: p.kind, label: p.label, max: MAX_OWN_WORDS, value: p.start ? `${p.start} ` : undefined }));
  return { type: 'form', label: t('button_prompts'), title: t('form_prompts_title'), command: `${command} own=on`, fields };
}

/** "Write a card too": to whom, where, what and in which languages, and the appeal's safety advice first. */
function cardBlocks(t: Translate, card: Solidarity, locale: string, counted: boolean): Block[] {
  const lines = [t('card_to', { to: card.to })];
  if (card.hashtags.length > 0) lines.push(t('card_hashtags', { hashtags: card.hashtags.join(' ') }));
  if (card.languages.length > 0) lines.push(t('card_languages', { languages: languageNamesIn(card.languages, locale).join(', ') }));
  const blocks: Block[] = [{ type: 'heading', text: t('card_heading') }];
  if (card.advice.length > 0) blocks.push({ type: 'text', text: `**${t('card_advice')}**: ${escapeMarkdown(card.advice.join(' '))}` });
  blocks.push({ type: 'text', text: escapeMarkdown(lines.join('\n')) });
  if (card.address.length > 0) blocks.push({ type: 'copy', label: t('card_address'), text: [card.to, ...card.address].join('\n') });
  if (card.message) blocks.push({ type: 'copy', label: t('card_message'), text: card.message });
  if (counted) blocks.push({ type: 'text', text: t('card_press') });
  return blocks;
}

/** The official's phone, fax and social media, for members who call or post: "+1 202 ... · fax ... · Twitter: @x". */
function reachOf(target: Target): string {
  return [target.phone, target.fax ? `fax ${target.fax}` : undefined, ...target.social].filter((v): v is string => Boolean(v)).join(' · ');
}
