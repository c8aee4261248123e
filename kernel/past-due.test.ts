import { isPastDue } from './past-due';

describe('isPastDue: in arrears only after the due date (Civil Code art. 944 para. 2)', () => {
  it.each([
    // The case: December's fee, due on its last day, is not arrears on 1 December.
    ['2026-12-31', '2026-12-01', false],
    ['2026-12-31', '2026-12-31', false],
    ['2026-12-31', '2027-01-01', true],
    ['2026-11-30', '2026-12-01', true],
  ])('due %s, as of %s: %s', (dueOn, asOf, pastDue) => {
    expect(isPastDue(dueOn, asOf)).toBe(pastDue);
  });
});
