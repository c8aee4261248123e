import { jsonAnswer, setLongStringsApart, utf8Slices } from './answer-slices';

describe('utf8Slices', () => {
  it('gives the bytes of the whole text, in slices of at most the given length', () => {
    const text = JSON.stringify({
      data: { contentBase64: Buffer.alloc(10_000, 7).toString('base64'), name: '扫描件' },
    });
    const slices = [...utf8Slices(text, 1000)];
    expect(Buffer.concat(slices).equals(Buffer.from(text))).toBe(true);
    expect(slices.length).toBe(Math.ceil(text.length / 1000));
    expect(slices.every((s) => s.toString().length <= 1000)).toBe(true);
  });

  it('never cuts a character written as a surrogate pair in two', () => {
    const text = `"${'a'.repeat(8)}😀${'b'.repeat(5)}😀"`; // slices of 10 would end between the first pair's halves
    const slices = [...utf8Slices(text, 10)];
    expect(Buffer.concat(slices).toString()).toBe(text);
    expect(slices.map((s) => s.toString())).toEqual([`"${'a'.repeat(8)}`, `😀${'b'.repeat(5)}😀"`]);
  });

  it('gives nothing for an empty text', () => {
    expect([...utf8Slices('')]).toEqual([]);
  });
});

describe('jsonAnswer over setLongStringsApart', () => {
  // Slices of 4 characters make most strings "long"; every shape must come out as JSON.stringify writes it.
  const written = (value: unknown, sliceChars = 4) => {
    const apart = setLongStringsApart(value, sliceChars);
    if (!apart) return { text: JSON.stringify(value), apart };
    const answer = jsonAnswer(JSON.stringify(apart.value), apart, sliceChars);
    const bytes = Buffer.concat([...answer.slices()]);
    expect(answer.byteLength).toBe(bytes.length);
    return { text: bytes.toString('utf8'), apart };
  };
  const pair = '😀';
  const shapes: [string, unknown][] = [
    ['escapes', { s: 'quote " backslash \\ slash / newline \n tab \t return \r ff \f bs \b' }],
    ['control characters', { s: Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('') + '\u007f' }],
    ['line separators', ['a\u2028b\u2029c', '\u2028\u2028\u2028\u2028\u2028']],
    ['unicode', { name: '扫描件.pdf', text: 'Größe: naïve café, 漢字かなカナ, ελληνικά' }],
    ['surrogate pairs at every slice position', Array.from({ length: 6 }, (_, i) => `${'a'.repeat(i)}${pair}${pair}b`)],
    ['lone surrogates', ['\ud800abcdef', 'abc\udbff', 'abcd\udc00efgh', '\udc00\ud800\ud800\udc00x']],
    [
      'nested objects and arrays',
      { data: { a: [{ b: ['long string one', { c: 'long string two', d: [[['deepest long one']]] }] }], e: 'short' } },
    ],
    ['an object without prototype', Object.assign(Object.create(null), { content: 'a whole file, base64' })],
    ['null and undefined', { a: null, b: undefined, c: [undefined, null, 'long enough'], d: () => 1 }],
    [
      'numbers and booleans',
      { n: [0, -0, 1.5, -1e-7, 1e21, 2 ** 53, NaN, Infinity, -Infinity], t: true, f: false, s: '0123456789' },
    ],
    ['toJSON and class instances', { when: new Date(0), m: new Map([['k', 'v']]), e: new Error('a long message') }],
    ['toJSON giving a long string', { x: { toJSON: () => 'written by toJSON' } }],
    ['long keys', { 'a long key here': 'and a long value', short: 1 }],
    ['a top-level long string', 'just one long string'],
    ['empty', { s: '', a: [], o: {} }],
    ['a string like a placeholder', { s: 'abcd:0', t: '00000000-0000-0000-0000-000000000000:0' }],
    ['the same long string twice', { a: 'repeated long', b: 'repeated long' }],
  ];

  it.each(shapes)('writes %s as JSON.stringify does', (_name, value) => {
    expect(written(value).text).toBe(JSON.stringify(value));
  });

  it('writes a whole file’s base64 in slices, with its length, and sets nothing apart in a short answer', () => {
    const base64 = Buffer.alloc(10_000, 7).toString('base64');
    const value = { data: { filingDocumentContent: { contentBase64: base64, document: { sha256: 'ab' } } } };
    const apart = setLongStringsApart(value, 1000)!;
    expect(apart.strings).toEqual([base64]);
    expect(JSON.stringify(apart.value).length).toBeLessThan(200);
    const answer = jsonAnswer(JSON.stringify(apart.value), apart, 1000);
    const slices = [...answer.slices()];
    expect(Buffer.concat(slices).toString()).toBe(JSON.stringify(value));
    expect(answer.byteLength).toBe(Buffer.byteLength(JSON.stringify(value)));
    expect(Math.max(...slices.map((s) => s.length))).toBeLessThanOrEqual(1000);

    const short = { data: { list: [{ a: 'x' }, { b: ['y', 1] }] } };
    expect(setLongStringsApart(short, 1000)).toBeUndefined();
  });

  it('copies only what leads to a long string and leaves the value it was given as it was', () => {
    const untouched = { a: 'tiny', n: 1 };
    const value = { data: { file: 'a long string', other: untouched }, list: ['a long string too'] };
    const before = JSON.stringify(value);
    const apart = setLongStringsApart(value, 4)!;
    expect(JSON.stringify(value)).toBe(before);
    expect((apart.value as typeof value).data.other).toBe(untouched);
    expect(apart.strings).toEqual(['a long string', 'a long string too']);
  });
});
