import { rejection } from '../../../test/support/rejection';
import {
  Adjustment,
  AppliedAmount,
  adjustCharge,
  allocatePayment,
  applyCredits,
  payersCharges,
  raisesClaimBeforeCourt,
  sharedInProportion,
} from './allocation';
import { Charge, openFen } from './charge';

/** Seed 003: 56.78 m² high-rise at ¥1.67 is 9,482 fen a month. Listed out of order on purpose. */
const MONTHLY = 9_482;
const charge = (month: string, paidFen = 0, waivedFen = 0, amountFen = MONTHLY): Charge => ({
  chargeId: `c-${month}`,
  month,
  dueOn: `${month}-28`,
  amountFen,
  paidFen,
  waivedFen,
});
const ledger: Charge[] = [charge('2024-03'), charge('2024-01', 2_000), charge('2024-02', 0, 482)];
// Open: 2024-01 7,482; 2024-02 9,000; 2024-03 9,482; 25,964 in all.

describe('allocatePayment', () => {
  it.each<[string, number, string[], AppliedAmount[], number]>([
    ['a small payment to the oldest month', 5_000, [], [{ chargeId: 'c-2024-01', fen: 5_000 }], 0],
    [
      'oldest first across months',
      20_000,
      [],
      [
        { chargeId: 'c-2024-01', fen: 7_482 },
        { chargeId: 'c-2024-02', fen: 9_000 },
        { chargeId: 'c-2024-03', fen: 3_518 },
      ],
      0,
    ],
    [
      'everything, the rest a credit',
      30_000,
      [],
      [
        { chargeId: 'c-2024-01', fen: 7_482 },
        { chargeId: 'c-2024-02', fen: 9_000 },
        { chargeId: 'c-2024-03', fen: 9_482 },
      ],
      4_036,
    ],
    [
      'to the designated month only, the rest a credit',
      10_000,
      ['c-2024-03'],
      [{ chargeId: 'c-2024-03', fen: 9_482 }],
      518,
    ],
    [
      'to designated months in the order designated',
      12_000,
      ['c-2024-03', 'c-2024-01'],
      [
        { chargeId: 'c-2024-03', fen: 9_482 },
        { chargeId: 'c-2024-01', fen: 2_518 },
      ],
      0,
    ],
  ])('applies %s', (_name, paymentFen, designated, applied, creditFen) => {
    const result = allocatePayment(ledger, paymentFen, designated);
    expect(result.applied).toEqual(applied);
    expect(result.creditFen).toBe(creditFen);
    // Nothing is lost or made up, and no charge goes below zero.
    expect(applied.reduce((sum, a) => sum + a.fen, 0) + creditFen).toBe(paymentFen);
    result.charges.forEach((c) => expect(openFen(c)).toBeGreaterThanOrEqual(0));
    expect(result.charges.map((c) => c.chargeId)).toEqual(ledger.map((c) => c.chargeId));
  });

  it('raises paidFen by what each charge received and leaves the others untouched', () => {
    const { charges } = allocatePayment(ledger, 10_000);
    expect(charges.map((c) => [c.chargeId, c.paidFen, openFen(c)])).toEqual([
      ['c-2024-03', 0, MONTHLY],
      ['c-2024-01', 9_482, 0],
      ['c-2024-02', 2_518, 6_482],
    ]);
    expect(charges[0]).toBe(ledger[0]);
  });

  it.each<[string, Charge[], string[]]>([
    [
      'a month billed late goes after the month that fell due first (art. 560 para. 2)',
      [{ ...charge('2024-01'), dueOn: '2024-03-15' }, charge('2024-02')],
      ['c-2024-02', 'c-2024-01'],
    ],
    [
      'charges due the same day go oldest month first',
      [{ ...charge('2024-02'), dueOn: '2024-03-28' }, charge('2024-03'), { ...charge('2024-01'), dueOn: '2024-03-28' }],
      ['c-2024-01', 'c-2024-02', 'c-2024-03'],
    ],
  ])('orders undesignated payments: %s', (_name, charges, order) => {
    expect(allocatePayment(charges, 100 * MONTHLY).applied.map((a) => a.chargeId)).toEqual(order);
  });

  it('shares what is left among charges due the same day in proportion to what each has open (art. 560 para. 2)', () => {
    // January billed late, due with March on 28 March; 2,000 of January paid already: 7,482 and 9,482 open.
    const charges = [charge('2024-03'), { ...charge('2024-01', 2_000), dueOn: '2024-03-28' }, charge('2024-04')];
    // 5,000 × 7,482 / 16,964 = 2,205.25 and × 9,482 / 16,964 = 2,794.74: the fen left by rounding to March.
    // Before, January took all 5,000 as the older month.
    expect(allocatePayment(charges, 5_000).applied).toEqual([
      { chargeId: 'c-2024-01', fen: 2_205 },
      { chargeId: 'c-2024-03', fen: 2_795 },
    ]);
    // What covers both pays both in full, the rest to April, which fell due later.
    expect(allocatePayment(charges, 20_000).applied).toEqual([
      { chargeId: 'c-2024-01', fen: 7_482 },
      { chargeId: 'c-2024-03', fen: 9_482 },
      { chargeId: 'c-2024-04', fen: 3_036 },
    ]);
    // Ranked first (due when paid, carrying a late fee), the shared day comes only among charges of the same rank.
    const priority = { paidOn: '2024-03-28', carryingLateFee: new Set(['c-2024-03']) };
    expect(allocatePayment(charges, 5_000, [], priority).applied).toEqual([{ chargeId: 'c-2024-03', fen: 5_000 }]);
  });

  it.each<[number, number[], number[]]>([
    [10, [3, 3, 3], [3, 3, 3]],
    [2, [3, 3, 3], [1, 1, 0]],
    [7, [1, 0, 6], [1, 0, 6]],
    [1, [9_007_199_254_740, 9_007_199_254_740], [1, 0]],
    [9_007_199_254_739, [9_007_199_254_740, 1], [9_007_199_254_738, 1]],
  ])('shares %d fen among debts open %j as %j, to the fen', (fen, open, shares) => {
    expect(sharedInProportion(fen, open)).toEqual(shares);
    expect(shares.reduce((sum, x) => sum + x, 0)).toBe(
      Math.min(
        fen,
        open.reduce((sum, o) => sum + o, 0),
      ),
    );
  });

  describe('by art. 560 para. 2 (PaymentPriority)', () => {
    // A contract without late-fee terms until February 2024, one with them (a 违约金) from March; paid 10 May 2024.
    const months = [charge('2024-01'), charge('2024-02'), charge('2024-03'), charge('2024-04'), charge('2024-05')];
    const carryingLateFee = new Set(['c-2024-03', 'c-2024-04', 'c-2024-05']);
    const order = (paidOn: string, fen = 100 * MONTHLY) =>
      allocatePayment(months, fen, [], { paidOn, carryingLateFee }).applied.map((a) => a.chargeId);

    it('pays the due months carrying a late fee first, oldest first, then the other due months, then those not yet due', () => {
      expect(order('2024-05-10')).toEqual(['c-2024-03', 'c-2024-04', 'c-2024-01', 'c-2024-02', 'c-2024-05']);
    });

    it('counts a month due on the day paid as due ("已经到期"), the day itself included', () => {
      expect(order('2024-05-28')).toEqual(['c-2024-03', 'c-2024-04', 'c-2024-05', 'c-2024-01', 'c-2024-02']);
    });

    it('pays a month not yet due last, though it carries a late fee', () => {
      expect(order('2024-03-27', 2 * MONTHLY)).toEqual(['c-2024-01', 'c-2024-02']);
    });

    it('keeps the due-date order where no charge carries a late fee (equal burdens)', () => {
      const applied = allocatePayment(months, 100 * MONTHLY, [], { paidOn: '2024-05-10', carryingLateFee: new Set() });
      expect(applied.applied.map((a) => a.chargeId)).toEqual(months.map((c) => c.chargeId));
    });

    it('leaves a designation as the payer made it', () => {
      const applied = allocatePayment(months, MONTHLY, ['c-2024-01'], { paidOn: '2024-05-10', carryingLateFee });
      expect(applied.applied).toEqual([{ chargeId: 'c-2024-01', fen: MONTHLY }]);
    });
  });

  it('gives a settled designated charge nothing: the whole payment is a credit', () => {
    expect(allocatePayment([charge('2024-01', MONTHLY)], 100, ['c-2024-01'])).toMatchObject({
      applied: [],
      creditFen: 100,
    });
  });

  it.each([0, -100, 12.5, Number.NaN])('refuses a payment of %p fen', (fen) => {
    const error = rejection(() => allocatePayment(ledger, fen));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ fields: { paymentFen: 'must be whole fen, more than 0' } });
  });

  it.each<[string[], unknown[]]>([
    [['c-1999-01'], [{ code: 'UNKNOWN_CHARGE', chargeId: 'c-1999-01' }]],
    [['c-2024-01', 'c-2024-01'], [{ code: 'DUPLICATE_DESIGNATION', chargeId: 'c-2024-01' }]],
  ])('refuses the designation %j', (designated, problems) => {
    const error = rejection(() => allocatePayment(ledger, 1_000, designated));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ problems });
  });
});

describe('payersCharges', () => {
  it('leaves money paid without designation the months of whoever owned the flat that day (arts. 560, 944)', () => {
    // Sold on 15 February 2024: January and February are (in part) the former owner's.
    const months = (cs: readonly Charge[]) => cs.map((c) => c.month);
    expect(months(payersCharges(ledger, '2024-02-15', '2024-04-02'))).toEqual(['2024-03']);
    expect(months(payersCharges(ledger, '2024-02-01', '2024-04-02'))).toEqual(['2024-03', '2024-02']);
    // Paid before the sale: the former owner's money pays their own months.
    expect(months(payersCharges(ledger, '2024-02-15', '2024-02-10'))).toEqual(['2024-01', '2024-02']);
    expect(payersCharges(ledger, null, '2024-04-02')).toEqual(ledger);
    // The new owner's 9,482 fen pays March, not the former owner's January.
    expect(allocatePayment(payersCharges(ledger, '2024-02-15', '2024-04-02'), MONTHLY).applied).toEqual([
      { chargeId: 'c-2024-03', fen: MONTHLY },
    ]);
  });
});

describe('applyCredits', () => {
  it('sets credits, earliest paid first, against the open charges earliest due first, holding what none takes', () => {
    const { applied, charges } = applyCredits(
      [
        { paymentId: 'p-early', fen: 10_000, paidOn: '2024-01-05' },
        { paymentId: 'p-late', fen: 20_000, paidOn: '2024-01-20' },
      ],
      ledger,
    );
    expect(applied).toEqual([
      { paymentId: 'p-early', chargeId: 'c-2024-01', fen: 7_482 },
      { paymentId: 'p-early', chargeId: 'c-2024-02', fen: 2_518 },
      { paymentId: 'p-late', chargeId: 'c-2024-02', fen: 6_482 },
      { paymentId: 'p-late', chargeId: 'c-2024-03', fen: 9_482 },
    ]);
    // 30,000 held, 25,964 open: 4,036 of the later payment stays held.
    expect(charges.map(openFen)).toEqual([0, 0, 0]);
    expect(applied.reduce((sum, a) => sum + a.fen, 0)).toBe(25_964);
  });

  it('sets each credit against the months of whoever owned the flat when it was paid', () => {
    // Sold on 15 February 2024: the former owner's advance of 1 February pays January; the buyer's of 1 March, March.
    const { applied, charges } = applyCredits(
      [
        { paymentId: 'p-former', fen: 7_482, paidOn: '2024-02-01' },
        { paymentId: 'p-buyer', fen: 9_482, paidOn: '2024-03-01' },
      ],
      ledger,
      '2024-02-15',
    );
    expect(applied).toEqual([
      { paymentId: 'p-former', chargeId: 'c-2024-01', fen: 7_482 },
      { paymentId: 'p-buyer', chargeId: 'c-2024-03', fen: 9_482 },
    ]);
    // February, the month of the sale, is left to be paid by name.
    expect(charges.map(openFen)).toEqual([0, 0, 9_000]);
  });

  it('sets credits against the due months carrying a late fee first (art. 560 para. 2), as of the day set off', () => {
    const { applied } = applyCredits([{ paymentId: 'p', fen: 10_000, paidOn: '2024-01-05' }], ledger, null, {
      paidOn: '2024-04-01',
      carryingLateFee: new Set(['c-2024-03']),
    });
    expect(applied).toEqual([
      { paymentId: 'p', chargeId: 'c-2024-03', fen: 9_482 },
      { paymentId: 'p', chargeId: 'c-2024-01', fen: 518 },
    ]);
  });

  it('applies nothing when nothing is open, and keeps every field of the charges', () => {
    const settled = [charge('2024-04', MONTHLY)];
    expect(applyCredits([{ paymentId: 'p', fen: 5_000, paidOn: '2024-04-01' }], settled)).toEqual({
      applied: [],
      charges: settled,
    });
    const extra = [{ ...charge('2024-05'), kind: 'SERVICE_FEE' as const }];
    expect(applyCredits([{ paymentId: 'p', fen: 100, paidOn: '2024-05-01' }], extra).charges[0]).toMatchObject({
      kind: 'SERVICE_FEE',
      paidFen: 100,
    });
  });
});

describe('adjustCharge', () => {
  // 9,482 billed, 2,000 paid, 482 waived: 7,000 open.
  const base = charge('2024-01', 2_000, 482);

  it.each<[string, Adjustment, Partial<Charge>, number]>([
    [
      'a waiver of part of what is open',
      { kind: 'WAIVER', fen: 1_000, reason: '调解协议减免' },
      { waivedFen: 1_482 },
      6_000,
    ],
    ['a waiver of all of it', { kind: 'WAIVER', fen: 7_000, reason: '调解协议减免' }, { waivedFen: 7_482 }, 0],
    // 50.00 m² instead of 56.78 m²: 50 × ¥1.67 = 8,350 fen.
    [
      'a correction of the floor area',
      { kind: 'CORRECTION', amountFen: 8_350, reason: '按房本面积更正' },
      { amountFen: 8_350, waivedFen: 482 },
      5_868,
    ],
    [
      'a correction down to what was paid: the waiver shrinks to nothing',
      { kind: 'CORRECTION', amountFen: 2_000, reason: '重复计费' },
      { amountFen: 2_000, waivedFen: 0 },
      0,
    ],
    [
      'a correction into the waiver: the waiver shrinks to what is left',
      { kind: 'CORRECTION', amountFen: 2_300, reason: '重复计费' },
      { amountFen: 2_300, waivedFen: 300 },
      0,
    ],
    [
      'a correction upwards',
      { kind: 'CORRECTION', amountFen: 10_000, reason: '费率更正' },
      { amountFen: 10_000, waivedFen: 482 },
      7_518,
    ],
  ])('applies %s', (_name, adjustment, changed, open) => {
    const result = adjustCharge(base, adjustment);
    expect(result.charge).toEqual({ ...base, ...changed });
    expect(openFen(result.charge)).toBe(open);
  });

  it('returns the reason trimmed', () => {
    expect(adjustCharge(base, { kind: 'WAIVER', fen: 1, reason: '  困难户减免 ' }).adjustment).toEqual({
      kind: 'WAIVER',
      fen: 1,
      reason: '困难户减免',
    });
  });

  it.each<[string, Adjustment, Record<string, unknown>]>([
    [
      'a waiver without reason',
      { kind: 'WAIVER', fen: 100, reason: ' ' },
      { fields: { reason: 'give the reason for the adjustment' } },
    ],
    [
      'a waiver of 0',
      { kind: 'WAIVER', fen: 0, reason: 'x' },
      { fields: { fen: 'a waiver must be whole fen, more than 0' } },
    ],
    [
      'a waiver above what is open',
      { kind: 'WAIVER', fen: 7_001, reason: 'x' },
      { problems: [{ code: 'WAIVER_EXCEEDS_OPEN', chargeId: 'c-2024-01', openFen: 7_000, fen: 7_001 }] },
    ],
    [
      'a negative correction',
      { kind: 'CORRECTION', amountFen: -1, reason: 'x' },
      { fields: { amountFen: 'the corrected amount must be whole fen, 0 or more' } },
    ],
    [
      'a correction below what was paid',
      { kind: 'CORRECTION', amountFen: 1_999, reason: 'x' },
      { problems: [{ code: 'CORRECTION_BELOW_PAID', chargeId: 'c-2024-01', paidFen: 2_000, amountFen: 1_999 }] },
    ],
  ])('refuses %s', (_name, adjustment, details) => {
    const error = rejection(() => adjustCharge(base, adjustment));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual(details);
  });

  it('waives the late fee of a charge that runs one, once, leaving its principal as it is', () => {
    const waiver: Adjustment = { kind: 'LATE_FEE_WAIVER', reason: ' 业主补缴本金，免收滞纳金 ' };
    expect(adjustCharge(base, waiver, { waived: false, runs: true })).toEqual({
      charge: base,
      adjustment: { kind: 'LATE_FEE_WAIVER', reason: '业主补缴本金，免收滞纳金' },
    });
    for (const [lateFee, code] of [
      [{ waived: false, runs: false }, 'NO_LATE_FEE'],
      [undefined, 'NO_LATE_FEE'],
      [{ waived: true, runs: true }, 'LATE_FEE_ALREADY_WAIVED'],
    ] as const) {
      const error = rejection(() => adjustCharge(base, waiver, lateFee));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details).toEqual({ problems: [{ code, chargeId: 'c-2024-01' }] });
    }
  });
});

describe('raisesClaimBeforeCourt', () => {
  const fee = { amountFen: 9_482, dueOn: '2026-07-31' };
  it('refuses raising a fee the referral could claim while a court holds the account, and nothing else', () => {
    for (const status of ['REFERRED', 'IN_LITIGATION', 'JUDGED'] as const) {
      expect(raisesClaimBeforeCourt(status, fee, 9_483, '2026-09-01')).toBe(true);
      expect(raisesClaimBeforeCourt(status, fee, 9_483, null)).toBe(true);
      expect(raisesClaimBeforeCourt(status, fee, 9_482, '2026-09-01')).toBe(false);
      expect(raisesClaimBeforeCourt(status, fee, 5_000, '2026-09-01')).toBe(false);
    }
    for (const status of ['CURRENT', 'IN_COLLECTION', 'MEDIATION', 'SETTLED', 'WRITTEN_OFF'] as const)
      expect(raisesClaimBeforeCourt(status, fee, 20_000, '2026-09-01')).toBe(false);
    expect(raisesClaimBeforeCourt('JUDGED', fee, '20000', '2026-09-01')).toBe(false);
  });

  it('leaves a fee that fell due on or after the referral day to the company: no part of the case', () => {
    expect(raisesClaimBeforeCourt('IN_LITIGATION', fee, 9_483, '2026-07-31')).toBe(false);
    expect(raisesClaimBeforeCourt('IN_LITIGATION', fee, 9_483, '2026-08-01')).toBe(true);
  });
});
