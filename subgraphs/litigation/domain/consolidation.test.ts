import { rejection } from '../../../test/support/rejection';
import { ReferralForConsolidation, consolidate, consolidationGroupKey, splitBatch } from './consolidation';

const referral = (referralId: string, overrides: Partial<ReferralForConsolidation> = {}): ReferralForConsolidation => ({
  referralId,
  courtId: 'bj-haidian',
  plaintiffId: 'company-1',
  areaId: 'xueyuan-nanlu-32',
  contractId: 'contract-2022',
  ...overrides,
});
const shape = (batches: ReturnType<typeof consolidate>) =>
  batches.map((b) => [b.contractId, b.courtId, b.areaId, b.plaintiffId, b.referralIds, b.splitFrom === null]);

describe('consolidated hearings', () => {
  it.each<[string, ReferralForConsolidation[], number]>([
    ['same court, plaintiff, compound and contract: one batch', [referral('r1'), referral('r2'), referral('r3')], 1],
    [
      'another contract in the same compound: two batches',
      [referral('r1'), referral('r2', { contractId: 'contract-2025' })],
      2,
    ],
    ['another court: two batches', [referral('r1'), referral('r2', { courtId: 'bj-xicheng' })], 2],
    ['another compound: two batches', [referral('r1'), referral('r2', { areaId: 'guanganmen-20' })], 2],
    ['another plaintiff: two batches', [referral('r1'), referral('r2', { plaintiffId: 'company-2' })], 2],
    ['nothing to batch', [], 0],
  ])('%s', (_label, referrals, count) => {
    const batches = consolidate(referrals);
    expect(batches).toHaveLength(count);
    expect(batches.flatMap((b) => b.referralIds).sort()).toEqual(referrals.map((r) => r.referralId).sort());
  });

  it('gives the same keys and order whatever order the referrals come in', () => {
    const referrals = [referral('r3'), referral('r1', { contractId: 'contract-2025' }), referral('r2')];
    const a = consolidate(referrals);
    const b = consolidate([...referrals].reverse());
    expect(b).toEqual(a);
    expect(a.map((x) => x.batchKey)).toEqual(a.map((x) => x.groupKey));
    expect(a.every((x) => /^[0-9a-f]{64}$/.test(x.batchKey))).toBe(true);
    expect(a.find((x) => x.contractId === 'contract-2022')?.referralIds).toEqual(['r2', 'r3']);
  });

  it('keys a group by its four fields only, without separator ambiguity', () => {
    const fields = { courtId: 'a|b', plaintiffId: 'c', areaId: 'd', contractId: 'e' };
    expect(consolidationGroupKey(fields)).toBe(consolidationGroupKey({ ...fields }));
    expect(consolidationGroupKey(fields)).not.toBe(
      consolidationGroupKey({ ...fields, courtId: 'a', plaintiffId: 'b|c' }),
    );
  });

  it('keeps the keys stored and published before the area was called areaId', () => {
    // sha256 of {"compoundId":"xueyuan-nanlu-32","contractId":"contract-2022","courtId":"bj-haidian","plaintiffId":"company-1"}
    expect(consolidationGroupKey(referral('r1'))).toBe(
      '7370512b88639365208b5efd62840ebe40f689536330810cf4972f1f6fcb4911',
    );
  });

  describe('splitting a batch', () => {
    const [base] = consolidate([referral('r1'), referral('r2'), referral('r3')]);

    it('moves the leaving referrals into a new batch of the same group, keeping the base key', () => {
      const { remaining, split } = splitBatch(base, ['r3', 'r2', 'r3']);
      expect(remaining).toEqual({ ...base, referralIds: ['r1'] });
      expect(split).toMatchObject({
        groupKey: base.groupKey,
        referralIds: ['r2', 'r3'],
        splitFrom: base.batchKey,
        contractId: 'contract-2022',
      });
      expect(split.batchKey).not.toBe(base.batchKey);
      expect(splitBatch(base, ['r2', 'r3']).split.batchKey).toBe(split.batchKey); // a retried split gives the same key
    });

    it('names at most 20 of the ids not in the batch, and how many there were', () => {
      const strangers = Array.from({ length: 5000 }, (_, i) => `x${String(i).padStart(4, '0')}`);
      expect(() => splitBatch(base, ['r2', ...strangers])).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: { problems: ['NOT_IN_BATCH'], notInBatch: strangers.slice(0, 20), notInBatchCount: 5000 },
        }),
      );
    });

    it('keeps the split when batches are recomputed, and sends newcomers to the base batch', () => {
      const { remaining, split } = splitBatch(base, ['r2']);
      const batches = consolidate([referral('r1'), referral('r2'), referral('r3'), referral('r4')], [remaining, split]);
      expect(shape(batches)).toEqual([
        ['contract-2022', 'bj-haidian', 'xueyuan-nanlu-32', 'company-1', ['r1', 'r3', 'r4'], true],
        ['contract-2022', 'bj-haidian', 'xueyuan-nanlu-32', 'company-1', ['r2'], false],
      ]);
      expect(batches.map((b) => b.batchKey)).toEqual([base.batchKey, split.batchKey]);
    });

    it('drops closed referrals and empty batches, and regroups a referral whose contract was corrected', () => {
      const { remaining, split } = splitBatch(base, ['r2']);
      const batches = consolidate(
        [referral('r1'), referral('r3', { contractId: 'contract-2025' })],
        [remaining, split],
      );
      const summary = batches
        .map((b) => `${b.contractId}: ${b.referralIds.join(',')}${b.splitFrom === null ? '' : ' (split)'}`)
        .sort();
      expect(summary).toEqual(['contract-2022: r1', 'contract-2025: r3']);
      expect(batches.some((b) => b.batchKey === split.batchKey)).toBe(false);
    });

    it.each<[string, string[], string[]]>([
      ['nobody leaving', [], ['EMPTY_SPLIT']],
      ['a referral not in the batch', ['r1', 'r9'], ['NOT_IN_BATCH']],
      ['everybody leaving', ['r1', 'r2', 'r3'], ['SPLIT_TAKES_ALL']],
    ])('refuses %s', (_label, leaving, problems) => {
      const error = rejection(() => splitBatch(base, leaving));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details?.problems).toEqual(problems);
    });
  });

  it('refuses a referral listed twice, a blank field, or one referral in two batches', () => {
    expect(
      Object.keys(
        rejection(() => consolidate([referral('r1'), referral('r1'), referral('r2', { courtId: ' ' })])).details
          ?.fields as object,
      ),
    ).toEqual(['referrals[1]', 'referrals[2]']);
    const [base] = consolidate([referral('r1'), referral('r2')]);
    expect(rejection(() => consolidate([referral('r1')], [base, base])).details?.problems).toEqual([
      'REFERRAL_IN_TWO_BATCHES',
    ]);
  });
});
