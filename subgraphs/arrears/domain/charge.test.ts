import { rejection } from '../../../test/support/rejection';
import { BilledCharge, Charge, demandsArrears, openFen } from './charge';

const charge = (amountFen: number, paidFen: number, waivedFen: number): Charge => ({
  chargeId: 'c-2024-01',
  month: '2024-01',
  dueOn: '2024-01-31',
  amountFen,
  paidFen,
  waivedFen,
});

describe('openFen', () => {
  it.each<[number, number, number, number]>([
    [9_482, 0, 0, 9_482], // seed 003: 56.78 m² at ¥1.67
    [9_482, 2_000, 482, 7_000],
    [9_482, 9_000, 482, 0],
    [0, 0, 0, 0],
  ])('%i billed, %i paid, %i waived: %i open', (amount, paid, waived, open) => {
    expect(openFen(charge(amount, paid, waived))).toBe(open);
  });

  it.each<[number, number, number]>([
    [9_482, 9_000, 483], // would be -1
    [9_482, -1, 0],
    [94.82, 0, 0],
  ])('refuses %i billed, %i paid, %i waived', (amount, paid, waived) => {
    const error = rejection(() => openFen(charge(amount, paid, waived)));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({
      problems: [
        { code: 'CHARGE_INCONSISTENT', chargeId: 'c-2024-01', amountFen: amount, paidFen: paid, waivedFen: waived },
      ],
    });
  });
});

describe('demandsArrears: only a step demanding arrears takes an account into collection', () => {
  const billed = (chargeId: string, dueOn: string, paidFen: number, voluntary = false): BilledCharge => ({
    chargeId,
    month: dueOn.slice(0, 7),
    dueOn,
    amountFen: 9_482,
    paidFen,
    waivedFen: 0,
    kind: 'SERVICE_FEE',
    levyId: null,
    filingId: null,
    floorAreaCentiM2: 5_678,
    servedDays: null,
    parts: null,
    rateFen: 167,
    voluntary,
  });
  const charges = [
    billed('jan', '2024-01-31', 0),
    billed('feb', '2024-02-29', 9_482),
    billed('mar', '2024-03-31', 0),
    billed('levy', '2024-01-31', 0, true),
  ];

  it('holds for an open charge past due on the step’s day, not for one paid, not yet due, due that day or voluntary', () => {
    expect(demandsArrears(charges, ['jan'], '2024-02-01')).toBe(true);
    expect(demandsArrears(charges, ['feb', 'mar', 'jan'], '2024-04-01')).toBe(true);
    expect(demandsArrears(charges, ['jan'], '2024-01-31')).toBe(false); // the due date itself is not past due
    expect(demandsArrears(charges, ['feb'], '2024-04-01')).toBe(false); // paid
    expect(demandsArrears(charges, ['mar'], '2024-03-15')).toBe(false); // not yet due
    expect(demandsArrears(charges, ['levy'], '2024-04-01')).toBe(false);
    expect(demandsArrears(charges, [], '2024-04-01')).toBe(false);
  });
});
