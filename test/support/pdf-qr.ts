import jsQR from 'jsqr';
import { pdfjs } from './pdfjs';

/**
 * The QR codes a PDF draws, decoded as a phone would read them: pdf.js (the engine of Firefox's viewer) parses each
 * page's content stream into drawing operations; every filled path made of equal squares (a QR code drawn as vector
 * modules, platform/documents/pdf.ts) is placed on the page through the transformation matrices in force,
 * rasterised into a pixel buffer (4 px a module, a white quiet zone of 4 modules) and decoded by jsQR. Nothing here
 * knows what the code should say: it reads only what the PDF draws.
 */

interface PdfDocumentProxy {
  numPages: number;
  getPage(n: number): Promise<{ getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }> }>;
  destroy(): Promise<void>;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** m1 then m2, as PDF concatenates `cm` onto the current matrix. */
const multiply = ([a, b, c, d, e, f]: Matrix, [A, B, C, D, E, F]: Matrix): Matrix => [
  a * A + b * C,
  a * B + b * D,
  c * A + d * C,
  c * B + d * D,
  e * A + f * C + E,
  e * B + f * D + F,
];
const apply = ([a, b, c, d, e, f]: Matrix, x: number, y: number) => ({ x: a * x + c * y + e, y: b * x + d * y + f });

/** A filled square on the page, in default user space (points, y up). */
interface Square {
  x: number;
  y: number;
  size: number;
}

/** The number of coordinates each path operation of a constructPath takes. */
function coordinatesOf(op: number): number {
  const { OPS } = pdfjs;
  if (op === OPS.rectangle || op === OPS.curveTo2 || op === OPS.curveTo3) return 4;
  if (op === OPS.moveTo || op === OPS.lineTo) return 2;
  if (op === OPS.curveTo) return 6;
  return 0;
}

/** The filled paths of one page that are made of squares only, each as its squares in user space. */
async function filledSquarePaths(page: Awaited<ReturnType<PdfDocumentProxy['getPage']>>): Promise<Square[][]> {
  const { OPS } = pdfjs;
  const { fnArray, argsArray } = await page.getOperatorList();
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  let path: Square[] | null = null;
  const paths: Square[][] = [];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.constructPath) {
      const [ops, coords] = args as [number[], number[]];
      let k = 0;
      path ??= [];
      for (const op of ops) {
        const n = coordinatesOf(op);
        if (op === OPS.rectangle && path) {
          const [x, y, w, h] = coords.slice(k, k + 4);
          const p = apply(ctm, x, y);
          const q = apply(ctm, x + w, y + h);
          const size = Math.abs(q.x - p.x);
          if (Math.abs(size - Math.abs(q.y - p.y)) < 1e-6)
            path.push({ x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), size });
          else path = null; // not a square: not a QR code's path
        } else if (op !== OPS.rectangle) path = null;
        k += n;
      }
    } else if (fn === OPS.fill || fn === OPS.eoFill) {
      if (path && path.length > 0) paths.push(path);
      path = null;
    } else if (fn === OPS.stroke || fn === OPS.endPath || fn === OPS.closeStroke) path = null;
  });
  return paths;
}

/** The squares of one QR code as an RGBA pixel buffer, top row first. */
function rasterise(squares: Square[]): { data: Uint8ClampedArray; width: number; height: number } | null {
  const cell = squares[0].size;
  if (squares.some((s) => Math.abs(s.size - cell) > 1e-6)) return null;
  const left = Math.min(...squares.map((s) => s.x));
  const top = Math.max(...squares.map((s) => s.y + s.size)); // y is up in user space: the top row is the highest
  const modules = Math.round((Math.max(...squares.map((s) => s.x + s.size)) - left) / cell);
  const PX = 4;
  const QUIET = 4;
  const side = (modules + 2 * QUIET) * PX;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const s of squares) {
    const col = Math.round((s.x - left) / cell) + QUIET;
    const row = Math.round((top - (s.y + s.size)) / cell) + QUIET;
    for (let dy = 0; dy < PX; dy += 1)
      for (let dx = 0; dx < PX; dx += 1) {
        const at = ((row * PX + dy) * side + col * PX + dx) * 4;
        data[at] = data[at + 1] = data[at + 2] = 0;
      }
  }
  return { data, width: side, height: side };
}

/** The text of every QR code the PDF draws, page by page. */
export async function pdfQrCodes(bytes: Buffer): Promise<string[]> {
  const doc = (await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise) as PdfDocumentProxy;
  const found: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n += 1) {
      for (const squares of await filledSquarePaths(await doc.getPage(n))) {
        if (squares.length < 21) continue; // fewer dark modules than the finder patterns alone have
        const image = rasterise(squares);
        const code = image && jsQR(image.data, image.width, image.height);
        if (code) found.push(code.data);
      }
    }
  } finally {
    await doc.destroy();
  }
  return found;
}
