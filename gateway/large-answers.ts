import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ANSWER_SLICE_CHARS, utf8Slices } from '../platform/graphql/answer-slices';
import type { EdgeContext } from './caller';

type OnResponse = NonNullable<GatewayPlugin<EdgeContext>['onResponse']>;

/**
 * An answer longer than a slice (one carrying a whole file's base64: 27 MB for a 20 MB filing document) is sent in
 * UTF-8 slices of 1 MiB as the client reads them (platform/graphql/answer-slices.ts) instead of being handed to Node
 * whole: the same bytes and headers (its `content-length` too), without two more copies of it held until the client
 * has read it all. The runtime's answer keeps the text JSON.stringify made, so `text()` copies nothing. For the edge's
 * one onResponse hook (gateway/runtime.ts): nothing to wait for on other answers.
 */
export const sendLargeAnswerInSlices = ({
  response,
  setResponse,
  fetchAPI,
}: Parameters<OnResponse>[0]): Promise<void> | undefined => {
  if (!(Number(response.headers.get('content-length')) > ANSWER_SLICE_CHARS) || response.bodyUsed) return;
  return response.text().then((text) => {
    const slices = utf8Slices(text);
    const body = new fetchAPI.ReadableStream<Uint8Array>({
      pull(controller) {
        const next = slices.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
    });
    setResponse(new fetchAPI.Response(body, { status: response.status, headers: response.headers }));
  });
};
