import { describe, expect, it } from 'vitest';
import { letterPdf, winAnsi } from '../../../src/core/kit/pdf.js';
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

  it('survives characters the standard fonts cannot show', async () => {
    const odd = renderLetter(bilingualAppeal(), { sender: { name: 'Łukasz Dvořák 王小明 🙂', town: 'Kraków' }, now, timezone: 'UTC' });
    const first = flat((await readPdf(await letterPdf(odd, options))).pages[0]!);
    expect(first).toContain('?ukasz Dvorák ??? ?');
    expect(first).toContain('Kraków');
  });
});

describe('winAnsi', () => {
  it('keeps Latin-1 and WinAnsi punctuation, strips accents it cannot show, replaces the rest', () => {
    expect(winAnsi('é ñ ç ü ’ “ ” – € …')).toBe('é ñ ç ü ’ “ ” – € …');
    expect(winAnsi('ő ć ş')).toBe('o c s');
    expect(winAnsi('ł 中 🙂\t')).toBe('? ? ? ');
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
