import type { EntityManager } from '@mikro-orm/postgresql';
import { ObjectQuery, raw } from '@mikro-orm/core';
import { Identity } from '../../../kernel/identity';
import { isIsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { sqlRows } from '../../../platform/db/sql';
import { Page, checkPage } from '../../../kernel/pagination';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { ContractStatus } from '../domain/contract';
import { mayReadContract } from '../domain/filing-reviewers';
import { FilingKind, FilingStatus } from '../domain/filing';
import { AreaView } from '../persistence/area-view.entity';
import { Contract, Filing } from '../persistence/contract.entity';

type Scoped = { companyId: string; streetCode: string; districtCode: string };

/**
 * The rows an identity reads, as one filter on the row itself: a company its own contracts; a street office those
 * of its streets; a bureau those of its districts (a city bureau's code prefixes every district of the city); the
 * admin all. Null when the identity reads nothing. Matches mayReadContract row by row.
 */
function readScope(identity: Identity): ObjectQuery<Scoped> | null {
  if (identity.role === 'PROPERTY_COMPANY') return { companyId: identity.organisationId };
  if (identity.role === 'ADMIN') return {};
  const column = identity.role === 'STREET_OFFICE' ? 'streetCode' : identity.role === 'CITY_BUREAU' ? 'districtCode' : null;
  // Division codes are digits only, so they need no escaping inside LIKE.
  const prefixes = identity.jurisdictions.filter((j) => /^[0-9]+$/.test(j));
  if (!column || prefixes.length === 0) return null;
  return { $or: prefixes.map((p) => ({ [column]: { $like: `${p}%` } })) } as ObjectQuery<Scoped>;
}


/** The contracts a court received referrals under; empty for anyone else. */
async function contractsReferredTo(em: EntityManager, identity: Identity): Promise<string[]> {
  if (identity.role !== 'COURT') return [];
  const rows = await sqlRows<{ contract_id: string }>(em, `select distinct contract_id from contracts.court_referral where court_id = ?`, [identity.organisationId]);
  return rows.map((r) => r.contract_id);
}

/** Whether the calling court received a referral under this contract: one indexed lookup, not the court's whole list. */
async function referredToCourt(em: EntityManager, identity: Identity, contractId: string): Promise<boolean> {
  if (identity.role !== 'COURT') return false;
  const rows = await sqlRows(em, `select 1 from contracts.court_referral where court_id = ? and contract_id = ? limit 1`, [identity.organisationId, contractId]);
  return rows.length > 0;
}

export async function listContracts(em: EntityManager, identity: Identity, filter: { status?: ContractStatus | null; areaId?: string | null }, page: Page) {
  checkPage(page);
  const scope = identity.role === 'COURT' ? ({ id: { $in: await contractsReferredTo(em, identity) } } as ObjectQuery<Scoped>) : readScope(identity);
  if (!scope) return { items: [] as Contract[], totalCount: 0 };
  const where = { ...scope } as ObjectQuery<Contract>;
  if (filter.status) where.status = filter.status;
  if (filter.areaId) where.areaId = filter.areaId;
  const [items, totalCount] = await em.findAndCount(Contract, where, { orderBy: { startsOn: 'desc', id: 'asc' }, limit: page.first, offset: page.offset });
  return { items, totalCount };
}

/** A contract the caller may read; anything else, including another company's, is NOT_FOUND. */
export async function readableContract(em: EntityManager, identity: Identity, id: string): Promise<Contract> {
  const contract = await em.findOne(Contract, { id });
  if (!contract || !mayReadContract(identity, contract, contract, await referredToCourt(em, identity, contract.id))) throw new NotFoundError('Contract', id);
  return contract;
}

export async function readableFiling(em: EntityManager, identity: Identity, id: string): Promise<Filing> {
  const filing = await em.findOne(Filing, { id });
  if (!filing || !mayReadContract(identity, filing, filing, await referredToCourt(em, identity, filing.contractId))) throw new NotFoundError('Filing', id);
  return filing;
}

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

/**
 * A reviewer's queue: filings of the areas they review, oldest submission first (first come, first reviewed), with
 * the count per status and how many of each were late, over the same filter except the status.
 */
export async function reviewQueue(em: EntityManager, identity: Identity, filter: ReviewQueueFilter, page: Page) {
  checkPage(page);
  if (identity.role === 'PROPERTY_COMPANY') return { items: [] as Filing[], totalCount: 0, counts: [] as StatusCount[] };
  const scope = readScope(identity);
  if (!scope) return { items: [] as Filing[], totalCount: 0, counts: [] as StatusCount[] };
  const dates = Object.entries({ submittedFrom: filter.submittedFrom, submittedTo: filter.submittedTo }).filter(([, v]) => v && !isIsoDate(v));
  if (dates.length > 0) throw new InvalidInputError('Submission dates must be YYYY-MM-DD', { fields: Object.fromEntries(dates.map(([k]) => [k, 'not a date'])) });
  const base = { ...scope } as ObjectQuery<Filing>;
  if (filter.areaId) base.areaId = filter.areaId;
  if (filter.kind) base.kind = filter.kind;
  if (filter.late !== undefined && filter.late !== null) base.late = filter.late;
  if (filter.companyId) base.companyId = filter.companyId;
  if (filter.submittedFrom || filter.submittedTo) {
    base.submittedOn = { ...(filter.submittedFrom ? { $gte: filter.submittedFrom } : {}), ...(filter.submittedTo ? { $lte: filter.submittedTo } : {}) };
  }
  const statuses = filter.statuses?.length ? filter.statuses : (['SUBMITTED'] as FilingStatus[]);
  const [items, totalCount] = await em.findAndCount(Filing, { ...base, status: { $in: statuses } } as ObjectQuery<Filing>, {
    orderBy: { submittedOn: 'asc', createdAt: 'asc' },
    limit: page.first,
    offset: page.offset,
  });
  const grouped = await em
    .createQueryBuilder(Filing, 'f')
    .select(['f.status', raw('count(*) as count'), raw('count(*) filter (where f.late) as late')])
    .where(base)
    .groupBy('f.status')
    .execute<{ status: FilingStatus; count: string; late: string }[]>('all', false);
  const counts = grouped.map((g) => ({ status: g.status, count: Number(g.count), late: Number(g.late) }));
  return { items, totalCount, counts };
}

/**
 * Publicity (双晒): for each area whose name matches, the provider, the service standards and the owner fee rates
 * of the contract in force today. Public record only: no signatories, no households, no internal ids of parties.
 */
export async function publicServiceStandards(em: EntityManager, compoundName: string) {
  const name = compoundName?.trim() ?? '';
  if (name.length < 2 || name.length > 100) throw new InvalidInputError('Give at least two characters of the compound name', { fields: { compoundName: '2–100 characters' } });
  const areas = await em.find(AreaView, { name: { $ilike: `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } }, { orderBy: { name: 'asc' }, limit: 20 });
  if (areas.length === 0) return [];
  const today = todayInChina();
  const contracts = await em.find(Contract, { areaId: { $in: areas.map((a) => a.areaId) }, status: 'ACCEPTED', startsOn: { $lte: today }, endsOn: { $gte: today } });
  const filings = await em.find(Filing, { contractId: { $in: contracts.map((c) => c.id) }, status: 'ACCEPTED' });
  return areas.map((area) => {
    const contract = contracts.find((c) => c.areaId === area.areaId) ?? null;
    const filing = contract ? (filings.find((f) => f.contractId === contract.id) ?? null) : null;
    return {
      compoundName: area.name,
      providerName: contract?.terms.parties.find((p) => p.role === 'PROVIDER')?.name ?? null,
      filingRecordNumber: filing?.recordNumber ?? null,
      serviceStartsOn: contract?.startsOn ?? null,
      serviceEndsOn: contract?.endsOn ?? null,
      serviceStandards: contract?.terms.serviceItems ?? [],
      feeClasses: contract?.terms.feeSchedule.classes ?? [],
    };
  });
}
