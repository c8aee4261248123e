import type QRCodeModule from 'qrcode';
import { chineseSerifFont } from './fonts';
import { FormDocument, FormRow } from './form-document';

const PAGE = { size: 'A4' as const, margin: 56 };
const BODY = 10.5;
const PADDING = 4;

/**
 * The form as an A4 PDF with the Chinese font embedded (a subset), so its text extracts as Unicode: tables of
 * label/value rows with borders, page breaks between rows. The same form gives the same bytes: the creation date
 * is the form's, and PDFKit adds nothing random. PDFKit, fontkit and qrcode (about 14 MB of memory once loaded) are
 * loaded on the first document, not with the hub.
 */
export async function renderPdf(form: FormDocument): Promise<Buffer> {
  const [{ default: PDFDocument }, QRCode] = await Promise.all([import('pdfkit'), import('qrcode')]);
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
  doc.registerFont('serif', chineseSerifFont());
  doc.font('serif');
  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  const bottom = () => doc.page.height - PAGE.margin;

  doc.fontSize(20).text(form.title, left, doc.y, { width, align: 'center' });
  if (form.subtitle) doc.fontSize(14).text(form.subtitle, { width, align: 'center' });
  if (form.addressee) doc.moveDown(0.5).fontSize(BODY).text(form.addressee, { width, align: 'left' });
  doc.moveDown(0.5);

  const row = (cells: { text: string; width: number }[]) => {
    doc.fontSize(BODY);
    const height =
      Math.max(...cells.map((c) => doc.heightOfString(c.text || ' ', { width: c.width - 2 * PADDING }))) + 2 * PADDING;
    if (doc.y + height > bottom()) doc.addPage();
    const top = doc.y;
    let x = left;
    for (const cell of cells) {
      doc.rect(x, top, cell.width, height).lineWidth(0.5).stroke();
      doc.text(cell.text, x + PADDING, top + PADDING, { width: cell.width - 2 * PADDING });
      x += cell.width;
    }
    doc.x = left;
    doc.y = top + height;
  };
  const heading = (text: string, note?: string) => {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.moveDown(0.6).fontSize(13).text(text, left, doc.y, { width });
    if (note) doc.fontSize(9).text(note, left, doc.y, { width });
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
  for (const line of form.closing) doc.text(line, left, doc.y, { width, align: 'right' });
  if (form.qrCode) {
    const size = 110;
    if (doc.y + size + 40 > bottom()) doc.addPage();
    const top = doc.y + 16;
    drawQrCode(QRCode, doc, form.qrCode.text, left, top, size);
    doc.fontSize(9).text(form.qrCode.caption, left, top + size + 6, { width });
  }
  doc.end();
  return done;
}

/** The text as a QR code (error correction M) drawn as vector squares: sharp at any zoom, nothing rasterised. */
function drawQrCode(
  QRCode: typeof QRCodeModule,
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cell = size / (modules.size + 2 * quiet);
  for (let row = 0; row < modules.size; row += 1)
    for (let col = 0; col < modules.size; col += 1)
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
  doc.fill('black');
}
