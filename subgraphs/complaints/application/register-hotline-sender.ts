import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { advisoryLock } from '../../../platform/db/sql';
import { complaintsError } from '../domain/errors';
import { hotlineSenderProblems, overlappingSenders } from '../domain/hotline-sender';
import { HotlineSender, allSenders, saveSender } from '../persistence/sender.repository';

/**
 * The admin registers a hotline system and the divisions it may send orders for (Kafka ACLs decide who writes at all),
 * one system a street (domain/hotline-sender.ts): JURISDICTION_OVERLAP names the other systems and their divisions.
 */
export async function registerHotlineSender(
  em: EntityManager,
  identity: Identity,
  input: HotlineSender,
): Promise<HotlineSender> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin registers hotline systems');
  const fields = hotlineSenderProblems(input);
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The hotline system is incomplete', { fields });
  const sender = {
    organisationId: input.organisationId.trim(),
    name: input.name.trim(),
    jurisdictions: [...new Set(input.jurisdictions)],
  };
  await em.transactional(async (tx) => {
    // One registration at a time, so two overlapping ones at once cannot both find the other absent.
    await advisoryLock(tx, 'complaints.hotline-senders');
    const overlapping = overlappingSenders(sender.organisationId, sender.jurisdictions, await allSenders(tx));
    if (overlapping.length > 0)
      throw complaintsError(
        'JURISDICTION_OVERLAP',
        'Another hotline system sends orders for some of these divisions: a street is served by one',
        { overlapping },
      );
    await saveSender(tx, sender);
  });
  return sender;
}
