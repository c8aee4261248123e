import { todayInChina } from '../../../kernel/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { COMPOUND_CHANGED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { AREAS_EVENT_SOURCE, compoundChanged } from '../events/publish/area-events';
import { Identity } from '../../../kernel/identity';
import { DomainError } from '../../../kernel/errors';
import { CompoundChanges, validateCompound } from '../domain/compound';
import { Compound } from '../persistence/compound.entity';
import { isCompoundNameTaken } from '../persistence/compound.repository';
import { manageableCompound } from './compound.lookup';

/**
 * Corrects a compound; only the fields given change, and its street and district never do. The compound is locked
 * first and its version bumped, so the event published carries the compound as it stands after every correction
 * before it, and a consumer can tell it from an older one.
 */
export async function updateCompound(
  em: EntityManager,
  identity: Identity,
  compoundId: string,
  changes: CompoundChanges,
): Promise<Compound> {
  return em.transactional(async (tx) => {
    const compound = await manageableCompound(tx, identity, compoundId, { lock: true });
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined && v !== null));
    const updated = validateCompound({ ...compound, ...defined }, todayInChina());
    if (updated.name !== compound.name && (await isCompoundNameTaken(tx, compound.streetCode, updated.name))) {
      throw new DomainError('CONFLICT', `A compound named ${updated.name} is already registered in this street`);
    }
    Object.assign(compound, defined, { name: updated.name, version: compound.version + 1 });
    recordEvent(tx, COMPOUND_CHANGED, {
      source: AREAS_EVENT_SOURCE,
      key: compound.id,
      subject: compound.id,
      data: compoundChanged(compound, new Date()),
    });
    return compound;
  });
}
