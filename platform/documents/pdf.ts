import { chineseSerifFont, DocumentFonts, documentFonts, PRIMARY_FONT, TextRun, textRuns } from './fonts';
import { FormDocument, FormRow } from './form-document';

/**
 * PDFKit, its font engine and the QR encoder load with the first PDF: they were a large part of loading every
 * process that runs the contracts or litigation subgraph (each test file too), most of which render none.
 */
const loadRenderers = () => Promise.all([import('pdfkit'), import('qrcode')]);
// linebreak (PDFKit's own line breaker, UAX #14) ships no types
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LineBreaker = require('linebreak') as new (text: string) => { nextBreak(): { position: number } | null };
let renderers: ReturnType<typeof loadRenderers> | undefined;

const PAGE = { size: 'A4' as const, margin: 56 };
const BODY = 10.5;
const PADDING = 4;
/** The least room left on a page for a row taller than a page to start on it (some three lines), else it starts on the next. */
const MIN_SPLIT_HEIGHT = 50;

/**
 * The form as an A4 PDF with the Chinese font embedded (a subset), so its text extracts as Unicode: tables of
 * label/value rows with borders, page breaks between rows. A character the Chinese font lacks is set in the fallback
 * font (`fonts.ts`), or written as its code point where no font has it. The same form gives the same bytes: the
 * creation date is the form's, and PDFKit adds nothing random.
 */
export async function renderPdf(form: FormDocument): Promise<Buffer> {
  const [{ default: PDFDocument }, QRCode] = await (renderers ??= loadRenderers());
  const fonts = await documentFonts(formTexts(form));
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    info: {
      Title: form.properties.title,
      Author: form.properties.author,
      Subject: form.properties.subject,
      CreationDate: form.properties.createdAt,
      ModDate: form.properties.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(PRIMARY_FONT, chineseSerifFont());
  for (const [name, bytes] of fonts.fallbacks) doc.registerFont(name, bytes);
  doc.font(PRIMARY_FONT);
  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  const bottom = () => doc.page.height - PAGE.margin;
  const text = (size: number, value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions) =>
    writeText(doc.fontSize(size), fonts, size, value, x, y, options);

  text(20, form.title, left, doc.y, { width, align: 'center' });
  if (form.subtitle) text(14, form.subtitle, left, doc.y, { width, align: 'center' });
  if (form.addressee) text(BODY, form.addressee, left, doc.moveDown(0.5).y, { width, align: 'left' });
  doc.moveDown(0.5);

  type Cell = { text: string; width: number };
  const cellHeight = (cell: Cell) =>
    doc.heightOfString(measuredText(cell.text, fonts) || ' ', { width: cell.width - 2 * PADDING }) + 2 * PADDING;
  const drawRow = (cells: Cell[], height: number) => {
    const top = doc.y;
    let x = left;
    for (const cell of cells) {
      doc.rect(x, top, cell.width, height).lineWidth(0.5).stroke();
      text(BODY, cell.text, x + PADDING, top + PADDING, { width: cell.width - 2 * PADDING });
      x += cell.width;
    }
    doc.x = left;
    doc.y = top + height;
  };
  /**
   * A row of bordered cells, moved to the next page whole when it fits there. A row taller than a page (a penalty
   * computed over many months, say) is cut at the last line break of each cell that fits and goes on over the next
   * pages, each part in its own borders: before, its text ran on over the pages outside the border drawn on the first,
   * and the rows after it started on a page of their own.
   */
  const row = (cells: Cell[]) => {
    doc.fontSize(BODY);
    for (let rest = cells; ; doc.addPage()) {
      const height = Math.max(...rest.map(cellHeight));
      const room = bottom() - doc.y;
      if (height <= room) return drawRow(rest, height);
      if (height <= bottom() - PAGE.margin || room < MIN_SPLIT_HEIGHT) {
        doc.addPage();
        if (height <= bottom() - doc.y) return drawRow(rest, height);
      }
      const parts = rest.map((cell) => fittingPart(cell, bottom() - doc.y, cellHeight));
      drawRow(
        parts.map(([head], i) => ({ text: head, width: rest[i].width })),
        bottom() - doc.y,
      );
      rest = parts.map(([, tail], i) => ({ text: tail, width: rest[i].width }));
    }
  };
  const heading = (value: string, note?: string) => {
    if (doc.y + 60 > bottom()) doc.addPage();
    text(13, value, left, doc.moveDown(0.6).y, { width });
    if (note) text(9, note, left, doc.y, { width });
    doc.moveDown(0.3);
  };

  for (const block of form.blocks) {
    heading(block.heading, block.note);
    if (block.kind === 'ROWS') {
      const labelWidth = width * 0.3;
      block.rows.forEach((r: FormRow) =>
        row([
          { text: r.label, width: labelWidth },
          { text: r.value, width: width - labelWidth },
        ]),
      );
    } else {
      const total = block.columns.reduce((s, c) => s + c.weight, 0);
      const widths = block.columns.map((c) => (width * c.weight) / total);
      row(block.columns.map((c, i) => ({ text: c.title, width: widths[i] })));
      block.rows.forEach((cells) => row(cells.map((text, i) => ({ text, width: widths[i] }))));
    }
  }
  doc.moveDown(1.5).fontSize(BODY + 1);
  for (const line of form.closing) text(BODY + 1, line, left, doc.y, { width, align: 'right' });
  if (form.qrCode) {
    const size = 110;
    if (doc.y + size + 40 > bottom()) doc.addPage();
    const top = doc.y + 16;
    drawQrCode(doc, QRCode.create(form.qrCode.text, { errorCorrectionLevel: 'M' }).modules, left, top, size);
    text(9, form.qrCode.caption, left, top + size + 6, { width });
  }
  doc.end();
  return done;
}

/** Every text a form shows, for the fonts it needs. */
function* formTexts(form: FormDocument): Generator<string> {
  yield form.title;
  if (form.subtitle) yield form.subtitle;
  if (form.addressee) yield form.addressee;
  for (const block of form.blocks) {
    yield block.heading;
    if (block.note) yield block.note;
    if (block.kind === 'ROWS') for (const r of block.rows) yield* [r.label, r.value];
    else for (const cells of [block.columns.map((c) => c.title), ...block.rows]) yield* cells;
  }
  yield* form.closing;
  if (form.qrCode) yield form.qrCode.caption;
}

/**
 * A text written in the fonts that draw it. Text all in the Chinese font is written as one; otherwise its runs follow
 * each other, each fallback run set on the Chinese font's baseline. PDFKit aligns each run of continued text on its
 * own, so a centred or right-aligned line of several runs is placed here from the runs' widths (a longer one wraps
 * from the left).
 */
function writeText(
  doc: PDFKit.PDFDocument,
  fonts: DocumentFonts,
  size: number,
  value: string,
  x: number,
  y: number,
  options: PDFKit.Mixins.TextOptions,
): void {
  const runs = textRuns(value, fonts.fontFor);
  if (runs.length === 1 && runs[0].font === PRIMARY_FONT) {
    doc.font(PRIMARY_FONT).text(runs[0].text, x, y, options);
    return;
  }
  // PDFKit sets a text's top at y, its baseline the font's ascender below: a fallback run gets the Chinese font's
  const baseline = -(fonts.primaryAscender / 1000) * size;
  const inLine = (run: TextRun) => (run.font === PRIMARY_FONT ? {} : { baseline });
  const width = options.width ?? doc.page.width - x;
  const aligned = options.align === 'center' || options.align === 'right';
  const total = aligned ? runs.reduce((sum, run) => sum + doc.font(run.font).widthOfString(run.text), 0) : 0;
  if (aligned && !value.includes('\n') && total <= width) {
    doc.font(PRIMARY_FONT);
    const lineHeight = doc.currentLineHeight(true);
    doc.x = x + (options.align === 'center' ? (width - total) / 2 : width - total);
    doc.y = y;
    for (const run of runs) doc.font(run.font).text(run.text, { lineBreak: false, ...inLine(run) });
    doc.font(PRIMARY_FONT);
    doc.x = x;
    doc.y = y + lineHeight;
    return;
  }
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    const fragment = { ...options, align: 'left' as const, continued: !last, ...inLine(run) };
    if (i === 0) doc.font(run.font).text(run.text, x, y, fragment);
    else doc.font(run.font).text(run.text, fragment);
  });
  doc.font(PRIMARY_FONT);
}

/**
 * A cell's text cut in two at a line-break opportunity (UAX #14, as PDFKit wraps lines): the longest head whose cell
 * fits `room` points, and the tail for the next page. A head of nothing when not even a line fits.
 */
function fittingPart<C extends { text: string; width: number }>(
  cell: C,
  room: number,
  heightOf: (cell: C) => number,
): [string, string] {
  if (heightOf(cell) <= room) return [cell.text, ''];
  const breaks: number[] = [];
  const breaker = new LineBreaker(cell.text);
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) breaks.push(next.position);
  let [low, high] = [0, breaks.length - 1]; // the head ends at breaks[low - 1] (nothing when low is 0)
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (heightOf({ ...cell, text: cell.text.slice(0, breaks[middle]) }) <= room) low = middle + 1;
    else high = middle - 1;
  }
  const at = low === 0 ? 0 : breaks[low - 1];
  return [cell.text.slice(0, at), cell.text.slice(at)];
}

/** A text as the Chinese font measures it, a fallback character counted as one full-width character. */
function measuredText(value: string, fonts: DocumentFonts): string {
  return textRuns(value, fonts.fontFor)
    .map((run) => (run.font === PRIMARY_FONT ? run.text : '中'.repeat([...run.text].length)))
    .join('');
}

/** A QR code's modules (error correction M) drawn as vector squares: sharp at any zoom, nothing rasterised. */
function drawQrCode(
  doc: PDFKit.PDFDocument,
  modules: { size: number; get(row: number, col: number): number | boolean },
  x: number,
  y: number,
  size: number,
): void {
  const quiet = 4;
  const cell = size / (modules.size + 2 * quiet);
  for (let row = 0; row < modules.size; row += 1)
    for (let col = 0; col < modules.size; col += 1)
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
  doc.fill('black');
}
