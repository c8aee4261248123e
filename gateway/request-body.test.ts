import { GraphQLError } from 'graphql';
import { useRequestBody } from './request-body';

describe('the request body plugin', () => {
  it('refuses to read the body of a request admission did not admit: it would have no limit to be counted against', () => {
    const onRequestParse = useRequestBody().onRequestParse as (payload: { request: Request }) => unknown;
    const request = new Request('http://127.0.0.1/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: '{"query":"{ items { id } }"}',
    });
    let refusal: unknown;
    try {
      onRequestParse({ request });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(GraphQLError);
    expect((refusal as GraphQLError).extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  });
});
