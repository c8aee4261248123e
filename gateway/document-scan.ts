import { Lexer, Source, TokenKind } from 'graphql';

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * One flat pass of graphql-js's lexer (it iterates, never recurses) before the recursive parser and validation
 * see the document: too many tokens, or brackets nested too deep (selection sets, inline fragments, list and
 * object literals alike), and the document goes no further. A 10,000-deep list literal would otherwise overflow the
 * parser's stack, and 2,000 nested inline fragments cost the validation rules half a second.
 */
export function scanDocument(query: string, maxTokens: number, maxNesting: number): 'tokens' | 'nesting' | undefined {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++tokens > maxTokens) return 'tokens';
      if (OPENING.has(token.kind)) {
        if (++nesting > maxNesting) return 'nesting';
      } else if (CLOSING.has(token.kind)) nesting--;
    }
  } catch {
    return undefined; // a lexical error: the parser reports it with its location
  }
  return undefined;
}
