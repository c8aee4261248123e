import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { mayReadStreet } from '../domain/access';
import { Area } from '../persistence/area.entity';
import { GovernanceBody } from '../persistence/governance-body.entity';
import { bodiesOfAreas } from '../persistence/governance-body.repository';

/**
 * The standing and past governance bodies of many areas, newest first: of the areas the caller reads by street
 * (street offices, bureaus); a company or court that reads an area by grant sees none of them.
 */
export async function governanceBodiesOfAreas(
  em: EntityManager,
  identity: Identity,
  areas: readonly Pick<Area, 'id' | 'streetCode'>[],
): Promise<GovernanceBody[]> {
  const readable = areas.filter((a) => mayReadStreet(identity, a.streetCode)).map((a) => a.id);
  return readable.length === 0 ? [] : bodiesOfAreas(em, readable);
}
