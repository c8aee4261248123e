import { readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType } from 'graphql';
import { supergraphPath } from '../platform/project-root';
import { MAX_OBJECT_KEYS, scanDocument, scanValues } from './document-scan';

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

  it('refuses a number literal out of range anywhere in the document, a sign included', () => {
    const at = (literal: string) => scanDocument(`{ f(x: [{ a: ${literal} }]) }`, 100, 10);
    for (const literal of ['9007199254740991', '-9007199254740991', '0', '-0', '1.5e308', '-2.5', '1e3'])
      expect(at(literal)).toBeUndefined();
    for (const literal of ['9007199254740992', '-9007199254740992', '-9223372036854776000', '1'.repeat(40)])
      expect(at(literal)).toBe('number');
    for (const literal of ['1e400', '-1e400', '1.8e308']) expect(at(literal)).toBe('number');
    expect(scanDocument('query($n: Fen = 99999999999999999999) { f(x: $n) }', 100, 10)).toBe('number');
  });

  it('bounds the variables as the document: their nesting, the outer object counted, and their numbers finite', () => {
    expect(scanValues(undefined, 2)).toBeUndefined();
    expect(scanValues({ r: { a: 1 } }, 2)).toBeUndefined();
    expect(scanValues({ r: { a: [1] } }, 2)).toBe('nesting');
    expect(scanValues({ r: [[[]]] }, 4)).toBeUndefined();
    expect(scanValues({ r: [[[[]]]] }, 4)).toBe('nesting');
    expect(scanValues({ r: [1, 1e308, -2.5, 'x', null, true] }, 4)).toBeUndefined();
    expect(scanValues(JSON.parse('{"r": [1e400]}'), 4)).toBe('number');
    // 500,000 levels, as 1 MiB of brackets parses, without a stack overflow.
    expect(scanValues(JSON.parse(`{"r": ${'['.repeat(500_000)}${']'.repeat(500_000)}}`), 32)).toBe('nesting');
  });

  it('refuses an object of more keys than MAX_OBJECT_KEYS in the variables, the variables object itself included', () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(scanValues(keys(MAX_OBJECT_KEYS), 4)).toBeUndefined();
    expect(scanValues(keys(MAX_OBJECT_KEYS + 1), 4)).toBe('keys');
    expect(scanValues({ r: [{ a: 1 }, keys(MAX_OBJECT_KEYS + 1)] }, 4)).toBe('keys');
    // A list may be longer: its items' errors each quote the item alone (and its subgraph bounds its length).
    expect(scanValues({ r: Array.from({ length: 10 * MAX_OBJECT_KEYS }, (_, i) => i) }, 4)).toBeUndefined();
  });

  it('leaves every input type of the supergraph room: its fields well below MAX_OBJECT_KEYS', () => {
    const schema = buildSchema(readFileSync(supergraphPath(), 'utf8'), { assumeValidSDL: true });
    const widest = Math.max(
      ...Object.values(schema.getTypeMap())
        .filter(isInputObjectType)
        .map((type) => Object.keys(type.getFields()).length),
    );
    expect(widest).toBeGreaterThanOrEqual(14); // ContractTermsInput, CitySettingsInput, LevyInput
    expect(widest * 4).toBeLessThanOrEqual(MAX_OBJECT_KEYS);
  });

  it('leaves a lexical error to the parser, which reports it with its location', () => {
    expect(scanDocument('{ a "unterminated }', 100, 10)).toBeUndefined();
  });
});
