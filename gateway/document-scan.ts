import { Lexer, Source, TokenKind } from 'graphql';

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * One flat pass of graphql-js's lexer (it iterates, never recurses) before the recursive parser and validation
 * see the document: too many tokens, brackets nested too deep (selection sets, inline fragments, list and object
 * literals alike), or a number literal out of range, and the document goes no further. A 10,000-deep list literal
 * would otherwise overflow the parser's stack, and 2,000 nested inline fragments cost the validation rules half a
 * second. An integer literal beyond 64 bits given to a custom scalar (`amountFen: -9223372036854776000`) passes
 * graphql-js's validation (only the built-in Int checks its range there) and made Hive's Rust planner throw, a 500;
 * no field of the hub takes an integer beyond JavaScript's safe range (±2^53 − 1) or an infinite float (`1e400`).
 */
export function scanDocument(
  query: string,
  maxTokens: number,
  maxNesting: number,
): 'tokens' | 'nesting' | 'number' | undefined {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++tokens > maxTokens) return 'tokens';
      if (token.kind === TokenKind.INT || token.kind === TokenKind.FLOAT) {
        if (!numberInRange(token.kind, Number(token.value))) return 'number';
      } else if (OPENING.has(token.kind)) {
        if (++nesting > maxNesting) return 'nesting';
      } else if (CLOSING.has(token.kind)) nesting--;
    }
  } catch {
    return undefined; // a lexical error: the parser reports it with its location
  }
  return undefined;
}

const numberInRange = (kind: TokenKind, value: number) =>
  kind === TokenKind.INT ? Number.isSafeInteger(value) : Number.isFinite(value);

/**
 * The most keys one object of the variables (or extensions) may have, the variables object itself included: the
 * widest input type of the hub has 14 fields, and `document-scan.test.ts` keeps every one at a quarter of this or
 * less. The runtime coerces variables with graphql-tools' `getVariableValues`, which writes the whole object into the
 * message of each unknown key's error: 4,000 unknown keys (39 KB) took the gateway 13.6 s, 60,000 (0.7 MB)
 * exhausted its heap after 7 minutes.
 */
export const MAX_OBJECT_KEYS = 100;

/**
 * The same bounds on the JSON of the variables (and extensions) as on the document, walked without recursion:
 * arrays and objects nested at most `maxNesting` deep (the outer object counts, as its brace would), at most
 * MAX_OBJECT_KEYS keys in an object, and each number finite (`1e400` parses to Infinity). A 20,000-deep value given
 * to a custom scalar's variable (`label`, a `Name`) passed the planner, which hands such values on as they are, and
 * overflowed the stack further on: the caller got INTERNAL_SERVER_ERROR.
 */
export function scanValues(value: unknown, maxNesting: number): 'nesting' | 'number' | 'keys' | undefined {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item === 'number' && !Number.isFinite(item)) return 'number';
    if (item === null || typeof item !== 'object') continue;
    if (depth >= maxNesting) return 'nesting';
    const children = Array.isArray(item) ? item : Object.values(item);
    if (!Array.isArray(item) && children.length > MAX_OBJECT_KEYS) return 'keys';
    for (const child of children) pending.push([child, depth + 1]);
  }
  return undefined;
}
