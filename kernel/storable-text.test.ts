import { isStorableText, storableText } from './storable-text';

describe('text PostgreSQL stores', () => {
  it('finds NUL and half surrogate pairs, nothing else', () => {
    for (const text of ['a\u0000b', 'x\ud83d', '\ude00y', '\ude00\ud83d'])
      expect([text, isStorableText(text)]).toEqual([text, false]);
    for (const text of ['', 'plain', '界😀', '\u0001\u001f\t\n', '\ufffd'])
      expect([text, isStorableText(text)]).toEqual([text, true]);
  });

  it('replaces them with U+FFFD, keeping whole characters within the byte limit', () => {
    expect(storableText('a\u0000b', 10)).toBe('a\ufffdb');
    expect(storableText('x\ud83dy\ude00', 20)).toBe('x\ufffdy\ufffd');
    expect(storableText('😀😀', 7)).toBe('😀');
    expect(storableText('界界', 5)).toBe('界');
    expect(storableText('\u0000'.repeat(400), 1024)).toBe('\ufffd'.repeat(341));
    expect(storableText('plain', 1024)).toBe('plain');
  });
});
