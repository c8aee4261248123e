import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { isIsoDate } from '../../../kernel/calendar';
import { canonicalJson } from '../../../kernel/canonical-json';
import { todayInChina } from '../../../kernel/clock';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { Page, checkPage } from '../../../kernel/pagination';
import { BATCH_FORMED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { batchScope, mayReadReferral, mayReportForCourt, referralScope, statisticsScope } from '../domain/access';
import { CasePackage } from '../domain/case-package';
import { ConsolidatedBatch, splitBatch } from '../domain/consolidation';
import { OverdueCase, overdueCases } from '../domain/court-timeline';
import { Eligibility } from '../domain/eligibility';
import { PackageVerification, verifyPackage } from '../domain/evidence-chain';
import { chainEntries } from './chain';

export interface ReferralRow {
  id: string;
  companyId: string;
  courtId: string;
  accountId: string;
  householdId: string;
  areaId: string;
  areaName: string;
  contractId: string | null;
  eligible: boolean;
  eligibility: Eligibility;
  status: string | null;
  statusSince: string | null;
  procedure: string | null;
  procedureReasons: { code: string; message: string }[];
  amountInDisputeFen: number;
  grandTotalFen: number;
  caseNumber: string | null;
  docketedOn: string | null;
  hearingOn: string | null;
  judgedFen: number | null;
  settledFen: number | null;
  decidedOn: string | null;
  extensionApprovedOn: string | null;
  batchKey: string | null;
  submittedOn: string;
}

const COLUMNS = `r.id, r.company_id as "companyId", r.court_id as "courtId", r.account_id as "accountId", r.household_id as "householdId",
  r.area_id as "areaId", r.area_name as "areaName", r.contract_id as "contractId", r.eligible, r.eligibility, r.status, r.status_since as "statusSince",
  r.procedure, r.procedure_reasons as "procedureReasons", r.amount_in_dispute_fen::int8 as "amountInDisputeFen", r.grand_total_fen::int8 as "grandTotalFen",
  r.case_number as "caseNumber", r.docketed_on::text as "docketedOn", r.hearing_on::text as "hearingOn", r.judged_fen::int8 as "judgedFen",
  r.settled_fen::int8 as "settledFen", r.decided_on::text as "decidedOn",
  r.extension_approved_on::text as "extensionApprovedOn", r.batch_key as "batchKey", r.submitted_on::text as "submittedOn"`;

const toNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const referralOf = (r: ReferralRow): ReferralRow => ({
  ...r,
  amountInDisputeFen: Number(r.amountInDisputeFen),
  grandTotalFen: Number(r.grandTotalFen),
  judgedFen: toNumber(r.judgedFen),
  settledFen: toNumber(r.settledFen),
});

export interface ReferralFilter {
  statuses?: string[] | null;
  eligible?: boolean | null;
  areaId?: string | null;
  companyId?: string | null;
  procedure?: string | null;
  minAmountFen?: number | null;
  maxAmountFen?: number | null;
}

/** Referrals the caller may read (a court its own, a company its own), newest first, with the total count. */
export async function listReferrals(em: EntityManager, identity: Identity, filter: ReferralFilter, page: Page) {
  checkPage(page);
  const scope = referralScope(identity);
  if (!scope) return { items: [] as ReferralRow[], totalCount: 0 };
  const statuses = filter.statuses && filter.statuses.length > 0 ? JSON.stringify(filter.statuses) : null;
  const rows = await sqlRows<ReferralRow & { total: string }>(
    em,
    `select ${COLUMNS}, count(*) over () as total from litigation.referral r
      where ${scope.sql}
        and (?::jsonb is null or r.status in (select jsonb_array_elements_text(?::jsonb)))
        and (?::boolean is null or r.eligible = ?::boolean)
        and (?::text is null or r.area_id::text = ?) and (?::text is null or r.company_id = ?) and (?::text is null or r.procedure = ?)
        and (?::int8 is null or r.amount_in_dispute_fen >= ?::int8) and (?::int8 is null or r.amount_in_dispute_fen <= ?::int8)
      order by r.created_at desc, r.id limit ? offset ?`,
    [...scope.params, statuses, statuses, filter.eligible ?? null, filter.eligible ?? null, filter.areaId ?? null, filter.areaId ?? null,
      filter.companyId ?? null, filter.companyId ?? null, filter.procedure ?? null, filter.procedure ?? null,
      filter.minAmountFen ?? null, filter.minAmountFen ?? null, filter.maxAmountFen ?? null, filter.maxAmountFen ?? null, page.first, page.offset],
  );
  return { items: rows.map(referralOf), totalCount: rows.length > 0 ? Number(rows[0].total) : 0 };
}

/** One referral the caller may read; NOT_FOUND for anyone else, as for a referral that does not exist. */
export async function readableReferral(em: EntityManager, identity: Identity, id: string): Promise<ReferralRow> {
  const [row] = await sqlRows<ReferralRow>(em, `select ${COLUMNS} from litigation.referral r where r.id::text = ?`, [id]);
  if (!row || !mayReadReferral(identity, row)) throw new NotFoundError('Referral', id);
  return referralOf(row);
}

export interface PackageVersion {
  version: number;
  digest: string;
  previousDigest: string | null;
  chainSequence: number;
  canonicalJson: string;
  package: CasePackage;
  createdAt: Date;
}

export async function packageVersions(em: EntityManager, referralIds: readonly string[]): Promise<(PackageVersion & { referralId: string })[]> {
  const rows = await sqlRows<{ referral_id: string; version: number; digest: string; previous_digest: string | null; chain_sequence: string; package: CasePackage; created_at: Date }>(
    em,
    `select referral_id, version, digest, previous_digest, chain_sequence, package, created_at from litigation.case_package
      where referral_id::text in (select jsonb_array_elements_text(?::jsonb)) order by referral_id, version`,
    [JSON.stringify(referralIds)],
  );
  return rows.map((r) => ({
    referralId: r.referral_id,
    version: r.version,
    digest: r.digest,
    previousDigest: r.previous_digest,
    chainSequence: Number(r.chain_sequence),
    canonicalJson: canonicalJson(r.package),
    package: r.package,
    createdAt: r.created_at,
  }));
}

export async function courtEventsOf(em: EntityManager, referralIds: readonly string[]) {
  return sqlRows<{ referral_id: string; kind: string; occurred_at: string; verdict: string; via: string; details: Record<string, unknown>; received_at: Date }>(
    em,
    `select referral_id, kind, occurred_at, verdict, via, details, received_at from litigation.court_event
      where referral_id::text in (select jsonb_array_elements_text(?::jsonb)) order by received_at`,
    [JSON.stringify(referralIds)],
  );
}

/**
 * Recomputes the stored package's digest and finds it in the evidence chain, after checking every link of the chain:
 * a package altered in the database after it was sent no longer matches any entry, and an altered entry breaks the chain.
 */
export async function verifyCasePackage(em: EntityManager, identity: Identity, referralId: string, version?: number | null): Promise<PackageVerification & { version: number; storedDigest: string }> {
  await readableReferral(em, identity, referralId);
  const versions = await packageVersions(em, [referralId]);
  const wanted = version ? versions.find((v) => v.version === version) : versions[versions.length - 1];
  if (!wanted) throw new NotFoundError('Case package version', `${referralId} v${version}`);
  const result = verifyPackage(await chainEntries(em), wanted.canonicalJson);
  return { ...result, version: wanted.version, storedDigest: wanted.digest };
}

export interface BatchRow extends ConsolidatedBatch {
  courtDecision: string | null;
}

export async function listBatches(em: EntityManager, identity: Identity): Promise<BatchRow[]> {
  const scope = batchScope(identity);
  if (!scope) return [];
  const rows = await sqlRows<{ batch_key: string; group_key: string; court_id: string; company_id: string; area_id: string; contract_id: string; split_from: string | null; referral_ids: string[]; court_decision: string | null }>(
    em,
    `select r.* from litigation.consolidated_batch r where ${scope.sql} order by r.updated_at desc, r.batch_key`,
    scope.params,
  );
  return rows.map((b) => ({
    batchKey: b.batch_key,
    groupKey: b.group_key,
    courtId: b.court_id,
    plaintiffId: b.company_id,
    compoundId: b.area_id,
    contractId: b.contract_id,
    splitFrom: b.split_from,
    referralIds: b.referral_ids,
    courtDecision: b.court_decision,
  }));
}

async function courtBatch(tx: EntityManager, identity: Identity, batchKey: string): Promise<BatchRow> {
  const batch = (await listBatches(tx, identity)).find((b) => b.batchKey === batchKey);
  if (!batch || !mayReportForCourt(identity, { companyId: batch.plaintiffId, courtId: batch.courtId })) throw new NotFoundError('Consolidated batch', batchKey);
  return batch;
}

/** The court accepts a batch for a joint hearing (合并审理). */
export async function acceptBatch(em: EntityManager, identity: Identity, batchKey: string): Promise<BatchRow> {
  return em.transactional(async (tx) => {
    await courtBatch(tx, identity, batchKey);
    await sqlRun(tx, `update litigation.consolidated_batch set court_decision = 'ACCEPTED', decided_at = now() where batch_key = ?`, [batchKey]);
    return courtBatch(tx, identity, batchKey);
  });
}

/** The court takes some cases out of a batch into a batch of their own (consolidation.ts splitBatch). */
export async function splitConsolidatedBatch(em: EntityManager, identity: Identity, batchKey: string, referralIds: string[]): Promise<BatchRow[]> {
  return em.transactional(async (tx) => {
    const batch = await courtBatch(tx, identity, batchKey);
    const { remaining, split } = splitBatch(batch, referralIds);
    await sqlRun(tx, `update litigation.consolidated_batch set referral_ids = ?::jsonb, updated_at = now() where batch_key = ?`, [JSON.stringify(remaining.referralIds), batchKey]);
    await sqlRun(
      tx,
      `insert into litigation.consolidated_batch (batch_key, group_key, court_id, company_id, area_id, contract_id, split_from, referral_ids) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)`,
      [split.batchKey, split.groupKey, split.courtId, split.plaintiffId, split.compoundId, split.contractId, split.splitFrom, JSON.stringify(split.referralIds)],
    );
    await sqlRun(tx, `update litigation.referral set batch_key = ? where id::text in (select jsonb_array_elements_text(?::jsonb))`, [split.batchKey, JSON.stringify(split.referralIds)]);
    recordEvent(tx, BATCH_FORMED, {
      source: 'litigation',
      key: split.batchKey,
      data: { batchKey: split.batchKey, courtId: split.courtId, companyId: split.plaintiffId, areaId: split.compoundId, contractId: split.contractId, referralIds: split.referralIds, splitFrom: split.splitFrom },
    });
    return [await courtBatch(tx, identity, batchKey), await courtBatch(tx, identity, split.batchKey)];
  });
}

/** A court's docketed small-claims cases past their decision date (Civil Procedure Law art. 168), most overdue first. */
export async function overdueSmallClaims(em: EntityManager, identity: Identity, asOf: string | null = null): Promise<(OverdueCase & { referral: ReferralRow })[]> {
  const day = asOf ?? todayInChina();
  if (!isIsoDate(day)) throw new InvalidInputError('asOf must be a YYYY-MM-DD date', { fields: { asOf: 'YYYY-MM-DD' } });
  const scope = referralScope(identity);
  if (!scope || identity.role === 'PROPERTY_COMPANY') return [];
  const rows = (await sqlRows<ReferralRow>(
    em,
    `select ${COLUMNS} from litigation.referral r where ${scope.sql} and r.procedure in ('SMALL_CLAIMS','SMALL_CLAIMS_BY_CONSENT') and r.docketed_on is not null`,
    scope.params,
  )).map(referralOf);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return overdueCases(
    rows.map((r) => ({ caseId: r.id, docketedOn: r.docketedOn!, extensionApprovedOn: r.extensionApprovedOn, decidedOn: r.decidedOn })),
    day,
  ).map((o) => ({ ...o, referral: byId.get(o.caseId)! }));
}

export interface ReferralStatistics {
  areaId: string;
  areaName: string;
  companyId: string;
  referrals: number;
  ineligible: number;
  open: number;
  judged: number;
  settled: number;
  withdrawn: number;
  amountInDisputeFen: number;
  judgedFen: number;
  settledFen: number;
}

/** Counts, amounts and outcomes by compound and company, without households: for bureaus of the jurisdiction. */
export async function referralStatistics(em: EntityManager, identity: Identity): Promise<ReferralStatistics[]> {
  const scope = statisticsScope(identity);
  if (!scope) return [];
  const rows = await sqlRows<Record<string, string>>(
    em,
    `select r.area_id, r.area_name, r.company_id, count(*) as referrals, count(*) filter (where not r.eligible) as ineligible,
            count(*) filter (where r.eligible and r.status in ('SUBMITTED','IN_MEDIATION','DOCKETED','HEARING_SCHEDULED')) as open,
            count(*) filter (where r.status = 'JUDGED' or r.judged_fen is not null) as judged, count(*) filter (where r.status = 'SETTLED') as settled,
            count(*) filter (where r.status = 'WITHDRAWN') as withdrawn, coalesce(sum(r.amount_in_dispute_fen), 0) as amount,
            coalesce(sum(r.judged_fen), 0) as judged_fen, coalesce(sum(r.settled_fen), 0) as settled_fen
       from litigation.referral r where ${scope.sql} group by r.area_id, r.area_name, r.company_id order by r.area_name, r.company_id`,
    scope.params,
  );
  return rows.map((r) => ({
    areaId: r.area_id,
    areaName: r.area_name,
    companyId: r.company_id,
    referrals: Number(r.referrals),
    ineligible: Number(r.ineligible),
    open: Number(r.open),
    judged: Number(r.judged),
    settled: Number(r.settled),
    withdrawn: Number(r.withdrawn),
    amountInDisputeFen: Number(r.amount),
    judgedFen: Number(r.judged_fen),
    settledFen: Number(r.settled_fen),
  }));
}
