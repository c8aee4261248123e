import { InvalidInputError } from '../../../kernel/errors';
import { YearMonth, isYearMonth, monthFromIndex, monthIndex } from '../../../kernel/calendar';
import { Fen, chargeFen } from '../../../kernel/money';

/**
 * A contract's fee schedule: per building class, the assessed rate (the full fee standard an independent assessor set, 测算确定的收费
 * 标准), the rate owners pay, and the subsidies (补贴) third parties pay towards the difference. All rates are integer
 * fen per m² of floor area per month. Seed 003 (学院南路32号院): "测算确定学院南路32号院物业费收费标准为低楼1.78元/平方米
 * /月、高楼2.45元/平方米/月 … 最终确定按照低楼1元/平方米/月、高楼1.67元/平方米/月向业主收取物业费，并由街道和首开集团按照
 * 每月每平方米0.78元的标准进行为期三年的联合补贴": 100 + 78 = 178 and 167 + 78 = 245.
 *
 * The rule: in every month in which any subsidy runs, owner rate + the subsidies running = assessed rate, so the
 * provider is paid the assessed standard and nobody pays twice. A schedule lists the rates of the subsidised period;
 * what owners pay once the subsidies end is for the parties to agree later (seed 003 says nothing about year four).
 * So a class whose owner rate stays below the assessed rate in a month without subsidy is flagged, not rejected:
 * the provider is short of the assessed standard from then on and the street office should see it coming. The
 * schedule carries no start month of its own, so months before its first subsidy are not examined; the contract's
 * term says when the schedule begins.
 */

/** Fee standards differ by building class (seed 003: low-rise 低楼, high-rise 高楼). */
import { BUILDING_CLASSES, type BuildingClass } from '../../../catalog';

export { BUILDING_CLASSES, type BuildingClass };

export interface Subsidy {
  /** Who is billed for the subsidy, e.g. the street office or the receiver of the non-operating assets. */
  payer: string;
  rateFenPerM2Month: number;
  /** The first month the subsidy runs. */
  startMonth: YearMonth;
  /** How many calendar months it runs, the start month included ("为期三年" is 36). */
  months: number;
}

export interface ClassFee {
  buildingClass: BuildingClass;
  assessedRateFenPerM2Month: number;
  ownerRateFenPerM2Month: number;
  subsidies: readonly Subsidy[];
}

export interface FeeSchedule {
  classes: readonly ClassFee[];
}

export type FeeScheduleProblemCode =
  | 'UNKNOWN_BUILDING_CLASS'
  | 'DUPLICATE_BUILDING_CLASS'
  | 'BUILDING_CLASS_NOT_COVERED'
  | 'INVALID_RATE'
  | 'INVALID_SUBSIDY'
  | 'OWNER_RATE_ABOVE_ASSESSED'
  | 'RATES_DO_NOT_ADD_UP';

export interface FeeScheduleProblem {
  code: FeeScheduleProblemCode;
  buildingClass?: string;
  /** The offending field, as a path into the schedule, for INVALID_RATE and INVALID_SUBSIDY. */
  field?: string;
  /** For RATES_DO_NOT_ADD_UP: the months (inclusive) in which owner + subsidies = actualFenPerM2Month ≠ assessed. */
  fromMonth?: YearMonth;
  toMonth?: YearMonth;
  expectedFenPerM2Month?: number;
  actualFenPerM2Month?: number;
}

export type FeeScheduleFlagCode = 'OWNER_RATE_BELOW_ASSESSED_WITHOUT_SUBSIDY';

export interface FeeScheduleFlag {
  code: FeeScheduleFlagCode;
  buildingClass: BuildingClass;
  /**
   * The first month without a subsidy after one has run; null when the class has no subsidy at all, so owners pay
   * below the assessed rate from the start.
   */
  fromMonth: YearMonth | null;
  /** The last month of the shortfall; null when it runs on with no end (after the last subsidy). */
  toMonth: YearMonth | null;
  shortfallFenPerM2Month: number;
}

export interface FeeScheduleAssessment {
  /** Every problem, in schedule order; a schedule with problems is rejected. */
  problems: FeeScheduleProblem[];
  /** Things reviewers should see; they do not make the schedule invalid. */
  flags: FeeScheduleFlag[];
}

/** 100 years of months keeps every subsidy month a four-digit 'YYYY-MM'. */
const MAX_SUBSIDY_MONTHS = 1200;

const isRate = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Checks a schedule against the building classes of the area it is for: every class the area has must have a fee
 * (a household of an uncovered class could not be billed). Classes the area lacks may be listed: a schedule can be
 * posted for a whole compound.
 */
export function assessFeeSchedule(schedule: FeeSchedule, areaClasses: readonly BuildingClass[]): FeeScheduleAssessment {
  const problems: FeeScheduleProblem[] = [];
  const flags: FeeScheduleFlag[] = [];
  const classes: readonly ClassFee[] = Array.isArray(schedule?.classes) ? schedule.classes : [];
  const seen = new Set<string>();

  classes.forEach((fee, i) => {
    const at = `classes[${i}]`;
    const buildingClass = fee.buildingClass;
    if (!BUILDING_CLASSES.includes(buildingClass))
      problems.push({ code: 'UNKNOWN_BUILDING_CLASS', buildingClass, field: `${at}.buildingClass` });
    else if (seen.has(buildingClass))
      problems.push({ code: 'DUPLICATE_BUILDING_CLASS', buildingClass, field: `${at}.buildingClass` });
    seen.add(buildingClass);

    let shapeOk = true;
    const invalid = (code: 'INVALID_RATE' | 'INVALID_SUBSIDY', field: string) => {
      problems.push({ code, buildingClass, field: `${at}.${field}` });
      shapeOk = false;
    };
    if (!isRate(fee.assessedRateFenPerM2Month)) invalid('INVALID_RATE', 'assessedRateFenPerM2Month');
    if (!isRate(fee.ownerRateFenPerM2Month)) invalid('INVALID_RATE', 'ownerRateFenPerM2Month');
    const subsidies: readonly Subsidy[] = Array.isArray(fee.subsidies) ? fee.subsidies : [];
    if (!Array.isArray(fee.subsidies)) invalid('INVALID_SUBSIDY', 'subsidies');
    subsidies.forEach((s, j) => {
      const sat = `subsidies[${j}]`;
      if (typeof s.payer !== 'string' || s.payer.trim() === '') invalid('INVALID_SUBSIDY', `${sat}.payer`);
      if (!isRate(s.rateFenPerM2Month)) invalid('INVALID_RATE', `${sat}.rateFenPerM2Month`);
      if (!isYearMonth(s.startMonth)) invalid('INVALID_SUBSIDY', `${sat}.startMonth`);
      if (!Number.isSafeInteger(s.months) || s.months < 1 || s.months > MAX_SUBSIDY_MONTHS)
        invalid('INVALID_SUBSIDY', `${sat}.months`);
    });
    if (!shapeOk) return;

    const assessed = fee.assessedRateFenPerM2Month;
    const owner = fee.ownerRateFenPerM2Month;
    // Subsidies lower what owners pay; nothing lets owners pay more than the standard the assessor set.
    if (owner > assessed)
      problems.push({
        code: 'OWNER_RATE_ABOVE_ASSESSED',
        buildingClass,
        expectedFenPerM2Month: assessed,
        actualFenPerM2Month: owner,
      });

    for (const run of subsidyRuns(subsidies)) {
      const total = owner + run.subsidyFenPerM2Month;
      if (run.active && total !== assessed) {
        problems.push({
          code: 'RATES_DO_NOT_ADD_UP',
          buildingClass,
          fromMonth: monthFromIndex(run.from),
          toMonth: monthFromIndex(run.to),
          expectedFenPerM2Month: assessed,
          actualFenPerM2Month: total,
        });
      }
      if (!run.active && owner < assessed && BUILDING_CLASSES.includes(buildingClass)) {
        flags.push({
          code: 'OWNER_RATE_BELOW_ASSESSED_WITHOUT_SUBSIDY',
          buildingClass,
          fromMonth: run.from === null ? null : monthFromIndex(run.from),
          toMonth: run.to === null ? null : monthFromIndex(run.to),
          shortfallFenPerM2Month: assessed - owner,
        });
      }
    }
  });

  for (const buildingClass of new Set(areaClasses)) {
    if (!seen.has(buildingClass)) problems.push({ code: 'BUILDING_CLASS_NOT_COVERED', buildingClass });
  }
  return { problems, flags };
}

/** Throws BAD_USER_INPUT with details.problems when the schedule has problems; otherwise returns its flags. */
export function validateFeeSchedule(schedule: FeeSchedule, areaClasses: readonly BuildingClass[]): FeeScheduleFlag[] {
  const { problems, flags } = assessFeeSchedule(schedule, areaClasses);
  if (problems.length > 0) throw new InvalidInputError('The fee schedule is invalid', { problems });
  return flags;
}

type SubsidyRun =
  | { active: true; from: number; to: number; subsidyFenPerM2Month: number }
  | { active: false; from: number | null; to: number | null; subsidyFenPerM2Month: 0 };

/**
 * The months split into runs over which the same subsidies run, from the first subsidy month on, ending with the
 * open run after the last one. Only the months where a subsidy starts or stops can change the sum, so the check
 * visits those boundaries instead of every month. Without subsidies there is one open run, with no start.
 */
function subsidyRuns(subsidies: readonly Subsidy[]): SubsidyRun[] {
  if (subsidies.length === 0) return [{ active: false, from: null, to: null, subsidyFenPerM2Month: 0 }];
  const periods = subsidies.map((s) => ({
    from: monthIndex(s.startMonth),
    until: monthIndex(s.startMonth) + s.months,
    rate: s.rateFenPerM2Month,
  }));
  const boundaries = [...new Set(periods.flatMap((p) => [p.from, p.until]))].sort((a, b) => a - b);
  const runs: SubsidyRun[] = [];
  for (let k = 0; k < boundaries.length - 1; k += 1) {
    const [from, until] = [boundaries[k], boundaries[k + 1]];
    const running = periods.filter((p) => p.from <= from && from < p.until);
    if (running.length > 0)
      runs.push({
        active: true,
        from,
        to: until - 1,
        subsidyFenPerM2Month: running.reduce((sum, p) => sum + p.rate, 0),
      });
    else runs.push({ active: false, from, to: until - 1, subsidyFenPerM2Month: 0 });
  }
  runs.push({ active: false, from: boundaries[boundaries.length - 1], to: null, subsidyFenPerM2Month: 0 });
  return runs;
}

/** The fee of a class; BAD_USER_INPUT when the schedule has none for it. */
export function classFee(schedule: FeeSchedule, buildingClass: BuildingClass): ClassFee {
  const fee = schedule.classes.find((c) => c.buildingClass === buildingClass);
  if (!fee)
    throw new InvalidInputError(`The fee schedule has no fee for ${String(buildingClass)} buildings`, {
      buildingClass,
    });
  return fee;
}

/**
 * A household's monthly charge: floor area × the owner rate of its building class, rounded half up to the fen
 * (四舍五入; see chargeFen). 56.78 m² at 100 fen is 5,678 fen; at 167 fen, 9,482.26 → 9,482 fen.
 */
export function ownerChargeFen(floorAreaCentiM2: number, rateFenPerM2Month: number): Fen {
  return chargeFen(floorAreaCentiM2, rateFenPerM2Month);
}

export interface SubsidyCharge {
  payer: string;
  /** The sum of the payer's subsidies running in the month. */
  rateFenPerM2Month: number;
  chargeFen: Fen;
}

/**
 * What each payer is billed for `month` on `floorAreaCentiM2` of the class: one line per payer, in the order the
 * payers first appear, the payer's rates summed before rounding so the payer is rounded once. Empty when no subsidy
 * runs that month. Every party's charge is its own rate × the area, rounded half up, so each can check its own bill
 * without the others'; the parts can therefore differ from round(assessed × area) by under one fen per payer. Pass
 * the class's total floor area (one bill per payer per month) rather than summing per-household charges, so
 * rounding is paid once and not once per household.
 */
export function subsidyChargesFen(
  schedule: FeeSchedule,
  buildingClass: BuildingClass,
  floorAreaCentiM2: number,
  month: YearMonth,
): SubsidyCharge[] {
  if (!isYearMonth(month))
    throw new InvalidInputError('The month is invalid', {
      fields: { month: 'month must be a YYYY-MM calendar month' },
    });
  const rates = new Map<string, number>();
  for (const s of runningSubsidies(classFee(schedule, buildingClass), month))
    rates.set(s.payer, (rates.get(s.payer) ?? 0) + s.rateFenPerM2Month);
  return [...rates].map(([payer, rate]) => ({
    payer,
    rateFenPerM2Month: rate,
    chargeFen: chargeFen(floorAreaCentiM2, rate),
  }));
}

/** The last month a subsidy runs: seed 003's 36 months from 2022-01 end with 2024-12. */
export function subsidyEndMonth(subsidy: Subsidy): YearMonth {
  return monthFromIndex(monthIndex(subsidy.startMonth) + subsidy.months - 1);
}

/** The class's subsidies running in `month` (start month included, `months` long). */
export function runningSubsidies(fee: ClassFee, month: YearMonth): Subsidy[] {
  const at = monthIndex(month);
  return fee.subsidies.filter((s) => monthIndex(s.startMonth) <= at && at < monthIndex(s.startMonth) + s.months);
}
