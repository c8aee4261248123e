import { Client, CombinedError, cacheExchange, fetchExchange, mapExchange } from 'urql';

/** The client of the public pages: no token, so only the hub's public operations answer. */
export function publicClient(): Client {
  return new Client({ url: '/graphql', exchanges: [cacheExchange, fetchExchange], preferGetMethod: false });
}

/** Whether the hub refused the session's token (expired, revoked, or a secret rotated): 401 or UNAUTHENTICATED. */
export const isUnauthenticated = (error: CombinedError): boolean =>
  error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');

/**
 * The GraphQL client of a session: the hub's own /graphql, the caller's token on every request. A refused token ends
 * the session (`onUnauthenticated`): the expiry was checked only when the page loaded, so a token that ran out or was
 * revoked afterwards left every screen showing UNAUTHENTICATED instead of the sign-in.
 */
export function apiClient(token: string, onUnauthenticated: () => void = () => undefined): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      fetchExchange,
    ],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
  });
}
