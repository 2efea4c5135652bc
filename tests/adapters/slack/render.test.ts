import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/adapters/slack/render.js';
import { escapeMrkdwn, splitText, toMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';
import { actionButton, privateReply, type Block, type Button } from '../../../src/core/reply.js';
import { buttonsOf, expectWithinLimits, textOf } from './blocks.js';

const paragraph = (i: number) => `Paragraph ${i}: ${'the officials must act now & release them '.repeat(8)}`;

describe('Slack renderer', () => {
  it('splits a very long text at paragraph boundaries into sections of at most 3000 characters', () => {
    const text = Array.from({ length: 120 }, (_, i) => paragraph(i)).join('\n\n');
    const [message, ...more] = renderReply(privateReply([{ type: 'text', text }]));
    for (const m of [message!, ...more]) expectWithinLimits(m);
    const sections = [message!, ...more].flatMap((m) => m.blocks).map((b) => (b as { text: { text: string } }).text.text);
    expect(sections.length).toBeGreaterThan(1);
    // Paragraph boundaries: no section starts or ends in the middle of a paragraph.
    for (const s of sections) expect(s).toMatch(/^Paragraph \d+:[\s\S]*release them\s*$/);
    // Nothing is lost: the same words, in order.
    expect(sections.join(' ').split(/\s+/).filter(Boolean)).toEqual(escapeMrkdwn(text).split(/\s+/).filter(Boolean));
  });

  it('never puts more than 50 blocks in a message, buttons included', () => {
    const blocks: Block[] = Array.from({ length: 70 }, (_, i) => ({ type: 'text', text: `line ${i}` }));
    const buttons: Button[] = Array.from({ length: 30 }, (_, i) => actionButton(`b${i}`, `acted email drive=d${i}`));
    const messages = renderReply(privateReply(blocks, { buttons }));
    expect(messages.length).toBe(2);
    for (const m of messages) expectWithinLimits(m);
    const ids = messages.flatMap(buttonsOf).map((b) => b.action_id);
    expect(new Set(ids).size).toBe(30);
    expect(messages.at(-1)!.blocks.filter((b) => b.type === 'actions').length).toBe(2);
  });

  it('keeps headers to 150 characters and fields to 10 per section and 2000 characters each', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: 'x'.repeat(2500) }));
    const messages = renderReply(privateReply([{ type: 'heading', text: 'H'.repeat(400) }, { type: 'fields', fields }]));
    for (const m of messages) expectWithinLimits(m);
    expect(messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section').length).toBe(3);
  });

  it('renders a copy block as its own code-block sections and splits a long one', () => {
    const letter = Array.from({ length: 40 }, (_, i) => paragraph(i)).join('\n\n');
    const messages = renderReply(privateReply([{ type: 'copy', label: 'Your letter', text: letter }, { type: 'copy', label: 'Email', text: 'a@b.org' }]));
    const sections = messages.flatMap((m) => m.blocks).map((b) => (b as { text: { text: string } }).text.text);
    expect(sections[0]).toMatch(/^\*Your letter\*\n```Paragraph 0/);
    for (const s of sections) expect(s).toMatch(/```$/);
    expect(sections.at(-1)).toBe('*Email*\n```a@b.org```');
    for (const m of messages) expectWithinLimits(m);
  });

  it('drops a link button over 3000 characters and keeps a short one', () => {
    const long: Button = { type: 'link', label: 'Open email draft', url: `mailto:a@b.org?body=${'x'.repeat(3100)}` };
    const short: Button = { type: 'link', label: 'Report', url: 'https://example.org/r' };
    const [message] = renderReply(privateReply([{ type: 'text', text: 'hi' }], { buttons: [long, short] }));
    expect(buttonsOf(message!).map((b) => b.url)).toEqual(['https://example.org/r']);
  });

  it('turns the markdown subset into mrkdwn and escapes everything else', () => {
    expect(toMrkdwn('**Bold** and _it_ [site](https://x.org/a?b=1&c=2) <!here> & <@U1>')).toBe(
      '*Bold* and _it_ <https://x.org/a?b=1&amp;c=2|site> &lt;!here&gt; &amp; &lt;@U1&gt;',
    );
    const [message] = renderReply(privateReply([{ type: 'text', text: '<!everyone> ping' }]));
    expect(message!.text).toBe('&lt;!everyone&gt; ping');
  });

  it('never splits inside an escaped entity, and every piece is within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('&', '<', '>', 'a', ' ', '\n', 'é'), maxLength: 5000 }), fc.integer({ min: 20, max: 400 }), (raw, max) => {
        const pieces = splitText(escapeMrkdwn(raw), max);
        for (const piece of pieces) {
          expect(piece.length).toBeLessThanOrEqual(max);
          expect(piece).not.toMatch(/&(a(m(p)?)?|l(t)?|g(t)?)?$/);
        }
      }),
    );
  });

  it('renders every reply as at least one message with fallback text', () => {
    const messages = renderReply(privateReply([]));
    expect(messages).toHaveLength(1);
    expect(textOf(messages[0]!).length).toBeGreaterThan(0);
  });
});
