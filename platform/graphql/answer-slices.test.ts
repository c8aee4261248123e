import { utf8Slices } from './answer-slices';

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
