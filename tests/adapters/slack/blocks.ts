import { expect } from 'vitest';

type Json = Record<string, unknown>;

/** Every text a message shows: fallback text, headers, sections, fields, button labels. */
export function textOf(message: Json): string {
  const parts: string[] = [String(message.text ?? '')];
  for (const block of (message.blocks as Json[] | undefined) ?? []) {
    const text = block.text as { text?: string } | undefined;
    if (text?.text) parts.push(text.text);
    for (const field of (block.fields as Array<{ text: string }> | undefined) ?? []) parts.push(field.text);
    for (const element of (block.elements as Json[] | undefined) ?? []) parts.push(String((element.text as { text?: string } | undefined)?.text ?? ''));
  }
  return parts.join('\n');
}

/** The buttons of a message, in order. */
export function buttonsOf(message: Json): Array<{ action_id: string; value?: string; url?: string; text: { text: string } }> {
  const blocks = (message.blocks as Json[] | undefined) ?? [];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as Array<{ action_id: string; value?: string; url?: string; text: { text: string } }>);
}

/** Asserts Block Kit's limits on one message. */
export function expectWithinLimits(message: Json): void {
  const blocks = (message.blocks as Json[] | undefined) ?? [];
  expect(blocks.length).toBeLessThanOrEqual(50);
  const actionIds = new Set<string>();
  for (const block of blocks) {
    if (block.type === 'section') {
      const text = (block.text as { text?: string } | undefined)?.text;
      if (text !== undefined) expect(text.length).toBeLessThanOrEqual(3000);
      const fields = (block.fields as Array<{ text: string }> | undefined) ?? [];
      expect(fields.length).toBeLessThanOrEqual(10);
      for (const f of fields) expect(f.text.length).toBeLessThanOrEqual(2000);
      expect(text !== undefined || fields.length > 0).toBe(true);
    } else if (block.type === 'header') {
      expect((block.text as { text: string }).text.length).toBeLessThanOrEqual(150);
    } else if (block.type === 'actions') {
      const elements = block.elements as Array<{ action_id: string; value?: string; url?: string }>;
      expect(elements.length).toBeLessThanOrEqual(25);
      for (const e of elements) {
        expect(e.action_id.length).toBeLessThanOrEqual(255);
        expect(actionIds.has(e.action_id)).toBe(false);
        actionIds.add(e.action_id);
        if (e.value !== undefined) expect(e.value.length).toBeLessThanOrEqual(2000);
        if (e.url !== undefined) expect(e.url.length).toBeLessThanOrEqual(3000);
      }
    } else {
      throw new Error(`unexpected block type ${String(block.type)}`);
    }
  }
}
