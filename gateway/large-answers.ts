import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  ANSWER_SLICE_CHARS,
  LongStringsApart,
  answerSlices,
  setLongStringsApart,
} from '../platform/graphql/answer-slices';
import type { EdgeContext } from './caller';

type Plugin = GatewayPlugin<EdgeContext>;
type ExecutionResult = Parameters<Parameters<NonNullable<Plugin['onResultProcess']>>[0]['setResult']>[0];

/**
 * Answers carrying strings longer than a slice (a whole file's base64: 27 MB for a 20 MB filing document) are
 * written from the result itself, never as one JSON text: before the runtime serializes a result, its long strings
 * are set apart (platform/graphql/answer-slices.ts), so JSON.stringify writes a short text with a placeholder for
 * each; the answer then goes out in UTF-8 slices of 1 MiB as the client reads them, each long string escaped a slice
 * at a time, with the whole answer's `content-length`. The bytes are those JSON.stringify would have written; what
 * is saved is its text of the whole answer (27 MB of V8 heap, and as much again when the text is flattened) and the
 * buffer Node would encode it into, held until the client has read it all. Any other answer longer than a slice
 * (many short strings) is sent in slices of its text. Put last, so the answer has every header and its final result.
 */
export function useLargeAnswers(): Plugin {
  const apartFor = new WeakMap<Request, LongStringsApart>();
  return {
    onResultProcess({ request, result, setResult }) {
      if (Symbol.asyncIterator in Object(result) || Array.isArray(result)) return;
      const apart = setLongStringsApart(result);
      if (!apart) return;
      apartFor.set(request, apart);
      setResult(apart.value as ExecutionResult);
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      const apart = apartFor.get(request);
      // Taken out at once: the runtime keeps the first requests to each subgraph for as long as the supergraph is
      // served (its transport executor holds the request that made it), and with them, in this map, their answers.
      apartFor.delete(request);
      if (!apart && !(Number(response.headers.get('content-length')) > ANSWER_SLICE_CHARS)) return;
      if (response.bodyUsed) return;
      return response.text().then((text) => {
        const answer = answerSlices(text, apart);
        const slices = answer.slices();
        response.headers.set('content-length', String(answer.byteLength));
        const body = new fetchAPI.ReadableStream<Uint8Array>({
          pull(controller) {
            const next = slices.next();
            if (next.done) controller.close();
            else controller.enqueue(next.value);
          },
        });
        setResponse(new fetchAPI.Response(body, { status: response.status, headers: response.headers }));
      });
    },
  };
}
