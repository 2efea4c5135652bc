/**
 * What a command answers: data, not a platform call. Each adapter's renderer maps it onto its own
 * platform (embeds and components, HTML and inline keyboards, Block Kit, or plain terminal text).
 */

/** Text in a small markdown subset: **bold**, _italic_, [label](https://url). See `markdown.ts`. */
export type Markdown = string;

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: Markdown }
  | { type: 'fields'; fields: Array<{ label: string; value: string }> }
  /** Text to copy as it is: an address block, an email address, the letter itself. */
  | { type: 'copy'; label: string; text: string };

export type Button =
  /** Pressing it runs `command` (a command line without the slash) as the member who pressed. */
  | { type: 'action'; label: string; command: string; style?: 'primary' | 'danger' }
  | { type: 'link'; label: string; url: string }
  /**
   * Opens a small form (Discord/Slack modal, Telegram reply prompt); submitting runs `command` with
   * each field added as `name=value`.
   */
  | { type: 'form'; label: string; command: string; title: string; fields: FormField[] };

/** `multiline`: a paragraph box (a pasted text) rather than one line; platforms cap `max` at their own limit. */
/** `choices`: the only values the field takes (on|off), shown in hints instead of free text. */
export type FormField = { name: string; label: string; max: number; value?: string; multiline?: boolean; choices?: readonly string[] };

export type Attachment = { name: string; mimeType: string; data: Uint8Array };

export type Reply = {
  /** `private`: only the member who asked sees it; `public`: posted in the space. */
  visibility: 'private' | 'public';
  blocks: Block[];
  buttons: Button[];
  attachments: Attachment[];
  /** Said in the space when a private reply had to go elsewhere (a direct message). */
  notice?: string;
  /**
   * Plain text, one line: the reply confirms something the member did (an action recorded). In a
   * crowded space it is enough on its own: a reaction to the command, or a button's toast.
   */
  receipt?: string;
};

/** The smallest button payload any platform allows: Telegram's 64-byte callback_data. */
export const MAX_BUTTON_DATA = 64;

/**
 * An action's command line, kept short enough that, signed (`~` and 12 characters, see
 * src/core/walls.ts), one payload works everywhere.
 */
export const MAX_ACTION_BYTES = MAX_BUTTON_DATA - 13;

export function actionButton(label: string, command: string, style?: 'primary' | 'danger'): Button {
  if (Buffer.byteLength(command, 'utf8') > MAX_ACTION_BYTES) {
    throw new Error(`button command over ${MAX_ACTION_BYTES} bytes: ${command}`);
  }
  return style ? { type: 'action', label, command, style } : { type: 'action', label, command };
}

export function privateReply(blocks: Block[], extra: Partial<Omit<Reply, 'visibility' | 'blocks'>> = {}): Reply {
  return { visibility: 'private', blocks, buttons: [], attachments: [], ...extra };
}

export function publicReply(blocks: Block[], extra: Partial<Omit<Reply, 'visibility' | 'blocks'>> = {}): Reply {
  return { visibility: 'public', blocks, buttons: [], attachments: [], ...extra };
}

/** The whole reply as plain lines, for logs, the shell and tests. */
export function replyToPlainText(reply: Reply, strip: (md: Markdown) => string): string {
  const lines: string[] = [];
  for (const block of reply.blocks) {
    if (block.type === 'heading') lines.push(`# ${block.text}`);
    else if (block.type === 'text') lines.push(strip(block.text));
    else if (block.type === 'fields') lines.push(...block.fields.map((f) => `${f.label}: ${f.value}`));
    else lines.push(`${block.label}:`, ...block.text.split('\n').map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
