import { scanDocument } from './document-scan';

describe('the flat scan before the parser', () => {
  it('counts tokens and bracket nesting without recursion', () => {
    expect(scanDocument('{ a { b } }', 100, 2)).toBeUndefined();
    expect(scanDocument('{ a { b { c } } }', 100, 2)).toBe('nesting');
    expect(scanDocument('{ a b c d }', 4, 10)).toBe('tokens');
  });

  it('sees list literals, object literals and inline fragments alike', () => {
    expect(scanDocument(`{ f(x: ${'['.repeat(10_000)}1${']'.repeat(10_000)}) }`, 100_000, 32)).toBe('nesting');
    expect(scanDocument(`{ f(x: {a: {b: {c: 1}}}) }`, 100, 4)).toBe('nesting');
    expect(scanDocument(`{ ${'... on Query { '.repeat(2000)}a${' }'.repeat(2000)} }`, 100_000, 32)).toBe('nesting');
  });

  it('leaves a lexical error to the parser, which reports it with its location', () => {
    expect(scanDocument('{ a "unterminated }', 100, 10)).toBeUndefined();
  });
});
