import { MAX_SEND_BYTES, sizedChunks } from './relay';

describe("the relay's requests", () => {
  const items = (...sizes: number[]) => sizes.map((bytes, n) => ({ n, bytes }));
  const shape = (chunks: { n: number }[][]) => chunks.map((chunk) => chunk.map((item) => item.n));

  it('keeps each request within the bound, in order, as few as fit', () => {
    expect(shape(sizedChunks(items(4, 4, 4, 4, 4), 10))).toEqual([[0, 1], [2, 3], [4]]);
    expect(shape(sizedChunks(items(3, 7, 1, 9, 10), 10))).toEqual([[0, 1], [2, 3], [4]]);
    expect(sizedChunks([], 10)).toEqual([]);
  });

  it('sends an item larger than the bound alone', () => {
    expect(shape(sizedChunks(items(2, 25, 2), 10))).toEqual([[0], [1], [2]]);
  });

  it("puts 1,000 rows of 4 KB into requests well under the broker's 1 MiB", () => {
    const chunks = sizedChunks(items(...Array(1000).fill(4_200)), MAX_SEND_BYTES);
    expect(chunks).toHaveLength(Math.ceil(1000 / Math.floor(MAX_SEND_BYTES / 4_200)));
    expect(chunks.flat().map((item) => item.n)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    for (const chunk of chunks)
      expect(chunk.reduce((sum, item) => sum + item.bytes, 0)).toBeLessThanOrEqual(MAX_SEND_BYTES);
  });
});
