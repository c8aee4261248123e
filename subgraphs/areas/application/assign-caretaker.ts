import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { areasError } from '../domain/errors';
import { todayInChina } from '../../../kernel/clock';
import { requireNotAfter } from '../domain/property-management-committee';
import {
  Caretaking,
  caretakingOfAreas,
  hasAcceptedProvider,
  insertCaretaking,
  lockAreaCaretaking,
} from '../persistence/caretaking.repository';
import { manageableArea } from './area.lookup';

/**
 * 包保单位兜底代管 (seed 004 §六(三)): the street office assigns an area without a provider a caretaker unit and the
 * community for basic cleaning and repairs; it ends by itself when a provider's filing of the area is accepted.
 */
export async function assignCaretaker(
  em: EntityManager,
  identity: Identity,
  input: { areaId: string; caretakerUnit: string; community: string; startsOn: string },
): Promise<Caretaking> {
  const fields: Record<string, string> = {};
  if (!input.caretakerUnit.trim()) fields.caretakerUnit = 'must not be empty';
  if (!input.community.trim()) fields.community = 'must not be empty';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The caretaker assignment is incomplete', { fields });
  // A caretaker that has begun: one assigned ahead counted as caring for the area at once (coverage).
  requireNotAfter(todayInChina(), { startsOn: input.startsOn });
  return em.transactional(async (tx) => {
    const area = await manageableArea(tx, identity, input.areaId, 'assign a caretaker');
    await lockAreaCaretaking(tx, area.id);
    if (await hasAcceptedProvider(tx, area.id))
      throw areasError('AREA_HAS_PROVIDER', 'The area has a provider under an accepted filing');
    if ((await caretakingOfAreas(tx, [area.id])).some((c) => c.endedOn === null))
      throw areasError('CARETAKER_ALREADY_ASSIGNED', 'The area is already under caretaker management');
    const id = randomUUID();
    await insertCaretaking(tx, {
      id,
      areaId: area.id,
      caretakerUnit: input.caretakerUnit.trim(),
      community: input.community.trim(),
      startsOn: input.startsOn,
      assignedBy: identity.subject,
    });
    return {
      id,
      areaId: area.id,
      caretakerUnit: input.caretakerUnit.trim(),
      community: input.community.trim(),
      startsOn: input.startsOn,
      endedOn: null,
    };
  });
}
