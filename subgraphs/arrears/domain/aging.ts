import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, daysBetween } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { isPastDue } from '../../../kernel/past-due';
import { Charge, openFen } from './charge';
import { DuePart } from './due-parts';
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
 * A charge as aged: where a correction raised it, what is open of each part (due-parts.ts openParts), each part due
 * on its own day; absent, the whole open amount is due on the charge's `dueOn`. The statement passes them (claim.ts);
 * the arrears list does not yet: its totals, ages and bucket filter are the stored per-account balance
 * (arrears-balance.repository.ts), which counts a charge by its `dueOn`, and its aging must add up to those totals.
 */
export type AgedCharge = Charge & { readonly openParts?: readonly DuePart[] };

/**
 * The open arrears by bucket, every bucket listed in AGING_BUCKETS order (zeros included, so reports line up).
 * Settled charges and amounts not yet past due on `asOf` (kernel/past-due.ts, Civil Code art. 944 para. 2) are left
 * out: an amount is aged from the day after its due date, so the first bucket holds amounts 1 to 30 days overdue.
 * A raise by a correction is aged from its own due date (AgedCharge.openParts), not the charge's: a fee paid on time
 * in 2023 and raised in 2026 is 2026's arrears, not three years old. A charge counts once in each bucket it has
 * something open in.
 */
export function agingSummary(charges: readonly AgedCharge[], asOf: IsoDate): AgingLine[] {
  const lines = new Map<AgingBucket, AgingLine>(
    AGING_BUCKETS.map((b) => [b.bucket, { bucket: b.bucket, count: 0, openFen: 0 }]),
  );
  for (const charge of charges) {
    const open = openFen(charge);
    if (open === 0) continue;
    const counted = new Set<AgingBucket>();
    for (const part of charge.openParts ?? [{ dueOn: charge.dueOn, fen: open }]) {
      if (part.fen === 0 || !isPastDue(part.dueOn, asOf)) continue;
      const bucket = agingBucket(daysOverdue(part.dueOn, asOf));
      const line = lines.get(bucket);
      if (!line) continue;
      if (!counted.has(bucket)) line.count += 1;
      counted.add(bucket);
      line.openFen += part.fen;
    }
  }
  return [...lines.values()];
}
