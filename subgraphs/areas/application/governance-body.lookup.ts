import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { NotFoundError } from '../../../kernel/errors';
import { GovernanceBody } from '../persistence/governance-body.entity';
import { findPropertyManagementCommittee } from '../persistence/governance-body.repository';
import { manageableArea } from './area.lookup';

/** A property-management committee (standing or dissolved) of an area the caller manages, for `what` it does to it. */
export async function manageablePropertyManagementCommittee(
  em: EntityManager,
  identity: Identity,
  bodyId: string,
  what: string,
): Promise<GovernanceBody> {
  const committee = await findPropertyManagementCommittee(em, bodyId);
  if (!committee) throw new NotFoundError('Property-management committee', bodyId);
  await manageableArea(em, identity, committee.areaId, what);
  return committee;
}
