import { LockMode } from '@mikro-orm/core';
import type { EntityManager, ObjectQuery, RequiredEntityData } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../../kernel/calendar';
import type { Page } from '../../../kernel/pagination';
import type { ContractKind, ContractStatus } from '../domain/contract';
import type { ReadScope } from '../domain/filing-reviewers';
import { Contract, ContractSchema } from './contract.entity';
import { FilingSchema } from './filing.entity';
import { contractsReferredToCourt } from './court-referral.repository';
import { reviewScopeFilter } from './read-scope';
import { advisoryLock, sqlRows } from '../../../platform/db/sql';

/** A contract by id; `lock` holds it (FOR UPDATE) until the transaction ends. */
export const findContract = (
  em: EntityManager,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Contract | null> =>
  em.findOne(ContractSchema, { id }, options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});

export const insertContract = (em: EntityManager, contract: RequiredEntityData<Contract>): Contract =>
  em.create(ContractSchema, contract);

/** The area's contracts but one: those a contract's term is checked against. */
export const otherContractsOfArea = (
  em: EntityManager,
  areaId: string,
  exceptContractId: string,
): Promise<Contract[]> => em.find(ContractSchema, { areaId, id: { $ne: exceptContractId } });

/**
 * The area's accepted contracts of one kind, locked in id order for the caller's transaction and read afresh: a
 * change committed meanwhile (an amendment filed, a termination) is seen before the caller changes them. Read without
 * a lock, the acceptance of a regular contract superseded a preliminary one whose amendment was filed at that moment,
 * and left the amendment SUBMITTED on a superseded contract (a helper's concurrency audit).
 */
export const lockAcceptedContracts = (em: EntityManager, areaId: string, kind: ContractKind): Promise<Contract[]> =>
  em.find(
    ContractSchema,
    { areaId, kind, status: 'ACCEPTED' },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'asc' } },
  );

/**
 * The area's contracts of one kind that were ever in force: accepted, or terminated after a version of theirs was
 * accepted (one terminated before any acceptance bound nobody). With `asExistingContract`, a terminated one counts to
 * its termination.
 */
export const contractsEverAccepted = (em: EntityManager, areaId: string, kind: ContractKind): Promise<Contract[]> =>
  everAccepted(em, { areaId, kind, status: { $in: ['ACCEPTED', 'TERMINATED'] } });

/**
 * The contracts of these areas ever accepted, SUPERSEDED ones included: what contractsServingOn (domain) judges by
 * their dates which serve on a day. A terminated one only if a version of it was accepted (see above).
 */
export const contractsEverAcceptedIn = (em: EntityManager, areaIds: readonly string[]): Promise<Contract[]> =>
  everAccepted(em, { areaId: { $in: [...areaIds] }, status: { $in: ['ACCEPTED', 'TERMINATED', 'SUPERSEDED'] } });

/**
 * The area's contracts ever accepted (contractsEverAcceptedIn) and those signed and filed, awaiting the bureau's
 * acceptance (SUBMITTED or RETURNED: binding from signing, BINDING_STATUSES): what a continuation is checked against,
 * since the owners' signed decision to renew or hire another is what rules it out (Civil Code art. 948).
 */
export const contractsBindingIn = async (em: EntityManager, areaId: string): Promise<Contract[]> => [
  ...(await contractsEverAcceptedIn(em, [areaId])),
  ...(await em.find(ContractSchema, { areaId, status: { $in: ['SUBMITTED', 'RETURNED'] } })),
];

async function everAccepted(em: EntityManager, where: ObjectQuery<Contract>): Promise<Contract[]> {
  const contracts = await em.find(ContractSchema, where);
  const terminated = contracts.filter((c) => c.status === 'TERMINATED').map((c) => c.id);
  if (terminated.length === 0) return contracts;
  const accepted = new Set(
    (await em.find(FilingSchema, { contractId: { $in: terminated }, acceptedOn: { $ne: null } })).map(
      (f) => f.contractId,
    ),
  );
  return contracts.filter((c) => c.status !== 'TERMINATED' || accepted.has(c.id));
}

/** Serialises filings of one area, so two providers cannot both slip a regular contract into the same months. */
export async function lockAreaContracts(em: EntityManager, areaId: string): Promise<void> {
  await advisoryLock(em, `contracts-area:${areaId}`);
}

async function readScopeFilter(em: EntityManager, scope: ReadScope): Promise<ObjectQuery<Contract>> {
  if (scope.by === 'COMPANY') return { companyId: scope.companyId };
  if (scope.by === 'COURT') return { id: { $in: await contractsReferredToCourt(em, scope.courtId) } };
  return reviewScopeFilter<Contract>(scope);
}

export interface ContractFilter {
  status?: ContractStatus | null;
  areaId?: string | null;
}

/** A page of the contracts in scope, latest start first. */
export async function listContracts(
  em: EntityManager,
  scope: ReadScope,
  filter: ContractFilter,
  page: Page,
): Promise<{ items: Contract[]; totalCount: number }> {
  const where: ObjectQuery<Contract> = {
    ...(await readScopeFilter(em, scope)),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.areaId ? { areaId: filter.areaId } : {}),
  };
  const [items, totalCount] = await em.findAndCount(ContractSchema, where, {
    orderBy: { startsOn: 'desc', id: 'asc' },
    limit: page.first,
    offset: page.offset,
  });
  return { items, totalCount };
}

/** A draft whose filing deadline the register holds open, as its announcement reads it. */
export interface AnnouncedDraft {
  id: string;
  companyId: string;
  districtCode: string;
  terms: { signedOn: IsoDate };
}

/**
 * The drafts after `after` (by id, the first ones when null) whose filing deadline was announced, so is open in the
 * register (met on submission, cancelled on discarding: neither is a draft), at most `size`, locked for the change.
 */
export async function announcedDraftsAfter(
  em: EntityManager,
  after: string | null,
  size: number,
): Promise<AnnouncedDraft[]> {
  const rows = await sqlRows<{ id: string; company_id: string; district_code: string; signed_on: IsoDate }>(
    em,
    `select id, company_id, district_code, terms->>'signedOn' as signed_on from contracts.contract
      where status = 'DRAFT' and deadline_sequence > 0 and (?::uuid is null or id > ?::uuid)
      order by id limit ? for update`,
    [after, after, size],
  );
  return rows.map((r) => ({
    id: r.id,
    companyId: r.company_id,
    districtCode: r.district_code,
    terms: { signedOn: r.signed_on },
  }));
}
