import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Readable, pipeline } from 'node:stream';

/** How many characters of an answer's text are encoded and written at once (1 MiB of base64 or other ASCII). */
export const ANSWER_SLICE_CHARS = 2 ** 20;

/** A text in slices of at most `sliceChars` (≥ 2) characters; a slice ends before a lone high surrogate, so no character is cut in two. */
function* charSlices(text: string, sliceChars: number): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + sliceChars);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - start > 1 && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * A JSON answer's text as UTF-8 slices of at most `sliceChars` characters, for the answers that carry a whole file
 * (27 MB of base64 for a 20 MB filing document): written one after another they are the bytes of the whole text, but
 * Node, given the text whole, first joins it to the response's headers into one more string of its size and encodes
 * that into a buffer of its own, held until the client has read it all (README › Performance › Memory).
 */
export function* utf8Slices(text: string, sliceChars = ANSWER_SLICE_CHARS): Generator<Buffer> {
  for (const slice of charSlices(text, sliceChars)) yield Buffer.from(slice, 'utf8');
}

/**
 * A JSON value whose strings longer than a slice are set apart: `value` holds a placeholder in each one's place (a
 * random marker and its index in `strings`), so JSON.stringify(value) is a short text and the long strings are
 * written from the value itself (jsonAnswer), never copied into one whole JSON text.
 */
export interface LongStringsApart {
  value: unknown;
  strings: string[];
  marker: string;
}

/**
 * Sets apart the strings longer than `sliceChars` found in a value's plain objects and arrays (a GraphQL answer's
 * data: a whole file's base64), copying only the objects and arrays on the way to one; undefined when there is none
 * (nothing copied). Anything JSON.stringify would not walk as it is (an object with toJSON, a class instance such as
 * a GraphQLError) is left whole: written by JSON.stringify, so the same text either way.
 */
export function setLongStringsApart(value: unknown, sliceChars = ANSWER_SLICE_CHARS): LongStringsApart | undefined {
  const strings: string[] = [];
  let marker = '';
  const apart = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (v.length <= sliceChars) return v;
      marker ||= randomUUID();
      return `${marker}:${strings.push(v) - 1}`;
    }
    if (v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') return v;
    if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const item = apart(v[i]);
        if (item !== v[i]) (copy ??= v.slice())[i] = item;
      }
      return copy ?? v;
    }
    const prototype = Object.getPrototypeOf(v);
    if (prototype !== Object.prototype && prototype !== null) return v;
    let copy: Record<string, unknown> | undefined;
    for (const [key, field] of Object.entries(v)) {
      const item = apart(field);
      if (item !== field) (copy ??= { ...v })[key] = item;
    }
    return copy ?? v;
  };
  const result = apart(value);
  return strings.length ? { value: result, strings, marker } : undefined;
}

/** A character JSON writes other than as itself (a quote, a backslash, a control character), or one not ASCII. */
const NOT_PLAIN = /[^\x20-\x21\x23-\x5b\x5d-\x7e]/;

/**
 * A long string's JSON text without its quotes, a slice at a time (JSON escapes each character alone once no pair
 * is cut); a string of plain ASCII (base64) is its own JSON text, sliced without escaping.
 */
function escapedSlices(text: string, sliceChars: number): { byteLength: number; slices: () => Generator<string> } {
  if (!NOT_PLAIN.test(text)) return { byteLength: text.length, slices: () => charSlices(text, sliceChars) };
  const slices = function* () {
    for (const slice of charSlices(text, sliceChars)) yield JSON.stringify(slice).slice(1, -1);
  };
  let byteLength = 0;
  for (const slice of slices()) byteLength += Buffer.byteLength(slice);
  return { byteLength, slices };
}

/**
 * The JSON text of a value whose long strings were set apart, given `text`, JSON.stringify of its `value`: its length
 * in UTF-8 and its bytes in slices, the long strings escaped a slice at a time as the slices are read. The bytes are
 * JSON.stringify's of the original value, without its whole text (twice its size in V8's heap) ever being made.
 */
export function jsonAnswer(
  text: string,
  apart: LongStringsApart,
  sliceChars = ANSWER_SLICE_CHARS,
): { byteLength: number; slices: () => Generator<Buffer> } {
  // split keeps each placeholder's captured index between the texts around it: text, index, text, …, text
  const parts = text.split(new RegExp(`${apart.marker}:(\\d+)`));
  const pieces = parts.map((part, i) =>
    i % 2 === 0
      ? { byteLength: Buffer.byteLength(part), slices: () => [part] }
      : escapedSlices(apart.strings[Number(part)], sliceChars),
  );
  return {
    byteLength: pieces.reduce((sum, piece) => sum + piece.byteLength, 0),
    *slices() {
      for (const piece of pieces) for (const text of piece.slices()) yield* utf8Slices(text, sliceChars);
    },
  };
}

/**
 * An answer's length in UTF-8 and its bytes in slices: its text's, or, given the long strings set apart from the
 * value it was written from, the whole answer's (jsonAnswer).
 */
export const answerSlices = (
  text: string,
  apart?: LongStringsApart,
): { byteLength: number; slices: () => Generator<Buffer> } =>
  apart ? jsonAnswer(text, apart) : { byteLength: Buffer.byteLength(text), slices: () => utf8Slices(text) };

/**
 * Sends a long answer's text in slices as the client reads them, with its length: what `res.send(text)` sends, but
 * Express first copies the whole text into one buffer of its own, held until the client has read it all.
 */
export function sendInSlices(res: ServerResponse, text: string): void {
  const answer = answerSlices(text);
  res.setHeader('content-length', answer.byteLength);
  // not in object mode: one slice read ahead, not 16
  pipeline(Readable.from(answer.slices(), { objectMode: false }), res, () => undefined);
}
