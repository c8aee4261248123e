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
  return write(value, '$', new Set());
}

/** SHA-256 of the text, lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) reject(path, 'NOT_A_FINITE_NUMBER', `${String(value)} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (typeof value !== 'object')
    reject(path, 'NOT_A_JSON_VALUE', `a value of type ${typeof value} is not a JSON value`);
  const object = value as object;
  if (ancestors.has(object)) reject(path, 'CIRCULAR', 'the value refers to itself');
  ancestors.add(object);
  let text: string;
  if (Array.isArray(object)) {
    // Index loop, not map: map skips holes, which would hide a missing element.
    const items: string[] = [];
    for (let i = 0; i < object.length; i += 1) items.push(write(object[i], `${path}[${i}]`, ancestors));
    text = `[${items.join(',')}]`;
  } else {
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null)
      reject(path, 'NOT_A_PLAIN_OBJECT', 'only plain objects are JSON objects');
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    text = `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], `${path}.${k}`, ancestors)}`).join(',')}}`;
  }
  ancestors.delete(object);
  return text;
}

function reject(path: string, problem: string, message: string): never {
  throw new InvalidInputError(`Not canonical JSON at ${path}: ${message}`, { problems: [problem], path });
}
