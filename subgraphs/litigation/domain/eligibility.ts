import { InvalidInputError } from '../../../kernel/errors';
import {
  IsoDate,
  YearMonth,
  addDays,
  compareDates,
  isIsoDate,
  isOwnersDay,
  isOwnersMonth,
  isYearMonth,
} from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { isPastDue } from '../../../kernel/past-due';
import { DemandPeriod, DemandPeriodSetBy, OWNER_DECEASED_SOURCE } from './statutes';
import {
  CHINA_WORKING_DAYS,
  WorkingDayCalendar,
  periodEnd,
  periodRanOutBy,
  unlessBeyondCalendar,
} from '../../../kernel/working-days';

/**
 * Whether a company may refer an owner's arrears to court through the green channel. Seed 004 ("对物业服务企业在合同期内
 * 按合同约定提供正常服务，双方协商不成后仍拒交物业服务费的，由物业服务企业整理相关证据后提起诉讼"): the company served under a
 * contract during its term, and negotiation failed. The hub reads that as a filed contract covering every month
 * claimed, a recorded demand for payment (Civil Code art. 944: sue only after demanding payment within a reasonable
 * time), and mediation tried or expressly declined (Civil Procedure Law art. 125, 先行调解: a party may refuse mediation).
 *
 * Civil Code art. 944 para. 2 then asks for the reasonable period (合理期限) after the demand to have run out
 * before suing: DEMAND_PERIOD_NOT_ELAPSED names the day it ends and who set the number of days (statutes.ts
 * demandPeriodOf: the article fixes none, so N is the contract's own term, else the city's setting, else the hub's).
 *
 * Every failed condition is reported, by a stable code, so the company fixes them all in one pass.
 */
export type EligibilityFailureCode =
  | 'OWNER_DECEASED'
  | 'NOTHING_OWED'
  | 'NO_CLAIMABLE_CHARGES'
  | 'CONTRACT_NOT_FILED'
  | 'CLAIM_SPANS_CONTRACTS'
  | 'NO_DEMAND_RECORDED'
  | 'DEMAND_PERIOD_NOT_ELAPSED'
  | 'MEDIATION_NOT_TRIED';

export interface OwedCharge {
  month: YearMonth;
  /** What is still owed for the month, whole fen. */
  amountFen: Fen;
  /** The day the month's fee fell due; it is claimable only once past due (kernel/past-due.ts). */
  dueOn: IsoDate;
  /** The last day of the limitation period (Civil Code arts. 188, 195), computed by the arrears rules. */
  limitationEndsOn: IsoDate;
  /**
   * A mediation applied for in time and still pending holds the period open (art. 195): `limitationEndsOn` is then the
   * earliest it can end, and the month is not time-barred whatever the referral date.
   */
  limitationHeldOpen?: boolean;
  /**
   * The contract the month was billed under (its filing's; the one filed contract in force in the month when the filing
   * is not known); null or absent when it cannot be told.
   */
  contractId?: string | null;
}

export interface FiledContract {
  contractId: string;
  /** The contract's status in the contracts subgraph; only ACCEPTED counts as filed (备案). */
  status: string;
  startsOn: IsoDate;
  /** The last day in force; for a terminated contract, the termination date. */
  endsOn: IsoDate;
  filingRecordNumber: string | null;
}

export interface ReferralFacts {
  referralDate: IsoDate;
  charges: readonly OwedCharge[];
  contracts: readonly FiledContract[];
  /**
   * Each demand with the months of the charges it named; `months` null or absent for a demand whose charges are not
   * known (a snapshot published before arrears sent them): it is taken to name every month, as before.
   */
  demands: readonly { date: IsoDate; channel: string; months?: readonly YearMonth[] | null }[];
  /** `outcome` as arrears records it; a session still PENDING has not been tried to its end. */
  mediationSessions: readonly { heldOn: IsoDate; outcome?: string }[];
  /** An express refusal of mediation by a party, with its date; null when nobody declined. */
  mediationWaivedOn: IsoDate | null;
  /** The reasonable period after a demand (Civil Code art. 944 para. 2), in days, and where the figure comes from. */
  demandPeriod: DemandPeriod;
  /** The months an earlier referral of the account claimed and the court judged or settled; absent: none. */
  decidedMonths?: readonly YearMonth[];
  /** The contract the company sues under, when it names one: months billed under another are left out (OTHER_CONTRACT). */
  contractId?: string | null;
  /**
   * The day the owner sued became the owner, where the register recorded a change of owner: the months begun before
   * it are the former owner's (PRIOR_OWNER). Absent or null: the owner is taken to have owned it throughout.
   */
  ownerSince?: IsoDate | null;
  /**
   * The day the owner sued died, where the register recorded it: a deceased owner cannot be sued (OWNER_DECEASED,
   * statutes.ts OWNER_DECEASED_SOURCE). Absent or null: not recorded.
   */
  ownerDiedOn?: IsoDate | null;
}

export interface EligibilityFailure {
  code: EligibilityFailureCode;
  message: string;
  months?: YearMonth[];
  /** DEMAND_PERIOD_NOT_ELAPSED: the last day of the reasonable period after the earliest demand; refer after it. */
  elapsesOn?: IsoDate;
  /** DEMAND_PERIOD_NOT_ELAPSED: who set the period's days, the contract, the city or the hub's default. */
  demandPeriodSetBy?: DemandPeriodSetBy;
  /** CLAIM_SPANS_CONTRACTS: the contracts the claimable months were billed under, each with its months. */
  contracts?: { contractId: string; months: YearMonth[] }[];
}

/**
 * Why a month is left out of the claim: a court already decided it in an earlier case of the account (ALREADY_DECIDED:
 * a judgment or a consent judgment binds, Civil Procedure Law art. 127 item 5, 2017 text art. 124; its enforcement is asked
 * of the court that gave it, not a new suit), its limitation period ended (art. 188), it is not yet due or was never
 * demanded (art. 944), or it was billed under another contract than the one the company sues under (OTHER_CONTRACT),
 * or it began before the owner sued became the owner (PRIOR_OWNER, statutes.ts PRIOR_OWNER_SOURCE: the former owner's).
 */
export type ExclusionReason =
  'OTHER_CONTRACT' | 'PRIOR_OWNER' | 'ALREADY_DECIDED' | 'TIME_BARRED' | 'NOT_YET_DUE' | 'NOT_DEMANDED';

export interface ExcludedCharge {
  month: YearMonth;
  amountFen: Fen;
  reason: ExclusionReason;
}

export interface Eligibility {
  eligible: boolean;
  failures: EligibilityFailure[];
  claimableCharges: OwedCharge[];
  excludedCharges: ExcludedCharge[];
}

/**
 * A charge whose limitation period ended before the referral date is excluded and listed: the limitation defence is
 * the owner's (Civil Code art. 192; the court may not raise it itself, art. 193), but claiming a barred month invites
 * the defence and costs the company the credibility of the whole claim. The last day of the period still counts.
 * A month is covered when an ACCEPTED filing with a record number is in force on at least one of its days, so the
 * first and last part-months of a contract are covered. The other conditions are checked against the claimable
 * charges only: a barred month is not claimed, so whether its contract was filed no longer matters. A month not yet
 * past due on the referral date (kernel/past-due.ts) is owed to nobody yet: it is excluded and listed as NOT_YET_DUE.
 * A month no demand named after it fell due and before the referral, where demands were made, is excluded as
 * NOT_DEMANDED: the owner was
 * never asked to pay it (art. 944 para. 2), and the reasonable period runs from the earliest demand naming each month
 * claimed (before, the account's earliest demand counted for every month, one naming only fees of years before
 * included).
 */
export function referralEligibility(facts: ReferralFacts): Eligibility {
  validate(facts);
  const charges = [...facts.charges].sort((a, b) => a.month.localeCompare(b.month));
  const onOrBefore = (date: IsoDate) => compareDates(date, facts.referralDate) <= 0;
  // A demand, mediation or refusal of mediation before the owner sued became the owner was the former owner's (a
  // demand reaches its addressee, Civil Code art. 137; a mediation binds its parties): none counts for this owner.
  const ownersOwn = (on: IsoDate) => isOwnersDay(on, facts.ownerSince);
  const demands = facts.demands
    .filter((d) => onOrBefore(d.date) && ownersOwn(d.date))
    .sort((a, b) => compareDates(a.date, b.date));
  // A demand counts for a month only once the month is late (art. 944 para. 2: 逾期不支付 first, then the demand):
  // a letter naming December's fee before 31 December demanded nothing yet (as limitation.ts, which ignores it).
  const firstDemandOf = (c: OwedCharge) =>
    demands.find((d) => (!d.months || d.months.includes(c.month)) && isPastDue(c.dueOn, d.date));
  const decided = new Set(facts.decidedMonths ?? []);
  // Under a named contract, a month whose contract cannot be told (a month of a change of provider) is not claimed.
  const otherContract = (c: OwedCharge) => !!facts.contractId && c.contractId !== facts.contractId;
  // A month begun before the owner became the owner is (wholly or in part) the former owner's: left out whole, so the
  // new owner is never sued for a day of the former's.
  const priorOwner = (c: OwedCharge) => !isOwnersMonth(c.month, facts.ownerSince);
  // The first that applies names the month's reason, in this order.
  const rules: readonly [ExclusionReason, (c: OwedCharge) => boolean][] = [
    ['OTHER_CONTRACT', otherContract],
    ['PRIOR_OWNER', priorOwner],
    ['ALREADY_DECIDED', (c) => decided.has(c.month)],
    ['NOT_YET_DUE', (c) => !isPastDue(c.dueOn, facts.referralDate)],
    // The snapshot's last day is the plain one past the holiday data (limitation.ts): not barred until the data says.
    ['TIME_BARRED', (c) => periodRanOutBy(c.limitationEndsOn, facts.referralDate) && !c.limitationHeldOpen],
    ['NOT_DEMANDED', (c) => demands.length > 0 && !firstDemandOf(c)],
  ];
  const exclusion = (c: OwedCharge): ExclusionReason | null => rules.find(([, applies]) => applies(c))?.[0] ?? null;
  const claimableCharges = charges.filter((c) => exclusion(c) === null);
  const excludedCharges: ExcludedCharge[] = charges.flatMap((c) => {
    const reason = exclusion(c);
    return reason ? [{ month: c.month, amountFen: c.amountFen, reason }] : [];
  });

  const failures: EligibilityFailure[] = [];
  if (facts.ownerDiedOn) {
    failures.push({
      code: 'OWNER_DECEASED',
      message:
        `The owner registered died on ${facts.ownerDiedOn} and cannot be sued (${OWNER_DECEASED_SOURCE}): ` +
        'have the street office register the heirs as the owner from that day, then refer the months since',
    });
  }
  if (charges.length === 0) {
    failures.push({ code: 'NOTHING_OWED', message: 'Nothing is owed: there are no unpaid charges to refer' });
  } else if (claimableCharges.length === 0) {
    failures.push({
      code: 'NO_CLAIMABLE_CHARGES',
      message:
        "Every unpaid charge is already decided by a court, time-barred, not yet due, not demanded, or the former owner's",
      months: excludedCharges.map((c) => c.month),
    });
  }
  const unfiled = claimableCharges
    .filter((c) => !facts.contracts.some((k) => filedAndInForce(k, c.month)))
    .map((c) => c.month);
  if (unfiled.length > 0) {
    failures.push({
      code: 'CONTRACT_NOT_FILED',
      message: 'No accepted contract filing covers these months',
      months: unfiled,
    });
  }
  const spanned = contractsOf(claimableCharges);
  if (spanned.length > 1) {
    failures.push({
      code: 'CLAIM_SPANS_CONTRACTS',
      message:
        'The months claimable were billed under more than one contract: a complaint sues under one contract, by the party to it; refer under one (contractId) and the others in a case of their own',
      months: claimableCharges.map((c) => c.month),
      contracts: spanned,
    });
  }
  if (demands.length === 0) {
    failures.push({
      code: 'NO_DEMAND_RECORDED',
      message: 'No demand for payment (催缴) is recorded before the referral',
    });
  } else {
    // Art. 944 para. 2: the period of the month demanded last decides.
    const demandedOn = claimableCharges
      .flatMap((c) => firstDemandOf(c)?.date ?? [])
      .reduce((last, date) => (compareDates(date, last) > 0 ? date : last), demands[0].date);
    const failure = demandPeriodFailure(demandedOn, facts.demandPeriod, facts.referralDate);
    if (failure) failures.push(failure);
  }
  const waived =
    facts.mediationWaivedOn !== null && onOrBefore(facts.mediationWaivedOn) && ownersOwn(facts.mediationWaivedOn);
  // A session still PENDING has not failed: the negotiation is not over (seed 004: "双方协商不成后仍拒交…").
  const tried = facts.mediationSessions.some(
    (s) => onOrBefore(s.heldOn) && ownersOwn(s.heldOn) && s.outcome !== 'PENDING',
  );
  if (!waived && !tried) {
    failures.push({
      code: 'MEDIATION_NOT_TRIED',
      message: 'No mediation session was held to its end and no party expressly declined mediation',
    });
  }
  return { eligible: failures.length === 0, failures, claimableCharges, excludedCharges };
}

/**
 * The last day of the reasonable period after a demand made on `demandedOn`: the demand's day is not counted
 * (Civil Code art. 201), so a 15-day period after a demand of 2026-11-02 runs to 2026-11-17, and the company may
 * sue from the 18th ("合理期限届满仍不支付的", art. 944 para. 2). Art. 203: a last day that is a rest day or holiday
 * moves to the next working day (the hub's one calendar, kernel/working-days.ts), so 15 days after a demand of
 * 2026-09-18 end on Thursday 2026-10-08, National Day (1–7 October) having closed the period's last days. A period
 * of 0 days (the city's setting) ends on the demand's day itself. Past the holiday data's range the end cannot be
 * known: OUTSIDE_HOLIDAY_CALENDAR, never a guess from weekdays.
 */
export function demandPeriodEndsOn(
  demandedOn: IsoDate,
  period: DemandPeriod,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): IsoDate {
  return period.days === 0 ? demandedOn : periodEnd(demandedOn, period.days, calendar);
}

/**
 * DEMAND_PERIOD_NOT_ELAPSED when the referral date is not after the period's last day (art. 203 included). Art. 203
 * only ever lengthens a period, so a referral within the plain count of days is too early whatever the holiday data
 * says: when the last day lies past the calendar's range the failure is still reported, without `elapsesOn` (not
 * known until the next State Council notice is held). A referral after the plain count whose answer needs days past
 * the range is refused with OUTSIDE_HOLIDAY_CALENDAR rather than guessed.
 */
function demandPeriodFailure(
  demandedOn: IsoDate,
  period: DemandPeriod,
  referralDate: IsoDate,
): EligibilityFailure | null {
  const plainEnd = addDays(demandedOn, period.days);
  const elapsesOn =
    compareDates(referralDate, plainEnd) <= 0
      ? unlessBeyondCalendar(() => demandPeriodEndsOn(demandedOn, period))
      : demandPeriodEndsOn(demandedOn, period);
  if (elapsesOn !== null && compareDates(elapsesOn, referralDate) < 0) return null;
  const about = `The reasonable period of ${period.days} days after the demand of ${demandedOn} (${period.source})`;
  const demandPeriodSetBy = period.setBy ?? 'HUB_DEFAULT';
  if (elapsesOn === null) {
    return {
      code: 'DEMAND_PERIOD_NOT_ELAPSED',
      demandPeriodSetBy,
      message:
        `${about} runs at least to ${plainEnd}, later if that is a rest day (Civil Code art. 203); ` +
        `the holiday data ends on ${CHINA_WORKING_DAYS.range.to}, so the exact day is not known yet`,
    };
  }
  return {
    code: 'DEMAND_PERIOD_NOT_ELAPSED',
    message: `${about} runs to ${elapsesOn} (Civil Code arts. 201, 203): refer from ${addDays(elapsesOn, 1)}`,
    elapsesOn,
    demandPeriodSetBy,
  };
}

/**
 * The contracts charges were billed under, each with its months, in the order of their first month; charges whose
 * contract is not known are left out. A complaint states one contract and its provider as plaintiff (a new provider
 * has no claim to fees owed under its predecessor's contract: Civil Code art. 465 para. 2, a contract binds its
 * parties only), and the consolidation of cases goes by contract: months of two contracts are two claims.
 */
export function contractsOf(charges: readonly OwedCharge[]): { contractId: string; months: YearMonth[] }[] {
  const months = new Map<string, YearMonth[]>();
  for (const c of [...charges].sort((a, b) => a.month.localeCompare(b.month)))
    if (c.contractId) months.set(c.contractId, [...(months.get(c.contractId) ?? []), c.month]);
  return [...months].map(([contractId, m]) => ({ contractId, months: m }));
}

/**
 * The contract whose terms govern a claim (its reasonable period after a demand): the one the company names, else the
 * one contract every owed month was billed under; null when the months span contracts or none is known (the area's
 * contract most recently in force then stands, as before). Before, the area's latest contract always did, so a claim
 * of months under a predecessor's contract ran the period of its successor.
 */
export function governingContract(charges: readonly OwedCharge[], named: string | null): string | null {
  if (named) return named;
  const contracts = contractsOf(charges);
  return contracts.length === 1 && charges.every((c) => c.contractId) ? contracts[0].contractId : null;
}

/** Whether an accepted filing with a record number was in force on at least one day of the month. */
export function filedAndInForce(contract: FiledContract, month: YearMonth): boolean {
  if (contract.status !== 'ACCEPTED' || !contract.filingRecordNumber?.trim()) return false;
  const firstDay = `${month}-01`;
  // The contract overlaps the month when it starts by the month's end and ends on or after its first day.
  return contract.startsOn.slice(0, 7) <= month && compareDates(contract.endsOn, firstDay) >= 0;
}

function validate(facts: ReferralFacts): void {
  const fields: Record<string, string> = {};
  if (!isIsoDate(facts.referralDate)) fields.referralDate = 'the referral date must be a YYYY-MM-DD date';
  const seen = new Set<string>();
  (Array.isArray(facts.charges) ? facts.charges : []).forEach((c, i) => {
    if (!isYearMonth(c.month)) fields[`charges[${i}].month`] = 'the month must be YYYY-MM';
    else if (seen.has(c.month)) fields[`charges[${i}].month`] = 'each month is listed once';
    seen.add(c.month);
    if (!Number.isSafeInteger(c.amountFen) || c.amountFen < 1)
      fields[`charges[${i}].amountFen`] = 'an owed charge is whole fen, 1 or more';
    if (!isIsoDate(c.limitationEndsOn))
      fields[`charges[${i}].limitationEndsOn`] = 'the limitation end must be a YYYY-MM-DD date';
    if (!isIsoDate(c.dueOn)) fields[`charges[${i}].dueOn`] = 'the due date must be a YYYY-MM-DD date';
  });
  if (!Array.isArray(facts.charges)) fields.charges = 'give the unpaid charges, possibly none';
  (Array.isArray(facts.contracts) ? facts.contracts : []).forEach((k, i) => {
    if (!isIsoDate(k.startsOn) || !isIsoDate(k.endsOn) || compareDates(k.startsOn, k.endsOn) > 0) {
      fields[`contracts[${i}]`] = 'a contract runs from startsOn to endsOn, both YYYY-MM-DD, start first';
    }
  });
  if (!Array.isArray(facts.contracts)) fields.contracts = 'give the contracts, possibly none';
  if (facts.ownerSince !== undefined && facts.ownerSince !== null && !isIsoDate(facts.ownerSince))
    fields.ownerSince = 'the day the owner became the owner must be a YYYY-MM-DD date';
  if (facts.ownerDiedOn !== undefined && facts.ownerDiedOn !== null && !isIsoDate(facts.ownerDiedOn))
    fields.ownerDiedOn = 'the day the owner died must be a YYYY-MM-DD date';
  if (!Array.isArray(facts.demands) || facts.demands.some((d) => !isIsoDate(d.date)))
    fields.demands = 'every demand needs a YYYY-MM-DD date';
  if (!Array.isArray(facts.mediationSessions) || facts.mediationSessions.some((s) => !isIsoDate(s.heldOn))) {
    fields.mediationSessions = 'every mediation session needs a YYYY-MM-DD date';
  }
  if (facts.mediationWaivedOn !== null && !isIsoDate(facts.mediationWaivedOn))
    fields.mediationWaivedOn = 'a waiver needs a YYYY-MM-DD date, or null';
  if (!facts.demandPeriod || !Number.isSafeInteger(facts.demandPeriod.days) || facts.demandPeriod.days < 0)
    fields.demandPeriod = 'a whole number of days, 0 or more';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The referral facts are invalid', { fields });
}
