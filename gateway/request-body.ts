import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { EdgeContext, callerOf } from './caller';
import { edgeError } from './errors';

/**
 * The body as the runtime's own parser reads it: counted while it streams (a chunked request declares no length;
 * this is the only limit on it, Yoga's own being off: gateway/runtime.ts), and one operation only: a JSON array would
 * be a batch, each of whose items the later checks would have to see. Admission admits every request the runtime
 * parses (a preflight is answered by CORS before), so a request without a caller, which would have no limit to be
 * counted against, is refused rather than read.
 *
 * A body with a declared `content-length` (and no `transfer-encoding`) is not counted again: admission has refused
 * a declared length over the limit (gateway/admission.ts), and Node's HTTP parser delivers exactly the declared
 * bytes (refusing a request that declares both headers), so counting would only cost a stream per request.
 */
export function useRequestBody(): GatewayPlugin<EdgeContext> {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const caller = callerOf(request);
      if (!caller) throw edgeError('UNAUTHENTICATED', 'unauthenticated: the request was not admitted', 401);
      const declared = request.headers.has('content-length') && !request.headers.has('transfer-encoding');
      if (requestParser && request.body && !declared) {
        const limit = caller.limits.bodyBytes;
        const parse = requestParser;
        setRequestParser((req: Request) => {
          let read = 0;
          const Transform = req.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
          const body = req.body!.pipeThrough(
            new Transform({
              transform(chunk: Uint8Array, controller: TransformStreamDefaultController<Uint8Array>) {
                read += chunk.byteLength;
                // the JSON parser rethrows a GraphQLError as it is, so the 413 and its code reach the client
                if (read > limit)
                  controller.error(edgeError('PAYLOAD_TOO_LARGE', `the request body is over ${limit} bytes`, 413));
                else controller.enqueue(chunk);
              },
            }) as TransformStream<Uint8Array, Uint8Array>,
          );
          return parse(
            new fetchAPI.Request(req.url, {
              method: req.method,
              headers: req.headers,
              body,
              duplex: 'half',
            } as RequestInit),
          );
        });
      }
      return {
        onRequestParseDone({ requestParserResult }) {
          if (Array.isArray(requestParserResult))
            throw edgeError('BATCHING_NOT_SUPPORTED', 'send one operation per request', 400);
        },
      };
    },
  };
}
