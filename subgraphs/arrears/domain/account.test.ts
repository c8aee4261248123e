import { courtAwardOf } from './account';

describe('court awards on an account', () => {
  it('records the judgment on a JUDGED account and the settlement on a SETTLED one, nothing otherwise', () => {
    const reported = { judgedFen: 98_765, settledFen: 50_000 };
    expect(courtAwardOf('JUDGED', reported)).toEqual({ kind: 'JUDGED', fen: 98_765 });
    expect(courtAwardOf('SETTLED', reported)).toEqual({ kind: 'SETTLED', fen: 50_000 });
    expect(courtAwardOf('JUDGED', {})).toEqual({ kind: 'JUDGED', fen: null });
    expect(courtAwardOf('IN_LITIGATION', reported)).toBeNull();
    expect(courtAwardOf('IN_COLLECTION', reported)).toBeNull();
  });
});
