import { randomUUID } from 'node:crypto';
import type { RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { advisoryLock, sqlRows } from '../../../platform/db/sql';
import type { IsoDate } from '../../../kernel/calendar';
import type { GovernanceBodyKind } from '../domain/governance-body';
import type { PmcRules } from '../domain/statutes';
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

/** A standing property-management committee with a deadline still open, and its area's district. */
export interface CommitteeWithDeadlines {
  id: string;
  committee: Pick<
    GovernanceBody,
    'id' | 'kind' | 'formedOn' | 'filedOn' | 'recordedOn' | 'createdBy' | 'pmcRules' | 'filingRequired'
  >;
  area: { districtCode: string };
}

/**
 * The standing property-management committees after `after` (by id, the first ones when null) whose filing periods
 * run and whose filing or recording is not yet on record, at most `size`, locked for the change: those whose
 * deadlines are open in the register (a dissolved committee's were announced cancelled).
 */
export async function standingCommitteesWithDeadlinesAfter(
  em: EntityManager,
  after: string | null,
  size: number,
): Promise<CommitteeWithDeadlines[]> {
  const rows = await sqlRows<{
    id: string;
    formed_on: IsoDate;
    filed_on: IsoDate | null;
    recorded_on: IsoDate | null;
    created_by: string;
    pmc_rules: PmcRules | null;
    district_code: string;
  }>(
    em,
    `select b.id, b.formed_on::text as formed_on, b.filed_on::text as filed_on, b.recorded_on::text as recorded_on,
            b.created_by, b.pmc_rules, a.district_code
       from areas.governance_body b join areas.area a on a.id = b.area_id
      where b.kind = 'PROPERTY_MANAGEMENT_COMMITTEE' and b.filing_required and b.dissolved_on is null
        and (b.filed_on is null or b.recorded_on is null) and (?::uuid is null or b.id > ?::uuid)
      order by b.id limit ? for update of b`,
    [after, after, size],
  );
  return rows.map((r) => ({
    id: r.id,
    committee: {
      id: r.id,
      kind: 'PROPERTY_MANAGEMENT_COMMITTEE',
      formedOn: r.formed_on,
      filedOn: r.filed_on,
      recordedOn: r.recorded_on,
      createdBy: r.created_by,
      pmcRules: r.pmc_rules,
      filingRequired: true,
    },
    area: { districtCode: r.district_code },
  }));
}
