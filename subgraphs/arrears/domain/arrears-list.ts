import { IsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { Fen } from '../../../kernel/money';
import { AccountStatus } from './account-status';
import { AgingLine, agingBucket, daysOverdue } from './aging';
import { AGING_BUCKETS, AgingBucket } from './statutes';

/** What a list of accounts with arrears may be narrowed to. */
export interface ArrearsFilter {
  areaId?: string | null;
  buildingId?: string | null;
  statuses?: AccountStatus[] | null;
  /** The bucket of the account's oldest charge in arrears. */
  agingBucket?: AgingBucket | null;
  minOpenFen?: number | null;
  maxOpenFen?: number | null;
  /** Accounts of these households, whatever they owe (the Household entity's field). */
  householdIds?: string[] | null;
}

/** Whose account it is and where its household stands, as every list of accounts shows it (no owner name). */
export interface AccountPlace {
  accountId: string;
  companyId: string;
  householdId: string;
  areaId: string;
  buildingId: string;
  unit: string | null;
  room: string | null;
}

/** An account in a list: the household and its arrears, no owner name. */
export interface ArrearsSummary extends AccountPlace {
  status: AccountStatus;
  /** Everything open on the account, due or not. */
  openFen: Fen;
  /** What is open on the charges in arrears (past due and owed: charge.ts inArrears); the list's order and totals. */
  arrearsFen: Fen;
  /** The charges in arrears, and the oldest one's due date. */
  openCharges: number;
  oldestDueOn: IsoDate | null;
}

export interface ArrearsListItem extends ArrearsSummary {
  daysOverdue: number;
  agingBucket: AgingBucket | null;
}

export interface ArrearsList {
  items: ArrearsListItem[];
  totalCount: number;
  openFen: Fen;
  aging: AgingLine[];
}

/** BAD_USER_INPUT for arrears amounts that are not whole fen, 0 or more. */
export function checkArrearsFilter(filter: ArrearsFilter): void {
  const fields: Record<string, string> = {};
  for (const name of ['minOpenFen', 'maxOpenFen'] as const) {
    const value = filter[name];
    if (value !== null && value !== undefined && (!Number.isSafeInteger(value) || value < 0))
      fields[name] = 'whole fen, 0 or more';
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The arrears filter is invalid', { fields });
}

/** The days overdue an aging bucket spans (the last has no upper end). */
export function overdueDaysOf(
  bucket: AgingBucket | null | undefined,
): { minDays: number; maxDays: number | null } | null {
  const found = bucket ? AGING_BUCKETS.find((b) => b.bucket === bucket) : undefined;
  return found ? { minDays: found.minDays, maxDays: found.maxDays } : null;
}

/** The account's age as of `today`, by its oldest open charge. */
export function arrearsItem(summary: ArrearsSummary, today: IsoDate): ArrearsListItem {
  const days = summary.oldestDueOn === null ? 0 : daysOverdue(summary.oldestDueOn, today);
  return { ...summary, daysOverdue: days, agingBucket: summary.oldestDueOn === null ? null : agingBucket(days) };
}
