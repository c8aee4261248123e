import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { decideObjection, isCityBureauOf, requireText } from '../domain/credit';
import { CreditEntry, findCreditEntry, saveCreditEntryState } from '../persistence/credit-entry.repository';
import { creditCityOf, publishIfDue, publishWithdrawal } from './credit-entry.record';

/**
 * The city's bureau (its filing reviewer role over the area's district) decides the pending objection: upheld, the
 * entry is withdrawn (and the withdrawal published if the feed had carried it); dismissed, it goes back, and is
 * published at once if its notice period ran meanwhile. Anyone else NOT_FOUND.
 */
export async function decideCreditObjection(
  em: EntityManager,
  identity: Identity,
  input: { entryId: string; upheld: boolean; reason: string },
): Promise<CreditEntry> {
  const { reason } = requireText({ reason: input.reason });
  return em.transactional(async (tx) => {
    const entry = await findCreditEntry(tx, input.entryId, { lock: true });
    const city = entry && (await creditCityOf(tx, entry.districtCode));
    if (!entry || !(identity.role === 'ADMIN' || isCityBureauOf(identity, entry, city?.filingReviewerRole ?? null)))
      throw new NotFoundError('CreditEntry', input.entryId);
    const today = todayInChina();
    const wasPublished = entry.publishedOn !== null;
    entry.status = decideObjection(entry, input.upheld);
    const last = entry.objections[entry.objections.length - 1];
    entry.objections = [
      ...entry.objections.slice(0, -1),
      {
        ...last,
        decision: input.upheld ? 'UPHELD' : 'DISMISSED',
        decidedBy: identity.organisationId,
        decidedAt: new Date().toISOString(),
        reason,
      },
    ];
    if (entry.status === 'WITHDRAWN') {
      entry.withdrawnOn = today;
      if (wasPublished) publishWithdrawal(tx, entry, today, reason);
    }
    await saveCreditEntryState(tx, entry);
    if (entry.status === 'RECORDED' && city) await publishIfDue(tx, entry, city, today);
    return entry;
  });
}
