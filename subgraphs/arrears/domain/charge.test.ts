import { rejection } from '../../../test/support/rejection';
import { Charge, openFen } from './charge';

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
