import type { EntityManager } from '@mikro-orm/postgresql';
import type { CreditEntryKind, CreditSubjectKind } from '../../../catalog';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import type { CreditEntryStatus } from '../domain/credit';

export interface CreditObjection {
  grounds: string;
  by: string;
  byRole: string;
  at: string;
  decision: 'UPHELD' | 'DISMISSED' | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface CreditEntry {
  id: string;
  cityCode: string | null;
  areaId: string;
  streetCode: string;
  districtCode: string;
  subjectKind: CreditSubjectKind;
  companyId: string | null;
  householdId: string | null;
  courtId: string | null;
  caseNumber: string | null;
  referralId: string | null;
  filingId: string | null;
  filingVersion: number | null;
  kind: CreditEntryKind;
  legalBasis: string;
  occurredOn: string;
  /**
   * The city's notice period when the entry was recorded, in days: the entry's window runs by it, however the city's
   * setting changes later. Null when the city set none then, and for entries recorded before it was kept.
   */
  noticeDays: number | null;
  source: string;
  note: string | null;
  recordedAt: Date;
  /** The hub's day (China) the entry was recorded: its notice period runs from it (domain/credit.ts). */
  recordedOn: string;
  status: CreditEntryStatus;
  publishedOn: string | null;
  withdrawnOn: string | null;
  objections: CreditObjection[];
}

export type NewCreditEntry = Omit<
  CreditEntry,
  'recordedAt' | 'status' | 'publishedOn' | 'withdrawnOn' | 'objections'
> & {
  /** The utility cut-off report (arrears) the entry records, once per report. */
  violationId?: string | null;
};

interface Columns {
  id: string;
  city_code: string | null;
  area_id: string;
  street_code: string;
  district_code: string;
  subject_kind: CreditSubjectKind;
  company_id: string | null;
  household_id: string | null;
  court_id: string | null;
  case_number: string | null;
  referral_id: string | null;
  filing_id: string | null;
  filing_version: number | null;
  kind: CreditEntryKind;
  legal_basis: string;
  occurred_on: string;
  notice_days: number | null;
  source: string;
  note: string | null;
  recorded_at: string;
  recorded_on: string;
  status: CreditEntryStatus;
  published_on: string | null;
  withdrawn_on: string | null;
  objections: CreditObjection[];
}

const COLUMNS = `id, city_code, area_id, street_code, district_code, subject_kind, company_id, household_id, court_id,
  case_number, referral_id, filing_id, filing_version, kind, legal_basis, to_char(occurred_on, 'YYYY-MM-DD') as occurred_on,
  notice_days, source, note, recorded_at, to_char(recorded_on, 'YYYY-MM-DD') as recorded_on, status, to_char(published_on, 'YYYY-MM-DD') as published_on,
  to_char(withdrawn_on, 'YYYY-MM-DD') as withdrawn_on, objections`;

const entryOf = (r: Columns): CreditEntry => ({
  id: r.id,
  cityCode: r.city_code,
  areaId: r.area_id,
  streetCode: r.street_code,
  districtCode: r.district_code,
  subjectKind: r.subject_kind,
  companyId: r.company_id,
  householdId: r.household_id,
  courtId: r.court_id,
  caseNumber: r.case_number,
  referralId: r.referral_id,
  filingId: r.filing_id,
  filingVersion: r.filing_version,
  kind: r.kind,
  legalBasis: r.legal_basis,
  occurredOn: r.occurred_on,
  noticeDays: r.notice_days,
  source: r.source,
  note: r.note,
  recordedAt: new Date(r.recorded_at),
  recordedOn: r.recorded_on,
  status: r.status,
  publishedOn: r.published_on,
  withdrawnOn: r.withdrawn_on,
  objections: r.objections,
});

/**
 * Inserts the entry unless one for the same court listing, the same filing version and kind, or the same cut-off
 * report exists; true if new.
 */
export async function insertCreditEntry(tx: EntityManager, e: NewCreditEntry): Promise<boolean> {
  const inserted = await sqlRun(
    tx,
    `insert into contracts.credit_entry (id, city_code, area_id, street_code, district_code, subject_kind, company_id,
       household_id, court_id, case_number, referral_id, filing_id, filing_version, kind, legal_basis, occurred_on,
       notice_days, recorded_on, source, note, violation_id, status)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date, ?, ?::date, ?, ?, ?, 'RECORDED') on conflict do nothing`,
    [
      e.id,
      e.cityCode,
      e.areaId,
      e.streetCode,
      e.districtCode,
      e.subjectKind,
      e.companyId,
      e.householdId,
      e.courtId,
      e.caseNumber,
      e.referralId,
      e.filingId,
      e.filingVersion,
      e.kind,
      e.legalBasis,
      e.occurredOn,
      e.noticeDays,
      e.recordedOn,
      e.source,
      e.note,
      e.violationId ?? null,
    ],
  );
  return inserted > 0;
}

export async function findCreditEntry(
  tx: EntityManager,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CreditEntry | null> {
  const [row] = await sqlRows<Columns>(
    tx,
    `select ${COLUMNS} from contracts.credit_entry where id = ?::uuid${options.lock ? ' for update' : ''}`,
    [id],
  );
  return row ? entryOf(row) : null;
}

/**
 * Entries not yet published whose objection window may have closed, in (occurred_on, id) order after `after` (a
 * page's last entry): locked, skipping those another sweep holds. Those recorded before any city's settings covered
 * their district (no city) among them: a city configured since takes them (publishDueCreditEntries).
 */
export async function lockRecordedCreditEntries(
  tx: EntityManager,
  limit: number,
  after: Pick<CreditEntry, 'occurredOn' | 'id'> | null = null,
): Promise<CreditEntry[]> {
  const rows = await sqlRows<Columns>(
    tx,
    `select ${COLUMNS} from contracts.credit_entry where status = 'RECORDED'
       and (?::date is null or (occurred_on, id) > (?::date, ?::uuid))
     order by occurred_on, id limit ? for update skip locked`,
    [after?.occurredOn ?? null, after?.occurredOn ?? null, after?.id ?? null, limit],
  );
  return rows.map(entryOf);
}

export async function saveCreditEntryState(
  tx: EntityManager,
  e: Pick<CreditEntry, 'id' | 'cityCode' | 'status' | 'publishedOn' | 'withdrawnOn' | 'objections'>,
): Promise<void> {
  await sqlRun(
    tx,
    `update contracts.credit_entry set city_code = ?, status = ?, published_on = ?::date, withdrawn_on = ?::date, objections = ?::jsonb
      where id = ?::uuid`,
    [e.cityCode, e.status, e.publishedOn, e.withdrawnOn, JSON.stringify(e.objections), e.id],
  );
}

/** The reach a caller lists by (credit.ts: mayReadCreditEntry, row by row). */
export type CreditScope =
  | { by: 'ALL' }
  | { by: 'COMPANY'; companyId: string }
  | { by: 'DISTRICT'; prefixes: string[] }
  | { by: 'OWNERS_OF_STREETS'; prefixes: string[] };

export async function listCreditEntries(
  em: EntityManager,
  scope: CreditScope,
  filter: { companyId?: string | null; subjectKind?: CreditSubjectKind | null; status?: CreditEntryStatus | null },
  limit: number,
): Promise<CreditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (scope.by === 'COMPANY') {
    where.push(`subject_kind = 'COMPANY' and company_id = ?`);
    params.push(scope.companyId);
  } else if (scope.by === 'DISTRICT' || scope.by === 'OWNERS_OF_STREETS') {
    const column = scope.by === 'DISTRICT' ? 'district_code' : 'street_code';
    where.push(`(${scope.prefixes.map(() => `starts_with(${column}, ?)`).join(' or ')})`);
    params.push(...scope.prefixes);
    if (scope.by === 'OWNERS_OF_STREETS') where.push(`subject_kind = 'OWNER'`);
  }
  if (filter.companyId) {
    where.push('company_id = ?');
    params.push(filter.companyId);
  }
  if (filter.subjectKind) {
    where.push('subject_kind = ?');
    params.push(filter.subjectKind);
  }
  if (filter.status) {
    where.push('status = ?');
    params.push(filter.status);
  }
  const rows = await sqlRows<Columns>(
    em,
    `select ${COLUMNS} from contracts.credit_entry ${where.length ? `where ${where.join(' and ')}` : ''}
     order by occurred_on desc, id limit ?`,
    [...params, limit],
  );
  return rows.map(entryOf);
}

/** Whether the company filed (in any state) a contract of the area: the bureau records findings only about those. */
export async function companyFiledInArea(em: EntityManager, companyId: string, areaId: string): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    em,
    `select 1 as one from contracts.filing where company_id = ? and area_id = ?::uuid limit 1`,
    [companyId, areaId],
  );
  return rows.length > 0;
}
