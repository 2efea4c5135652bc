// Reply -> Block Kit blocks within Slack's limits.
import type { types } from '@slack/bolt';
import { stripMarkdown } from '../../core/markdown.js';
import type { Block, Button, Reply } from '../../core/reply.js';
import { encodeForm } from './form.js';
import { escapeCode, escapeMrkdwn, splitText, toMrkdwn, truncate } from './mrkdwn.js';

/** Block Kit limits, written once next to the code that keeps to them. */
export const SLACK_LIMITS = {
  sectionText: 3000,
  blocksPerMessage: 50,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  elementsPerActions: 25,
  actionId: 255,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  // Not a documented block limit: Slack refuses very long messages (msg_too_long), so we split early.
  charsPerMessage: 12_000,
  fallbackText: 300,
} as const;

/** Prefixes of `action_id`: what a press means. The number keeps ids unique within a message. */
export const ACTION_PREFIX = { action: 'ab:', form: 'af:', link: 'al:' } as const;

export type SlackMessage = { text: string; blocks: types.KnownBlock[] };

const section = (text: string): types.SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

function contentBlocks(block: Block): types.KnownBlock[] {
  switch (block.type) {
    case 'heading':
      return [{ type: 'header', text: { type: 'plain_text', text: truncate(block.text.trim() || '…', SLACK_LIMITS.headerText) } }];
    case 'text':
      return splitText(toMrkdwn(block.text), SLACK_LIMITS.sectionText).map(section);
    case 'fields': {
      const sections: types.KnownBlock[] = [];
      for (let i = 0; i < block.fields.length; i += SLACK_LIMITS.fieldsPerSection) {
        const fields = block.fields.slice(i, i + SLACK_LIMITS.fieldsPerSection).map((f) => ({
          type: 'mrkdwn' as const,
          text: truncate(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, SLACK_LIMITS.fieldText),
        }));
        sections.push({ type: 'section', fields });
      }
      return sections;
    }
    case 'copy': {
      // Each copy block gets its own sections, so the address or the letter can be copied alone.
      const label = `*${escapeMrkdwn(block.label)}*\n`;
      const room = SLACK_LIMITS.sectionText - label.length - 6;
      return splitText(escapeCode(block.text), room).map((piece, i) => section(`${i === 0 ? label : ''}\`\`\`${piece}\`\`\``));
    }
  }
}

function buttonElement(button: Button, n: number): types.Button | undefined {
  const text = { type: 'plain_text' as const, text: truncate(button.label, SLACK_LIMITS.buttonText) };
  if (button.type === 'link') {
    // A mailto draft can run to thousands of characters; its content is already in the copy blocks.
    if (button.url.length > SLACK_LIMITS.buttonUrl) return undefined;
    return { type: 'button', text, action_id: `${ACTION_PREFIX.link}${n}`, url: button.url };
  }
  if (button.type === 'form') {
    const value = encodeForm(button, SLACK_LIMITS.buttonValue);
    return value === undefined ? undefined : { type: 'button', text, action_id: `${ACTION_PREFIX.form}${n}`, value };
  }
  if (button.command.length > SLACK_LIMITS.buttonValue) return undefined;
  const element: types.Button = { type: 'button', text, action_id: `${ACTION_PREFIX.action}${n}`, value: button.command };
  if (button.style) element.style = button.style;
  return element;
}

function actionBlocks(buttons: Button[]): types.ActionsBlock[] {
  const elements = buttons.map((b, i) => buttonElement(b, i)).filter((e): e is types.Button => e !== undefined);
  const blocks: types.ActionsBlock[] = [];
  for (let i = 0; i < elements.length; i += SLACK_LIMITS.elementsPerActions) {
    blocks.push({ type: 'actions', elements: elements.slice(i, i + SLACK_LIMITS.elementsPerActions) });
  }
  return blocks;
}

function blockChars(block: types.KnownBlock): number {
  return JSON.stringify(block).length;
}

function fallbackText(reply: Reply): string {
  const first = reply.blocks.find((b) => b.type !== 'fields');
  const plain = !first ? '' : first.type === 'text' ? stripMarkdown(first.text) : first.type === 'copy' ? first.label : first.text;
  return escapeMrkdwn(truncate(plain.trim() || '…', SLACK_LIMITS.fallbackText));
}

/**
 * A Reply as one or more Block Kit messages: never more than 50 blocks or about 12,000 characters
 * a message; buttons come last, in actions blocks of at most 25.
 */
export function renderReply(reply: Reply): SlackMessage[] {
  const all = [...reply.blocks.flatMap(contentBlocks), ...actionBlocks(reply.buttons)];
  const text = fallbackText(reply);
  const messages: SlackMessage[] = [];
  let current: types.KnownBlock[] = [];
  let chars = 0;
  for (const block of all) {
    const size = blockChars(block);
    if (current.length > 0 && (current.length >= SLACK_LIMITS.blocksPerMessage || chars + size > SLACK_LIMITS.charsPerMessage)) {
      messages.push({ text, blocks: current });
      current = [];
      chars = 0;
    }
    current.push(block);
    chars += size;
  }
  if (current.length > 0 || messages.length === 0) messages.push({ text, blocks: current });
  return messages;
}
