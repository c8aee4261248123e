import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { NotFoundError } from '../../../kernel/errors';
import { GovernanceBody } from '../persistence/governance-body.entity';
import { findPropertyManagementCommittee, lockGovernanceOf } from '../persistence/governance-body.repository';
import { manageableArea } from './area.lookup';

/**
 * A property-management committee (standing or dissolved) of an area the caller manages, for `what` it does to it,
 * read again under the area's governance lock, as every change of the area's governance takes it: a dissolution
 * committed meanwhile is seen (helper-166: a filing racing the committee's dissolution passed the AFTER_DISSOLUTION
 * check and announced a live recording deadline for the dissolved body).
 */
export async function manageablePropertyManagementCommittee(
  em: EntityManager,
  identity: Identity,
  bodyId: string,
  what: string,
): Promise<GovernanceBody> {
  const found = await findPropertyManagementCommittee(em, bodyId);
  if (!found) throw new NotFoundError('Property-management committee', bodyId);
  await manageableArea(em, identity, found.areaId, what);
  await lockGovernanceOf(em, found.areaId);
  const committee = await findPropertyManagementCommittee(em, bodyId, { refresh: true });
  if (!committee) throw new NotFoundError('Property-management committee', bodyId);
  return committee;
}
