import { createHash } from 'node:crypto';
import { InvalidInputError } from './errors';

/**
 * One text per JSON value, so a digest of it identifies the content and nothing else: object keys sorted
 * recursively (by UTF-16 code units, as RFC 8785 does), no whitespace, arrays in their order, strings and numbers
 * as JSON.stringify writes them. Only JSON values are accepted: an undefined, a NaN, a function or a Date would be
 * silently dropped or changed by JSON.stringify, and then two different packages could share a digest, or a stored
 * package would no longer digest to what the chain recorded. Optional fields must be null, not undefined.
 */
export function canonicalJson(value: unknown): string {
  return write(value, [], new Set());
}

/** SHA-256 of the text, lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A string JSON.stringify writes as it is, between quotes: no quote, backslash, control or surrogate code unit. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** The string as JSON.stringify writes it (`canonical-json.test.ts` checks that), without calling it when plain. */
const quoted = (text: string) => (PLAIN.test(text) ? `"${text}"` : JSON.stringify(text));

/**
 * `at` holds the keys and indexes from the root down to `value`, turned into a path (`$.charges[3].month`) only when
 * a value is refused: building each path as a string cost more than writing the value.
 */
function write(value: unknown, at: (string | number)[], ancestors: Set<object>): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) reject(at, 'NOT_A_FINITE_NUMBER', `${String(value)} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') reject(at, 'NOT_A_JSON_VALUE', `a value of type ${typeof value} is not a JSON value`);
  const object = value as object;
  if (ancestors.has(object)) reject(at, 'CIRCULAR', 'the value refers to itself');
  ancestors.add(object);
  let text: string;
  if (Array.isArray(object)) {
    // Index loop, not map: map skips holes, which would hide a missing element.
    text = '[';
    for (let i = 0; i < object.length; i += 1) {
      at.push(i);
      text += (i === 0 ? '' : ',') + write(object[i], at, ancestors);
      at.pop();
    }
    text += ']';
  } else {
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null)
      reject(at, 'NOT_A_PLAIN_OBJECT', 'only plain objects are JSON objects');
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    text = '{';
    for (let i = 0; i < keys.length; i += 1) {
      at.push(keys[i]);
      text += (i === 0 ? '' : ',') + quoted(keys[i]) + ':' + write(record[keys[i]], at, ancestors);
      at.pop();
    }
    text += '}';
  }
  ancestors.delete(object);
  return text;
}

function reject(at: readonly (string | number)[], problem: string, message: string): never {
  const path = `$${at.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('')}`;
  throw new InvalidInputError(`Not canonical JSON at ${path}: ${message}`, { problems: [problem], path });
}
