import { pdfjs } from './pdfjs';

interface PdfDocumentProxy {
  numPages: number;
  getPage(n: number): Promise<{
    getTextContent(): Promise<{ items: { str?: string; transform?: number[]; width?: number }[] }>;
    getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  }>;
  destroy(): Promise<void>;
}

/**
 * The text of a PDF as a reader extracts it (pdf.js, the engine of Firefox's viewer): what `pdftotext` would give,
 * without needing poppler on the machine. Items are joined without separators, page by page, so a phrase split
 * across text runs still matches.
 */
export async function pdfText(bytes: Buffer): Promise<string> {
  const doc = (await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise) as PdfDocumentProxy;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => i.str ?? '').join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** A PDF's first page as pdf.js reads it: each text item with where it starts (x, its baseline y) and its width. */
export async function pdfTextItems(bytes: Buffer): Promise<{ str: string; x: number; y: number; width: number }[]> {
  const doc = (await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise) as PdfDocumentProxy;
  const content = await (await doc.getPage(1)).getTextContent();
  await doc.destroy();
  return content.items
    .filter((i) => i.str)
    .map((i) => ({ str: i.str!, x: i.transform![4], y: i.transform![5], width: i.width! }));
}

/** How many rectangles (a table cell's border, say) each page of a PDF draws, page by page. */
export async function pdfRectanglesPerPage(bytes: Buffer): Promise<number[]> {
  const doc = (await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise) as PdfDocumentProxy;
  const counts: number[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const { fnArray, argsArray } = await (await doc.getPage(n)).getOperatorList();
    counts.push(
      fnArray.reduce(
        (sum, fn, i) =>
          fn === pdfjs.OPS.constructPath
            ? sum + (argsArray[i] as [number[]])[0].filter((op) => op === pdfjs.OPS.rectangle).length
            : sum,
        0,
      ),
    );
  }
  await doc.destroy();
  return counts;
}
