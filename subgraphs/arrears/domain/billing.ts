import { InvalidInputError } from '../../../kernel/errors';
import {
  IsoDate,
  YearMonth,
  addDays,
  addMonths,
  compareDates,
  compareMonths,
  daysBetween,
  daysInMonth,
  isYearMonth,
  laterDate,
} from '../../../kernel/calendar';
import { RatedPart, ServedDays, rateDaysOf } from '../../../kernel/money';
import type { ChargePart } from './charge';

/**
 * The rules of a monthly billing run that the SQL carries out (application/billing.ts): which month may be billed,
 * when its charges fall due, and which subsidies of the schedule run that month. The arithmetic per household is
 * chargeFen (floor area × owner rate, half up), done by the database in the same integer form.
 */

/** The first and last calendar day of a month. */
export function monthSpan(month: YearMonth): { first: IsoDate; last: IsoDate } {
  const first = `${month}-01`;
  return { first, last: addDays(`${addMonths(month, 1)}-01`, -1) };
}

/** The days a contract serves the area: from its start to the last day of its term, termination or supersession. */
export interface ServiceSpan {
  startsOn: IsoDate;
  /** The last day served, inclusive. */
  endsOn: IsoDate;
}

/**
 * The days of `month` a company's contracts serve, together, out of the month's days: every day is the whole month's
 * fee, fewer a fee charged by the day (chargeFen), none no fee. A contract beginning or
 * ending within the month, the company's taking over from another or handing over to one (Civil Code arts. 940,
 * 949), serves only its days, so each company charges the days it served and the two never charge one day twice;
 * before, whichever company billed first charged the whole month and the other's run billed nobody. Two contracts
 * of the company within the month (one ending, its renewal beginning) count each day once.
 */
export function servedDaysOf(month: YearMonth, spans: readonly ServiceSpan[]): ServedDays {
  const { first, last } = monthSpan(month);
  const monthDays = daysInMonth(month);
  const clipped = spans
    .map((s) => ({ from: laterDate(s.startsOn, first), to: compareDates(s.endsOn, last) < 0 ? s.endsOn : last }))
    .filter((s) => compareDates(s.from, s.to) <= 0)
    .sort((a, b) => compareDates(a.from, b.from));
  let days = 0;
  let through: IsoDate | undefined;
  for (const s of clipped) {
    const from = through && compareDates(s.from, through) <= 0 ? addDays(through, 1) : s.from;
    if (compareDates(from, s.to) <= 0) days += daysBetween(from, s.to) + 1;
    if (!through || compareDates(s.to, through) > 0) through = s.to;
  }
  return { days, monthDays };
}

/** A contract of the company serving the area within a month, as billing reads it: its filing and its days. */
export interface ContractSpan extends ServiceSpan {
  filingId: string;
}

/** The days of a month one of the company's contracts (its filing) serves: a part of the month's fee. */
export interface ServedPart {
  filingId: string;
  days: number;
}

/**
 * The days of `month` each of the company's contracts serves, in the order they begin serving it: one part when one
 * contract serves every day served, two when one ends within the month and the company's own renewal (another
 * contract of the area, maybe at another rate) begins, and so on. A day two contracts serve is counted once, for the
 * first of `spans` serving it (the caller lists them latest accepted first, as findFilingInForce has billed them), so
 * the parts' days add up to servedDaysOf's. Parts of one filing are one part.
 */
export function servedPartsOf(month: YearMonth, spans: readonly ContractSpan[]): ServedPart[] {
  const { first } = monthSpan(month);
  const parts: (ServedPart & { from: IsoDate })[] = [];
  for (let i = 0; i < daysInMonth(month); i++) {
    const day = addDays(first, i);
    const span = spans.find((s) => servesDay([s], day));
    if (!span) continue;
    const part = parts.find((p) => p.filingId === span.filingId);
    if (part) part.days += 1;
    else parts.push({ filingId: span.filingId, days: 1, from: day });
  }
  return parts.sort((a, b) => compareDates(a.from, b.from)).map(({ filingId, days }) => ({ filingId, days }));
}

/** A contract's part of a month with the fee schedule its filing bills. */
export interface ScheduledPart extends ServedPart {
  classes: readonly {
    buildingClass: string;
    ownerRateFenPerM2Month: number;
    subsidies: readonly ScheduledSubsidy[];
  }[];
}

/** What billing charges a building class for a month: its owner rate in each part of the month that has one. */
export interface ClassRate {
  buildingClass: string;
  /**
   * The filing the class's fee of the month is billed under (the charge's `filingId`): the last part's whose schedule
   * has the class (the month's own filing, but for a class only an earlier part's contract has).
   */
  filingId: string;
  /** The rate of that part (the charge's `rateFen`). */
  rate: number;
  /** Σ rate × days over the parts (rateDaysOf): the fee is floor area × rateDays ÷ the month's days. */
  rateDays: number;
  /** The days of the month billed (the parts' days). */
  days: number;
  /** Each part (filing, rate, days) when there are two or more; null for one. */
  parts: (RatedPart & { filingId: string })[] | null;
}

/** The building classes of the parts' schedules, the last part's first (in its order), then the earlier parts' own. */
const classesOfParts = (parts: readonly ScheduledPart[]): string[] => [
  ...new Set([...parts].reverse().flatMap((p) => p.classes.map((c) => c.buildingClass))),
];

/**
 * The rates of each building class billed for the month, each over the parts whose schedule has the class: a class
 * one contract has no rate for is billed the days of the others only. The classes are those of every part's schedule:
 * a class only the ending contract had is billed its days under that contract's filing (before, only the last part's
 * classes were billed, so such households were billed nothing for the days the ending contract served them).
 */
export function classRatesOf(parts: readonly ScheduledPart[]): ClassRate[] {
  return classesOfParts(parts).map((buildingClass) => {
    const rated = parts.flatMap((p) => {
      const rate = p.classes.find((x) => x.buildingClass === buildingClass)?.ownerRateFenPerM2Month;
      return rate === undefined ? [] : [{ filingId: p.filingId, rateFen: rate, days: p.days }];
    });
    const last = rated[rated.length - 1];
    return {
      buildingClass,
      filingId: last.filingId,
      rate: last.rateFen,
      rateDays: rateDaysOf(rated),
      days: rated.reduce((sum, p) => sum + p.days, 0),
      parts: rated.length > 1 ? rated : null,
    };
  });
}

/**
 * A month's fee as billed, part by part: its `parts` when billed in parts, otherwise one part, its filing and rate
 * for its days (`servedDays`, or the whole month's).
 */
export function billedPartsOf(
  fee: { filingId: string | null; rateFen: number; servedDays: number | null; parts: readonly ChargePart[] | null },
  monthDays: number,
): ChargePart[] {
  return fee.parts
    ? fee.parts.map((p) => ({ ...p }))
    : [{ filingId: fee.filingId ?? '', rateFen: fee.rateFen, days: fee.servedDays ?? monthDays }];
}

/** The parts a class's fee of the month is billed in now (classRatesOf): its `parts`, or its one filing's days. */
export const partsOfClassRate = (rate: ClassRate): ChargePart[] =>
  rate.parts ?? [{ filingId: rate.filingId, rateFen: rate.rate, days: rate.days }];

/**
 * Whether a fee of the company's month billed as `billed` (billedPartsOf) falls short of the days its contracts now
 * serve the class (`rate`, classRatesOf) and is topped up by the next billing run: billed for fewer days, each of its
 * parts a part of the month now, of the same filing at the same rate for no more days. So a month billed for the first
 * contract's 15 days before its renewal was known (or for the renewal's 16 before the contract it renews was), or
 * before the company's continued service was recorded, is billed the days missing, and nothing billed is re-rated: a
 * fee of another filing or rate (an amendment since) is left as billed. Billed again the month's parts, it is not short
 * any more: a second run bills nothing more. charge.repository.ts shortFeesSql carries the rule out in SQL.
 */
export function fallsShortOf(billed: readonly ChargePart[], rate: ClassRate): boolean {
  const now = partsOfClassRate(rate);
  const days = billed.reduce((sum, p) => sum + p.days, 0);
  return (
    days < rate.days &&
    billed.every((b) => now.some((n) => n.filingId === b.filingId && n.rateFen === b.rateFen && n.days >= b.days))
  );
}

/** A subsidy line of a month (runningSubsidiesOfParts). */
export interface RunningSubsidyLine {
  payer: string;
  buildingClass: string;
  /** The rate of the last part's contract (the month's filing). */
  rate: number;
  /** Σ rate × days over the parts when there are two or more; null for one. */
  rateDays: number | null;
  /** The rate under each part's filing (0 for a part whose contract has no such subsidy), by filing id. */
  filingRates: Record<string, number>;
}

/**
 * The subsidies running in the month (runningSubsidies) of each part's schedule, one line per payer and building
 * class of the parts' classes (classRatesOf's): the last part's rate, with two or more parts Σ rate × days over them (`rateDays`,
 * 0 for a part whose contract has no such subsidy), and each part's filing's rate (`filingRates`), so each owner's
 * fee is subsidised as it was billed: a fee billed in parts over its parts, one billed under one filing (say before
 * the renewal was known) at that filing's rate for its days (billing-run.repository.ts subsidyFenSql).
 */
export function runningSubsidiesOfParts(parts: readonly ScheduledPart[], month: YearMonth): RunningSubsidyLine[] {
  if (parts.length === 0) return [];
  const billed = new Set(classesOfParts(parts));
  const byPart = parts.map((p) => ({ filingId: p.filingId, days: p.days, lines: runningSubsidies(p.classes, month) }));
  const lines = new Map<string, RunningSubsidyLine>();
  for (const { lines: running } of byPart)
    for (const l of running.filter((x) => billed.has(x.buildingClass)))
      lines.set(JSON.stringify([l.payer, l.buildingClass]), { ...l, rate: 0, rateDays: null, filingRates: {} });
  for (const line of lines.values()) {
    const rates = byPart.map((p) => ({
      filingId: p.filingId,
      days: p.days,
      rateFen: p.lines.find((x) => x.payer === line.payer && x.buildingClass === line.buildingClass)?.rate ?? 0,
    }));
    line.rate = rates[rates.length - 1].rateFen;
    line.rateDays = parts.length > 1 ? rateDaysOf(rates) : null;
    line.filingRates = Object.fromEntries(rates.map((r) => [r.filingId, r.rateFen]));
  }
  return [...lines.values()];
}

/**
 * Whether one of the company's contracts serves the area on `day` (from its start to its last day served, both
 * included): a utility cut-off that day is that company's (Civil Code art. 944 para. 3). A contract beginning or
 * ending within the month serves only its own days of it, as servedDaysOf counts them for billing.
 */
export function servesDay(spans: readonly ServiceSpan[], day: IsoDate): boolean {
  return spans.some((s) => compareDates(s.startsOn, day) <= 0 && compareDates(day, s.endsOn) <= 0);
}

/**
 * When a month's fee falls due, where the contract says nothing else: the last day of the month served. Aging,
 * late fees and the limitation period all count from this date.
 */
export function dueOnForMonth(month: YearMonth): IsoDate {
  return monthSpan(month).last;
}

/**
 * A month can be billed once it has begun: a client asking for next month, or for text that is not a month, gets
 * BAD_USER_INPUT (UNKNOWN_MONTH) and nothing is written.
 */
export function checkBillingMonth(month: unknown, today: IsoDate): YearMonth {
  if (!isYearMonth(month)) {
    throw new InvalidInputError(`${String(month)} is not a YYYY-MM month`, {
      problems: [{ code: 'UNKNOWN_MONTH', month }],
      fields: { month: 'a YYYY-MM month' },
    });
  }
  if (compareMonths(month, today.slice(0, 7)) > 0) {
    throw new InvalidInputError(`${month} has not begun, so it cannot be billed yet`, {
      problems: [{ code: 'UNKNOWN_MONTH', month }],
      fields: { month: `not after ${today.slice(0, 7)}` },
    });
  }
  return month;
}

export interface ScheduledSubsidy {
  payer: string;
  rateFenPerM2Month: number;
  startMonth: YearMonth;
  months: number;
}

/** Whether the subsidy runs in `month`: from its start month for `months` months (seed 003: 36 months from 2022-01). */
export function subsidyRunsIn(subsidy: ScheduledSubsidy, month: YearMonth): boolean {
  return (
    compareMonths(month, subsidy.startMonth) >= 0 &&
    compareMonths(month, addMonths(subsidy.startMonth, subsidy.months)) < 0
  );
}

/**
 * The subsidies running in `month`, one per payer and building class at the sum of that payer's running rates: a
 * class may name one payer twice (two grants, ¥0.50 and ¥0.28, as the contracts subgraph accepts and bills as one
 * ¥0.78 line), and billing them as two lines of one payer and class failed the whole area's run (a money audit).
 */
export function runningSubsidies(
  classes: readonly { buildingClass: string; subsidies: readonly ScheduledSubsidy[] }[],
  month: YearMonth,
): { payer: string; buildingClass: string; rate: number }[] {
  const byPayer = new Map<string, { payer: string; buildingClass: string; rate: number }>();
  for (const c of classes)
    for (const s of c.subsidies.filter((x) => subsidyRunsIn(x, month))) {
      const key = JSON.stringify([s.payer, c.buildingClass]);
      const line = byPayer.get(key) ?? { payer: s.payer, buildingClass: c.buildingClass, rate: 0 };
      line.rate += s.rateFenPerM2Month;
      byPayer.set(key, line);
    }
  return [...byPayer.values()];
}
