import fc from 'fast-check';
import { rejection } from '../test/support/rejection';
import { canonicalJson, sha256Hex } from './canonical-json';

/**
 * The text as the first version wrote it (keys sorted, then JSON.stringify for every key, string and number): digests
 * stored with it (consumers' inboxes, idempotency keys, evidence chains) must still match what is written now.
 */
function firstVersion(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(firstVersion).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${firstVersion(record[k])}`)
    .join(',')}}`;
}

describe('canonical JSON', () => {
  it.each<[string, unknown, string]>([
    ['keys sorted, no whitespace', { b: 1, a: 'x' }, '{"a":"x","b":1}'],
    [
      'recursively, arrays kept in order',
      { z: [{ d: 2, c: 1 }, 3], a: { y: null, x: true } },
      '{"a":{"x":true,"y":null},"z":[{"c":1,"d":2},3]}',
    ],
    ['upper case before lower case (code units)', { b: 1, B: 2, a: 3 }, '{"B":2,"a":3,"b":1}'],
    ['strings escaped as JSON', { s: 'quote " and 中文\n' }, '{"s":"quote \\" and 中文\\n"}'],
    ['an empty object and array', { o: {}, a: [] }, '{"a":[],"o":{}}'],
    ['a top-level scalar', 9_482, '9482'],
    ['negative zero as 0', -0, '0'],
    ['an object without prototype', Object.assign(Object.create(null), { b: 2, a: 1 }), '{"a":1,"b":2}'],
  ])('%s', (_label, value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it.each([
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate', 'x\udc00y'],
    ['a surrogate pair', '𠮷'],
    ['line and paragraph separators', '\u2028\u2029'],
    ['DEL and NUL', '\u007f\u0000'],
    ['a quote and a backslash', 'a"b\\c'],
    ['every control character', Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')],
  ])('writes %s as JSON.stringify does, as a value and as a key', (_label, text) => {
    expect(canonicalJson(text)).toBe(JSON.stringify(text));
    expect(canonicalJson({ [text]: text })).toBe(`{${JSON.stringify(text)}:${JSON.stringify(text)}}`);
  });

  it('writes any JSON value as the first version did, so stored digests still match', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        anyText,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value')),
        fc.dictionary(anyText, tie('value')),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => canonicalJson(value) === firstVersion(value)),
      { numRuns: 2_000 },
    );
  });

  it('gives the same text whatever order the fields came in', () => {
    expect(canonicalJson({ month: '2023-01', amountFen: 9_482 })).toBe(
      canonicalJson({ amountFen: 9_482, month: '2023-01' }),
    );
  });

  it.each<[string, unknown, string, string]>([
    ['an undefined field', { a: undefined }, 'NOT_A_JSON_VALUE', '$.a'],
    ['an undefined array element', [1, undefined], 'NOT_A_JSON_VALUE', '$[1]'],
    ['a hole in an array', [1, , 3], 'NOT_A_JSON_VALUE', '$[1]'], // eslint-disable-line no-sparse-arrays
    ['NaN', { n: Number.NaN }, 'NOT_A_FINITE_NUMBER', '$.n'],
    ['Infinity', { deep: [{ n: Infinity }] }, 'NOT_A_FINITE_NUMBER', '$.deep[0].n'],
    ['a function', { f: () => 1 }, 'NOT_A_JSON_VALUE', '$.f'],
    ['a bigint', { b: 1n }, 'NOT_A_JSON_VALUE', '$.b'],
    ['a Date', { d: new Date(0) }, 'NOT_A_PLAIN_OBJECT', '$.d'],
    ['a Map', new Map(), 'NOT_A_PLAIN_OBJECT', '$'],
  ])('rejects %s', (_label, value, problem, path) => {
    const error = rejection(() => canonicalJson(value));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ problems: [problem], path });
  });

  it('rejects a value that contains itself, but not a shared one', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(rejection(() => canonicalJson(loop)).details?.problems).toEqual(['CIRCULAR']);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('hashes UTF-8 text to lower-case hex SHA-256', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
