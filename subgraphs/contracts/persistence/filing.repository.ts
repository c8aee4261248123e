import { LockMode, raw } from '@mikro-orm/core';
import type { EntityManager, ObjectQuery, RequiredEntityData } from '@mikro-orm/postgresql';
import { Page, cursorOf, invalidCursor, keyOfCursor } from '../../../kernel/pagination';
import type { FilingKind, FilingStatus } from '../domain/filing';
import type { ReviewScope } from '../domain/filing-reviewers';
import { sqlRows } from '../../../platform/db/sql';
import {
  Filing,
  FilingSchema,
  FilingTransition,
  FilingTransitionSchema,
  FilingVersion,
  FilingVersionSchema,
} from './filing.entity';
import { reviewScopeFilter } from './read-scope';
import { isUuid } from '../../../kernel/uuid';

// ------------------------------------------------------------------------------------------------ filings

/** A filing by id; `lock` holds it (FOR UPDATE) until the transaction ends. */
export const findFiling = (em: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<Filing | null> =>
  em.findOne(FilingSchema, { id }, options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});

export const insertFiling = (em: EntityManager, filing: RequiredEntityData<Filing>): Filing =>
  em.create(FilingSchema, filing);

/** The contract's filing in this status (a contract has at most one accepted or one open filing at a time). */
export const findFilingOfContract = (
  em: EntityManager,
  contractId: string,
  status: FilingStatus,
): Promise<Filing | null> => em.findOne(FilingSchema, { contractId, status });

export const filingsOfContractIn = (
  em: EntityManager,
  contractId: string,
  statuses: readonly FilingStatus[],
): Promise<Filing[]> => em.find(FilingSchema, { contractId, status: { $in: [...statuses] } });

export const countFilingsOfContractIn = (
  em: EntityManager,
  contractId: string,
  statuses: readonly FilingStatus[],
): Promise<number> => em.count(FilingSchema, { contractId, status: { $in: [...statuses] } });

/**
 * Of each contract, the filing accepted last: the one in force while the contract serves, whatever its status says
 * of an end recorded to come (a preliminary contract's SUPERSEDED by the owners' regular one, a TERMINATED one's).
 * An amendment accepted supersedes the version before it, so the latest acceptance is the version in force.
 */
export async function lastAcceptedFilingsOfContracts(
  em: EntityManager,
  contractIds: readonly string[],
): Promise<Map<string, Filing>> {
  const filings = await em.find(
    FilingSchema,
    { contractId: { $in: [...contractIds] }, acceptedOn: { $ne: null } },
    { orderBy: { acceptedOn: 'asc', createdAt: 'asc' } },
  );
  return new Map(filings.map((f) => [f.contractId, f]));
}

/** Every filing of these contracts, oldest first (a batch for the per-request loader). */
export const filingsOfContracts = (em: EntityManager, contractIds: readonly string[]): Promise<Filing[]> =>
  em.find(FilingSchema, { contractId: { $in: [...contractIds] } }, { orderBy: { createdAt: 'asc' } });

/**
 * The signing days (`terms.signedOn`) the contract's accepted versions state: its first filing's and each accepted
 * amendment's, distinct (contract.ts contractSignedOn takes the earliest).
 */
export async function acceptedSigningDaysOfContract(em: EntityManager, contractId: string): Promise<string[]> {
  const rows = await sqlRows<{ signed_on: string }>(
    em,
    `select distinct v.terms->>'signedOn' as signed_on
       from contracts.filing_version v join contracts.filing f on f.id = v.filing_id
      where f.contract_id = ? and v.outcome = 'ACCEPT'`,
    [contractId],
  );
  return rows.map((r) => r.signed_on);
}

interface RecordNumberCounterRow {
  last: number;
}

/** The next sequence of record numbers of a district and year, counted in the caller's transaction. */
export async function nextRecordNumberSequence(em: EntityManager, districtCode: string, year: number): Promise<number> {
  const [row] = await sqlRows<RecordNumberCounterRow>(
    em,
    `insert into contracts.record_number_counter (district_code, year, last) values (?, ?, 1)
     on conflict (district_code, year) do update set last = record_number_counter.last + 1 returning last`,
    [districtCode, year],
  );
  return row.last;
}

// ------------------------------------------------------------------------------------------------ the review queue

export interface ReviewQueueFilter {
  statuses?: FilingStatus[] | null;
  kind?: FilingKind | null;
  late?: boolean | null;
  areaId?: string | null;
  companyId?: string | null;
  submittedFrom?: string | null;
  submittedTo?: string | null;
}

export interface StatusCount {
  status: FilingStatus;
  count: number;
  late: number;
}

/** A row of the count per status: count(*) arrives as a JS number (see platform/db/orm.ts). */
interface StatusCountRow {
  status: FilingStatus;
  count: number;
  late: number;
}

const statusCountOf = (row: StatusCountRow): StatusCount => ({ status: row.status, count: row.count, late: row.late });

/** What waits for review when the filter names no status. */
const WAITING: FilingStatus[] = ['SUBMITTED'];

/** The queue's filter but the status, as the database applies it. */
function queueBase(scope: ReviewScope, filter: ReviewQueueFilter): ObjectQuery<Filing> {
  const base: ObjectQuery<Filing> = { ...reviewScopeFilter<Filing>(scope) };
  if (filter.areaId) base.areaId = filter.areaId;
  if (filter.kind) base.kind = filter.kind;
  if (filter.late !== undefined && filter.late !== null) base.late = filter.late;
  if (filter.companyId) base.companyId = filter.companyId;
  if (filter.submittedFrom || filter.submittedTo) {
    base.submittedOn = {
      ...(filter.submittedFrom ? { $gte: filter.submittedFrom } : {}),
      ...(filter.submittedTo ? { $lte: filter.submittedTo } : {}),
    };
  }
  return base;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The `(submitted_on, created_at, id)` a queue cursor names; BAD_USER_INPUT unless it is one this list gave. */
function queueKeyOf(cursor: string): [string, string, string] {
  const [on, at, id] = keyOfCursor(cursor, 3);
  if (!ISO_DATE.test(on) || !ISO_INSTANT.test(at) || !isUuid(id)) throw invalidCursor();
  return [on, at, id];
}

/**
 * A page of the filings in scope, oldest submission first (first come, first reviewed), from an offset or after a
 * cursor: the keyset `(submitted_on, created_at, id)`, which `filing_district_queue_index` and
 * `filing_street_queue_index` hold in order for a reviewer of one division, so a deep page reads only its rows.
 * The count and the counts per status (with how many of each were late, over the same filter except the status)
 * are read only when asked.
 */
export async function reviewQueue(
  em: EntityManager,
  scope: ReviewScope,
  filter: ReviewQueueFilter,
  page: Page,
): Promise<{
  items: Filing[];
  endCursor: string | null;
  totalCount: () => Promise<number>;
  counts: () => Promise<StatusCount[]>;
}> {
  const base = queueBase(scope, filter);
  // Each status once: a caller may repeat one as often as the body holds (90,000 times in 1 MiB, one parameter each).
  const statuses = filter.statuses?.length ? [...new Set(filter.statuses)] : WAITING;
  const where: ObjectQuery<Filing> = { ...base, status: { $in: statuses } };
  const qb = em
    .createQueryBuilder(FilingSchema, 'f')
    .select('*')
    .where(where)
    .orderBy({ submittedOn: 'asc', createdAt: 'asc', id: 'asc' })
    .limit(page.first + 1)
    .offset(page.offset);
  if (page.after != null) {
    const [on, at, id] = queueKeyOf(page.after);
    qb.andWhere('(f.submitted_on, f.created_at, f.id) > (?::date, ?::timestamptz, ?::uuid)', [on, at, id]);
  }
  const rows = await qb.getResultList();
  const items = rows.slice(0, page.first);
  const last = items[items.length - 1];
  return {
    items,
    endCursor:
      rows.length > page.first
        ? cursorOf([String(last.submittedOn), new Date(last.createdAt).toISOString(), last.id])
        : null,
    totalCount: () => em.count(FilingSchema, where),
    counts: async () => {
      const grouped = await em
        .createQueryBuilder(FilingSchema, 'f')
        .select(['f.status', raw('count(*) as count'), raw('count(*) filter (where f.late) as late')])
        .where(base)
        .groupBy('f.status')
        .execute<StatusCountRow[]>('all', false);
      return grouped.map(statusCountOf);
    },
  };
}

// ------------------------------------------------------------------------------------------------ versions

export const findVersion = (em: EntityManager, filingId: string, version: number): Promise<FilingVersion | null> =>
  em.findOne(FilingVersionSchema, { filingId, version });

export const insertVersion = (em: EntityManager, version: RequiredEntityData<FilingVersion>): FilingVersion =>
  em.create(FilingVersionSchema, version);

/** Every version of these filings, oldest first (a batch for the per-request loader). */
export const versionsOfFilings = (em: EntityManager, filingIds: readonly string[]): Promise<FilingVersion[]> =>
  em.find(FilingVersionSchema, { filingId: { $in: [...filingIds] } }, { orderBy: { version: 'asc' } });

// ------------------------------------------------------------------------------------------------ the audit trail

export const insertTransition = (
  em: EntityManager,
  transition: RequiredEntityData<FilingTransition>,
): FilingTransition => em.create(FilingTransitionSchema, transition);

/** Every transition of these filings, in order (a batch for the per-request loader). */
export const transitionsOfFilings = (em: EntityManager, filingIds: readonly string[]): Promise<FilingTransition[]> =>
  em.find(FilingTransitionSchema, { filingId: { $in: [...filingIds] } }, { orderBy: { sequence: 'asc' } });
