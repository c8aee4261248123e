import type { EntityManager } from '@mikro-orm/postgresql';
import { isIsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { deadlineWatchReach } from '../domain/access';
import { OverdueCase, SmallClaimsCase, overdueCases } from '../domain/court-timeline';
import { Referral } from '../domain/referral';
import { docketedSmallClaims } from '../persistence/referral.repository';

/**
 * A court's docketed small-claims cases past their decision date (Civil Procedure Law art. 168), most overdue first;
 * not those decided, withdrawn or closed by `asOf`.
 */
export async function overdueSmallClaims(
  em: EntityManager,
  identity: Identity,
  asOf: string | null = null,
): Promise<(OverdueCase & { referral: Referral })[]> {
  const day = asOf ?? todayInChina();
  if (!isIsoDate(day))
    throw new InvalidInputError('asOf must be a YYYY-MM-DD date', { fields: { asOf: 'YYYY-MM-DD' } });
  const reach = deadlineWatchReach(identity);
  if (!reach) return [];
  const referrals = await docketedSmallClaims(em, reach);
  const byId = new Map(referrals.map((r) => [r.id, r]));
  const cases = referrals.flatMap((r): SmallClaimsCase[] =>
    r.docketedOn === null
      ? []
      : [
          {
            caseId: r.id,
            docketedOn: r.docketedOn,
            extensionApprovedOn: r.extensionApprovedOn,
            // A withdrawal the court approved, or its closing of the case, ends the case as a decision does: before,
            // it stayed overdue for good, though the deadline feed called its deadline cancelled.
            decidedOn: r.decidedOn ?? r.endedOn,
          },
        ],
  );
  return overdueCases(cases, day).map((o) => ({ ...o, referral: byId.get(o.caseId)! }));
}
