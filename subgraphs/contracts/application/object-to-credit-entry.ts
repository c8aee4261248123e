import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayObjectToCreditEntry, objectTo, requireText } from '../domain/credit';
import { CreditEntry, findCreditEntry, saveCreditEntryState } from '../persistence/credit-entry.repository';

/**
 * The company objects to an entry of its own record (the street office to an owner's, on the owner's behalf): the
 * entry is held from the feed until the city's bureau decides. Others NOT_FOUND.
 */
export async function objectToCreditEntry(
  em: EntityManager,
  identity: Identity,
  input: { entryId: string; grounds: string },
): Promise<CreditEntry> {
  const { grounds } = requireText({ grounds: input.grounds });
  return em.transactional(async (tx) => {
    const entry = await findCreditEntry(tx, input.entryId, { lock: true });
    if (!entry || !mayObjectToCreditEntry(identity, entry)) throw new NotFoundError('CreditEntry', input.entryId);
    entry.status = objectTo(entry);
    entry.objections = [
      ...entry.objections,
      {
        grounds,
        by: identity.organisationId,
        byRole: identity.role,
        at: new Date().toISOString(),
        decision: null,
        decidedBy: null,
        decidedAt: null,
        reason: null,
      },
    ];
    await saveCreditEntryState(tx, entry);
    return entry;
  });
}
