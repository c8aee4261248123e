import { IsoDate, addYears, compareDates } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { percentHalfUp } from '../../../kernel/percent';

/**
 * The provider's performance (履行情况) that Civil Code art. 943 has it make public, as far as the hub holds it: how
 * much of the service fees owners owed it collected. Only charges that have fallen due count (a charge not yet due
 * is owed by nobody, so it is neither collected nor in arrears), over the twelve months before the day of publicity.
 */

/** One area's service fees of one month under one provider, as the arrears subgraph summarized them. */
export interface CollectionMonth {
  areaId: string;
  companyId: string;
  month: string;
  dueOn: IsoDate;
  households: number;
  paidHouseholds: number;
  billedFen: number;
  collectedFen: number;
}

export interface CollectionPerformance {
  /** Charges due on or after this day and before asOf count. */
  dueFrom: IsoDate;
  asOf: IsoDate;
  months: number;
  /** Household-months billed and paid up. */
  households: number;
  paidHouseholds: number;
  billedFen: number;
  collectedFen: number;
  /** One decimal, rounded half up: "98.0". */
  byHouseholdsPercent: string;
  byAmountPercent: string;
}

/** The first due date counted on `asOf`: one year before (Civil Code art. 202), so twelve monthly charges count. */
export const performanceWindowStart = (asOf: IsoDate): IsoDate => addYears(asOf, -1);

/**
 * The collection rate of the months due in the twelve months before `asOf` (dueOn < asOf), by households and by
 * amount, from sums (never an average of monthly rates); null when nothing fell due in the window.
 */
export function collectionPerformance(months: readonly CollectionMonth[], asOf: IsoDate): CollectionPerformance | null {
  const dueFrom = performanceWindowStart(asOf);
  const due = months.filter((m) => compareDates(m.dueOn, dueFrom) >= 0 && compareDates(m.dueOn, asOf) < 0);
  const sum = (pick: (m: CollectionMonth) => number) => due.reduce((total, m) => total + pick(m), 0);
  const households = sum((m) => m.households);
  const billedFen = sum((m) => m.billedFen);
  if (households === 0 || billedFen === 0) return null;
  const paidHouseholds = sum((m) => m.paidHouseholds);
  const collectedFen = sum((m) => m.collectedFen);
  if (paidHouseholds > households || collectedFen > billedFen)
    throw new InvalidInputError('A month reports more collected than billed', { asOf });
  return {
    dueFrom,
    asOf,
    months: new Set(due.map((m) => m.month)).size,
    households,
    paidHouseholds,
    billedFen,
    collectedFen,
    byHouseholdsPercent: percentHalfUp(paidHouseholds, households, 1),
    byAmountPercent: percentHalfUp(collectedFen, billedFen, 1),
  };
}
