import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ANSWER_SLICE_CHARS } from '../platform/graphql/answer-slices';
import { useLargeAnswers } from './large-answers';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

type Hooks = ReturnType<typeof useLargeAnswers>;
type ResultHook = Parameters<NonNullable<Hooks['onResultProcess']>>[0];
type ResponseHook = Parameters<NonNullable<Hooks['onResponse']>>[0];

describe('useLargeAnswers', () => {
  it('lets go of an answer once it is sent, though its request lives on', async () => {
    // The runtime keeps the first requests to each subgraph for as long as the supergraph is served: a map keyed by
    // the request kept their whole answers (four first answers of 13 MB: 97 MB of heap for good).
    const plugin = useLargeAnswers();
    const request = new Request('http://hub/graphql', { method: 'POST' });
    let apart: object | undefined;
    await plugin.onResultProcess!({
      request,
      result: { data: { file: 'x'.repeat(ANSWER_SLICE_CHARS + 1) } },
      setResult: (value: object) => (apart = value),
    } as unknown as ResultHook);
    expect(apart).toBeDefined();
    // What the runtime writes of the result: a short text with a placeholder for the long string.
    const text = JSON.stringify(apart);
    const held = new WeakRef(apart!);
    apart = undefined;

    let sent: Response | undefined;
    await plugin.onResponse!({
      request,
      response: new Response(text, { headers: { 'content-length': String(text.length) } }),
      setResponse: (response: Response) => (sent = response),
      fetchAPI: { Response, ReadableStream },
    } as unknown as ResponseHook);
    expect((await sent!.text()).length).toBe(ANSWER_SLICE_CHARS + 1 + '{"data":{"file":""}}'.length);

    sent = undefined;
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(held.deref()).toBeUndefined();
    expect(request.method).toBe('POST');
  });
});
