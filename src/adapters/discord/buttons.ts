// Reply buttons as Discord components, and their custom_ids (`ab:` action, `af:` form) read back on
// a press.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { tokenize } from '../../commands/parse.js';
import type { Button } from '../../core/reply.js';
import { clip, LIMITS } from './limits.js';

const ACTION_PREFIX = 'ab:';
const FORM_PREFIX = 'af:';

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

/** A signed command line (see src/core/walls.ts) and the prefilled values after it. */
const SIGNED_THEN_PREFILL = /^([\s\S]*?~[A-Za-z0-9_-]{12})(?: ([\s\S]*))?$/;

/**
 * The command a custom id carries; for a form, its prefilled values apart (`prefill`, as options):
 * the command's signature covers the command only, and the values are the member's own.
 */
export function parseCustomId(id: string): { kind: 'action' | 'form'; command: string; prefill?: Record<string, string> } | undefined {
  if (id.startsWith(ACTION_PREFIX)) return { kind: 'action', command: id.slice(ACTION_PREFIX.length) };
  if (!id.startsWith(FORM_PREFIX)) return undefined;
  const rest = id.slice(FORM_PREFIX.length);
  const match = SIGNED_THEN_PREFILL.exec(rest);
  if (!match?.[2]) return { kind: 'form', command: match?.[1] ?? rest };
  const prefill = Object.fromEntries(tokenize(match[2]).flatMap((tk) => (tk.key ? [[tk.key, tk.value]] : [])));
  return { kind: 'form', command: match[1]!, prefill };
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

