import fs from 'node:fs';
import path from 'node:path';

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

let cached: Buffer | undefined;
let release: NodeJS.Timeout | undefined;

export function chineseSerifFont(): Buffer {
  cached ??= fs.readFileSync(path.join(path.dirname(require.resolve(`${FONT_PACKAGE}/package.json`)), FONT_FILE));
  if (release) release.refresh();
  else release = setTimeout(releaseChineseSerifFont, FONT_KEPT_IDLE_MS).unref();
  return cached;
}

/**
 * Lets the font go now, with its timer: a stopped hub renders no more documents (the next one reads it again). Under
 * Jest the timer also held the whole test file's modules for its 30 s after the file ended (README › Tests).
 */
export function releaseChineseSerifFont(): void {
  clearTimeout(release);
  cached = release = undefined;
}

/** The font name Word is told to use for Chinese text in .docx files (they embed no font). */
export const DOCX_EAST_ASIA_FONT = 'SimSun';
