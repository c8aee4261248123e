import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The Chinese font embedded in generated PDFs: Noto Serif SC Regular (SIL Open Font License 1.1), shipped by the npm
 * package @expo-google-fonts/noto-serif-sc, so no system font is assumed. PDFKit embeds only the glyphs a document
 * uses. The file (14 MB) is read on the first document and kept while documents are rendered; after
 * FONT_KEPT_IDLE_MS without one it is let go, so a hub that renders no documents does not hold it (issue 16: idle RSS),
 * and at once when the hub stops (`releaseChineseSerifFont`).
 */
const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';
const FONT_FILE = '400Regular/NotoSerifSC_400Regular.ttf';
export const FONT_KEPT_IDLE_MS = 30_000;
/** The name the primary font is registered under in a PDF; fallback faces are registered under their file names. */
export const PRIMARY_FONT = 'serif';

/**
 * The fallback for what Noto Serif SC lacks: Hanazono Mincho (花園明朝, glyphs from GlyphWiki; upstream
 * https://fonts.jp/hanazono/), as split into WOFF2 files of one Unicode block part each by the npm package `hanamin`.
 * It covers CJK Extensions A to F, which hold characters of personal and place names (𠮷, 𪚥), and many other
 * blocks. A face is decompressed to TrueType (`wawoff2`, Google's woff2 in WebAssembly: PDFKit embeds TrueType
 * only) when a document first needs it; the WebAssembly then holds some 20 MB of the process for good.
 * Licence: the package (MIT, its packaging) holds no licence file for the font; its name table credits GlyphWiki.
 * The Hanazono fonts are published by GlyphWiki as free fonts; their licence text could not be read from here (only
 * the package registries are reachable) and is to be checked before a production release (README › Documents).
 */
const FALLBACK_PACKAGE = 'hanamin';
const FALLBACK_CSS = 'HanaMin.css';
/** Decompressed fallback faces kept between documents (some 0.3-0.6 MB each), let go with the primary font. */
const FALLBACK_FACES_KEPT = 16;

interface Face {
  bytes: Buffer;
  font: fontkit.Font;
}
interface FaceRange {
  start: number;
  end: number;
  file: string;
}

let cached: Face | undefined;
let release: NodeJS.Timeout | undefined;
let fallbackRanges: FaceRange[] | undefined;
const fallbackFaces = new Map<string, Promise<Face>>();

function keepAlive(): void {
  if (release) release.refresh();
  else release = setTimeout(releaseChineseSerifFont, FONT_KEPT_IDLE_MS).unref();
}

function primaryFace(): Face {
  if (!cached) {
    const bytes = fs.readFileSync(path.join(path.dirname(require.resolve(`${FONT_PACKAGE}/package.json`)), FONT_FILE));
    cached = { bytes, font: fontkit.create(bytes) as fontkit.Font };
  }
  keepAlive();
  return cached;
}

export function chineseSerifFont(): Buffer {
  return primaryFace().bytes;
}

/**
 * Lets the fonts go now, with their timer: a stopped hub renders no more documents (the next one reads them again).
 * Under Jest the timer also held the whole test file's modules for its 30 s after the file ended (README › Tests).
 */
export function releaseChineseSerifFont(): void {
  clearTimeout(release);
  cached = release = undefined;
  fallbackFaces.clear();
}

/** The fallback's faces and the code points each is declared for, read from the package's stylesheet once. */
function fallbackFilesFor(codePoint: number): string[] {
  fallbackRanges ??= readFallbackRanges();
  return fallbackRanges.filter((r) => r.start <= codePoint && codePoint <= r.end).map((r) => r.file);
}

function readFallbackRanges(): FaceRange[] {
  const dir = path.dirname(require.resolve(`${FALLBACK_PACKAGE}/package.json`));
  const css = fs.readFileSync(path.join(dir, FALLBACK_CSS), 'utf8');
  const ranges: FaceRange[] = [];
  for (const [, file, list] of css.matchAll(/url\(([\w.-]+\.woff2)\)[^}]*?unicode-range:\s*([^;]+);/g))
    for (const part of list.split(',')) {
      const [start, end = start] = part.trim().replace(/^U\+/i, '').split('-');
      ranges.push({ start: parseInt(start, 16), end: parseInt(end, 16), file: path.join(dir, file) });
    }
  return ranges;
}

function fallbackFace(file: string): Promise<Face> {
  let face = fallbackFaces.get(file);
  if (!face) {
    face = decompressWoff2(fs.readFileSync(file)).then((bytes) => ({
      bytes,
      font: fontkit.create(bytes) as fontkit.Font,
    }));
    face.catch(() => fallbackFaces.delete(file));
    if (fallbackFaces.size >= FALLBACK_FACES_KEPT) fallbackFaces.delete(fallbackFaces.keys().next().value!);
    fallbackFaces.set(file, face);
  }
  return face;
}

async function decompressWoff2(woff2: Buffer): Promise<Buffer> {
  // wawoff2 ships no types; its WebAssembly loads only when a document first needs a fallback face
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const decompress = require('wawoff2/decompress') as (bytes: Uint8Array) => Promise<Uint8Array>;
  return Buffer.from(await decompress(woff2));
}

/** Characters that take the font of the character before them: zero-width spaces and joiners, variation selectors. */
const attached = (codePoint: number) =>
  (codePoint >= 0x200b && codePoint <= 0x200d) ||
  (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
  (codePoint >= 0xe0100 && codePoint <= 0xe01ef);

/** The fonts a document's texts need, and which of them draws each code point (`undefined`: none has its glyph). */
export interface DocumentFonts {
  /** Fallback faces to register in the document, by the name `fontFor` gives. */
  fallbacks: Map<string, Buffer>;
  /** The font's units above the baseline per 1000 of its size, to set a fallback run on the primary's baseline. */
  primaryAscender: number;
  fontFor(codePoint: number): string | undefined;
}

export async function documentFonts(texts: Iterable<string>): Promise<DocumentFonts> {
  const primary = primaryFace().font;
  const chosen = new Map<number, string | undefined>();
  const fallbacks = new Map<string, Buffer>();
  for (const text of texts)
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      if (codePoint < 0x20 || attached(codePoint) || chosen.has(codePoint) || primary.hasGlyphForCodePoint(codePoint))
        continue;
      chosen.set(codePoint, undefined);
      for (const file of fallbackFilesFor(codePoint)) {
        const face = await fallbackFace(file);
        if (!face.font.hasGlyphForCodePoint(codePoint)) continue;
        const name = path.basename(file, '.woff2');
        fallbacks.set(name, face.bytes);
        chosen.set(codePoint, name);
        break;
      }
    }
  keepAlive();
  return {
    fallbacks,
    primaryAscender: (primary.ascent / primary.unitsPerEm) * 1000,
    fontFor: (codePoint) => (chosen.has(codePoint) ? chosen.get(codePoint) : PRIMARY_FONT),
  };
}

/** A run of text set in one font. */
export interface TextRun {
  font: string;
  text: string;
}

/**
 * A text cut into runs of one font each. A character no font draws is written as its code point, `[U+20BB7]`, so a
 * frozen document never shows a blank where a name's character was (the Word copy keeps the character itself).
 */
export function textRuns(text: string, fontFor: (codePoint: number) => string | undefined): TextRun[] {
  const runs: TextRun[] = [];
  const add = (font: string, part: string) => {
    const last = runs.at(-1);
    if (last?.font === font) last.text += part;
    else runs.push({ font, text: part });
  };
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x20 || attached(codePoint)) add(runs.at(-1)?.font ?? PRIMARY_FONT, char);
    else {
      const font = fontFor(codePoint);
      if (font) add(font, char);
      else add(PRIMARY_FONT, `[U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}]`);
    }
  }
  return runs;
}

/** The font name Word is told to use for Chinese text in .docx files (they embed no font). */
export const DOCX_EAST_ASIA_FONT = 'SimSun';
