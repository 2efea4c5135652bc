import { describe, expect, it } from 'vitest';
import { unprintable } from '../../../src/core/kit/fonts.js';
import { letterPdf, pdfFonts } from '../../../src/core/kit/pdf.js';
import { linePieces } from '../../../src/core/kit/pdf-text.js';
import { paperFor } from '../../../src/core/kit/paper.js';
import { renderLetter } from '../../../src/core/letter.js';
import { bilingualAppeal } from './fixtures.js';
import { readPdf } from './read-pdf.js';

const now = new Date('2026-11-28T10:00:00Z');
const options = { paper: 'A4' as const, title: 'UA 99.26', now, labelCaption: 'Cut along the dashed line.' };
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('letterPdf', () => {
  const letter = renderLetter(bilingualAppeal(), { sender: { name: 'Zoë Çelik', town: 'Lyon', country: 'France' }, now, timezone: 'UTC' });

  it('prints sender, date, address, salutation, letter and signature on the first page', async () => {
    const { pages, title } = await readPdf(await letterPdf(letter, options));
    const first = flat(pages[0]!);
    expect(title).toBe('UA 99.26');
    for (const line of ['Zoë Çelik', 'Lyon', 'France', 'November 28, 2026', 'Sra. Ana Núñez', 'Avenida Señora de Fátima 12', '01001 San José', 'Dear Attorney General,', 'Yours sincerely,']) {
      expect(first).toContain(line);
    }
    // Typographic quotes and apostrophes come through WinAnsi unchanged.
    expect(first).toContain('María José Peña’s detention');
    expect(first).toContain('“immediately”');
    expect(first.lastIndexOf('Zoë Çelik')).toBeGreaterThan(first.indexOf('Yours sincerely,'));
  });

  it('puts the recipient address on an envelope label page', async () => {
    const { pages } = await readPdf(await letterPdf(letter, options));
    expect(pages).toHaveLength(2);
    const label = flat(pages[1]!);
    expect(label).toContain('Cut along the dashed line.');
    expect(label).toContain('Fiscalía General de la República');
    expect(label).toContain('01001 San José');
    expect(label).toContain('Zoë Çelik, Lyon, France');
  });

  it('uses US Letter or A4 as asked', async () => {
    expect((await readPdf(await letterPdf(letter, { ...options, paper: 'LETTER' }))).sizes[0]).toEqual([612, 792]);
    expect((await readPdf(await letterPdf(letter, options))).sizes[0]).toEqual([595, 842]);
  });

  it('gives the same bytes for the same letter and clock', async () => {
    const a = await letterPdf(letter, options);
    const b = await letterPdf(letter, options);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('prints a name and town in Cyrillic and Greek as themselves', async () => {
    const signed = renderLetter(bilingualAppeal(), { sender: { name: 'Иван', town: 'Αθήνα' }, now, timezone: 'UTC' });
    const [first = '', label = ''] = (await readPdf(await letterPdf(signed, options))).pages.map(flat);
    expect(first).toContain('Иван');
    expect(first).toContain('Αθήνα');
    expect(first.lastIndexOf('Иван')).toBeGreaterThan(first.indexOf('Yours sincerely,'));
    expect(label).toContain('Иван, Αθήνα');
  });

  it('prints Arabic, Hebrew and Devanagari names, and Polish and Czech letters, as text', async () => {
    for (const [name, town, printed] of [
      ['محمد أحمد', 'القاهرة', ['محمد', 'أحمد', 'القاهرة']],
      ['דוד כהן', 'חיפה', ['דוד', 'כהן', 'חיפה']],
      // Shaped: the vowel sign i is drawn before its consonant, and reads back in that drawn order.
      ['अनीता', 'दिल्ली', ['अनीता', 'िदल्ली']],
      ['Łukasz Dvořák', 'Kraków', ['Łukasz Dvořák', 'Kraków']],
    ] as const) {
      const signed = renderLetter(bilingualAppeal(), { sender: { name, town }, now, timezone: 'UTC' });
      const first = flat((await readPdf(await letterPdf(signed, options))).pages[0]!);
      for (const text of printed) expect(first).toContain(text);
      expect(first).not.toContain('?');
    }
  });

  it('writes ? for characters no installed font has, and says which they are', async () => {
    const fonts = pdfFonts();
    const odd = renderLetter(bilingualAppeal(), { sender: { name: 'Ana 🜁', town: 'Lyon' }, now, timezone: 'UTC' });
    expect(flat((await readPdf(await letterPdf(odd, options))).pages[0]!)).toContain('Ana ?');
    expect(unprintable(['Ana 🜁', 'Lyon'], fonts)).toEqual(['🜁']);
    expect(unprintable(['王小明'], fonts)).toEqual(fonts.cjk ? [] : ['王', '小', '明']);
  });
});

describe('linePieces', () => {
  const faces = () => pdfFonts().regular;
  const texts = (line: string) => linePieces(line, faces()).map((p) => p.text);

  it('keeps a left-to-right line as one piece', () => {
    expect(texts('Yours sincerely, Ana')).toEqual(['Yours sincerely, Ana']);
  });

  it('puts a right-to-left name in its place in a left-to-right line, in logical order for shaping', () => {
    expect(texts('From محمد in Lyon')).toEqual(['From ', 'محمد', ' in Lyon']);
  });

  it('lays a right-to-left line out from the right: numbers read left to right, words right to left', () => {
    // Visual order, left to right: "12", then the street's words right to left, each a piece of its
    // own in logical order (fontkit shapes and reverses a word; a whole run lost its spaces).
    expect(texts('شارع النيل 12')).toEqual(['12', ' ', 'النيل', ' ', 'شارع']);
  });

  it('draws Devanagari with its own font and the rest with DejaVu', () => {
    expect(linePieces('Anita अनीता', faces()).map((p) => [p.text, p.face.name])).toEqual([
      ['Anita ', 'dejavu'],
      ['अनीता', 'devanagari'],
    ]);
  });
});

describe('paperFor', () => {
  it('picks US Letter for regions that use it and A4 elsewhere or without a region', () => {
    expect(paperFor('en-US')).toBe('LETTER');
    expect(paperFor('es-MX')).toBe('LETTER');
    expect(paperFor('es_CO.UTF-8')).toBe('LETTER');
    expect(paperFor('fr-CA')).toBe('LETTER');
    expect(paperFor('en-GB')).toBe('A4');
    expect(paperFor('es-ES')).toBe('A4');
    expect(paperFor('en')).toBe('A4');
    expect(paperFor('C.UTF-8')).toBe('A4');
    expect(paperFor(undefined)).toBe('A4');
    expect(paperFor('not a locale!')).toBe('A4');
  });
});
