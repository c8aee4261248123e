import { IsoDate, addYears, compareDates, laterDate } from '../../../kernel/calendar';
import { Charge } from './charge';
import { CollectionAction, effectiveOn, interruptsLimitation } from './collection-action';
import { LIMITATION_PERIOD_YEARS } from './statutes';
import { lastDayOfPeriodWithin, periodRanOutBy } from '../../../kernel/working-days';

/**
 * The limitation period (诉讼时效) of each charge, Civil Code arts. 188–195.
 *
 * Each month's fee is its own claim with its own period, counted from its own due date, not one debt paid in
 * instalments under art. 189 (whose period would start only at the last instalment, the end of the contract, so fees
 * many years old would stay claimable). Courts are divided on whether a service contract's fees are such a debt;
 * the per-month reading gives the earlier, safe date to act by. The same reading means a demand interrupts only
 * the charges it names. An instalment plan agreed for arrears is different: that is art. 189's agreement.
 *
 * A part payment (部分履行) shows the debtor's consent (art. 195 item 2) like a promise does, so the application
 * layer passes the payments applied to a charge alongside its collection actions. A demand letter interrupts on the
 * day it reached the owner, once the company records it (statutes.ts DEMAND_ARRIVAL_SOURCE).
 */
export interface PartPayment {
  readonly kind: 'PART_PAYMENT';
  readonly on: IsoDate;
  readonly chargeIds: readonly string[];
}

/**
 * A suit (Civil Code art. 195 item 3, "权利人提起诉讼"): a referral's complaint submitted to the court, naming the
 * charges it claimed. It interrupts on the day the complaint reached the court (statutes.ts SUIT_INTERRUPTION), and the
 * period runs afresh from the day the proceedings ended (`endedOn`: withdrawal, refusal, judgment, settlement, the
 * file closed); while it is pending no period ends. Litigation reports these (application/follow-referral.ts).
 */
export interface Suit {
  readonly kind: 'SUIT';
  /** The day the complaint was submitted to the court (法释〔2020〕17号 art. 10). */
  readonly on: IsoDate;
  readonly chargeIds: readonly string[];
  /** The day the proceedings ended, null while they are pending. */
  readonly endedOn: IsoDate | null;
}

export type LimitationEvent = CollectionAction | PartPayment | Suit;

type Claim = Pick<Charge, 'chargeId' | 'dueOn'>;

/**
 * The last day of a three-year period from `from` (arts. 188, 201, 202), moved by art. 203 to the next working day
 * when it is a rest day or holiday: three years from 2023-10-02 end on Friday 2026-10-02, in the National Day
 * holiday, so on Thursday 2026-10-08. Deliberately NOT refused past the holiday data's range (kernel/working-days.ts,
 * to 2026-12-24), unlike the hub's other periods: most live periods end years ahead, and a statement or a referral
 * cannot wait for notices not yet published. Past the range the plain last day is kept; art. 203 only ever lengthens
 * a period, so that day is the earliest the period can end: safe for the company to act by. It is not the day the
 * period ran out: isTimeBarred and the referral's TIME_BARRED call a charge barred only once the data says so (or, without it, once no run of rest days could reach: periodRanOutBy). Once the holiday data covers that year, the date moves by itself.
 */
export function limitationPeriodEnd(from: IsoDate): IsoDate {
  const plain = addYears(from, LIMITATION_PERIOD_YEARS);
  return lastDayOfPeriodWithin(plain).date ?? plain;
}

/**
 * The day a period interrupted by proceedings begun on `began` (a mediation, a suit) runs afresh from: the day they
 * ended ("有关程序终结时", art. 195). Not ended by asOf: they are still running then, so nothing is barred yet. Not
 * ended at all: the day they began gives the earliest the period can end, and the date shown moves later once the end
 * is recorded.
 */
function afterProceedings(began: IsoDate, endedOn: IsoDate | null, asOf: IsoDate | undefined): IsoDate {
  if (endedOn !== null && (asOf === undefined || compareDates(endedOn, asOf) <= 0)) return endedOn;
  return asOf ?? began;
}

/**
 * The day the period runs afresh from ("从中断、有关程序终结时起", art. 195), or null when the event interrupts
 * nothing; `at` is the day it took effect (interruptsOn). Facts dated after `asOf` are not yet known.
 */
function restartsFrom(event: LimitationEvent, at: IsoDate, asOf: IsoDate | undefined): IsoDate | null {
  if (event.kind === 'PART_PAYMENT') return at;
  if (event.kind === 'SUIT') return afterProceedings(event.on, event.endedOn, asOf);
  if (!interruptsLimitation(event.kind)) return null;
  switch (event.kind) {
    case 'VISIT':
    case 'CALL':
      return event.reached ? event.on : null;
    case 'NOTICE_POSTED':
      // Only a notice that reached the owner (statutes.ts NOTICE_ARRIVAL_SOURCE); one recorded before it was asked
      // counts as it did.
      return event.reached === false ? null : at;
    case 'MEDIATION_SESSION':
      return afterProceedings(event.on, event.outcomeOn, asOf);
    case 'INSTALMENT_PLAN':
      // The plan is an agreement to pay the arrears in instalments: art. 189 runs it from the last instalment.
      return event.instalments.reduce((date, instalment) => laterDate(date, instalment.dueOn), event.on);
    default:
      // A letter from its arrival (statutes.ts DEMAND_ARRIVAL_SOURCE), any other step from the day it was made.
      return at;
  }
}

/**
 * Art. 192 para. 2: only the debtor's agreement to pay outlives an expired period; part payments only keep what was
 * paid. A mediation that ended in an agreement to pay (AGREED) is one too, from the day it was reached: both parties'
 * new agreement on the original debt (statutes.ts LATE_AGREEMENT_SOURCE). A mediation applied for, pending, failed or
 * withdrawn after the period ran out is only a demand made too late, and revives nothing.
 */
function isDebtorAgreement(event: LimitationEvent, asOf: IsoDate | undefined): boolean {
  if (event.kind === 'PAYMENT_PROMISE' || event.kind === 'INSTALMENT_PLAN') return true;
  if (event.kind !== 'MEDIATION_SESSION' || event.outcome !== 'AGREED' || event.outcomeOn === null) return false;
  return asOf === undefined || compareDates(event.outcomeOn, asOf) <= 0;
}

/**
 * The day the event interrupts on, or null when it has not taken effect: a letter on its arrival (statutes.ts
 * DEMAND_ARRIVAL_SOURCE), every other event the day it happened.
 */
const interruptsOn = (event: LimitationEvent): IsoDate | null =>
  event.kind === 'PART_PAYMENT' || event.kind === 'SUIT' ? event.on : effectiveOn(event);

function endsOn(charge: Claim, events: readonly LimitationEvent[], asOf: IsoDate | undefined): IsoDate {
  let end = limitationPeriodEnd(charge.dueOn);
  const relevant = events
    .filter((e) => e.chargeIds.includes(charge.chargeId))
    .flatMap((e) => {
      const at = interruptsOn(e);
      return at === null ? [] : [{ event: e, at }];
    })
    // Before the due date there is no claim to interrupt yet; after asOf the event has not happened.
    .filter(({ at }) => compareDates(at, charge.dueOn) > 0 && (asOf === undefined || compareDates(at, asOf) <= 0))
    .sort((a, b) => compareDates(a.at, b.at));
  for (const { event, at } of relevant) {
    const from = restartsFrom(event, at, asOf);
    if (from === null) continue;
    // A demand after the last day cannot interrupt a period that has already run out, so it revives nothing (a
    // letter sent in time that arrives after it neither); the debtor's later agreement to pay does (art. 192 para.
    // 2), and the hub counts a fresh period from it (from the agreement a mediation reached, not its application).
    if (compareDates(at, end) <= 0 || isDebtorAgreement(event, asOf)) end = laterDate(end, limitationPeriodEnd(from));
  }
  return end;
}

/**
 * The last day on which the charge can still be sued for without the limitation defence: three years from its
 * due date (art. 188; arts. 201–202 for the counting, art. 203 within the holiday data), restarted by each interruption naming it that came in time.
 * Events that do not name the charge, or do not interrupt (an unanswered call), are ignored, so callers may pass
 * every action of the account. With a mediation still pending this is the earliest the period can end.
 */
export function limitationEndsOn(charge: Claim, interruptions: readonly LimitationEvent[]): IsoDate {
  return endsOn(charge, interruptions, undefined);
}

/**
 * Whether a mediation applied for in time and not ended by `asOf` holds the period open: it runs afresh only once the
 * procedure has ended (art. 195), so `limitationEndsOn`, which counts from the application as the earliest the period
 * can end, is not yet a last day. A referral must not leave such a month out as time-barred.
 */
export function limitationHeldOpen(charge: Claim, interruptions: readonly LimitationEvent[], asOf: IsoDate): boolean {
  return compareDates(endsOn(charge, interruptions, asOf), endsOn(charge, interruptions, undefined)) > 0;
}

/**
 * Whether the period had run out by `asOf`, counting only what had happened by then. The last day itself is still
 * in time, and a mediation applied for in time that had not ended by `asOf` holds the period open; a last day past the
 * holiday data is not known to have passed (periodRanOutBy). Art. 193: a court does not raise limitation of its own motion, so this warns the company and flags the
 * referral; it does not extinguish the debt.
 */
export function isTimeBarred(charge: Claim, interruptions: readonly LimitationEvent[], asOf: IsoDate): boolean {
  return periodRanOutBy(endsOn(charge, interruptions, asOf), asOf);
}
