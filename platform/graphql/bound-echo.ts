import { DocumentNode, visit } from 'graphql';

/** How much of one value a caller sent may come back in an error message. */
export const MAX_ECHO = 100;

/**
 * GraphQL's own messages quote the caller's values (`Variable "$x" got invalid value "…"`, `Value "…" does not exist
 * in … enum`): no more than 100 characters of any quoted value come back, and no message is over 500 characters.
 */
export function boundEcho(message: string): string {
  const clipped = clipQuoted(message);
  return clipped.length > 500 ? `${clipped.slice(0, 500)}…` : clipped;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** What `.` does not match in a regular expression: after a backslash, these end a quoted value. */
const isLineTerminator = (c: number) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

/**
 * Each quoted value of more than 100 characters (an escape `\x` counting as one) that ends at a quote or the end of
 * the message, cut to its first 100 characters and `…`. In one pass: the regular expression it replaces,
 * `/"((?:[^"\\]|\\.){101,}?)(?="|$)/g`, started again at every escaped quote of a value and scanned to the value's end
 * from each, so a value of escaped quotes ending in an unpaired backslash (which a block string passed to an `Int`
 * argument puts raw into graphql-js' message) took 1.3 s for the 64 KiB body a caller without a token may send, and
 * some 145 s for 1 MiB. A start at an escaped quote inside a value ends where the value does, with fewer characters,
 * so the scan goes on from there.
 */
function clipQuoted(message: string): string {
  let out = '';
  let copied = 0;
  for (let start = message.indexOf('"'); start !== -1;) {
    let end = start + 1;
    let length = 0;
    while (end < message.length) {
      const c = message.charCodeAt(end);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        if (end + 1 >= message.length || isLineTerminator(message.charCodeAt(end + 1))) break;
        end += 2;
      } else end += 1;
      length += 1;
    }
    const closed = end >= message.length || message.charCodeAt(end) === QUOTE;
    if (closed && length > MAX_ECHO) {
      out += `${message.slice(copied, start)}"${message.slice(start + 1, end).slice(0, MAX_ECHO)}…`;
      copied = end;
    }
    start = message.indexOf('"', end);
  }
  return out + message.slice(copied);
}

/** Every string the caller sent: in the variables and written into the document. */
export function callerStrings(variables: unknown, document?: DocumentNode): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(variables);
  if (document) visit(document, { StringValue: (node) => void found.push(node.value) });
  return found;
}

/**
 * A rule's message may name what the caller sent (`Unit … room … already exists`): no more than 100 characters of
 * any one value come back, quoted or not.
 */
export function clipEchoes(message: string, sent: readonly string[]): string {
  let clipped = message;
  for (const value of sent) {
    if (value.length > MAX_ECHO && clipped.includes(value))
      clipped = clipped.split(value).join(`${value.slice(0, MAX_ECHO)}…`);
  }
  return boundEcho(clipped);
}
