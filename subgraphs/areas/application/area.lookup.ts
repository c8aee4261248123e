import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { NotFoundError } from '../../../kernel/errors';
import { assertMayManageStreet, mayReadStreet } from '../domain/access';
import { Area } from '../persistence/area.entity';
import { findArea } from '../persistence/area.repository';
import { GovernanceBody } from '../persistence/governance-body.entity';
import { findStandingCommitteeById } from '../persistence/governance-body.repository';
import { isUuid } from '../../../kernel/uuid';

/** An area the caller may read by street, else NOT_FOUND: outside the caller's jurisdiction it does not exist for them. */
export async function readableArea(em: EntityManager, identity: Identity, areaId: string): Promise<Area> {
  const area = await findArea(em, areaId);
  if (!area || !mayReadStreet(identity, area.streetCode)) throw new NotFoundError('Area', areaId);
  return area;
}

/** An area of the caller's own street, for `what` the street office does there; FORBIDDEN for a reader only. */
export async function manageableArea(
  em: EntityManager,
  identity: Identity,
  areaId: string,
  what: string,
): Promise<Area> {
  const area = await readableArea(em, identity, areaId);
  assertMayManageStreet(identity, area.streetCode, what);
  return area;
}

/**
 * The area of the standing (not dissolved) committee the caller is: an OWNERS_COMMITTEE token's organisation is its
 * body's id. Any other area, a dissolved committee, and ids that cannot be uuids: NOT_FOUND, as any area out of reach.
 */
export async function committeeArea(
  em: EntityManager,
  identity: Identity,
  areaId: string,
): Promise<{ area: Area; committee: GovernanceBody }> {
  const committee =
    isUuid(identity.organisationId) && isUuid(areaId)
      ? await findStandingCommitteeById(em, identity.organisationId, areaId)
      : null;
  const area = committee && (await findArea(em, areaId));
  if (!area) throw new NotFoundError('Area', areaId);
  return { area, committee: committee! };
}
