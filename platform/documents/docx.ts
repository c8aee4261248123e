import { DOCX_EAST_ASIA_FONT } from './fonts';
import { FormDocument } from './form-document';

/** The docx library loads with the first Word document, not with every process that could render one. */
const loadDocx = () => import('docx');
let docxModule: ReturnType<typeof loadDocx> | undefined;

const font = {
  ascii: DOCX_EAST_ASIA_FONT,
  hAnsi: DOCX_EAST_ASIA_FONT,
  eastAsia: DOCX_EAST_ASIA_FONT,
  cs: DOCX_EAST_ASIA_FONT,
};
/** Half-points: 五号 (10.5 pt) for the body, 二号 (22 pt) for the title. */
const SIZES = { body: 21, heading: 26, subtitle: 28, title: 44, note: 18 };

/** The form as a Word document (.docx): each part a heading and a two-column (or n-column) table, as the model form is laid out. */
export async function renderDocx(form: FormDocument): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await (docxModule ??= loadDocx());
  const run = (value: string, size: number, bold = false) =>
    new TextRun({ text: xmlSafe(value), font, size, ...(bold ? { bold } : {}) });
  const text = (value: string, size = SIZES.body) => new Paragraph({ children: [run(value, size)] });
  const cell = (value: string, widthPercent: number) =>
    new TableCell({
      width: { size: widthPercent, type: WidthType.PERCENTAGE },
      children: value.split('\n').map((line) => text(line)),
    });
  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(form.title, SIZES.title)],
    }),
  ];
  if (form.subtitle)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(form.subtitle, SIZES.subtitle)],
      }),
    );
  if (form.addressee) children.push(text(form.addressee));
  for (const block of form.blocks) {
    children.push(
      new Paragraph({
        spacing: { before: 240, after: 120 },
        children: [run(block.heading, SIZES.heading, true)],
      }),
    );
    if (block.note) children.push(text(block.note, SIZES.note));
    const rows =
      block.kind === 'ROWS'
        ? block.rows.map((r) => new TableRow({ children: [cell(r.label, 30), cell(r.value, 70)] }))
        : [block.columns.map((c) => c.title), ...block.rows].map((cells) => {
            const total = block.columns.reduce((s, c) => s + c.weight, 0);
            return new TableRow({
              children: cells.map((v, i) => cell(v, Math.round((100 * block.columns[i].weight) / total))),
            });
          });
    children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }));
  }
  children.push(new Paragraph({ text: '' }));
  for (const line of form.closing)
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [run(line, SIZES.body)],
      }),
    );
  const document = new Document({
    title: xmlSafe(form.properties.title),
    subject: xmlSafe(form.properties.subject),
    creator: xmlSafe(form.properties.author),
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/**
 * The text with U+FFFE and U+FFFF, which XML does not allow, as U+FFFD: text stored before the scalars refused them
 * made a .docx Word cannot read (the library writes them as they are).
 */
const xmlSafe = (value: string) => value.replace(/[\ufffe\uffff]/g, '\ufffd');
