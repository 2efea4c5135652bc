import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, renderButtons, renderReply, toDiscordMarkdown, type DiscordMessage } from '../../../src/adapters/discord/render.js';
import { BUNDLED_APPEALS } from '../../../src/app/app.js';
import { privateReply, publicReply, type Button } from '../../../src/core/reply.js';
import { answersTo, interact, slash, startHarness, type Harness } from './harness.js';

type Json = Record<string, unknown>;
const embedChars = (e: Json) =>
  String(e.title ?? '').length + String(e.description ?? '').length + ((e.fields as Json[] | undefined) ?? []).reduce((n, f) => n + String(f.name).length + String(f.value).length, 0);

function expectWithinLimits(message: Pick<DiscordMessage, 'embeds'> & { content?: unknown }): void {
  const embeds = message.embeds as unknown as Json[];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  expect(String(message.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  for (const e of embeds) {
    expect(String(e.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
    expect(String(e.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
    const fields = (e.fields as Json[] | undefined) ?? [];
    expect(fields.length).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of fields) {
      expect(String(f.name).length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(String(f.value).length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
}

describe('Discord renderer', () => {
  it('turns the markdown subset into Discord markdown and escapes everything else', () => {
    expect(toDiscordMarkdown('**Bold** and _italic_ and [site](https://example.org)')).toBe('**Bold** and *italic* and [site](https://example.org)');
    expect(toDiscordMarkdown('a \\*star\\* ~~strike~~ `code`')).toBe('a \\*star\\* \\~\\~strike\\~\\~ \\`code\\`');
    expect(toDiscordMarkdown('# not a heading\n- not a list')).toBe('\\# not a heading\n\\- not a list');
    expect(toDiscordMarkdown('** spaced **')).toBe(' **spaced** ');
  });

  it('sends short plain text as content and headings, fields and copy blocks as embeds', () => {
    expect(renderReply(privateReply([{ type: 'text', text: 'Done.' }]))).toEqual([{ content: 'Done.', embeds: [], components: [], files: [] }]);
    const [message] = renderReply(
      publicReply([
        { type: 'heading', text: 'Heading' },
        { type: 'text', text: 'Intro' },
        { type: 'copy', label: 'Address', text: '1 Main St\nTown' },
        { type: 'text', text: 'After the address' },
      ]),
    );
    const embeds = message!.embeds;
    expect(embeds[0]).toMatchObject({ title: 'Heading', description: 'Intro', fields: [{ name: 'Address', value: '```\n1 Main St\nTown\n```' }] });
    // Text after fields starts a new embed: fields would otherwise render above it.
    expect(embeds[1]).toMatchObject({ description: 'After the address' });
  });

  it('splits a 20,000-character copy block into embeds of at most 4096 and messages of at most 6000', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Line ${i} of a very long letter that keeps going.`).join('\n');
    const messages = renderReply(privateReply([{ type: 'heading', text: 'Letter' }, { type: 'copy', label: 'Letter', text }], { buttons: [{ type: 'action', label: 'I emailed', command: 'acted email' }] }));
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expectWithinLimits(m);
    const joined = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('\n');
    for (const i of [0, 199, 399]) expect(joined).toContain(`Line ${i} of`);
    expect(messages.at(-1)!.components).toHaveLength(1);
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
  });

  it('puts at most 25 fields in an embed and clips long names and values', () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({ label: `L${i}${'x'.repeat(300)}`, value: 'v'.repeat(2000) }));
    for (const m of renderReply(publicReply([{ type: 'fields', fields }]))) expectWithinLimits(m);
  });

  it('drops mailto: and over-long links, keeps https links, and lays buttons out 5 a row, 5 rows at most', () => {
    const buttons: Button[] = [
      { type: 'link', label: 'Mail', url: 'mailto:a@example.org?body=hi' },
      { type: 'link', label: 'Long', url: `https://example.org/${'x'.repeat(600)}` },
      { type: 'link', label: 'Site', url: 'https://example.org' },
      ...Array.from({ length: 30 }, (_, i): Button => ({ type: 'action', label: `B${i}`, command: `acted email n=${i}` })),
    ];
    const rows = renderButtons(buttons);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.components.length).toBeLessThanOrEqual(5);
    const flat = rows.flatMap((r) => r.components) as unknown as Json[];
    expect(flat[0]).toMatchObject({ style: 5, url: 'https://example.org' });
    expect(flat.some((b) => String(b.url ?? '').startsWith('mailto:'))).toBe(false);
    expect(flat[1]).toMatchObject({ custom_id: 'ab:acted email n=0' });
  });

  it('refuses an action whose custom_id would pass 100 characters', () => {
    expect(() => renderButtons([{ type: 'action', label: 'x', command: 'y'.repeat(98) }])).toThrow(/custom_id/);
  });
});

describe('Discord long letters', () => {
  let dir: string;
  let h: Harness;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-discord-'));
    const appeal = JSON.parse(await readFile(join(BUNDLED_APPEALS, 'ua-34-25.json'), 'utf8')) as Json;
    const letter = appeal.letter as Json;
    const paragraph = 'We urge you to halt every expulsion, to honour the court orders and to guarantee due process for every person concerned. '.repeat(30);
    const long = { ...appeal, id: 'ua-99-25', reference: 'UA 99.25', letter: { ...letter, paragraphs: Array.from({ length: 6 }, (_, i) => `Paragraph ${i + 1}. ${paragraph.trim()}`) } };
    await writeFile(join(dir, 'ua-99-25.json'), JSON.stringify(long));
    h = await startHarness({ appealsDir: dir });
  });
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('splits a letter over 4096 characters across embeds and follow-up messages, each within the limits', async () => {
    const command = slash('letter', { appeal: 'ua-99-25' });
    await interact(h.fake, command);
    const answers = await answersTo(h.fake, command);
    const bodies = answers.map((a) => ((a.body?.data as Json | undefined) ?? a.body) as Json);
    expect(bodies.length).toBeGreaterThan(1);
    const all = bodies.flatMap((b) => (b.embeds as Json[] | undefined) ?? []);
    expect(all.some((e) => String(e.description ?? '').length > 3000)).toBe(true);
    for (const b of bodies) {
      expectWithinLimits(b as unknown as DiscordMessage);
      expect(b.flags).toBe(64);
    }
    const text = all.map((e) => String(e.description ?? '')).join('\n');
    for (let i = 1; i <= 6; i++) expect(text).toContain(`Paragraph ${i}.`);
  });
});
