import { litigationError } from '../domain/errors';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayActForPlaintiff } from '../domain/access';
import { insertCourtEvent } from '../persistence/court-event.repository';
import { updateCaseState } from '../persistence/referral.repository';
import { lockSentReferralAndBatches } from './batch.lookup';
import { regroup } from './batches.regroup';
import { appendCourtEventToChain } from './evidence-chain.append';
import { recordStatusChange } from './referral-status.record';
import { beforeDocketing } from '../domain/case-status';

/**
 * The company withdraws a referral the court has not docketed yet; after docketing, withdrawal (撤诉) is the court's to
 * report. A referral withdrawn already is left as it is.
 */
export async function withdrawReferral(
  em: EntityManager,
  identity: Identity,
  input: { referralId: string; reason: string },
): Promise<void> {
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason === '' || reason.length > 500)
    throw new InvalidInputError('A withdrawal needs its reason', { fields: { reason: '1–500 characters' } });
  await em.transactional(async (tx) => {
    const referral = await lockSentReferralAndBatches(tx, input.referralId);
    if (!referral || !mayActForPlaintiff(identity, referral)) throw new NotFoundError('Referral', input.referralId);
    // Withdrawn already (the same request sent twice, or the court reported it): nothing more to record.
    if (referral.status === 'WITHDRAWN') return;
    if (!beforeDocketing(referral.status)) {
      throw litigationError(
        'WITHDRAWAL_NEEDS_COURT',
        `The case is ${referral.status}: ask the court to approve the withdrawal`,
        { status: referral.status },
      );
    }
    const occurredAt = new Date().toISOString();
    const details = { kind: 'WITHDRAWN', occurredAt, reason, by: 'PLAINTIFF', on: todayInChina() };
    await insertCourtEvent(tx, {
      id: randomUUID(),
      referralId: referral.id,
      kind: 'WITHDRAWN',
      occurredAt,
      verdict: 'APPLY',
      details,
      via: 'API',
      reportedBy: identity.subject,
    });
    await appendCourtEventToChain(tx, referral.id, details);
    await updateCaseState(tx, referral.id, { status: 'WITHDRAWN', statusSince: occurredAt });
    await recordStatusChange(tx, referral.id, referral.status, occurredAt);
    await regroup(tx, referral.courtId, referral.companyId);
  });
}
