// Reply -> plain terminal text: blocks, fields and numbered buttons.
import { parseMarkdown } from '../../core/markdown.js';
import type { Button, FormField, Reply } from '../../core/reply.js';

/** Terminals show links in full, except mailto drafts: those are thousands of characters. */
const MAX_LINK_SHOWN = 120;

function inline(markdown: string): string {
  return parseMarkdown(markdown)
    .map((s) => (s.href && s.href !== s.text ? `${s.text} <${s.href}>` : s.text))
    .join('');
}

/** A reply as terminal text; numbered buttons are pressed with /press N. */
export function renderForTerminal(reply: Reply, who: string, firstButton: number): string {
  const out: string[] = [reply.visibility === 'private' ? `── only ${who} sees this ──` : '── posted in the space ──'];
  for (const block of reply.blocks) {
    if (block.type === 'heading') out.push(`## ${block.text}`);
    else if (block.type === 'text') out.push(inline(block.text));
    else if (block.type === 'fields') out.push(...block.fields.map((f) => `${f.label}: ${f.value.replace(/\n/g, '\n  ')}`));
    else out.push(`${block.label}:`, ...block.text.split('\n').map((l) => `  | ${l}`));
  }
  for (const a of reply.attachments) out.push(`(attachment ${a.name}, ${a.mimeType}, ${a.data.byteLength} bytes)`);
  if (reply.buttons.length > 0) out.push(reply.buttons.map((b, i) => buttonText(b, firstButton + i)).join('   '));
  return out.join('\n');
}

/** `name="..."` for free text, `opening=on|off` for a field with choices. */
export function fieldHint(field: FormField): string {
  return field.choices ? `${field.name}=${field.choices.join('|')}` : `${field.name}="..."`;
}

function buttonText(button: Button, n: number): string {
  if (button.type === 'action') return `[${n}] ${button.label}`;
  if (button.type === 'form') return `[${n}] ${button.label} (/${button.command} ${button.fields.map(fieldHint).join(' ')})`;
  const url = button.url.length > MAX_LINK_SHOWN ? `${button.url.slice(0, MAX_LINK_SHOWN)}…` : button.url;
  return `[${n}] ${button.label} <${url}>`;
}
