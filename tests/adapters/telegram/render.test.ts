import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src/adapters/telegram/args.js';
import Keyv from 'keyv';
import { KeyvShortLived } from '../../../src/core/short-lived.js';
import { systemClock } from '../../../src/core/time.js';
import { DeepLinks } from '../../../src/adapters/telegram/deep-link.js';
import { renderKeyboard } from '../../../src/adapters/telegram/keyboard.js';
import { MAX_MESSAGE_CHARS, renderMessages } from '../../../src/adapters/telegram/render.js';
import { privateReply, publicReply, type Reply } from '../../../src/core/reply.js';

/** Tags open and close in the same message, in order. */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const [, close, name] of html.matchAll(/<(\/?)(b|i|a|pre|code)\b[^>]*>/g)) {
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

const unescape = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('Telegram renderer', () => {
  it('splits a long reply at paragraphs, every message within 4096 characters with whole tags', () => {
    const paragraph = (i: number) => `**Paragraph ${i}** ${'word & <more> '.repeat(60)}`;
    const reply = publicReply([{ type: 'text', text: Array.from({ length: 20 }, (_, i) => paragraph(i)).join('\n\n') }]);
    const messages = renderMessages(reply);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.html.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(balanced(m.html)).toBe(true);
      // Paragraph boundaries: each message starts with a paragraph's bold title.
      expect(m.html.startsWith('<b>Paragraph ')).toBe(true);
    }
  });

  it('splits one huge paragraph and a huge copy block at lines and words, losing nothing', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}&`).join(' ');
    const lines = Array.from({ length: 900 }, (_, i) => `line ${i} <x>`).join('\n');
    const reply = privateReply([
      { type: 'text', text: `_${words}_` },
      { type: 'copy', label: 'Your letter', text: lines },
    ]);
    const messages = renderMessages(reply);
    for (const m of messages) {
      expect(m.html.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(balanced(m.html)).toBe(true);
      expect(m.html).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    }
    const text = unescape(messages.map((m) => m.html).join(''));
    expect(text.replace(/\s+/g, ' ')).toContain(words);
    expect(text).toContain('line 0 <x>\nline 1 <x>');
    expect(text).toContain('line 899 <x>');
    // Words are never cut in half.
    for (const m of messages.slice(0, -1)) expect(m.html).toMatch(/(\s<\/i>|\n<\/pre>|\n)$/);
  });

  it('escapes HTML, keeps only links Telegram opens, and disarms @mentions', () => {
    const reply = publicReply([
      { type: 'heading', text: '<script>alert(1)</script>' },
      { type: 'text', text: 'Write to [the office](https://example.org/?a=1&b="2") or [email](mailto:x@example.org); hi @everyone, mail me at ana@example.org' },
      { type: 'fields', fields: [{ label: 'Town', value: '<b>Lyon</b> @durov' }] },
    ]);
    const [message] = renderMessages(reply);
    expect(message!.html).toContain('<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>');
    expect(message!.html).toContain('<a href="https://example.org/?a=1&amp;b=&quot;2&quot;">the office</a>');
    expect(message!.html).not.toContain('mailto:');
    expect(message!.html).toContain('@\u2060everyone');
    expect(message!.html).toContain('@\u2060durov');
    expect(message!.html).toContain('ana@example.org');
    expect(message!.html).toContain('&lt;b&gt;Lyon&lt;/b&gt;');
  });

  it('turns buttons into an inline keyboard: actions as callback data, web links kept, mailto dropped, forms as F| buttons', () => {
    const { keyboard, hints } = renderKeyboard([
      { type: 'link', label: 'Open email draft', url: 'mailto:x@example.org?body=long' },
      { type: 'link', label: 'Gmail', url: 'https://mail.google.com/mail/?view=cm' },
      { type: 'action', label: 'I emailed', command: 'acted email drive=Ab3x9_kQ' },
      { type: 'action', label: 'I posted', command: 'acted post drive=Ab3x9_kQ' },
      { type: 'action', label: 'Other', command: 'acted other drive=Ab3x9_kQ' },
      { type: 'form', label: 'Personalise', title: 't', command: 'letter drive=Ab3x9_kQ', fields: [{ name: 'name', label: 'Name', max: 80, value: 'Ana "A"' }, { name: 'town', label: 'Town', max: 80 }] },
    ]);
    expect(keyboard!.inline_keyboard).toEqual([
      [{ text: 'Gmail', url: 'https://mail.google.com/mail/?view=cm' }],
      [{ text: 'I emailed', callback_data: 'acted email drive=Ab3x9_kQ' }, { text: 'I posted', callback_data: 'acted post drive=Ab3x9_kQ' }],
      [{ text: 'Other', callback_data: 'acted other drive=Ab3x9_kQ' }],
      [{ text: 'Personalise', callback_data: 'F|letter drive=Ab3x9_kQ' }],
    ]);
    expect(hints).toEqual([]);
    expect(() => renderKeyboard([{ type: 'action', label: 'x', command: `acted ${'x'.repeat(64)}` }])).toThrow(/64 bytes/);
  });

  it('keeps a form whose F|command would be over 64 bytes as a line to type, in tap-to-copy code', () => {
    // 'F|' + 62 bytes is 64: a button. 63 bytes is 65: the typed line.
    const command = (n: number) => `letter drive=Ab3x9_kQ lang=es target=2 remember=on x=${'y'.repeat(n - 53)}`;
    expect(Buffer.byteLength(command(62))).toBe(62);
    const form = (c: string) => ({ type: 'form' as const, label: 'Personalise', title: 't', command: c, fields: [{ name: 'name', label: 'Name', max: 80, value: 'Ana "A"' }, { name: 'town', label: 'Town', max: 80 }] });
    expect(renderKeyboard([form(command(62))]).keyboard!.inline_keyboard).toEqual([[{ text: 'Personalise', callback_data: `F|${command(62)}` }]]);
    const long = renderKeyboard([form(command(63))]);
    expect(long.keyboard).toBeUndefined();
    expect(long.hints).toEqual([{ label: 'Personalise', line: `/${command(63)} name="Ana 'A'" town="…"` }]);
    const [message] = renderMessages(privateReply([{ type: 'text', text: 'Your letter' }], { buttons: [form(command(63))] }));
    expect(message!.html).toContain(`<b>Personalise</b>: <code>/${command(63)} name="Ana 'A'" town="…"</code>`);
  });

  it('puts the keyboard under the last message only', () => {
    const reply: Reply = privateReply([{ type: 'copy', label: 'L', text: 'x '.repeat(5000) }], {
      buttons: [{ type: 'action', label: 'I emailed', command: 'acted email' }],
    });
    const messages = renderMessages(reply);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.map((m) => Boolean(m.keyboard))).toEqual([...messages.slice(1).map(() => false), true]);
  });
});

describe('Telegram command lines and deep links', () => {
  it('reads /cmd, /cmd@thisbot and straightens curly quotes; ignores other bots', () => {
    expect(parseCommandLine('/acted post', 'ActionBot')).toEqual({ name: 'acted', text: 'post' });
    expect(parseCommandLine('/Letter@actionbot name=“Ana María”', 'ActionBot')).toEqual({ name: 'letter', addressed: true, text: 'name="Ana María"' });
    expect(parseCommandLine('/acted@OtherBot post', 'ActionBot')).toBeUndefined();
    expect(parseCommandLine('hello /acted', 'ActionBot')).toBeUndefined();
  });

  it('encodes a letter in a payload of at most 64 safe characters, and keeps longer answers for their member only', async () => {
    let now = 0;
    const links = new DeepLinks(new KeyvShortLived(new Keyv(), { now: () => new Date(now) }), (id) => `key-${id}`, 1000);
    const payload = links.forLetter('-1001234567890', 'name="Ana" town="Lyon"')!;
    expect(payload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(await links.resolve(payload, '5')).toEqual({ kind: 'letter', chatId: '-1001234567890', text: 'name="Ana" town="Lyon"' });
    expect(links.forLetter('-1001234567890', 'name="A very long name indeed" town="Somewhere far away"')).toBeUndefined();
    const reply = privateReply([{ type: 'text', text: 'yours' }], { attachments: [{ name: 'a.pdf', mimeType: 'application/pdf', data: new Uint8Array([37, 80, 68, 70]) }] });
    const key = await links.forReply('5', reply);
    expect(key).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(await links.resolve(key, '6')).toEqual({ kind: 'expired' });
    expect(await links.resolve(key, '5')).toEqual({ kind: 'reply', reply });
    expect(await links.resolve(key, '5')).toEqual({ kind: 'expired' });
    // /forgetme deletes what is still kept for the member, by pseudonymous key.
    const forgotten = await links.forReply('5', reply);
    await links.forget('key-5');
    expect(await links.resolve(forgotten, '5')).toEqual({ kind: 'expired' });
    const later = await links.forReply('5', reply);
    now = 2000;
    expect(await links.resolve(later, '5')).toEqual({ kind: 'expired' });
    expect(await links.resolve('not a payload!', '5')).toBeUndefined();
  });

  it('forgets every answer kept for a member, however many were kept at once', async () => {
    const links = new DeepLinks(new KeyvShortLived(new Keyv(), systemClock), (id) => `key-${id}`);
    const reply = privateReply([{ type: 'text', text: 'yours' }]);
    // Kept concurrently (two groups at once): the member's list must not lose one.
    const keys = await Promise.all(Array.from({ length: 10 }, () => links.forReply('5', reply)));
    await links.forget('key-5');
    for (const key of keys) expect(await links.resolve(key, '5')).toEqual({ kind: 'expired' });
  });
});
