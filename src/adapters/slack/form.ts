// Forms as Slack modals: the view built from a Reply's form, and the submitted values read back as
// options.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Button } from '../../core/reply.js';
import { truncate } from './mrkdwn.js';

type FormButton = Extract<Button, { type: 'form' }>;

/** The callback id of every form modal; the command to run travels in private_metadata. */
export const FORM_CALLBACK_ID = 'ab_form';

/** Slack's plain_text_input takes at most 3,000 characters; longer fields are clamped to it. */
const MAX_INPUT = 3000;

/** What a form button carries in its `value` (at most 2,000 characters). */
const formValue = z.object({
  c: z.string().min(1),
  t: z.string(),
  l: z.string(),
  f: z.array(z.tuple([z.string().regex(/^\w{1,32}$/), z.string(), z.number().int().min(1).max(MAX_INPUT), z.string().optional()])).max(20),
  /** Names of the fields that take several lines. */
  m: z.array(z.string()).optional(),
});
type FormValue = z.infer<typeof formValue>;

/** Where the answer to a submitted form goes: the command, the space, and the press's response_url. */
const formMetadata = z.object({ c: z.string().min(1), team: z.string(), channel: z.string(), kind: z.enum(['group', 'private']), url: z.string().optional() });
export type FormMetadata = z.infer<typeof formMetadata>;

/** Encodes a form button into a button value; drops prefilled values, then gives up, when too long. */
export function encodeForm(button: FormButton, max: number): string | undefined {
  const multiline = button.fields.filter((f) => f.multiline).map((f) => f.name);
  const head = { c: button.command, t: button.title, l: button.label, ...(multiline.length > 0 ? { m: multiline } : {}) };
  const cap = (n: number) => Math.min(n, MAX_INPUT);
  const withValues = JSON.stringify({ ...head, f: button.fields.map((f) => [f.name, f.label, cap(f.max), ...(f.value ? [f.value] : [])]) });
  if (withValues.length <= max) return withValues;
  const bare = JSON.stringify({ ...head, f: button.fields.map((f) => [f.name, f.label, cap(f.max)]) });
  return bare.length <= max ? bare : undefined;
}

export function decodeForm(value: string): FormValue | undefined {
  try {
    const parsed = formValue.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The modal a form button opens; its submit button repeats the label of the button pressed. */
export function formView(form: FormValue, metadata: Omit<FormMetadata, 'c'>): types.View {
  const private_metadata = JSON.stringify({ ...metadata, c: form.c } satisfies FormMetadata);
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    // Modal titles are limited to 24 characters, input labels to 2,000.
    title: { type: 'plain_text', text: truncate(form.t || '…', 24) },
    submit: { type: 'plain_text', text: truncate(form.l || 'OK', 24) },
    private_metadata,
    blocks: form.f.map(([name, label, max, value]) => ({
      type: 'input',
      block_id: name,
      optional: true,
      label: { type: 'plain_text', text: truncate(label, 2000) },
      element: {
        type: 'plain_text_input',
        action_id: name,
        max_length: max,
        ...(form.m?.includes(name) ? { multiline: true } : {}),
        ...(value ? { initial_value: value.slice(0, max) } : {}),
      },
    })),
  };
}

export function decodeMetadata(raw: string): FormMetadata | undefined {
  try {
    const parsed = formMetadata.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The submitted values, by field name; empty fields are left out so they do not override defaults. */
export function submittedOptions(values: Record<string, Record<string, { value?: string | null }>>): Record<string, string> {
  const options: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const value = actions[blockId]?.value?.trim();
    if (value) options[blockId] = value;
  }
  return options;
}
