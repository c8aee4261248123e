import fs from 'node:fs';
import path from 'node:path';

/**
 * The Chinese font embedded in generated PDFs: Noto Serif SC Regular (SIL Open Font License 1.1), shipped by the npm
 * package @expo-google-fonts/noto-serif-sc, so no system font is assumed. Read once per process (14 MB); PDFKit
 * embeds only the glyphs a document uses.
 */
const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';
const FONT_FILE = '400Regular/NotoSerifSC_400Regular.ttf';

let cached: Buffer | undefined;

export function chineseSerifFont(): Buffer {
  cached ??= fs.readFileSync(path.join(path.dirname(require.resolve(`${FONT_PACKAGE}/package.json`)), FONT_FILE));
  return cached;
}

/** The font name Word is told to use for Chinese text in .docx files (they embed no font). */
export const DOCX_EAST_ASIA_FONT = 'SimSun';
