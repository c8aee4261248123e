import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { HotlineSender, saveSender } from '../persistence/sender.repository';

/** The admin registers a hotline system and the divisions it may send orders for (Kafka ACLs decide who writes at all). */
export async function registerHotlineSender(
  em: EntityManager,
  identity: Identity,
  input: HotlineSender,
): Promise<HotlineSender> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin registers hotline systems');
  const fields: Record<string, string> = {};
  if (!input.organisationId?.trim()) fields.organisationId = 'must not be empty';
  if (!input.name?.trim()) fields.name = 'must not be empty';
  if (
    input.jurisdictions.length === 0 ||
    input.jurisdictions.length > 100 ||
    input.jurisdictions.some((j) => !/^[0-9]{2,12}$/.test(j))
  ) {
    fields.jurisdictions = '1 to 100 division codes of 2–12 digits';
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The hotline system is incomplete', { fields });
  const sender = {
    organisationId: input.organisationId.trim(),
    name: input.name.trim(),
    jurisdictions: [...new Set(input.jurisdictions)],
  };
  await em.transactional((tx) => saveSender(tx, sender));
  return sender;
}
