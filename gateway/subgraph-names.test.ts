import { subgraphNamer } from './subgraph-names';

describe('the subgraph behind a fetch URL', () => {
  const name = subgraphNamer({ areas: 'http://127.0.0.1:4001/graphql', arrears: 'http://127.0.0.1:4002/graphql' });

  it('names the subgraph by the URL origin, the same on every fetch', () => {
    for (let i = 0; i < 2; i++) {
      expect(name('http://127.0.0.1:4001/graphql')).toBe('areas');
      expect(name('http://127.0.0.1:4002/graphql?x=1')).toBe('arrears');
    }
  });

  it("names any other origin 'unknown', also once remembered", () => {
    for (let i = 0; i < 2; i++) expect(name('http://127.0.0.1:4999/graphql')).toBe('unknown');
  });
});
