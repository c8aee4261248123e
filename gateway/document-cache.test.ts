import { parse } from 'graphql';
import { WeightedLruCache, documentCaches, tokensOf } from './document-cache';

describe('the weighted parse caches', () => {
  it('evicts the least recently used entries once their weights pass the bound, and keeps nothing heavier', () => {
    const cache = new WeightedLruCache<string>(10, (_key, value) => value.length);
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    expect(cache.get('a')).toBe('aaaa'); // now the most recently used
    cache.set('c', 'cccc'); // 12 > 10: b goes
    expect([cache.get('b'), cache.get('a'), cache.get('c'), cache.weight, cache.size]).toEqual([
      undefined,
      'aaaa',
      'cccc',
      8,
      2,
    ]);
    cache.set('a', 'a'); // replaced, its weight with it
    expect(cache.weight).toBe(5);
    cache.set('huge', 'x'.repeat(11));
    expect([cache.get('huge'), cache.size]).toEqual([undefined, 2]);
  });

  it('weighs a parsed document by its tokens: 1,024 documents of 1,500 fields stay within the bound', () => {
    const { documentCache } = documentCaches();
    const wide = (i: number) => `{ a${i} ${Array.from({ length: 1500 }, (_, k) => `b${k}`).join(' ')} }`;
    expect(tokensOf(parse(wide(0)))).toBe(1505);
    // Yoga's cache held all 1,024, some 0.75 MB each: 765 MB, past the gateway's 320 MB heap.
    for (let i = 0; i < 1024; i++) documentCache.set(wide(i), parse(wide(i)));
    expect(documentCache.weight).toBeLessThanOrEqual(32 * 1024 * 1024);
    expect(documentCache.size).toBeLessThan(40);
    expect(documentCache.get(wide(1023))).toBeDefined();
    expect(documentCache.get(wide(0))).toBeUndefined();
  });

  it('weighs a parse error by its text: 1,024 of 64 KiB stay within the bound', () => {
    const { errorCache } = documentCaches();
    const padded = (i: number) => `{ a ${i} #${'红'.repeat(64 * 1024)}`;
    for (let i = 0; i < 1024; i++) errorCache.set(padded(i), new Error('Syntax Error'));
    expect(errorCache.weight).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(errorCache.size).toBeLessThanOrEqual(32);
  });
});
