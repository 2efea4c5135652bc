import { describe, expect, it } from 'vitest';
import { appealSchema, type Appeal } from '../../../src/core/appeal.js';
import { printPackPdf, sheetMethods, type PrintPackInput } from '../../../src/core/kit/printpack.js';
import { bilingualInput } from './fixtures.js';
import { readPdf, visualLines } from './read-pdf.js';

const now = new Date('2026-12-10T18:00:00Z');

function caseAppeal(id: string, title: string, extra: Partial<Appeal> = {}): Appeal {
  return appealSchema.parse({ ...bilingualInput, id, reference: `UA ${id.slice(3)}`, title, ...extra });
}

const cases = [
  caseAppeal('ua-01-26', 'Free María José Peña'),
  caseAppeal('ua-02-26', 'ليلى أحمد must be released', {
    solidarity: { to: 'Laila Ahmad', address: ['P.O. Box 12', 'Amman, Jordan'], hashtags: ['#FreeLaila'], message: 'Write a few words of hope.', languages: ['Arabic', 'English'], advice: ['Do not write your own address on the card.'] },
  }),
  caseAppeal('ua-03-26', 'Justice for David', {
    targets: [{ name: 'השופט דוד לוי', address: ['רחוב הרצל 12', 'תל אביב 6100000'], emails: [], social: [], copy: false }],
  }),
];

const input = (over: Partial<PrintPackInput> = {}): PrintPackInput => ({ title: 'Write for Rights 2026', cases: cases.map((appeal, i) => ({ number: i + 1, appeal })), locale: 'en', paper: 'A4', deadline: '2026-12-31', timezone: 'UTC', now, ...over });

describe('the print pack', () => {
  it('gives each case its own page, in order, with its summary, official, sample letter and card', async () => {
    const read = await readPdf(await printPackPdf(input()));
    expect(read.title).toBe('Print pack: Write for Rights 2026');
    const starts = cases.map((_, i) => read.pages.findIndex((page) => page.includes(`Case ${i + 1} of 3`)));
    expect(starts).toEqual([0, 1, 2]);
    const first = read.pages[0]!;
    const order = ['Case 1 of 3', 'Free María José Peña', 'A student held for a peaceful protest.', 'Write to', 'Sra. Ana Núñez', 'Avenida Señora de Fátima 12', 'Copies to', 'Embassy of Costa Rica', 'Sample letter', 'Dear Attorney General,', 'I am writing about María José Peña’s detention.', 'Yours sincerely,'];
    const positions = order.map((text) => first.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The card: to whom, where, what, in which languages, and the advice; only where the appeal asks for one.
    for (const text of ['A card to Laila Ahmad', 'P.O. Box 12', '#FreeLaila', 'Write a few words of hope.', 'Write in: Arabic, English', 'Do not write your own address on the card.']) expect(read.pages[1]).toContain(text);
    expect(first).not.toContain('A card to');
  });

  it('prints Arabic and Hebrew as the letter kit does, word by word in visual order', async () => {
    const pages = await visualLines(await printPackPdf(input()));
    expect(pages[1]).toContain('must be released أحمد ليلى');
    expect(pages[2]).toEqual(expect.arrayContaining(['לוי דוד השופט', '12 הרצל רחוב', '6100000 אביב תל']));
  });

  it('ends with a tally sheet: a row per case, a column per method in the words /tally add takes', async () => {
    const pages = await visualLines(await printPackPdf(input()));
    const sheet = pages[pages.length - 1]!;
    expect(sheet[0]).toBe('Tally sheet: Write for Rights 2026');
    expect(sheet).toContain("Table's name: ______________________________");
    expect(sheet).toContain(['Case', ...sheetMethods()].join(' '));
    const rows = sheet.filter((line) => /^\d+\. /.test(line));
    expect(rows).toEqual(['1. Free María José Peña', '2. must be released أحمد ليلى', '3. Justice for David']);
    expect(rows).toHaveLength(cases.length);
    expect(sheet).toContain('/tally add COUNT METHOD CASE');
    expect(sheet).toContain('For example, 12 posted letters for case 1: /tally add 12 post 1');
  });

  it('keeps a campaign of ten cases on one sheet, a row each, on A4 and US Letter', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ number: i + 1, appeal: caseAppeal(`ua-${String(i + 10)}-26`, `Case number ${i + 1} with a rather long title`) }));
    for (const paper of ['A4', 'LETTER'] as const) {
      const pages = await visualLines(await printPackPdf(input({ cases: ten, paper })));
      expect(pages).toHaveLength(11);
      const sheet = pages[10]!;
      expect(sheet[0]).toBe('Tally sheet: Write for Rights 2026');
      expect(sheet.filter((line) => /^\d+\. /.test(line)).map((line) => line.split('.')[0])).toEqual(ten.map((c) => String(c.number)));
    }
  });

  it('speaks Spanish when the moderator does', async () => {
    const read = await readPdf(await printPackPdf(input({ locale: 'es', cases: [{ number: 1, appeal: cases[0]! }] })));
    expect(read.pages).toHaveLength(2);
    expect(read.pages[0]).toContain('Caso 1 de 1');
    expect(read.pages[0]).toContain('Le escribo por la detención de María José Peña.');
    expect(read.pages[1]).toContain('Hoja de recuento');
  });
});
