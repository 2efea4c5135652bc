// Fonts for the PDF letter (DejaVu Sans, Noto Sans Devanagari), loaded on first use, and which can
// print a character.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

/**
 * One embeddable font, parsed by fontkit when first asked for: pdfkit embeds it and we ask it which
 * glyphs it has. `covers`, when given, is the only text it is asked about, so a font for one
 * script is never read for letters that do not use it.
 */
export type FontFace = { name: string; readonly font: Font; covers?: RegExp };

function lazyFace(name: string, read: () => Buffer, covers?: RegExp): FontFace {
  let font: Font | undefined;
  return {
    name,
    covers,
    get font() {
      return (font ??= keepCodePoints(create(read()) as Font));
    },
  };
}

/** Faces in the order they are tried for each character: the first with the glyph draws it. */
type GlyphCache = { getGlyph(id: number, codePoints?: number[]): { codePoints: number[] } };

/**
 * One fontkit font serves every PDF of the process, and fontkit keeps each glyph it made with the
 * characters it was first made for. Embedding a subset makes the parts of composed glyphs with none
 * (a Persian yeh is drawn from the alef maksura's glyph): a later PDF that draws that glyph for its own
 * letter mapped it to nothing, and its text read "ليل" for "ليلى". A glyph made without characters
 * takes those of the first text that draws it.
 */
function keepCodePoints(font: Font): Font {
  const cache = font as unknown as GlyphCache;
  const make = cache.getGlyph.bind(font);
  cache.getGlyph = (id, codePoints = []) => {
    const glyph = make(id, codePoints);
    if (glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
    return glyph;
  };
  return font;
}

export type FontSet = { regular: FontFace[]; bold: FontFace[]; cjk: boolean };

const DEVANAGARI = /\p{Script=Devanagari}|[\u0964\u0965\u25cc]|\u200c|\u200d/u;

/**
 * DejaVu Sans covers Latin, Greek, Cyrillic, Arabic and Hebrew; Noto Sans Devanagari adds
 * Devanagari. Both come from npm. CJK fonts are large and not on npm in a form fontkit embeds
 * well, so one is used when the system has it.
 */
const NPM_FACES = {
  regular: [
    ['dejavu', 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf'],
    ['devanagari', '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff', DEVANAGARI],
  ],
  bold: [
    ['dejavu-bold', 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'],
    ['devanagari-bold', '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-700-normal.woff', DEVANAGARI],
  ],
} as const;

/** System CJK fonts tried in order (Debian packages fonts-noto-cjk, fonts-wqy-microhei, fonts-droid-fallback). */
const SYSTEM_CJK: ReadonlyArray<{ path: string; postscriptName?: string }> = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

function systemCjk(): FontFace | undefined {
  const found = SYSTEM_CJK.find((candidate) => existsSync(candidate.path));
  if (!found) return undefined;
  let font: Font | undefined;
  return {
    name: 'cjk',
    covers: CJK,
    get font() {
      return (font ??= keepCodePoints(create(readFileSync(found.path), found.postscriptName) as Font));
    },
  };
}

/** The fonts, each read (about 750 KB for DejaVu) when first needed; see `lazyFonts`. */
export function loadFonts(): FontSet {
  const require = createRequire(import.meta.url);
  const load = (list: ReadonlyArray<readonly [string, string, RegExp?]>) =>
    list.map(([name, path, covers]) => lazyFace(name, () => readFileSync(require.resolve(path)), covers));
  const cjk = systemCjk();
  const regular = load(NPM_FACES.regular);
  const bold = load(NPM_FACES.bold);
  return { regular: cjk ? [...regular, cjk] : regular, bold: cjk ? [...bold, cjk] : bold, cjk: cjk !== undefined };
}

/** Loads the fonts once, on first use: a bot that never makes a PDF never holds them in memory. */
export function lazyFonts(): () => FontSet {
  let fonts: FontSet | undefined;
  return () => (fonts ??= loadFonts());
}

/** The face that draws `char` after `previous` (a combining mark stays with its letter), or none. */
export function faceFor(char: string, faces: readonly FontFace[], previous?: FontFace): FontFace | undefined {
  const code = char.codePointAt(0)!;
  const has = (f: FontFace) => (!f.covers || f.covers.test(char)) && f.font.hasGlyphForCodePoint(code);
  if (previous && /\p{M}/u.test(char) && has(previous)) return previous;
  return faces.find(has);
}

/** Characters of `texts` that no font can print, each once: the member is told to write them by hand. */
export function unprintable(texts: ReadonlyArray<string | undefined>, fonts: FontSet): string[] {
  const missing = new Set<string>();
  for (const text of texts) {
    for (const char of text ?? '') {
      if (/[\s\p{Cc}\p{Cf}]/u.test(char)) continue;
      if (!faceFor(char, fonts.regular)) missing.add(char);
    }
  }
  return [...missing];
}
