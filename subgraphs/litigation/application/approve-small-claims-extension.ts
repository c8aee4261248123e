import { isSmallClaims } from '../domain/procedure';
import { litigationError } from '../domain/errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayReportForCourt } from '../domain/access';
import { extendDecisionDeadline } from '../domain/court-timeline';
import { todayInChina } from '../../../kernel/clock';
import { lockSentReferral, recordExtensionApproval } from '../persistence/referral.repository';
import { announceCaseDeadlines } from './announce-case-deadlines';
import { appendCourtEventToChain } from './evidence-chain.append';

/**
 * The court records its president's approval of the one-month extension of a docketed small claim (Civil Procedure
 * Law art. 168): once only, before the two months have run out, not after the decision nor once the case has left the
 * court, and not dated ahead (court-timeline.ts).
 */
export async function approveSmallClaimsExtension(
  em: EntityManager,
  identity: Identity,
  input: { referralId: string; approvedOn: string },
): Promise<void> {
  await em.transactional(async (tx) => {
    const r = await lockSentReferral(tx, input.referralId);
    if (!r || !mayReportForCourt(identity, r)) throw new NotFoundError('Referral', input.referralId);
    if (r.docketedOn === null || !isSmallClaims(r.procedure)) {
      throw litigationError(
        'NOT_A_DOCKETED_SMALL_CLAIM',
        'Only a small claim docketed by the court has a decision deadline to extend',
        {
          procedure: r.procedure,
          docketedOn: r.docketedOn,
        },
      );
    }
    extendDecisionDeadline(
      { caseId: r.id, docketedOn: r.docketedOn, extensionApprovedOn: r.extensionApprovedOn, decidedOn: r.decidedOn },
      input.approvedOn,
      { status: r.status, today: todayInChina() },
    );
    await recordExtensionApproval(tx, r.id, input.approvedOn);
    await announceCaseDeadlines(tx, r.id);
    await appendCourtEventToChain(tx, r.id, { kind: 'DECISION_DEADLINE_EXTENDED', approvedOn: input.approvedOn });
  });
}
