import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { armorRules } from './armor-rules';
import { EdgeContext, callerOf } from './caller';
import { EdgeConfig } from './config';
import { MAX_OBJECT_KEYS, scanDocument, scanValues } from './document-scan';
import { edgeError } from './errors';

/**
 * Validation errors answered (graphql-js stops at 100 by default): each error finds its line and column by scanning
 * the text's line breaks up to its node, so 100 unknown fields after 500,000 line breaks (a 1 MiB document of
 * `"\n"`) took 1.2–2.2 s to validate, 4.6 s end to end; a caller fixing a document needs the first few.
 */
export const MAX_VALIDATION_ERRORS = 10;

const tooDeep = () => edgeError('DOCUMENT_TOO_DEEP', 'the document is nested too deeply', 400);
const numberOutOfRange = () =>
  edgeError(
    'NUMBER_OUT_OF_RANGE',
    'a number in the request is out of range: integers within ±9,007,199,254,740,991, every number finite',
    400,
  );

/**
 * Bounds on the document itself, from the cheapest check to the dearest, each before the next can be expensive:
 * the params the runtime parsed (no persisted queries; a flat scan of tokens, nesting and numbers per caller, of the
 * document and of the variables' and extensions' JSON alike, and the keys of each object in those), the parser
 * (a token ceiling for everyone, and a stack overflow as a 400), then validation (depth, aliases, directives per
 * caller; no "Did you mean" for anonymous callers, nor for anyone in production).
 */
export function useDocumentLimits(config: EdgeConfig): GatewayPlugin<EdgeContext> {
  const suggestions = blockFieldSuggestionsPlugin();
  const anonymousRules = armorRules(config.anonymous, 'anonymous');
  const authenticatedRules = armorRules(config.authenticated, 'authenticated');
  return {
    // Runs before the runtime checks the params' types: `query` may be anything here.
    onParams({ params, request }) {
      const caller = callerOf(request);
      if (!caller) throw edgeError('UNAUTHENTICATED', 'the request did not pass the edge', 401);
      const extensions = params.extensions as Record<string, unknown> | undefined;
      // A persisted query would run a document the edge never saw in this request.
      if (extensions && typeof extensions === 'object' && 'persistedQuery' in extensions) {
        throw edgeError('PERSISTED_QUERY_NOT_SUPPORTED', 'persisted queries are not supported; send the query', 400);
      }
      if (caller.anonymous && extensions != null && Object.keys(extensions).length > 0) {
        throw edgeError('BAD_REQUEST', 'extensions are not accepted without a token', 400);
      }
      for (const [name, values] of [
        ['variables', params.variables],
        ['extensions', extensions],
      ] as const) {
        const over = scanValues(values, caller.limits.nesting);
        if (over === 'nesting')
          throw edgeError('DOCUMENT_TOO_DEEP', `the ${name} nest more than ${caller.limits.nesting} levels`, 400);
        if (over === 'number') throw numberOutOfRange();
        if (over === 'keys')
          throw edgeError('TOO_MANY_KEYS', `an object in the ${name} has more than ${MAX_OBJECT_KEYS} keys`, 400);
      }
      if (typeof params.query === 'string') {
        const over = scanDocument(params.query, caller.limits.tokens, caller.limits.nesting);
        if (over === 'tokens')
          throw edgeError('TOKEN_LIMIT_EXCEEDED', `the document has more than ${caller.limits.tokens} tokens`, 400);
        if (over === 'nesting')
          throw edgeError('DOCUMENT_TOO_DEEP', `the document nests more than ${caller.limits.nesting} levels`, 400);
        if (over === 'number') throw numberOutOfRange();
      }
    },

    // The parse cache is keyed by the query text alone, so this limit is the same for every caller.
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return new MaxTokensParserWLexer(
            source as string,
            { ...options, n: config.parserTokenCeiling } as never,
          ).parseDocument();
        } catch (error) {
          if (error instanceof RangeError) throw tooDeep();
          if (error instanceof GraphQLError && /Token limit/.test(error.message))
            throw edgeError('TOKEN_LIMIT_EXCEEDED', error.message.replace(/^Syntax Error: /, ''), 400);
          throw error;
        }
      });
    },

    onValidate(payload) {
      const caller = callerOf(payload.context.request);
      const anonymous = caller?.anonymous !== false;
      for (const rule of anonymous ? anonymousRules : authenticatedRules) payload.addValidationRule(rule);
      const validate = payload.validateFn;
      payload.setValidationFn((schema, documentAST, rules, options, typeInfo) => {
        try {
          return validate(schema, documentAST, rules, { ...options, maxErrors: MAX_VALIDATION_ERRORS }, typeInfo);
        } catch (error) {
          if (error instanceof RangeError) return [tooDeep()];
          throw error;
        }
      });
      if (config.production || anonymous) return suggestions.onValidate!(payload as never) as never;
    },
  };
}
