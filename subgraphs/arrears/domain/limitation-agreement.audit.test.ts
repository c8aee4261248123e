import { validateCollectionAction } from './collection-action';
import { isTimeBarred, limitationEndsOn } from './limitation';

// Auditor helper-268 (arrears). The January 2021 fee, due 2021-01-31, whose period ended on 2024-01-31 (Civil Code
// art. 188). On 2024-03-01 the street office's mediation committee mediates it and on 2024-03-15 the owner signs a
// mediation agreement to pay it (outcome AGREED). An agreement of both parties on the original debt after the period
// ran out waives the limitation defence: SPC provisions on limitation (法释〔2020〕17号) art. 19 para. 2, "当事人双方就
// 原债务达成新的协议，债权人主张义务人放弃诉讼时效抗辩权的，人民法院应予支持", like the debtor's agreement to pay of
// Civil Code art. 192 para. 2 ("诉讼时效期间届满后，义务人同意履行的，不得以诉讼时效期间届满为由抗辩"), which the hub
// already honours for a PAYMENT_PROMISE or an INSTALMENT_PLAN (limitation.ts isDebtorAgreement). The hub treats the
// agreed mediation as a demand made too late: the month stays time-barred, so when the owner breaks the agreement and
// the company opens a new case, the referral leaves the month out as TIME_BARRED.
const JAN = { chargeId: 'c-2021-01', dueOn: '2021-01-31' };
const agreed = validateCollectionAction({
  kind: 'MEDIATION_SESSION',
  on: '2024-03-01',
  chargeIds: [JAN.chargeId],
  mediator: '天通苑南街道人民调解委员会',
  outcome: 'AGREED',
  outcomeOn: '2024-03-15',
});
const promise = validateCollectionAction({
  kind: 'PAYMENT_PROMISE',
  on: '2024-03-15',
  chargeIds: [JAN.chargeId],
  promisedBy: '2024-04-15',
});

describe('limitation (helper-268): a mediation agreement to pay, reached after the period ran out', () => {
  it('revives the claim as a promise to pay does (art. 192 para. 2; SPC limitation provisions art. 19 para. 2)', () => {
    // The owner's promise alone, the same day, revives the month: three years from 2024-03-15.
    expect(limitationEndsOn(JAN, [promise])).toBe('2027-03-15');
    // The agreement signed before the mediator does not: the hub shows 2024-01-31, and the month time-barred.
    expect(limitationEndsOn(JAN, [agreed])).toBe('2027-03-15');
    expect(isTimeBarred(JAN, [agreed], '2025-06-01')).toBe(false);
  });
});
