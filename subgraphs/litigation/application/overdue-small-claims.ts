import type { EntityManager } from '@mikro-orm/postgresql';
import { earlierDate, isIsoDate } from '../../../kernel/calendar';
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
            // A withdrawal the court approved, its closing of the case, or its conversion to the simple or ordinary
            // procedure (art. 169), ends the period as a decision does, whichever came first: before, a withdrawn or
            // closed case stayed overdue for good, and a converted one was listed after 2 months though the simple
            // procedure has 3 (art. 164) and the ordinary 6 (art. 152).
            decidedOn: r.decidedOn && r.endedOn ? earlierDate(r.decidedOn, r.endedOn) : (r.decidedOn ?? r.endedOn),
          },
        ],
  );
  return overdueCases(cases, day).map((o) => ({ ...o, referral: byId.get(o.caseId)! }));
}
