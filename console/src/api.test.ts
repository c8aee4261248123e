import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { apiClient, isUnauthenticated } from './api';

describe("the session's GraphQL client", () => {
  it('takes a 401 or an UNAUTHENTICATED error for a refused token, and nothing else', () => {
    const unauthenticated = new GraphQLError('unauthenticated: expired', { extensions: { code: 'UNAUTHENTICATED' } });
    expect(isUnauthenticated(new CombinedError({ graphQLErrors: [unauthenticated] }))).toBe(true);
    expect(isUnauthenticated(new CombinedError({ response: { status: 401 } }))).toBe(true);
    const forbidden = new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
    expect(isUnauthenticated(new CombinedError({ graphQLErrors: [forbidden] }))).toBe(false);
    expect(isUnauthenticated(new CombinedError({ networkError: new Error('offline') }))).toBe(false);
  });

  it('ends the session when the hub refuses its token (expired or revoked after the page loaded)', async () => {
    const answers = [
      { status: 200, body: { data: null, errors: [{ message: 'forbidden', extensions: { code: 'FORBIDDEN' } }] } },
      {
        status: 401,
        body: { errors: [{ message: 'unauthenticated: expired', extensions: { code: 'UNAUTHENTICATED' } }] },
      },
    ];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async () => {
      const { status, body } = answers.shift()!;
      // jsdom has no Response: what urql's fetch reads of one.
      const headers = { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) };
      return { status, statusText: '', headers, text: async () => JSON.stringify(body), json: async () => body };
    }) as unknown as typeof fetch;
    try {
      let ended = 0;
      const client = apiClient('token', () => (ended += 1));
      const first = await client.query('{ a }', {}, { requestPolicy: 'network-only' }).toPromise();
      expect(first.error?.graphQLErrors[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(ended).toBe(0);
      const second = await client.query('{ b }', {}, { requestPolicy: 'network-only' }).toPromise();
      expect(second.error?.graphQLErrors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(ended).toBe(1);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
