import { percentHalfUp } from '../../../kernel/percent';
import { InvalidInputError } from '../../../kernel/errors';
import { YearMonth, compareMonths } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';

/**
 * Collection rates (收缴率) as bureaus report them: "954户 … 达到全体住户的88.3%" (seed 002), "98%" (阳光丽景). The
 * numerator and denominator travel with the percentage so anyone can redo the division; the percentage is text
 * with one decimal, computed exactly and rounded half up, because a float would print 954/1,080 as 88.33333….
 */
export interface CollectionRate {
  numerator: number;
  denominator: number;
  /** One decimal, rounded half up: "88.3"; null when nothing was due (0/0 is no rate, not 0% or NaN). */
  percent: string | null;
}

export function collectionRate(numerator: number, denominator: number): CollectionRate {
  const fields: Record<string, string> = {};
  if (!Number.isSafeInteger(numerator) || numerator < 0) fields.numerator = 'must be a whole number, 0 or more';
  if (!Number.isSafeInteger(denominator) || denominator < 0) fields.denominator = 'must be a whole number, 0 or more';
  else if (numerator > denominator)
    fields.numerator = 'cannot exceed the denominator: a collection rate is at most 100%';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('A collection rate needs whole counts', { fields });
  if (denominator === 0) return { numerator, denominator, percent: null };
  return { numerator, denominator, percent: percentHalfUp(numerator, denominator, 1) };
}

/** One building's collection in one month: households billed and paid, amounts billed and collected. */
export interface CollectionRow {
  buildingId: string;
  month: YearMonth;
  households: number;
  paidHouseholds: number;
  billedFen: Fen;
  collectedFen: Fen;
}

export interface CollectionTotals {
  /** The building id, the month, or 'ALL'. */
  key: string;
  households: number;
  paidHouseholds: number;
  billedFen: Fen;
  collectedFen: Fen;
  byHouseholds: CollectionRate;
  byAmount: CollectionRate;
}

export type CollectionGrouping = 'BUILDING' | 'MONTH' | 'ALL';

/**
 * Sums the rows per building (in the order buildings first appear), per month (in calendar order) or overall,
 * and computes both rates from the sums: rates are never averaged, so a large building weighs as much as its
 * households. Summed over months, households count household-months.
 */
export function summarizeCollection(rows: readonly CollectionRow[], by: CollectionGrouping): CollectionTotals[] {
  const groups = new Map<string, Omit<CollectionTotals, 'byHouseholds' | 'byAmount'>>();
  for (const row of rows) {
    // Checked row by row: one building's impossible count must not hide inside another's sum.
    collectionRate(row.paidHouseholds, row.households);
    collectionRate(row.collectedFen, row.billedFen);
    const key = by === 'BUILDING' ? row.buildingId : by === 'MONTH' ? row.month : 'ALL';
    const sum = groups.get(key) ?? { key, households: 0, paidHouseholds: 0, billedFen: 0, collectedFen: 0 };
    sum.households += row.households;
    sum.paidHouseholds += row.paidHouseholds;
    sum.billedFen += row.billedFen;
    sum.collectedFen += row.collectedFen;
    groups.set(key, sum);
  }
  const totals = [...groups.values()].map((sum) => ({
    ...sum,
    byHouseholds: collectionRate(sum.paidHouseholds, sum.households),
    byAmount: collectionRate(sum.collectedFen, sum.billedFen),
  }));
  return by === 'MONTH' ? totals.sort((a, b) => compareMonths(a.key, b.key)) : totals;
}
