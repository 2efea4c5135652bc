import { isOpen } from '../core/drive.js';
import { renderLetter, mailtoLink } from '../core/letter.js';
import { mainTargets } from '../core/appeal.js';
import { escapeMarkdown } from '../core/markdown.js';
import { privateReply, type Block, type Button } from '../core/reply.js';
import { daysLeft, driveAndAppeal, methodButtons, tallyText, timeLeftText } from './shared.js';
import { defineCommand } from './types.js';

/** Amnesty's advice: post when a week or more is left, email when time is short. */
export const POST_ADVICE_DAYS = 7;

export const letter = defineCommand({
  name: 'letter',
  description: 'cmd_letter',
  permission: 'member',
  options: [
    { name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true },
    { name: 'target', kind: 'target', description: 'opt_target', positional: true },
    { name: 'name', kind: 'text', description: 'opt_name', max: 80 },
    { name: 'town', kind: 'text', description: 'opt_town', max: 80 },
    { name: 'country', kind: 'text', description: 'opt_country', max: 60 },
    { name: 'lang', kind: 'lang', description: 'opt_lang' },
    { name: 'drive', kind: 'word', description: 'opt_appeal', hidden: true },
  ],
  async run(input, ctx, deps) {
    const { t, now } = ctx;
    const { drive, appeal } = await driveAndAppeal(input, ctx, deps, { needDrive: false });
    const timezone = drive?.timezone ?? 'UTC';
    const rendered = renderLetter(appeal, {
      target: input.target,
      lang: input.lang,
      sender: { name: input.name, town: input.town, country: input.country },
      now,
      timezone,
    });
    const open = drive !== undefined && isOpen(drive, now);
    const blocks: Block[] = [{ type: 'heading', text: t('letter_heading', { reference: appeal.reference, title: appeal.title }) }];
    if (drive && open) {
      const tally = await deps.ledger.tally(appeal.id);
      const days = daysLeft(drive, now);
      blocks.push({ type: 'text', text: `${timeLeftText(t, drive, now, ctx.locale)}. ${tallyText(t, tally, drive.goal)}.` });
      blocks.push({ type: 'text', text: t(days >= POST_ADVICE_DAYS ? 'letter_advice_post' : 'letter_advice_email') });
    } else if (drive) {
      blocks.push({ type: 'text', text: timeLeftText(t, drive, now, ctx.locale) });
    } else if (appeal.deadline && appeal.deadline < now.toISOString().slice(0, 10)) {
      blocks.push({ type: 'text', text: t('letter_expired', { deadline: appeal.deadline }) });
    } else {
      blocks.push({ type: 'text', text: t('letter_no_drive', { appeal: appeal.id }) });
    }
    const targets = mainTargets(appeal);
    if (targets.length > 1) {
      const list = targets.map((tg, i) => `${i + 1}. ${tg.title ?? tg.name}`).join('; ');
      blocks.push({ type: 'text', text: escapeMarkdown(t('letter_targets', { targets: list })) });
    }
    if (appeal.preferredLanguages.length > 0) {
      blocks.push({ type: 'text', text: escapeMarkdown(t('letter_languages', { languages: appeal.preferredLanguages.join(', ') })) });
    }
    blocks.push({ type: 'copy', label: t('letter_address'), text: rendered.addressBlock.join('\n') });
    if (rendered.emails.length > 0) blocks.push({ type: 'copy', label: t('letter_email'), text: rendered.emails.join(', ') });
    blocks.push({ type: 'copy', label: t('letter_subject'), text: rendered.subject });
    blocks.push({ type: 'copy', label: t('letter_body'), text: rendered.text });
    if (rendered.copies.length > 0) {
      const copies = rendered.copies.map((c) => [c.name, c.title, ...c.emails].filter(Boolean).join(', '));
      blocks.push({ type: 'copy', label: t('letter_copies'), text: copies.join('\n') });
    }
    const buttons: Button[] = [];
    const mailto = mailtoLink(rendered);
    if (mailto) buttons.push({ type: 'link', label: t('button_open_email'), url: mailto });
    if (drive && open) {
      blocks.push({ type: 'text', text: t('letter_press') });
      const target = rendered.target;
      const methods = (['email', 'post', 'phone', 'social', 'other'] as const).filter(
        (m) => (m === 'email' ? target.emails.length > 0 : m === 'post' ? target.address.length > 0 : m === 'phone' ? Boolean(target.phone) : m === 'social' ? target.social.length > 0 : true),
      );
      buttons.push(...methodButtons(t, drive, methods));
    }
    buttons.push({
      type: 'form',
      label: t('button_personalise'),
      title: t('form_letter_title'),
      command: drive ? `letter drive=${drive.id}` : `letter ${appeal.id}`,
      fields: [
        { name: 'name', label: t('opt_name'), max: 80, value: input.name },
        { name: 'town', label: t('opt_town'), max: 80, value: input.town },
        { name: 'country', label: t('opt_country'), max: 60, value: input.country },
      ],
    });
    return privateReply(blocks, { buttons, notice: t('letter_notice') });
  },
});
