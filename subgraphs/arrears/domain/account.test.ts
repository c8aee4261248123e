import { correctedJudgment, courtAwardOf } from './account';

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

describe('a judgment corrected by ruling (补正裁定)', () => {
  it('replaces the amount on an account JUDGED with another amount recorded, and nothing else', () => {
    const judged = { status: 'JUDGED' as const, judgedFen: 1_234 };
    expect(correctedJudgment(judged, { judgedFen: 1_243 })).toEqual({ kind: 'JUDGED', fen: 1_243 });
    expect(correctedJudgment(judged, { judgedFen: 1_234 })).toBeNull();
    expect(correctedJudgment(judged, {})).toBeNull();
    expect(correctedJudgment({ status: 'SETTLED', judgedFen: null }, { judgedFen: 1_243 })).toBeNull();
    expect(correctedJudgment({ status: 'JUDGED', judgedFen: null }, { judgedFen: 1_243 })).toBeNull();
  });
});
