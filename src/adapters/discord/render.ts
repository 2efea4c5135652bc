import {
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { parseMarkdown } from '../../core/markdown.js';
import type { Block, Button, Reply } from '../../core/reply.js';

/** Discord's message limits, written once next to the code that enforces them. */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedsTotal: 6000,
  embeds: 10,
  customId: 100,
  linkUrl: 512,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
} as const;

/** One message as the Discord API takes it; a long reply renders to several (a reply and follow-ups). */
export type DiscordMessage = {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponent>>;
  files: Array<{ name: string; data: Buffer }>;
};

const COLOR = 0xffe600;
const ACTION_PREFIX = 'ab:';
const FORM_PREFIX = 'af:';

const escape = (text: string) =>
  escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }).replace(/[[\]]/g, (c) => `\\${c}`);
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The markdown subset as Discord markdown; everything that is not markup is escaped. */
export function toDiscordMarkdown(markdown: string): string {
  return parseMarkdown(markdown)
    .map((span) => {
      // Discord ignores ** when it touches inner spaces: keep the spaces outside the markers.
      const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(span.text) ?? [];
      if (core === '') return span.text;
      let out = escape(core);
      if (span.href) out = `[${out}](${span.href})`;
      if (span.italic) out = `*${out}*`;
      if (span.bold) out = `**${out}**`;
      return `${lead}${out}${trail}`;
    })
    .join('');
}

/** Copied text goes verbatim into a code block; only a fence inside it has to be broken. */
const fence = (text: string) => `\`\`\`\n${text.replace(/```/g, '`\u200b``')}\n\`\`\``;

/** Splits text at line ends (or hard, for a very long line) into pieces of at most `max` characters. */
export function chunk(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== '') pieces.push(current);
    let rest = line;
    while (rest.length > max) {
      pieces.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    current = rest;
  }
  if (current !== '' || pieces.length === 0) pieces.push(current);
  return pieces;
}

const embedSize = (e: APIEmbed) => (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/** Builds embeds in order: a new one whenever the next part would not fit or would land out of order. */
class EmbedWriter {
  readonly embeds: APIEmbed[] = [];
  private current: APIEmbed = { color: COLOR };

  heading(text: string): void {
    if (embedSize(this.current) > 0) this.next();
    this.current.title = clip(text, LIMITS.title);
  }

  description(text: string): void {
    for (const piece of chunk(text, LIMITS.description)) {
      const before = this.current.description;
      const joined = before ? `${before}\n\n${piece}` : piece;
      // Fields render below the description: text after fields needs a new embed to keep the order.
      if ((this.current.fields?.length ?? 0) > 0 || joined.length > LIMITS.description || embedSize(this.current) + joined.length - (before?.length ?? 0) > LIMITS.embedsTotal) {
        this.next();
        this.current.description = piece;
      } else {
        this.current.description = joined;
      }
    }
  }

  field(field: APIEmbedField): void {
    const size = field.name.length + field.value.length;
    if ((this.current.fields?.length ?? 0) >= LIMITS.fields || embedSize(this.current) + size > LIMITS.embedsTotal) this.next();
    (this.current.fields ??= []).push(field);
  }

  finish(): APIEmbed[] {
    if (embedSize(this.current) > 0) this.next();
    return this.embeds;
  }

  private next(): void {
    this.embeds.push(this.current);
    this.current = { color: COLOR };
  }
}

function writeBlock(writer: EmbedWriter, block: Block): void {
  if (block.type === 'heading') return writer.heading(block.text);
  if (block.type === 'text') return writer.description(toDiscordMarkdown(block.text));
  if (block.type === 'fields') {
    for (const f of block.fields) writer.field({ name: clip(f.label, LIMITS.fieldName) || '\u200b', value: clip(escape(f.value), LIMITS.fieldValue) || '\u200b', inline: true });
    return;
  }
  // Short copy blocks (an address, an email) read best as fields; the letter goes in code blocks.
  const fenced = fence(block.text);
  if (fenced.length <= LIMITS.fieldValue && block.label.length <= LIMITS.fieldName) return writer.field({ name: block.label || '\u200b', value: fenced });
  writer.description(`**${escape(block.label)}**`);
  for (const piece of chunk(block.text, LIMITS.description - 8)) writer.description(fence(piece));
}

/** `ab:` + the command: the button runs it as whoever presses. */
export function actionCustomId(command: string): string {
  const id = `${ACTION_PREFIX}${command}`;
  if (id.length > LIMITS.customId) throw new Error(`custom_id over ${LIMITS.customId} characters: ${id}`);
  return id;
}

/** `af:` + the command, plus the form's current values when they fit, to prefill the modal. */
export function formCustomId(button: Extract<Button, { type: 'form' }>): string {
  let id = `${FORM_PREFIX}${button.command}`;
  if (id.length > LIMITS.customId) throw new Error(`custom_id over ${LIMITS.customId} characters: ${id}`);
  for (const field of button.fields) {
    if (!field.value || /["\n]/.test(field.value)) continue;
    const part = ` ${field.name}="${field.value}"`;
    if (id.length + part.length <= LIMITS.customId) id += part;
  }
  return id;
}

export function parseCustomId(id: string): { kind: 'action' | 'form'; command: string } | undefined {
  if (id.startsWith(ACTION_PREFIX)) return { kind: 'action', command: id.slice(ACTION_PREFIX.length) };
  if (id.startsWith(FORM_PREFIX)) return { kind: 'form', command: id.slice(FORM_PREFIX.length) };
  return undefined;
}

/** Link buttons take http(s) only (no mailto:) up to 512 characters; the rest are dropped, their content is in a copy block. */
const linkAllowed = (url: string) => /^https?:\/\//i.test(url) && url.length <= LIMITS.linkUrl;

export function renderButtons(buttons: readonly Button[]): Array<APIActionRowComponent<APIButtonComponent>> {
  const seen = new Set<string>();
  const built: APIButtonComponent[] = [];
  for (const b of buttons) {
    const label = clip(b.label, LIMITS.buttonLabel);
    if (b.type === 'link') {
      if (linkAllowed(b.url)) built.push({ type: ComponentType.Button, style: ButtonStyle.Link, label, url: b.url });
      continue;
    }
    const custom_id = b.type === 'action' ? actionCustomId(b.command) : formCustomId(b);
    if (seen.has(custom_id)) continue; // Discord rejects a message with two equal custom_ids.
    seen.add(custom_id);
    const style = b.type === 'action' && b.style === 'primary' ? ButtonStyle.Primary : b.type === 'action' && b.style === 'danger' ? ButtonStyle.Danger : ButtonStyle.Secondary;
    built.push({ type: ComponentType.Button, style, label, custom_id });
  }
  const rows: Array<APIActionRowComponent<APIButtonComponent>> = [];
  for (let i = 0; i < built.length && rows.length < LIMITS.rows; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: built.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

/**
 * A reply as one or more messages: short plain text as content, anything else as embeds grouped
 * under 10 embeds and 6000 characters a message; buttons and files ride on the last message.
 */
export function renderReply(reply: Reply): DiscordMessage[] {
  const components = renderButtons(reply.buttons);
  const files = reply.attachments.map((a) => ({ name: a.name, data: Buffer.from(a.data) }));
  if (reply.blocks.every((b) => b.type === 'text')) {
    const content = reply.blocks.map((b) => toDiscordMarkdown(b.text)).join('\n\n');
    if (content.length <= LIMITS.content) return [{ content: content || '\u200b', embeds: [], components, files }];
  }
  const writer = new EmbedWriter();
  for (const block of reply.blocks) writeBlock(writer, block);
  const messages: DiscordMessage[] = [];
  let current: DiscordMessage = { embeds: [], components: [], files: [] };
  let size = 0;
  for (const embed of writer.finish()) {
    const s = embedSize(embed);
    if (current.embeds.length >= LIMITS.embeds || (current.embeds.length > 0 && size + s > LIMITS.embedsTotal)) {
      messages.push(current);
      current = { embeds: [], components: [], files: [] };
      size = 0;
    }
    current.embeds.push(embed);
    size += s;
  }
  messages.push({ ...current, components, files });
  return messages;
}
