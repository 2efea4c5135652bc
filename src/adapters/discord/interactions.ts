// Handles a Discord interaction (slash command, button, modal, autocomplete): runs it through the
// pipeline and answers within Discord's 3 s, deferring when slow.
import {
  AttachmentBuilder,
  type Attachment,
  type ChatInputCommandInteraction,
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type Interaction,
  type InteractionReplyOptions,
  type ModalSubmitInteraction,
  type RepliableInteraction,
} from 'discord.js';
import { claimDelivery, errorReply, handleOnce, type Deps, type Invocation, type Logger } from '../../commands/index.js';
import { pickLocale } from '../../core/i18n/index.js';
import type { Button, Reply } from '../../core/reply.js';
import { assertImportSize, downloadText } from '../download.js';
import { communityOf } from '../../core/walls.js';
import { commandInvocation, commandLineInvocation, spaceOf } from './args.js';
import { clip } from './limits.js';
import { ATTACHMENT_OPTIONS } from './register.js';
import { parseCustomId, renderReply, type DiscordMessage } from './render.js';

export type InteractionEnv = {
  deps: Deps;
  logger: Logger;
  /** Defer when the command has not answered by then; Discord gives 3 s for the first answer. */
  deferAfterMs: number;
};

const MODAL_PREFIX = 'am:';
const MODAL_TEXT = 45;
const MAX_CHOICES = 25;
const MAX_TEXT_INPUT = 4000;
// Only a guess for the rare deferred answer (a mismatch is corrected by a follow-up): these post in the channel.
const USUALLY_PUBLIC = new Set(['progress', 'drive start', 'drive end', 'drive set', 'remind now']);
/** Always slower than Discord's 3 s on a busy machine (a PDF of every case): deferred, privately, at once. */
const DEFERRED_AT_ONCE = new Set(['printpack']);

/** Every interaction Discord sends: slash commands, buttons, modal submits, autocomplete. */
export async function onInteraction(interaction: Interaction, env: InteractionEnv): Promise<void> {
  if (interaction.isAutocomplete()) return autocomplete(interaction, env);
  if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;
  if (interaction.isChatInputCommand()) {
    // A redelivered interaction (a second gateway session, a replay) runs and answers nothing: the pipeline claims it.
    const invocation = { ...commandInvocation(interaction), delivery: deliveryOf(interaction) };
    const file = fileOption(interaction);
    if (file) return importFile(interaction, invocation, file, env);
    const path = invocation.sub ? `${invocation.name} ${invocation.sub}` : invocation.name;
    if (DEFERRED_AT_ONCE.has(path)) return deferredAtOnce(interaction, invocation, env);
    return send(interaction, handleOnce(invocation, env.deps, env.logger), USUALLY_PUBLIC.has(path), env);
  }
  if (interaction.isButton()) return pressed(interaction, env);
  return submitted(interaction, env);
}

const deliveryOf = (interaction: Interaction) => `discord:interaction:${interaction.id}`;

async function pressed(interaction: ButtonInteraction, env: InteractionEnv): Promise<void> {
  const parsed = parseCustomId(interaction.customId);
  if (!parsed) return;
  const reply = handleOnce({ ...commandLineInvocation(parsed.command, interaction, parsed.prefill), delivery: deliveryOf(interaction) }, env.deps, env.logger);
  if (parsed.kind === 'action') return send(interaction, reply, false, env);
  // The form is rebuilt by running its command (prefilled values ride in the custom_id): no per-process state.
  const answer = await reply;
  if (!answer) return;
  const form = answer.buttons
    .filter((b): b is Extract<Button, { type: 'form' }> => b.type === 'form' && parsed.command.startsWith(b.command))
    .sort((a, b) => b.command.length - a.command.length)[0];
  if (!form) return send(interaction, Promise.resolve(answer), false, env);
  await interaction.showModal({
    custom_id: `${MODAL_PREFIX}${form.command}`.slice(0, 100),
    title: clip(form.title, MODAL_TEXT),
    components: form.fields.map((field) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: field.name,
          label: clip(field.label, MODAL_TEXT),
          style: field.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
          max_length: Math.min(field.max, MAX_TEXT_INPUT),
          required: false,
          ...(field.value ? { value: field.value.slice(0, field.max) } : {}),
        },
      ],
    })),
  });
}

/** The uploaded file of an attachment option, if the command has one and the member gave it. */
function fileOption(interaction: ChatInputCommandInteraction): Attachment | undefined {
  for (const name of ATTACHMENT_OPTIONS) {
    const file = interaction.options.getAttachment(name, false);
    if (file) return file;
  }
  return undefined;
}

/**
 * `/import file:<upload>`: the download may take longer than Discord's 3 s, so the answer is
 * deferred first; the file's text runs the command as `text`. A refused download is a user error.
 */
async function importFile(interaction: ChatInputCommandInteraction, invocation: Invocation, file: Attachment, env: InteractionEnv): Promise<void> {
  try {
    // Claimed before the download: a redelivery neither downloads nor answers.
    if (!(await claimDelivery(env.deps.claims, invocation.delivery!))) return;
  } catch (error) {
    return send(interaction, Promise.resolve(errorReply(error, pickLocale(interaction.locale), env.logger, { interaction: interaction.id })), false, env);
  }
  try {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  } catch (error) {
    return env.logger.error({ err: error, interaction: interaction.id }, 'could not defer a Discord interaction');
  }
  const work = (async () => {
    try {
      assertImportSize(file.size);
      const text = await downloadText(file.url);
      const { delivery: _claimed, ...rest } = invocation;
      return await handleOnce({ ...rest, options: { ...invocation.options, text } }, env.deps, env.logger);
    } catch (error) {
      return errorReply(error, pickLocale(interaction.locale), env.logger, { interaction: interaction.id, command: invocation.name });
    }
  })();
  return send(interaction, work, false, env, true);
}

/** Defers privately first, then runs the command and edits the deferred answer with its reply. */
async function deferredAtOnce(interaction: ChatInputCommandInteraction, invocation: Invocation, env: InteractionEnv): Promise<void> {
  try {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  } catch (error) {
    return env.logger.error({ err: error, interaction: interaction.id }, 'could not defer a Discord interaction');
  }
  return send(interaction, handleOnce(invocation, env.deps, env.logger), false, env, true);
}

async function submitted(interaction: ModalSubmitInteraction, env: InteractionEnv): Promise<void> {
  if (!interaction.customId.startsWith(MODAL_PREFIX)) return;
  const options: Record<string, string> = {};
  for (const field of interaction.fields.fields.values()) {
    const value = 'value' in field && typeof field.value === 'string' ? field.value.trim() : '';
    if (value !== '') options[field.customId] = value;
  }
  const invocation = { ...commandLineInvocation(interaction.customId.slice(MODAL_PREFIX.length), interaction, options), delivery: deliveryOf(interaction) };
  return send(interaction, handleOnce(invocation, env.deps, env.logger), false, env);
}

async function autocomplete(interaction: AutocompleteInteraction, env: InteractionEnv): Promise<void> {
  try {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'appeal') return await interaction.respond([]);
    const typed = String(focused.value).trim().toLowerCase();
    // The appeals this server may use: the shared ones and its own (another server's stay unknown).
    const space = spaceOf(interaction).id;
    const operator = env.deps.moderatorIds.includes(`discord:${interaction.user.id}`);
    const member = env.deps.memberKey('discord', interaction.user.id);
    const appeals = await env.deps.appeals.viewFor({ community: communityOf(space), member, operator, where: space }).list();
    const matches = appeals.filter((a) => a.id.includes(typed) || a.title.toLowerCase().includes(typed) || a.reference.toLowerCase().includes(typed));
    await interaction.respond(matches.slice(0, MAX_CHOICES).map((a) => ({ name: clip(`${a.id}: ${a.title}`, 100), value: a.id })));
  } catch (error) {
    env.logger.warn({ err: error, interaction: interaction.id }, 'autocomplete failed');
  }
}

function payload(message: DiscordMessage, ephemeral: boolean): InteractionReplyOptions {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    files: message.files.map((f) => new AttachmentBuilder(f.data, { name: f.name })),
    allowedMentions: { parse: [] },
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/**
 * Answers with the reply: at once when the command is quick (nearly always), otherwise defers
 * after `deferAfterMs` and edits. Whether a reply is private is known only after it ran, so the
 * deferral guesses; a wrong guess deletes the placeholder and answers in a follow-up.
 */
async function send(interaction: RepliableInteraction, work: Promise<Reply | undefined>, usuallyPublic: boolean, env: InteractionEnv, deferredPrivately = false): Promise<void> {
  let deferred: { ephemeral: boolean; done: Promise<unknown> } | undefined = deferredPrivately ? { ephemeral: true, done: Promise.resolve() } : undefined;
  const timer = setTimeout(() => {
    if (deferred) return;
    const ephemeral = !usuallyPublic;
    deferred = { ephemeral, done: interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
  }, env.deferAfterMs);
  try {
    const reply = await work;
    clearTimeout(timer);
    // A redelivery: the first delivery answers.
    if (!reply) return;
    const ephemeral = reply.visibility === 'private';
    const [first, ...rest] = renderReply(reply);
    if (!deferred) {
      await interaction.reply(payload(first!, ephemeral));
    } else {
      await deferred.done;
      if (deferred.ephemeral === ephemeral) {
        const { flags: _flags, ...edit } = payload(first!, ephemeral);
        await interaction.editReply(edit);
      } else {
        await interaction.deleteReply();
        await interaction.followUp(payload(first!, ephemeral));
      }
    }
    for (const message of rest) await interaction.followUp(payload(message, ephemeral));
  } catch (error) {
    clearTimeout(timer);
    env.logger.error({ err: error, interaction: interaction.id }, 'could not answer a Discord interaction');
  }
}
