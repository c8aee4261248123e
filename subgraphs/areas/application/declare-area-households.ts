import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { MAX_DECLARED_HOUSEHOLDS } from '../domain/joint-decision';
import { Area } from '../persistence/area.entity';
import { manageableArea } from './area.lookup';

/**
 * The street office of the area declares how many households it has (the homes of its buildings, from the property
 * register or the developer's handover): joint decisions are then refused while the hub's register holds fewer
 * (REGISTER_INCOMPLETE). Another street's office is told NOT_FOUND, a reader FORBIDDEN.
 */
export async function declareAreaHouseholds(
  em: EntityManager,
  identity: Identity,
  input: { areaId: string; households: number },
): Promise<Area> {
  if (!Number.isSafeInteger(input.households) || input.households < 1 || input.households > MAX_DECLARED_HOUSEHOLDS)
    throw new InvalidInputError('The households declared are out of bounds', {
      fields: { households: `a whole number from 1 to ${MAX_DECLARED_HOUSEHOLDS}` },
    });
  return em.transactional(async (tx) => {
    const area = await manageableArea(tx, identity, input.areaId, 'declare its households');
    area.declaredHouseholds = input.households;
    await tx.flush();
    return area;
  });
}
