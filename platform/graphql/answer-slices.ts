import type { ServerResponse } from 'node:http';
import { Readable, pipeline } from 'node:stream';

/** How many characters of an answer's text are encoded and written at once (1 MiB of base64 or other ASCII). */
export const ANSWER_SLICE_CHARS = 2 ** 20;

/**
 * A JSON answer's text as UTF-8 slices of at most `sliceChars` characters, for the answers that carry a whole file
 * (27 MB of base64 for a 20 MB filing document): written one after another they are the bytes of the whole text, but
 * Node, given the text whole, first joins it to the response's headers into one more string of its size and encodes
 * that into a buffer of its own, held until the client has read it all (README › Performance › Memory). A slice ends
 * before a lone high surrogate, so no character is cut in two.
 */
export function* utf8Slices(text: string, sliceChars = ANSWER_SLICE_CHARS): Generator<Buffer> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + sliceChars);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - start > 1 && last >= 0xd800 && last <= 0xdbff) end--;
    yield Buffer.from(text.slice(start, end), 'utf8');
    start = end;
  }
}

/**
 * Sends a long answer's text in slices as the client reads them, with its length: what `res.send(text)` sends, but
 * Express first copies the whole text into one buffer of its own, held until the client has read it all.
 */
export function sendInSlices(res: ServerResponse, text: string): void {
  res.setHeader('content-length', Buffer.byteLength(text));
  // not in object mode: one slice read ahead, not 16
  pipeline(Readable.from(utf8Slices(text), { objectMode: false }), res, () => undefined);
}
