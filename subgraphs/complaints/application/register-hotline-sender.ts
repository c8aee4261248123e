import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { advisoryLock } from '../../../platform/db/sql';
import { complaintsError } from '../domain/errors';
import { divisionsServed, hotlineSenderProblems, overlappingSenders } from '../domain/hotline-sender';
import { HotlineSender, allSenders, saveSender } from '../persistence/sender.repository';

/**
 * The admin registers a hotline system and the divisions it may send orders for (Kafka ACLs decide who writes at all),
 * one system a street (domain/hotline-sender.ts): JURISDICTION_OVERLAP names the other systems and their divisions.
 * Each division keeps the start it had (divisionsServed): a street added later has its own.
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
    const senders = await allSenders(tx);
    const overlapping = overlappingSenders(sender.organisationId, sender.jurisdictions, senders);
    if (overlapping.length > 0)
      throw complaintsError(
        'JURISDICTION_OVERLAP',
        'Another hotline system sends orders for some of these divisions: a street is served by one',
        { overlapping },
      );
    const previous = senders.find((s) => s.organisationId === sender.organisationId)?.served ?? [];
    await saveSender(tx, sender, divisionsServed(previous, sender.jurisdictions, new Date()));
  });
  return sender;
}
