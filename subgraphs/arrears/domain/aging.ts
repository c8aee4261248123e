import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, daysBetween } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { isPastDue } from '../../../kernel/past-due';
import { Charge, openFen } from './charge';
import { AGING_BUCKETS, AgingBucket } from './statutes';

/**
 * Whole days a charge is overdue on `asOf`. Paying on the due date is on time, so the due date itself is day 0 and
 * the day after is day 1; a charge not yet due is 0 days overdue, never negative.
 */
export function daysOverdue(dueOn: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysBetween(dueOn, asOf));
}

/** The bucket a whole, non-negative number of days overdue falls in. */
export function agingBucket(days: number): AgingBucket {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new InvalidInputError('Days overdue must be a whole number, 0 or more', {
      fields: { days: 'must be a whole number, 0 or more' },
    });
  }
  const found = AGING_BUCKETS.find((b) => days >= b.minDays && (b.maxDays === null || days <= b.maxDays));
  // AGING_BUCKETS covers 0..∞ without gaps (statutes.test.ts), so a miss means that table was broken.
  if (!found) throw new Error(`AGING_BUCKETS has no bucket for ${days} days`);
  return found.bucket;
}

export interface AgingLine {
  bucket: AgingBucket;
  /** Charges with something still open. */
  count: number;
  openFen: Fen;
}

/**
 * The open arrears by bucket, every bucket listed in AGING_BUCKETS order (zeros included, so reports line up).
 * Settled charges and charges not yet past due on `asOf` (kernel/past-due.ts, Civil Code art. 944 para. 2) are left
 * out: a charge is aged from the day after its due date, so the first bucket holds charges 1 to 30 days overdue.
 */
export function agingSummary(charges: readonly Charge[], asOf: IsoDate): AgingLine[] {
  const lines = new Map<AgingBucket, AgingLine>(
    AGING_BUCKETS.map((b) => [b.bucket, { bucket: b.bucket, count: 0, openFen: 0 }]),
  );
  for (const charge of charges) {
    const open = openFen(charge);
    if (open === 0 || !isPastDue(charge.dueOn, asOf)) continue;
    const line = lines.get(agingBucket(daysOverdue(charge.dueOn, asOf)));
    if (line) {
      line.count += 1;
      line.openFen += open;
    }
  }
  return [...lines.values()];
}
