/**
 * A form-like paper (a court's element-based complaint, say): a title, parts whose items are label/value rows, and
 * tables, then closing lines. The renderers beside this file turn one into .docx and PDF; they know nothing of what
 * the paper is about.
 */
export interface FormRow {
  label: string;
  value: string;
}

export type FormBlock =
  | { kind: 'ROWS'; heading: string; note?: string; rows: FormRow[] }
  | { kind: 'TABLE'; heading: string; note?: string; columns: { title: string; weight: number }[]; rows: string[][] };

export interface FormDocument {
  title: string;
  subtitle?: string;
  /** A line under the title, e.g. the court addressed. */
  addressee?: string;
  blocks: FormBlock[];
  /** Right-aligned lines at the end: the signature and the date. */
  closing: string[];
  /** A QR code after the closing lines (e.g. a verification URL) with a caption under it; PDF only. */
  qrCode?: { text: string; caption: string };
  /** Document properties; `createdAt` is fixed by the caller so the same paper always gives the same bytes. */
  properties: { title: string; author: string; subject: string; createdAt: Date };
}
