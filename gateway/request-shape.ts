/**
 * The GraphQL-over-HTTP shapes the edge accepts, checked on the raw request before anything reads the body:
 * POST `application/json` (optionally `; charset=utf-8`), or GET for a query. Anything else would be read by one
 * of the runtime's other parsers (form, `application/graphql`, multipart), which is how a body that looks like one
 * operation to a naive check runs as another.
 */
export type ShapeRefusal =
  | { status: 415; code: 'UNSUPPORTED_MEDIA_TYPE'; message: string; headers: Record<string, string> }
  | { status: 405; code: 'METHOD_NOT_ALLOWED'; message: string; headers: Record<string, string> }
  | { status: 400; code: 'DUPLICATE_PARAMETER'; message: string; headers: Record<string, string> }
  | { status: 406; code: 'NOT_ACCEPTABLE'; message: string; headers: Record<string, string> };

/**
 * Whether the runtime answers as plain JSON: it streams a query as server-sent events or multipart parts to a caller
 * that accepts those and no JSON type (its result processors, graphql-yoga's use-result-processor.js, read each media
 * range of `Accept` with a charset of UTF-8 or none, and JSON wins when any range matches it). Such a stream has no
 * length, so the answer budget (answer-budget.ts) and the slicing of large answers never saw it: 5 MB answers held
 * unread went past an organisation's budget. The hub has no subscriptions and no `@defer`; clients that list
 * `text/event-stream` beside `application/json` (urql does) get JSON.
 */
export function acceptsJson(accept: string | null): boolean {
  if (accept === null || accept.trim() === '') return true;
  return accept
    .replace(/\s/g, '')
    .toLowerCase()
    .split(',')
    .some((range) => {
      const [type, ...params] = range.split(';');
      const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8';
      if (charset !== 'charset=utf-8') return false;
      const [pre, suf] = type.split('/');
      return (
        (pre === '*' || pre === 'application') && (suf === '*' || suf === 'json' || suf === 'graphql-response+json')
      );
    });
}

const GRAPHQL_PARAMS = ['query', 'variables', 'operationName', 'extensions'];

/** Exactly one media type, `application/json`, with no parameter but `charset=utf-8`. */
export function isPlainJson(contentType: string | null): boolean {
  if (!contentType || contentType.includes(',')) return false;
  const [type, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

export function refuseShape(
  method: string,
  contentType: string | null,
  url: URL,
  accept: string | null = null,
): ShapeRefusal | undefined {
  if (!acceptsJson(accept))
    return {
      status: 406,
      code: 'NOT_ACCEPTABLE',
      message: 'the hub answers application/json only, never a stream',
      headers: { Accept: 'application/json' },
    };
  if (method === 'POST') {
    if (isPlainJson(contentType)) return undefined;
    return {
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'POST a GraphQL request as application/json',
      headers: { Accept: 'application/json' },
    };
  }
  if (method === 'GET') {
    // Two `query` parameters: one reader takes the first, another the last.
    const twice = GRAPHQL_PARAMS.find((p) => url.searchParams.getAll(p).length > 1);
    if (twice)
      return { status: 400, code: 'DUPLICATE_PARAMETER', message: `"${twice}" is given more than once`, headers: {} };
    return undefined;
  }
  return {
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
    message: 'use GET (queries) or POST',
    headers: { Allow: 'GET, POST' },
  };
}
