// Splits a line into pieces drawn with one font each, in visual order (bidi).
import bidiModule, { type Bidi } from 'bidi-js';
import { faceFor, type FontFace } from './fonts.js';

// bidi-js is CommonJS whose typings declare an ES default export: at run time the default is the factory.
const bidi = (bidiModule as unknown as () => Bidi)();

/** A stretch of a line drawn with one font, in the order it is drawn, left to right. */
export type Piece = { text: string; face: FontFace };

/** Right-to-left letters that fontkit shapes and turns to visual order itself (Arabic, Hebrew...). */
/** Characters that make the bidi algorithm reorder: right-to-left scripts and explicit direction marks. */
const BIDI_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]|\ud802[\udc00-\udfff]|\ud83a/;

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * What to draw for one line of text: characters no font has become '?', the Unicode bidi
 * algorithm puts the line in visual order, and each stretch that one font draws becomes a piece.
 * pdfkit draws text left to right as given, while fontkit shapes a right-to-left run from its
 * logical order and reverses it: so a run of right-to-left letters is handed over in logical order.
 */
export function linePieces(line: string, faces: readonly FontFace[]): Piece[] {
  const chars = [...line].map((c) => (c === '\t' ? ' ' : c));
  // Most lines: no right-to-left character and one font for all; no bidi work needed.
  const first = faces[0]!;
  if (!BIDI_CHAR.test(line) && chars.every((c) => first.font.hasGlyphForCodePoint(c.codePointAt(0)!))) return [{ text: chars.join(''), face: first }];
  const assigned: Array<{ char: string; face: FontFace }> = [];
  let previous: FontFace | undefined;
  for (const char of chars) {
    const found = faceFor(char, faces, previous) ?? faceFor(bareOf(char), faces);
    const face = found ?? faces[0]!;
    const shown = found ? (faceFor(char, faces, previous) ? char : bareOf(char)) : '?';
    assigned.push({ char: shown, face });
    previous = face;
  }
  const text = assigned.map((a) => a.char).join('');
  // bidi-js counts UTF-16 units: map each unit back to its character.
  const unitOwner: number[] = [];
  const firstUnit: number[] = [];
  assigned.forEach((a, i) => {
    firstUnit.push(unitOwner.length);
    for (let u = 0; u < a.char.length; u++) unitOwner.push(i);
  });
  const levels = bidi.getEmbeddingLevels(text, 'auto');
  const order: number[] = [];
  for (const unit of bidi.getReorderedIndices(text, levels)) {
    const owner = unitOwner[unit]!;
    if (order[order.length - 1] !== owner) order.push(owner);
  }
  const pieces: Array<Piece & { rtl: boolean }> = [];
  for (const index of order) {
    const { char, face } = assigned[index]!;
    const rtl = (levels.levels[firstUnit[index]!]! & 1) === 1;
    const shown = rtl ? (bidi.getMirroredCharacter(char) ?? char) : char;
    const last = pieces[pieces.length - 1];
    if (last && last.face === face && last.rtl === rtl) last.text += shown;
    else pieces.push({ text: shown, face, rtl });
  }
  return pieces.flatMap(({ text: piece, face, rtl }) => (rtl && RTL_LETTER.test(piece) ? rtlWords(piece, face) : [{ text: piece, face }]));
}

/**
 * A right-to-left run (in visual order) as one piece per word and per stretch of spaces, still in
 * visual order. Each word is handed to fontkit in logical order, which shapes it and reverses it
 * again. Drawn as one piece, fontkit's reversal of a whole run took its spaces with it: the page
 * and every text extractor read "أحمدليلى" for "ليلى أحمد".
 */
function rtlWords(visual: string, face: FontFace): Piece[] {
  return visual
    .split(/( +)/)
    .filter((token) => token !== '')
    .map((token) => ({ text: token.startsWith(' ') || !RTL_LETTER.test(token) ? token : [...token].reverse().join(''), face }));
}

function bareOf(char: string): string {
  const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
  return bare === '' ? char : bare;
}
