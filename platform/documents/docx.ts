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
export async function renderDocx(given: FormDocument): Promise<Buffer> {
  const form = withoutXmlNoncharacters(given);
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await (docxModule ??= loadDocx());
  const text = (value: string, size = SIZES.body) =>
    new Paragraph({ children: [new TextRun({ text: value, font, size })] });
  const cell = (value: string, widthPercent: number) =>
    new TableCell({
      width: { size: widthPercent, type: WidthType.PERCENTAGE },
      children: value.split('\n').map((line) => text(line)),
    });
  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: form.title, font, size: SIZES.title })],
    }),
  ];
  if (form.subtitle)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: form.subtitle, font, size: SIZES.subtitle })],
      }),
    );
  if (form.addressee) children.push(text(form.addressee));
  for (const block of form.blocks) {
    children.push(
      new Paragraph({
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: block.heading, font, size: SIZES.heading, bold: true })],
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
        children: [new TextRun({ text: line, font, size: SIZES.body })],
      }),
    );
  const document = new Document({
    title: form.properties.title,
    subject: form.properties.subject,
    creator: form.properties.author,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/**
 * The form with U+FFFE and U+FFFF, which XML does not allow, as U+FFFD: text stored before the scalars refused them
 * made a .docx Word cannot read (the library writes them as they are).
 */
function withoutXmlNoncharacters(form: FormDocument): FormDocument {
  return JSON.parse(JSON.stringify(form), (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(/[\ufffe\uffff]/g, '\ufffd') : value,
  ) as FormDocument;
}
