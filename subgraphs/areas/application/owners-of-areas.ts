import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { mayReadStreet } from '../domain/access';
import { Area } from '../persistence/area.entity';
import { ownerCountsOfAreas } from '../persistence/household.repository';

export interface AreaOwners {
  areaId: string;
  /** Owners under 法释〔2009〕7号 art. 9: several units of one owner, and the developer's units, count as one. */
  owners: number;
  households: number;
  floorAreaCentiM2: number;
}

/** The electorate of many areas the caller reads by street (street offices, bureaus): who votes in a joint decision. */
export async function ownersOfAreas(
  em: EntityManager,
  identity: Identity,
  areas: readonly Pick<Area, 'id' | 'streetCode'>[],
): Promise<AreaOwners[]> {
  const readable = areas.filter((a) => mayReadStreet(identity, a.streetCode)).map((a) => a.id);
  return readable.length === 0 ? [] : ownerCountsOfAreas(em, readable);
}
