/**
 * pdf.js (the engine of Firefox's viewer) for the tests that read PDFs back: its minified builds, the same release's
 * code. The plain builds end in a `sourceMappingURL` comment, and pdf.js reads `new Error().stack` as it loads and
 * parses (core-js's error polyfills): Jest maps every stack it formats, so each test file read and parsed the
 * builds' 1.8 MB and 5.2 MB source maps again. The minified builds name no map. In Node pdf.js runs its worker in
 * this thread (a "fake worker", loaded with `require`), so the worker's build is named here too.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const pdfjs = require('pdfjs-dist/legacy/build/pdf.min.js') as {
  OPS: Record<string, number>;
  GlobalWorkerOptions: { workerSrc: string };
  getDocument(src: { data: Uint8Array; verbosity?: number }): { promise: Promise<unknown> };
};
pdfjs.GlobalWorkerOptions.workerSrc = require.resolve('pdfjs-dist/legacy/build/pdf.worker.min.js');
