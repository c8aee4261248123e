import { CollectionAction, validateCollectionAction } from './collection-action';
import { LimitationEvent, isTimeBarred, limitationEndsOn, limitationHeldOpen } from './limitation';

/** The January 2021 fee, due on 2021-01-31: without interruption its period ends 2024-01-31 (arts. 188, 201–202). */
const JAN = { chargeId: 'c-2021-01', dueOn: '2021-01-31' };
const OTHER = 'c-2021-02';

const action = (
  kind: string,
  on: string,
  extra: Record<string, unknown> = {},
  chargeIds = [JAN.chargeId],
): CollectionAction => validateCollectionAction({ kind, on, chargeIds, ...extra });
/** A demand letter that reached the owner the day it was sent unless said otherwise (null: arrival not recorded). */
const letter = (on: string, chargeIds?: string[], deliveredOn: string | null = on) =>
  action('LETTER', on, { deliveredOn }, chargeIds);
const partPayment = (on: string): LimitationEvent => ({ kind: 'PART_PAYMENT', on, chargeIds: [JAN.chargeId] });
const mediation = (on: string, outcome: string, outcomeOn: string | null) =>
  action('MEDIATION_SESSION', on, { mediator: '天通苑南街道人民调解委员会', outcome, outcomeOn });
/** A suit claiming JAN (unless said otherwise), submitted on `on`, its proceedings ended on `endedOn` (null: pending). */
const suit = (on: string, endedOn: string | null, chargeIds = [JAN.chargeId]): LimitationEvent => ({
  kind: 'SUIT',
  on,
  chargeIds,
  endedOn,
});

describe('limitationEndsOn', () => {
  it('ends on the next working day when the third anniversary is a rest day or holiday (Civil Code art. 203)', () => {
    // Due Monday 2023-10-02; three years on is Friday 2026-10-02, in the National Day holiday (1–7 October 2026).
    expect(limitationEndsOn({ chargeId: 'c-2023-09', dueOn: '2023-10-02' }, [])).toBe('2026-10-08');
    // A demand made on that moved last day is still in time and restarts the period.
    const moved = { chargeId: 'c-2023-09', dueOn: '2023-10-02' };
    expect(limitationEndsOn(moved, [letter('2026-10-08', [moved.chargeId])])).toBe('2029-10-08');
    expect(isTimeBarred(moved, [], '2026-10-08')).toBe(false);
    expect(isTimeBarred(moved, [], '2026-10-09')).toBe(true);
  });

  it('calls nothing time-barred while its last day lies past the holiday data (art. 203 may still move it)', () => {
    // A part payment on Tuesday 2023-12-26 restarts the period: three years on is Saturday 2026-12-26, past the
    // packaged data (to 2026-12-24). Before, the month was barred on Monday the 28th, which 2027's arrangement may
    // leave the last day; the plain day is still shown as the earliest the period can end.
    const paid = { chargeId: 'c-2023-06', dueOn: '2023-06-30' };
    const payment: LimitationEvent = { kind: 'PART_PAYMENT', on: '2023-12-26', chargeIds: [paid.chargeId] };
    expect(limitationEndsOn(paid, [payment])).toBe('2026-12-26');
    expect(isTimeBarred(paid, [payment], '2026-12-28')).toBe(false);
    // Within the data, the day after the last day is barred as before: Friday 2026-12-18.
    expect(isTimeBarred({ chargeId: 'c', dueOn: '2023-12-18' }, [], '2026-12-21')).toBe(true);
  });

  it.each<[string, LimitationEvent[], string]>([
    ['no interruption: three years from the due date', [], '2024-01-31'],
    // 2025-06-15 is a Sunday: art. 203 ends the period on Monday the 16th.
    ['a letter restarts the period from the day it reached the owner', [letter('2022-06-15')], '2025-06-16'],
    [
      'from its arrival, not from its sending (法释〔2020〕17号 art. 8 item 2)',
      [letter('2022-06-08', undefined, '2022-06-15')],
      '2025-06-16',
    ],
    [
      'a letter whose arrival is not recorded interrupts nothing',
      [letter('2022-06-15', undefined, null)],
      '2024-01-31',
    ],
    [
      'a letter stored before arrivals were recorded still counts from its sending, as the hub counted it',
      [{ kind: 'LETTER', on: '2022-06-15', chargeIds: [JAN.chargeId], note: null }],
      '2025-06-16',
    ],
    [
      'a letter sent before the last day that arrives after it comes too late',
      [letter('2024-01-29', undefined, '2024-02-01')],
      '2024-01-31',
    ],
    ['a letter arriving on the last day is in time', [letter('2024-01-26', undefined, '2024-01-31')], '2027-01-31'],
    [
      'a demand for another month does not touch this one (each month is its own claim)',
      [letter('2022-06-15', [OTHER])],
      '2024-01-31',
    ],
    [
      'a demand on or before the due date interrupts nothing: there was no claim yet',
      [letter('2021-01-31'), letter('2021-01-15')],
      '2024-01-31',
    ],
    [
      'a mediation applied for before the charge fell due was not about it',
      [mediation('2021-01-20', 'FAILED', '2022-03-01')],
      '2024-01-31',
    ],
    // 2027-01-31 (a Sunday) lies past the holiday data (to 2026-12-24): the plain last day is kept, not refused.
    ['a demand on the last day is still in time', [letter('2024-01-31')], '2027-01-31'],
    ['a demand the day after expiry does NOT revive the claim', [letter('2024-02-01')], '2024-01-31'],
    [
      'demands chain, each in time of the period the last one started',
      [letter('2025-06-01'), letter('2022-06-15')],
      '2028-06-01',
    ],
    // 2025-03-01 is a Saturday: art. 203 ends the period on Monday 3 March.
    ['a notice posted at the door', [action('NOTICE_POSTED', '2022-03-01', { reached: true })], '2025-03-03'],
    // 法释〔2020〕17号 art. 8 item 1: a notice proves no arrival posted only at the building entrance (helper-208:
    // before, every posted notice interrupted, and this month was shown claimable until 2025-03-03).
    [
      'a notice that did not reach the owner interrupts nothing',
      [action('NOTICE_POSTED', '2022-03-01', { reached: false })],
      '2024-01-31',
    ],
    [
      'a notice recorded before it was asked counts as it did',
      [{ kind: 'NOTICE_POSTED', on: '2022-03-01', chargeIds: [JAN.chargeId], note: null }],
      '2025-03-03',
    ],
    ['a QQ message', [action('MESSAGE', '2022-03-01', { channel: 'QQ' })], '2025-03-03'],
    ['an unanswered call demands nothing', [action('CALL', '2022-03-01', { reached: false })], '2024-01-31'],
    ['a visit that met the owner', [action('VISIT', '2022-03-01', { reached: true })], '2025-03-03'],
    [
      'the owner promising to pay (art. 195 item 2)',
      [action('PAYMENT_PROMISE', '2023-11-20', { promisedBy: '2023-12-31' })],
      '2026-11-20',
    ],
    ['a part payment (art. 195 item 2)', [partPayment('2023-11-20')], '2026-11-20'],
    [
      'an instalment plan runs from its last instalment (art. 189)',
      [
        action('INSTALMENT_PLAN', '2022-03-01', {
          instalments: [
            { dueOn: '2022-06-30', fen: 5_000 },
            { dueOn: '2022-12-31', fen: 4_482 },
          ],
        }),
      ],
      '2025-12-31',
    ],
    [
      'a promise after expiry: the owner may no longer plead it (art. 192 para. 2)',
      [action('PAYMENT_PROMISE', '2024-05-10', { promisedBy: '2024-06-30' })],
      '2027-05-10',
    ],
    [
      'a part payment after expiry revives nothing: it only keeps what was paid',
      [partPayment('2024-05-10')],
      '2024-01-31',
    ],
    [
      'mediation applied for in time restarts when it ends, even after the old end',
      [mediation('2023-12-20', 'FAILED', '2024-02-10')],
      '2027-02-10',
    ],
    [
      'a withdrawn mediation application still interrupted',
      [mediation('2023-12-20', 'WITHDRAWN', '2023-12-22')],
      '2026-12-22',
    ],
    [
      'a pending mediation: the earliest end, from the application',
      [mediation('2023-12-20', 'PENDING', null)],
      '2026-12-21', // Sunday the 20th moves to Monday (art. 203)
    ],
    // An application alone is a demand made too late (art. 195 cannot interrupt a period that has run out); only an
    // agreement to pay reached in the mediation revives the claim (art. 192 para. 2; below).
    ['mediation applied for after expiry revives nothing', [mediation('2024-03-01', 'PENDING', null)], '2024-01-31'],
    [
      'mediation applied for after expiry that failed revives nothing',
      [mediation('2024-03-01', 'FAILED', '2024-03-15')],
      '2024-01-31',
    ],
  ])('%s → %s', (_name, events, expected) => {
    expect(limitationEndsOn(JAN, events)).toBe(expected);
  });

  it('counts to the month end when the corresponding day is missing (art. 202)', () => {
    expect(limitationEndsOn({ chargeId: 'c-2024-02', dueOn: '2024-02-29' }, [])).toBe('2027-02-28');
  });
});

describe('isTimeBarred', () => {
  it.each<[string, LimitationEvent[], string, boolean]>([
    ['on the last day', [], '2024-01-31', false],
    ['the day after', [], '2024-02-01', true],
    ['a year after, demanded in the meantime', [letter('2023-06-01')], '2025-02-01', false],
    ['after a demand made too late', [letter('2024-02-01')], '2024-06-01', true],
    // The letter arrives on 1 February: as at 31 January it has not taken effect, and a day later it came too late.
    ['a letter in the post on the last day', [letter('2024-01-30', undefined, '2024-02-01')], '2024-01-31', false],
    ['the day after, the letter arriving late', [letter('2024-01-30', undefined, '2024-02-01')], '2024-02-01', true],
    [
      'before the owner’s late promise was made',
      [action('PAYMENT_PROMISE', '2024-05-10', { promisedBy: '2024-06-30' })],
      '2024-03-01',
      true,
    ],
    [
      'after the owner’s late promise was made',
      [action('PAYMENT_PROMISE', '2024-05-10', { promisedBy: '2024-06-30' })],
      '2024-06-01',
      false,
    ],
    // A mediation applied for in time holds the period until it ends, however long that takes.
    [
      'while a mediation applied for in time has not ended',
      [mediation('2023-12-20', 'FAILED', '2027-01-15')],
      '2026-12-21',
      false,
    ],
    ['while a mediation is still pending', [mediation('2023-12-20', 'PENDING', null)], '2030-01-01', false],
    // 2030-01-15 lies past the holiday data: not known to have passed until its art. 203 day could not be later.
    ['three years after that mediation ended', [mediation('2023-12-20', 'FAILED', '2027-01-15')], '2030-01-16', false],
    ['ten days more', [mediation('2023-12-20', 'FAILED', '2027-01-15')], '2030-01-26', true],
  ])('%s (as of %s): %p', (_name, events, asOf, barred) => {
    expect(isTimeBarred(JAN, events, asOf)).toBe(barred);
  });

  it('says when a pending mediation holds the period open, so the date published is the earliest end, not the last day', () => {
    const pending = [mediation('2023-12-20', 'PENDING', null)];
    // the date published counts from the application; held open, it is not a last day yet
    expect(limitationEndsOn(JAN, pending)).toBe(
      limitationEndsOn(JAN, [mediation('2023-12-20', 'FAILED', '2023-12-20')]),
    );
    expect(limitationHeldOpen(JAN, pending, '2026-04-01')).toBe(true);
    expect(limitationHeldOpen(JAN, [mediation('2023-12-20', 'FAILED', '2024-02-10')], '2026-04-01')).toBe(false);
    expect(limitationHeldOpen(JAN, [], '2026-04-01')).toBe(false);
    // applied for after the period had run out: it interrupts nothing, so it holds nothing open
    expect(limitationHeldOpen(JAN, [mediation('2024-03-01', 'PENDING', null)], '2026-04-01')).toBe(false);
  });
});

// Found by auditor helper-268 (Medium): the January 2021 fee's period ended on 2024-01-31; on 2024-03-01 the street
// office's mediation committee mediates it and on 2024-03-15 the owner signs a mediation agreement to pay it (outcome
// AGREED). Both parties' new agreement on the original debt after the period ran out waives the limitation defence
// (法释〔2020〕17号 art. 19 para. 2, "当事人双方就原债务达成新的协议，债权人主张义务人放弃诉讼时效抗辩权的，人民法院应予支
// 持"), like the debtor's agreement to pay of Civil Code art. 192 para. 2. Before, the hub treated it as a demand made
// too late: the month stayed time-barred and a later referral left it out as TIME_BARRED.
describe('a mediation agreement to pay, reached after the period ran out', () => {
  const agreed = mediation('2024-03-01', 'AGREED', '2024-03-15');
  const promise = action('PAYMENT_PROMISE', '2024-03-15', { promisedBy: '2024-04-15' });

  it('revives the claim as a promise to pay does (art. 192 para. 2; SPC limitation provisions art. 19 para. 2)', () => {
    expect(limitationEndsOn(JAN, [promise])).toBe('2027-03-15');
    expect(limitationEndsOn(JAN, [agreed])).toBe('2027-03-15');
    expect(isTimeBarred(JAN, [agreed], '2025-06-01')).toBe(false);
  });

  it('revives nothing before the agreement was reached', () => {
    // As of 2024-03-10 the mediation is still under way: the month is barred, and no pending mediation holds it open.
    expect(isTimeBarred(JAN, [agreed], '2024-03-10')).toBe(true);
    expect(limitationHeldOpen(JAN, [agreed], '2024-03-10')).toBe(false);
  });
});

// Found by auditor helper-268 (High): a suit interrupts the period of the months it claims (Civil Code art. 195 item 3)
// from the day the complaint was submitted (法释〔2020〕17号 art. 10), and the period runs afresh from the day the
// proceedings ended (art. 195). Before, the hub counted only collection steps and payments.
describe('a suit', () => {
  // The October 2023 fee, due 2023-10-31: its plain period ends on Monday 2026-11-02 (the 31st is a Saturday).
  const OCT = { chargeId: 'c-2023-10', dueOn: '2023-10-31' };
  const withdrawn = suit('2026-10-15', '2026-11-20', [OCT.chargeId]);

  it('filed in time and withdrawn: the period runs afresh from the withdrawal', () => {
    // Three years from 2026-11-20 is 2029-11-20, past the holiday data: the plain day, the earliest it can end.
    expect(limitationEndsOn(OCT, [withdrawn])).toBe('2029-11-20');
    expect(isTimeBarred(OCT, [withdrawn], '2026-12-01')).toBe(false);
    expect(limitationHeldOpen(OCT, [withdrawn], '2026-12-01')).toBe(false);
  });

  it('pending: no period ends, and the date shown is the earliest, counted from the submission', () => {
    const pending = suit('2026-10-15', null, [OCT.chargeId]);
    expect(limitationEndsOn(OCT, [pending])).toBe('2029-10-15');
    expect(limitationHeldOpen(OCT, [pending], '2026-12-01')).toBe(true);
    expect(isTimeBarred(OCT, [pending], '2030-06-01')).toBe(false);
    // Ended after the day asked about: as of then it was pending, so past the plain last day nothing was barred.
    expect(isTimeBarred(OCT, [withdrawn], '2026-11-10')).toBe(false);
    expect(isTimeBarred(OCT, [], '2026-11-10')).toBe(true);
  });

  it.each<[string, LimitationEvent[], string]>([
    ['filed after the period ran out revives nothing', [suit('2024-02-01', '2024-03-01')], '2024-01-31'],
    ['claiming other months only interrupts nothing here', [suit('2023-12-20', '2024-03-01', [OTHER])], '2024-01-31'],
    ['filed on the last day, judged later: afresh from the judgment', [suit('2024-01-31', '2024-06-14')], '2027-06-14'],
  ])('%s → %s', (_name, events, expected) => {
    expect(limitationEndsOn(JAN, events)).toBe(expected);
  });
});
