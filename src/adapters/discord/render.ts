// Reply -> Discord messages: markdown, embeds and components within Discord's limits, split into a
// reply and follow-ups.
import { escapeMarkdown, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import { parseMarkdown } from '../../core/markdown.js';
import type { Block, Reply } from '../../core/reply.js';
import { renderButtons } from './buttons.js';
import { clip, LIMITS } from './limits.js';

export { actionCustomId, formCustomId, parseCustomId, renderButtons } from './buttons.js';
export { LIMITS } from './limits.js';


/** One message as the Discord API takes it; a long reply renders to several (a reply and follow-ups). */
export type DiscordMessage = {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponent>>;
  files: Array<{ name: string; data: Buffer }>;
};

const COLOR = 0xffe600;

const escape = (text: string) =>
  escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }).replace(/[[\]]/g, (c) => `\\${c}`);

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
