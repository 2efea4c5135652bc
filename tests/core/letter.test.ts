import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { appealSchema, type Appeal } from '../../src/core/appeal.js';
import { mailLinksWithin } from '../../src/core/kit/webmail.js';
import { renderLetter } from '../../src/core/letter.js';
import { parseMarkdown } from '../../src/core/markdown.js';

const seed = async (): Promise<Appeal> => appealSchema.parse(JSON.parse(await readFile('appeals/ua-34-25.json', 'utf8')));
const now = new Date('2026-11-28T23:30:00Z');

describe('rendering a letter', () => {
  it('puts the member name and town in the signature and dates it in the drive time zone', async () => {
    const letter = renderLetter(await seed(), { sender: { name: 'Ana', town: 'Lyon' }, now, timezone: 'Asia/Tokyo' });
    expect(letter.date).toBe('November 29, 2026');
    expect(letter.text.split('\n').slice(0, 3)).toEqual(['Lyon, November 29, 2026', '', 'Dear Secretary Noem,']);
    expect(letter.text.endsWith('Yours sincerely,\nAna\nLyon')).toBe(true);
    expect(letter.addressBlock).toEqual([
      'The Honorable Kristi Noem',
      'Secretary of Homeland Security',
      'U.S. Department of Homeland Security',
      '2707 Martin Luther King Jr. Avenue, SE',
      'Washington, DC 20528',
      'USA',
    ]);
    expect(letter.emails).toEqual(['dhssecretary@hq.dhs.gov']);
  });

  it('leaves the signature to the member when no name is given', async () => {
    const letter = renderLetter(await seed(), { now, timezone: 'UTC' });
    expect(letter.text.endsWith('Yours sincerely,')).toBe(true);
    expect(letter.text.startsWith('November 28, 2026')).toBe(true);
  });

  it('gives a second target its own salutation and lists copies with their emails', async () => {
    const appeal = await seed();
    appeal.targets.push(
      { name: 'Pam Bondi', title: 'Attorney General', address: [], emails: ['ag@example.org'], social: [], copy: false, salutation: 'Dear Attorney General' },
      { name: 'Embassy of El Salvador', address: [], emails: ['embassy@example.org'], social: [], copy: true },
    );
    const letter = renderLetter(appeal, { target: '2', now, timezone: 'UTC' });
    expect(letter.salutation).toBe('Dear Attorney General,');
    expect(letter.copies.map((c) => c.name)).toEqual(['Embassy of El Salvador']);
    expect(letter.ccEmails).toEqual(['embassy@example.org']);
    expect(renderLetter(appeal, { target: 'bondi', now, timezone: 'UTC' }).targetNumber).toBe(2);
    expect(() => renderLetter(appeal, { target: '3', now, timezone: 'UTC' })).toThrow(expect.objectContaining({ code: 'no_such_target' }));
    const mailto = mailLinksWithin(letter, Number.POSITIVE_INFINITY).find((l) => l.client === 'mailto')!.url;
    expect(mailto.startsWith('mailto:ag@example.org?cc=embassy%40example.org&subject=UA%2034.25')).toBe(true);
  });

  it('has a markdown form that reads back as the same text, whatever characters the appeal uses', async () => {
    const appeal = await seed();
    appeal.letter.paragraphs = ['Stop *now* [see](x) and _this_ \\ please.'];
    const letter = renderLetter(appeal, { sender: { name: 'A_b*c' }, now, timezone: 'UTC' });
    const spans = parseMarkdown(letter.markdown);
    expect(spans[0]).toEqual({ text: letter.subject, bold: true });
    expect(spans.slice(1).map((s) => s.text).join('')).toBe(`\n\n${letter.text}`);
    expect(spans.slice(1).every((s) => !s.bold && !s.italic && !s.href)).toBe(true);
  });
});
