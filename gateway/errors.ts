import { GraphQLError } from 'graphql';
import { ErrorCatalog } from '../kernel/errors';
import { MAX_OBJECT_KEYS } from './document-scan';

/** Every refusal of the edge, with its HTTP status; no subgraph is called for any of them (but the last). */
export const EDGE_ERRORS = {
  UNAUTHENTICATED:
    '401: a token that is forged, expired, without `exp`, too long-lived or of a role no caller may claim; or no token for an operation that needs one.',
  UNSUPPORTED_MEDIA_TYPE: '415: a POST whose content type is not exactly application/json.',
  METHOD_NOT_ALLOWED: '405: anything but GET (queries) or POST.',
  DUPLICATE_PARAMETER: '400: a GET that names query, variables, operationName or extensions twice.',
  NOT_ACCEPTABLE:
    '406: an Accept header with no JSON type (only text/event-stream, multipart/…); the hub answers application/json only.',
  BATCHING_NOT_SUPPORTED: '400: a JSON array of operations; send one operation per request.',
  PERSISTED_QUERY_NOT_SUPPORTED: '400: `extensions.persistedQuery`; send the query itself.',
  BAD_REQUEST:
    '400: `extensions` without a token, a request the GraphQL-over-HTTP spec does not allow, a subscription (the hub has none), or `__schema`/`__type` beside data fields (ask for introspection on its own); 405 for a mutation sent by GET.',
  PAYLOAD_TOO_LARGE: "413: a body over the caller's limit (1 MiB with a token, 64 KiB without).",
  TOKEN_LIMIT_EXCEEDED: "400: more GraphQL tokens in the document than the caller's limit.",
  DOCUMENT_TOO_DEEP:
    "400: brackets nested deeper than the caller's limit (selections, fragments, list or object literals, and the variables' JSON alike).",
  NUMBER_OUT_OF_RANGE:
    '400: a number beyond what any field takes: an integer literal outside ±(2^53 − 1), or a number too large to be finite (`1e400`, in the document or the variables).',
  TOO_MANY_KEYS: `400: an object in the variables or extensions with more than ${MAX_OBJECT_KEYS} keys (the variables themselves included), several times the fields of the widest input type.`,
  DEPTH_LIMIT_EXCEEDED: "400: fields nested deeper than the caller's limit.",
  ALIAS_LIMIT_EXCEEDED: "400: more aliases than the caller's limit.",
  DIRECTIVE_LIMIT_EXCEEDED: "400: more directives than the caller's limit.",
  COST_LIMIT_EXCEEDED:
    "400: the operation's estimated cost (list sizes from @listSize, weights from @cost; introspection, which the gateway answers itself, by the size of the answer it asks for: the full introspection query 15,000, never less than 15,000 a `__schema` and 200 a `__type`) is over the caller's limit.",
  RATE_LIMITED:
    '429: too many requests from the organisation (or, without a token, the address) in the window, or too many of its answers still being read (64 MiB; 4 MiB without a token); see Retry-After.',
  SERVICE_UNAVAILABLE:
    '503: the gateway holds 128 MiB of answers that clients are still reading, and this one is over 64 KiB; see Retry-After.',
  GRAPHQL_PARSE_FAILED:
    '200 (in `errors`; 400 to `Accept: application/graphql-response+json`): the document does not parse (a syntax error); nothing ran.',
  GRAPHQL_VALIDATION_FAILED:
    '200 (in `errors`; 400 to `Accept: application/graphql-response+json`): the document asks for a field, argument or type the schema does not have, or breaks another GraphQL validation rule; nothing ran.',
  SUBGRAPH_UNAVAILABLE:
    '200 (in `errors`): no instance of a subgraph answered; or its instance died during a mutation, which may have been applied: retry it with the same idempotency key.',
  SUBGRAPH_TIMEOUT:
    '200 (in `errors`): a subgraph did not start answering within `HUB_SUBGRAPH_TIMEOUT_MS` (60 s); a mutation may have been applied: retry it with the same idempotency key.',
} as const satisfies ErrorCatalog;

export type EdgeCode = keyof typeof EDGE_ERRORS;

/**
 * A refusal raised inside the runtime's pipeline. Yoga takes the status and headers from `extensions.http` and
 * strips it from the body. `spec: false` keeps the status: Yoga marks validation errors without it as spec errors,
 * which it answers with 200 to `accept: application/json`.
 */
export function edgeError(
  code: EdgeCode,
  message: string,
  status: number,
  headers?: Record<string, string>,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, http: { status, spec: false, ...(headers ? { headers } : {}) } },
  });
}

/**
 * The same body for refusals answered before the GraphQL pipeline runs (`onRequest`), where an error thrown would
 * reach the client as a 500 carrying its stack trace.
 */
export function errorResponse(
  fetchAPI: { Response: typeof Response },
  status: number,
  code: EdgeCode | 'INTERNAL_SERVER_ERROR',
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
