import { Client, cacheExchange, fetchExchange } from 'urql';

/** The client of the public pages: no token, so only the hub's public operations answer. */
export function publicClient(): Client {
  return new Client({ url: '/graphql', exchanges: [cacheExchange, fetchExchange], preferGetMethod: false });
}

/** The GraphQL client of a session: the hub's own /graphql, the caller's token on every request. */
export function apiClient(token: string): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
  });
}
