import { InvalidInputError } from '../../../kernel/errors';
import { YearMonth, compareMonths, daysInMonth, isYearMonth, monthIndex } from '../../../kernel/calendar';
import { Fen, ServedDays, chargeFen, formatYuan, partsChargeFen } from '../../../kernel/money';

/**
 * The claims (诉讼请求) of an element-based complaint (要素式起诉状) for a property-service fee dispute: the fee, the
 * penalty, the costs, and the total, each figure with the words that show how it was reached, because the court and
 * the owner check the complaint line by line. Every amount is integer fen and every total is an exact integer sum;
 * a month's charge is floor area × rate rounded half up (chargeFen), the same rule as the owner's bill.
 */

export interface ArrearsMonth {
  month: YearMonth;
  /** Floor area from the property certificate (房本面积), hundredths of m². */
  floorAreaCentiM2: number;
  /** The owner rate of the filed fee standard, fen per m² per month. */
  rateFenPerM2Month: number;
  /**
   * The days of the month served, for a month charged by the day (the contract began or ended within it): the fee
   * is floor area × rate × days ÷ the month's days. Absent or null for the whole month.
   */
  servedDays?: number | null;
  /**
   * A month billed in parts (a contract of the company ended within it and its renewal began, at another rate): each
   * contract's rate and days, the fee being floor area × Σ rate × days ÷ the month's days, rounded once; the parts'
   * days are `servedDays` (the whole month when absent) and `rateFenPerM2Month` is the last part's. Absent or null
   * for a month of one rate.
   */
  parts?: MonthPart[] | null;
  /** Paid towards the month already; 0 when nothing was paid. */
  paidFen: Fen;
  /** Forgiven by the company (减免); absent: none. */
  waivedFen?: Fen;
  /** Taken off the month's fee by a correction of the bill (核减); absent: none. */
  correctedFen?: Fen;
}

/** A part of a month billed in parts: one contract's owner rate for the days it served. */
export interface MonthPart {
  rateFenPerM2Month: number;
  days: number;
}

/** A penalty line as the arrears rules computed it; the complaint only sums and quotes it. */
export interface PenaltyLine {
  label: string;
  amountFen: Fen;
  computation: string;
}

/**
 * COURT_COSTS: 诉讼费用 (statutes.ts COURT_COSTS_SOURCE), which the court assesses and the defendant is asked to bear;
 * OTHER_CLAIM: any other sum claimed from the defendant, such as a lawyer's fee the contract puts on the owner, a claim
 * of its own in the amount in dispute.
 */
export const COST_KINDS = ['COURT_COSTS', 'OTHER_CLAIM'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** A sum claimed from the defendant besides the fees and the penalty. */
export interface CostLine {
  /** Absent in packages made before costs had a kind (2026-12-07): they were all stated as court costs. */
  kind?: CostKind;
  label: string;
  amountFen: Fen;
}

/** Whether the line is court costs (诉讼费用), as every line of a package made before kinds was stated. */
export const isCourtCosts = (line: Pick<CostLine, 'kind'>): boolean => line.kind !== 'OTHER_CLAIM';

export interface FeeLine {
  month: YearMonth;
  floorAreaCentiM2: number;
  rateFenPerM2Month: number;
  /** The days served of a month charged by the day; null for the whole month. */
  servedDays: number | null;
  /** A month billed in parts: each contract's rate and days (ArrearsMonth.parts); absent for a month of one rate. */
  parts?: MonthPart[];
  chargedFen: Fen;
  paidFen: Fen;
  /** Forgiven and corrected off the month: absent in packages built before they were told apart from payments. */
  waivedFen?: Fen;
  correctedFen?: Fen;
  /** What is claimed: charged less paid, waived and corrected. */
  amountFen: Fen;
  /**
   * e.g. "56.78 m² × ¥1.67 = ¥94.82", or "56.78 m² × ¥1.67 × 16/31 days = ¥48.94" for a month served in part, or
   * "100.00 m² × (¥1.50 × 15/31 + ¥2.00 × 16/31 days) = ¥175.81" for a month billed in parts.
   */
  computation: string;
}

export interface ComplaintClaims {
  feeLines: FeeLine[];
  feeTotalFen: Fen;
  feeExplanation: string;
  penaltyLines: PenaltyLine[];
  penaltyTotalFen: Fen;
  penaltyExplanation: string;
  /** Court costs (COURT_COSTS) only: the company may claim them at 0 fen, the court assessing them. */
  costLines: CostLine[];
  costsTotalFen: Fen;
  costsExplanation: string;
  /** The other sums claimed (OTHER_CLAIM): the complaint's "其他请求". */
  otherClaimLines: CostLine[];
  otherClaimsTotalFen: Fen;
  otherClaimsExplanation: string;
  /**
   * Fee + penalty + other claims: the amount in dispute (标的额) that decides the procedure; court costs are not part
   * of it (statutes.ts COURT_COSTS_SOURCE).
   */
  amountInDisputeFen: Fen;
  grandTotalFen: Fen;
  grandTotalExplanation: string;
  /** The numbered claims as the complaint states them. */
  statements: string[];
}

/** ¥ with thousands separators: 113784 → "¥1,137.84". */
export const yuan = (fen: Fen): string => `¥${formatYuan(fen).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/** Hundredths of m² as text: 5678 → "56.78 m²". */
export const squareMetres = (centiM2: number): string =>
  `${Math.floor(centiM2 / 100)}.${String(centiM2 % 100).padStart(2, '0')} m²`;

/** Months as runs: ['2023-01','2023-02','2023-03','2023-05'] → "2023-01 to 2023-03, 2023-05". */
export function describeMonths(months: readonly YearMonth[]): string {
  const sorted = [...months].sort(compareMonths);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && monthIndex(sorted[j + 1]) === monthIndex(sorted[j]) + 1) j += 1;
    runs.push(i === j ? sorted[i] : `${sorted[i]} to ${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

export function buildComplaintClaims(input: {
  arrears: readonly ArrearsMonth[];
  penalties: readonly PenaltyLine[];
  costs: readonly CostLine[];
}): ComplaintClaims {
  validate(input);
  const feeLines = [...input.arrears].sort((a, b) => compareMonths(a.month, b.month)).map(feeLine);
  const feeTotalFen = sum(feeLines.map((l) => l.amountFen));
  const penaltyLines = input.penalties.map((p) => ({
    label: p.label.trim(),
    amountFen: p.amountFen,
    computation: p.computation.trim(),
  }));
  const penaltyTotalFen = sum(penaltyLines.map((l) => l.amountFen));
  const lines = input.costs.map((c) => ({
    kind: isCourtCosts(c) ? ('COURT_COSTS' as const) : ('OTHER_CLAIM' as const),
    label: c.label.trim(),
    amountFen: c.amountFen,
  }));
  const costLines = lines.filter(isCourtCosts);
  const costsTotalFen = sum(costLines.map((l) => l.amountFen));
  const otherClaimLines = lines.filter((l) => !isCourtCosts(l));
  const otherClaimsTotalFen = sum(otherClaimLines.map((l) => l.amountFen));
  const amountInDisputeFen = sum([feeTotalFen, penaltyTotalFen, otherClaimsTotalFen]);
  const grandTotalFen = sum([amountInDisputeFen, costsTotalFen]);

  const period = describeMonths(feeLines.map((l) => l.month));
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const feeExplanation = `Property service fees owed for ${count(feeLines.length, 'month')} (${period}): ${yuan(feeTotalFen)}, the sum of the monthly lines`;
  const penaltyExplanation =
    penaltyLines.length === 0
      ? 'No penalty is claimed'
      : `Penalty for late payment: ${yuan(penaltyTotalFen)}, the sum of ${count(penaltyLines.length, 'line')} computed under the contract: ` +
        penaltyLines.map((l) => `${l.label}: ${l.computation}`).join('; ');
  const listed = (ls: readonly CostLine[]) => ls.map((l) => `${l.label} ${yuan(l.amountFen)}`).join(' + ');
  const costsExplanation =
    costLines.length === 0
      ? 'No costs are claimed'
      : `Court costs, as the court assesses them: ${yuan(costsTotalFen)} as the company states them = ${listed(costLines)}`;
  const otherClaimsExplanation =
    otherClaimLines.length === 0
      ? 'No other claims'
      : `Other claims: ${yuan(otherClaimsTotalFen)} = ${listed(otherClaimLines)}`;
  const grandTotalExplanation =
    `Total: fees ${yuan(feeTotalFen)} + penalty ${yuan(penaltyTotalFen)}` +
    (otherClaimLines.length > 0 ? ` + other claims ${yuan(otherClaimsTotalFen)}` : '') +
    ` + costs ${yuan(costsTotalFen)} = ${yuan(grandTotalFen)}`;

  const statements = [`Order the defendant to pay property service fees of ${yuan(feeTotalFen)} for ${period}`];
  if (penaltyLines.length > 0)
    statements.push(`Order the defendant to pay a penalty for late payment of ${yuan(penaltyTotalFen)}`);
  for (const l of otherClaimLines) statements.push(`Order the defendant to pay ${l.label} of ${yuan(l.amountFen)}`);
  if (costLines.length > 0)
    statements.push(`Order the defendant to bear the court costs (${costLines.map((l) => l.label).join(', ')})`);
  return {
    feeLines,
    feeTotalFen,
    feeExplanation,
    penaltyLines,
    penaltyTotalFen,
    penaltyExplanation,
    costLines,
    costsTotalFen,
    costsExplanation,
    otherClaimLines,
    otherClaimsTotalFen,
    otherClaimsExplanation,
    amountInDisputeFen,
    grandTotalFen,
    grandTotalExplanation,
    statements: statements.map((s, i) => `${i + 1}. ${s}`),
  };
}

/** The part of the month a line charges: the days served out of the month's, or undefined for the whole month. */
export const servedPart = (a: Pick<ArrearsMonth, 'month' | 'servedDays'>): ServedDays | undefined =>
  a.servedDays == null ? undefined : { days: a.servedDays, monthDays: daysInMonth(a.month) };

/** The parts of a month billed in parts, or undefined for a month of one rate. */
const partsOf = (a: Pick<ArrearsMonth, 'parts'>): MonthPart[] | undefined =>
  a.parts && a.parts.length > 0 ? a.parts : undefined;

/**
 * What the month charged: floor area × rate, for the days served when the month was served in part (chargeFen); for
 * a month billed in parts, floor area × Σ rate × days ÷ the month's days, rounded once (partsChargeFen).
 */
export const monthChargedFen = (a: Omit<ArrearsMonth, 'paidFen' | 'waivedFen' | 'correctedFen'>): Fen => {
  const parts = partsOf(a);
  return parts
    ? partsChargeFen(
        a.floorAreaCentiM2,
        parts.map((p) => ({ rateFen: p.rateFenPerM2Month, days: p.days })),
        daysInMonth(a.month),
      )
    : chargeFen(a.floorAreaCentiM2, a.rateFenPerM2Month, servedPart(a));
};

/** What a month's line takes off the charge: paid, waived (减免) and corrected (核减), each 0 when absent. */
const takenOff = (a: Pick<ArrearsMonth, 'paidFen' | 'waivedFen' | 'correctedFen'>) => ({
  paidFen: a.paidFen,
  waivedFen: a.waivedFen ?? 0,
  correctedFen: a.correctedFen ?? 0,
});

function feeLine(a: ArrearsMonth): FeeLine {
  const chargedFen = monthChargedFen(a);
  const part = servedPart(a);
  const parts = partsOf(a);
  const days = part ? ` × ${part.days}/${part.monthDays} days` : '';
  const rated = parts
    ? `(${parts.map((p) => `${yuan(p.rateFenPerM2Month)} × ${p.days}/${daysInMonth(a.month)}`).join(' + ')} days)`
    : `${yuan(a.rateFenPerM2Month)}${days}`;
  const product = `${squareMetres(a.floorAreaCentiM2)} × ${rated} = ${yuan(chargedFen)}`;
  const off = takenOff(a);
  const amountFen = chargedFen - off.paidFen - off.waivedFen - off.correctedFen;
  const less = [
    [off.paidFen, 'paid'],
    [off.waivedFen, 'waived'],
    [off.correctedFen, 'corrected off the bill'],
  ]
    .filter(([fen]) => fen !== 0)
    .map(([fen, what]) => `${yuan(fen as number)} ${what}`);
  const computation = less.length === 0 ? product : `${product}, less ${less.join(', ')} = ${yuan(amountFen)}`;
  return {
    month: a.month,
    floorAreaCentiM2: a.floorAreaCentiM2,
    rateFenPerM2Month: a.rateFenPerM2Month,
    servedDays: part ? part.days : null,
    ...(parts ? { parts: parts.map((p) => ({ rateFenPerM2Month: p.rateFenPerM2Month, days: p.days })) } : {}),
    chargedFen,
    ...off,
    amountFen,
    computation,
  };
}

function sum(amounts: readonly Fen[]): Fen {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total)) throw new InvalidInputError('The claim is too large to total exactly', { total });
  return total;
}

const wholeFen = (v: unknown, min: number) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/**
 * A month's parts as a complaint can state them (ArrearsMonth.parts), bounded: at most one a day. A part's rate may be
 * 0 (a contract charging owners nothing, its subsidy paying it all: its days are stated at 0.00元); the last part's is
 * the month's, 1 or more. Before, a part at 0 made the whole claim invalid.
 */
function validParts(a: ArrearsMonth): boolean {
  const parts = a.parts;
  if (!Array.isArray(parts) || parts.length < 2 || parts.length > daysInMonth(a.month)) return false;
  if (!parts.every((p) => wholeFen(p?.rateFenPerM2Month, 0) && wholeFen(p?.days, 1))) return false;
  const days = parts.reduce((sum, p) => sum + p.days, 0);
  return (
    days === (a.servedDays ?? daysInMonth(a.month)) && parts[parts.length - 1].rateFenPerM2Month === a.rateFenPerM2Month
  );
}

function validate(input: {
  arrears: readonly ArrearsMonth[];
  penalties: readonly PenaltyLine[];
  costs: readonly CostLine[];
}): void {
  const fields: Record<string, string> = {};
  const arrears = Array.isArray(input.arrears) ? input.arrears : [];
  if (arrears.length === 0) fields.arrears = 'a fee claim needs at least one month of arrears';
  const seen = new Set<string>();
  arrears.forEach((a, i) => {
    if (!isYearMonth(a.month) || seen.has(a.month)) fields[`arrears[${i}].month`] = 'each month once, as YYYY-MM';
    seen.add(a.month);
    if (!wholeFen(a.floorAreaCentiM2, 1))
      fields[`arrears[${i}].floorAreaCentiM2`] = 'the floor area is whole hundredths of m², 1 or more';
    if (!wholeFen(a.rateFenPerM2Month, 1))
      fields[`arrears[${i}].rateFenPerM2Month`] = 'the rate is whole fen per m² per month, 1 or more';
    const part = a.servedDays != null && isYearMonth(a.month);
    if (part && !(wholeFen(a.servedDays, 1) && (a.servedDays as number) < daysInMonth(a.month)))
      fields[`arrears[${i}].servedDays`] = "the days served are whole days, fewer than the month's, or absent";
    if (a.parts != null && isYearMonth(a.month) && !validParts(a)) {
      fields[`arrears[${i}].parts`] =
        "two or more parts, each a rate of 1 fen or more for whole days, the days together the days served (the month's when absent), the last part's rate the month's";
    }
    if (!wholeFen(a.paidFen, 0)) fields[`arrears[${i}].paidFen`] = 'the amount paid is whole fen, 0 or more';
    if (a.waivedFen != null && !wholeFen(a.waivedFen, 0))
      fields[`arrears[${i}].waivedFen`] = 'the amount waived is whole fen, 0 or more';
    if (a.correctedFen != null && !wholeFen(a.correctedFen, 0))
      fields[`arrears[${i}].correctedFen`] = 'the amount corrected off is whole fen, 0 or more';
    const off = takenOff(a);
    if (
      !fields[`arrears[${i}].paidFen`] &&
      !fields[`arrears[${i}].waivedFen`] &&
      !fields[`arrears[${i}].correctedFen`] &&
      wholeFen(a.floorAreaCentiM2, 1) &&
      wholeFen(a.rateFenPerM2Month, 1) &&
      !fields[`arrears[${i}].servedDays`] &&
      !fields[`arrears[${i}].parts`] &&
      off.paidFen + off.waivedFen + off.correctedFen >= monthChargedFen(a)
    ) {
      fields[`arrears[${i}].paidFen`] = 'a month paid, waived or corrected off in full is not in arrears';
    }
  });
  (Array.isArray(input.penalties) ? input.penalties : []).forEach((p, i) => {
    if (!text(p.label) || !text(p.computation) || !wholeFen(p.amountFen, 0))
      fields[`penalties[${i}]`] = 'a penalty line needs a label, its computation and whole fen, 0 or more';
  });
  if (!Array.isArray(input.penalties)) fields.penalties = 'give the penalty lines, possibly none';
  (Array.isArray(input.costs) ? input.costs : []).forEach((c, i) => {
    if (!text(c.label) || !wholeFen(c.amountFen, 0))
      fields[`costs[${i}]`] = 'a cost needs a label and whole fen, 0 or more';
  });
  if (!Array.isArray(input.costs)) fields.costs = 'give the costs, possibly none';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The complaint claims are invalid', { fields });
}
