import { randomUUID } from 'node:crypto';
import type { RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { advisoryLock } from '../../../platform/db/sql';
import type { IsoDate } from '../../../kernel/calendar';
import type { GovernanceBodyKind } from '../domain/governance-body';
import {
  GovernanceBody,
  GovernanceBodySchema,
  GovernanceMember,
  GovernanceMemberSchema,
} from './governance-body.entity';

/**
 * Serialises what stands in an area: forming a property-management committee, recording an owners' committee or
 * assembly each read the standing bodies and then write. Without it a committee of each kind could be formed at
 * once (the standing-body index allows one per kind), or an assembly miss the committee recorded beside it.
 */
export async function lockGovernanceOf(em: EntityManager, areaId: string): Promise<void> {
  await advisoryLock(em, `areas.governance:${areaId}`);
}

/** The area's standing (not dissolved) body of one kind; the database allows one per kind. */
export function findStandingBody(
  em: EntityManager,
  areaId: string,
  kind: GovernanceBodyKind,
): Promise<GovernanceBody | null> {
  return em.findOne(GovernanceBodySchema, { areaId, kind, dissolvedOn: null });
}

/** Whether the area's owners' assembly was on record on `day`: formed by then, and not dissolved by then. */
export async function assemblyStoodOn(em: EntityManager, areaId: string, day: string): Promise<boolean> {
  const assembly = await em.findOne(GovernanceBodySchema, {
    areaId,
    kind: 'OWNERS_ASSEMBLY',
    formedOn: { $lte: day },
    $or: [{ dissolvedOn: null }, { dissolvedOn: { $gt: day } }],
  });
  return assembly !== null;
}

/** The area's standing committee of either kind, if any: an owners' assembly is not a committee. */
export function findStandingCommittee(em: EntityManager, areaId: string): Promise<GovernanceBody | null> {
  return em.findOne(GovernanceBodySchema, { areaId, dissolvedOn: null, kind: { $ne: 'OWNERS_ASSEMBLY' } });
}

/** A body by id, if it still stands. */
/** A body by id if it still stands; `refresh` reads it again past the unit of work's cache (after taking a lock). */
export function findStandingBodyById(
  em: EntityManager,
  id: string,
  options: { refresh?: boolean } = {},
): Promise<GovernanceBody | null> {
  return em.findOne(GovernanceBodySchema, { id, dissolvedOn: null }, { refresh: options.refresh ?? false });
}

/** A body by id and area, if it is a committee that still stands: a committee acting for its area. */
export function findStandingCommitteeById(
  em: EntityManager,
  id: string,
  areaId: string,
): Promise<GovernanceBody | null> {
  return em.findOne(GovernanceBodySchema, { id, areaId, dissolvedOn: null, kind: { $ne: 'OWNERS_ASSEMBLY' } });
}

/** A property-management committee by id, standing or dissolved. */
export function findPropertyManagementCommittee(
  em: EntityManager,
  id: string,
  options: { refresh?: boolean } = {},
): Promise<GovernanceBody | null> {
  return em.findOne(GovernanceBodySchema, { id, kind: 'PROPERTY_MANAGEMENT_COMMITTEE' }, options);
}

/** A new body in the unit of work, under a new id; it is written when the transaction flushes. */
export function insertGovernanceBody(
  em: EntityManager,
  body: Omit<RequiredEntityData<GovernanceBody>, 'id'>,
): GovernanceBody {
  return em.create(GovernanceBodySchema, { id: randomUUID(), ...body });
}

/** A body's members, written with the body in one flush (the foreign key is checked at commit). */
export function insertMembers(em: EntityManager, members: readonly GovernanceMember[]): GovernanceMember[] {
  return members.map((m) => em.create(GovernanceMemberSchema, m));
}

/** The whole membership replaced: the old members are deleted now, the new ones written at the flush. */
export async function replaceMembers(
  em: EntityManager,
  bodyId: string,
  members: readonly GovernanceMember[],
): Promise<GovernanceMember[]> {
  await em.nativeDelete(GovernanceMemberSchema, { bodyId });
  return insertMembers(em, members);
}

/** The bodies of many areas in one query, newest first. */
export function bodiesOfAreas(em: EntityManager, areaIds: readonly string[]): Promise<GovernanceBody[]> {
  return em.find(GovernanceBodySchema, { areaId: { $in: [...areaIds] } }, { orderBy: { formedOn: 'desc' } });
}

/** The members of many bodies in one query, by seat and name. */
export function membersOfBodies(em: EntityManager, bodyIds: readonly string[]): Promise<GovernanceMember[]> {
  return em.find(GovernanceMemberSchema, { bodyId: { $in: [...bodyIds] } }, { orderBy: { seat: 'asc', name: 'asc' } });
}

/** The committees (not assemblies) of many areas that stood on `day` (formed by then, not dissolved on or before it), oldest first, in one query. */
export function committeesStandingOn(
  em: EntityManager,
  areaIds: readonly string[],
  day: IsoDate,
): Promise<GovernanceBody[]> {
  if (areaIds.length === 0) return Promise.resolve([]);
  return em.find(
    GovernanceBodySchema,
    {
      areaId: { $in: [...areaIds] },
      kind: { $ne: 'OWNERS_ASSEMBLY' },
      formedOn: { $lte: day },
      $or: [{ dissolvedOn: null }, { dissolvedOn: { $gt: day } }],
    },
    { orderBy: { formedOn: 'asc', id: 'asc' } },
  );
}
