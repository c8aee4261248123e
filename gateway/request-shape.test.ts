import { isPlainJson, refuseShape } from './request-shape';

describe('the request shapes the edge accepts', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON;charset=UTF-8', true],
    ['application/x-www-form-urlencoded; charset=application/json', false],
    ['application/x-www-form-urlencoded; x=application/json', false],
    ['application/json, application/graphql', false],
    ['application/jsonx', false],
    ['application/json; foo=bar', false],
    ['application/graphql+json', false],
    ['application/graphql', false],
    ['multipart/form-data; boundary=x', false],
    ['text/plain', false],
    [null, false],
  ])('%s: %s', (contentType, expected) => {
    expect(isPlainJson(contentType)).toBe(expected);
  });

  const url = (query: string) => new URL(`http://gateway/graphql?${query}`);

  it('answers 415 to a POST of another type, 405 to other methods, 400 to a GET naming a parameter twice', () => {
    expect(refuseShape('POST', 'text/plain', url(''))?.status).toBe(415);
    expect(refuseShape('PUT', 'application/json', url(''))?.status).toBe(405);
    expect(refuseShape('GET', null, url('query={a}&query={b}'))).toMatchObject({
      status: 400,
      code: 'DUPLICATE_PARAMETER',
    });
    expect(refuseShape('GET', null, url('query={a}&operationName=A&operationName=B'))?.code).toBe(
      'DUPLICATE_PARAMETER',
    );
    expect(refuseShape('GET', null, url('query={a}'))).toBeUndefined();
    expect(refuseShape('POST', 'application/json', url(''))).toBeUndefined();
  });

  it('answers 406 to a request accepting a streamed answer and no JSON, which the answer budget cannot count', () => {
    for (const accept of [
      'text/event-stream',
      'multipart/mixed',
      'Multipart/Mixed;deferSpec=20220824',
      'text/event-stream, application/json; charset=latin1',
    ])
      expect(refuseShape('POST', 'application/json', url(''), accept)).toMatchObject({
        status: 406,
        code: 'NOT_ACCEPTABLE',
      });
    expect(refuseShape('GET', null, url('query={a}'), 'text/event-stream')?.status).toBe(406);
    // JSON among the accepted types wins in the runtime: urql's default Accept lists the streams after JSON.
    for (const accept of [
      null,
      '',
      '*/*',
      'application/*',
      'application/json',
      'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
      'text/event-stream, application/json;charset=utf-8',
    ])
      expect(refuseShape('POST', 'application/json', url(''), accept)).toBeUndefined();
  });
});
