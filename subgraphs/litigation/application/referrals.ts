import { ProposedProcedure } from '../../../catalog';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { compareDates, isIsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { BATCH_FORMED, REFERRAL_SUBMITTED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { CasePackage, EvidenceItem, firstPackage, nextPackage, packageDigest } from '../domain/case-package';
import { CostLine } from '../domain/claim';
import { ConsolidatedBatch, consolidate } from '../domain/consolidation';
import { Eligibility, referralEligibility } from '../domain/eligibility';
import { ProcedureReason, decideProcedure } from '../domain/procedure';
import { ClaimSnapshot, FilingRecord, casePackageContent, referralFacts, validateEvidence } from '../domain/referral';
import { SMALL_CLAIMS_EXCLUSION_NAMES, SmallClaimsExclusion } from '../domain/statutes';
import { appendToChain } from './chain';

export interface ReferralInput {
  courtId: string;
  accountIds: string[];
  evidence: EvidenceItem[];
  costs?: CostLine[] | null;
  /** Both parties agree to the small-claims procedure above the threshold (up to 200%, art. 165). */
  bothPartiesConsent?: boolean | null;
  exclusions?: string[] | null;
  /** The date a party expressly declined mediation, when no session was held. */
  mediationWaivedOn?: string | null;
}

export interface ReferralResult {
  referralId: string;
  accountId: string;
  eligibility: Eligibility;
}

const MAX_ACCOUNTS = 200;

function checkInput(input: ReferralInput, today: string): { evidence: EvidenceItem[]; exclusions: SmallClaimsExclusion[] } {
  const fields: Record<string, string> = {};
  const ids = input.accountIds ?? [];
  if (ids.length === 0 || ids.length > MAX_ACCOUNTS) fields.accountIds = `1–${MAX_ACCOUNTS} accounts`;
  else if (new Set(ids).size !== ids.length) fields.accountIds = 'each account once';
  if (input.mediationWaivedOn !== null && input.mediationWaivedOn !== undefined && (!isIsoDate(input.mediationWaivedOn) || compareDates(input.mediationWaivedOn, today) > 0)) {
    fields.mediationWaivedOn = `a YYYY-MM-DD date, not after today (${today})`;
  }
  const exclusions = input.exclusions ?? [];
  const unknown = exclusions.filter((e) => !(SMALL_CLAIMS_EXCLUSION_NAMES as readonly string[]).includes(e));
  if (unknown.length > 0) fields.exclusions = `one of ${SMALL_CLAIMS_EXCLUSION_NAMES.join(', ')}`;
  (input.costs ?? []).forEach((c, i) => {
    if (typeof c.label !== 'string' || c.label.trim() === '') fields[`costs[${i}].label`] = 'name the cost';
    if (!Number.isSafeInteger(c.amountFen) || c.amountFen < 0) fields[`costs[${i}].amountFen`] = 'whole fen, 0 or more';
  });
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The referral is invalid', { fields });
  return { evidence: validateEvidence(input.evidence ?? []), exclusions: exclusions as SmallClaimsExclusion[] };
}

async function claimsOf(tx: EntityManager, companyId: string, accountIds: string[]): Promise<Map<string, ClaimSnapshot & { streetCode: string; districtCode: string }>> {
  const rows = await sqlRows<{ account_id: string; claim: ClaimSnapshot & { streetCode: string; districtCode: string } }>(
    tx,
    `select account_id, claim from litigation.claim_account where company_id = ? and account_id::text in (select jsonb_array_elements_text(?::jsonb))`,
    [companyId, JSON.stringify(accountIds)],
  );
  return new Map(rows.map((r) => [r.account_id, r.claim]));
}

export type AreaFiling = FilingRecord & { areaId: string };

export async function filingsOf(tx: EntityManager, companyId: string, areaIds: string[]): Promise<AreaFiling[]> {
  const rows = await sqlRows<Record<string, unknown>>(
    tx,
    `select filing_id, contract_id, area_id, status, record_number, starts_on::text as starts_on, ends_on::text as ends_on, terminated_on::text as terminated_on, terms
       from litigation.filing_snapshot where company_id = ? and area_id::text in (select jsonb_array_elements_text(?::jsonb))`,
    [companyId, JSON.stringify(areaIds)],
  );
  return rows.map((r) => ({
    filingId: String(r.filing_id),
    contractId: String(r.contract_id),
    areaId: String(r.area_id),
    status: String(r.status),
    recordNumber: r.record_number === null ? null : String(r.record_number),
    startsOn: String(r.starts_on),
    endsOn: String(r.ends_on),
    terminatedOn: r.terminated_on === null ? null : String(r.terminated_on),
    terms: r.terms as FilingRecord['terms'],
  }));
}

function procedureFor(provinceCode: string, year: number, claimFen: number, consent: boolean, exclusions: SmallClaimsExclusion[]): { procedure: ProposedProcedure; reasons: ProcedureReason[] | { code: string; message: string }[] } {
  try {
    const decision = decideProcedure({ provinceCode, docketYear: year, claimFen, bothPartiesConsent: consent, exclusions });
    return { procedure: decision.procedure, reasons: decision.reasons };
  } catch (error) {
    // No published threshold for the court's province and year: the court decides, the hub does not guess.
    if (error instanceof DomainError && error.code === 'NO_SMALL_CLAIMS_THRESHOLD') return { procedure: 'UNDETERMINED', reasons: [{ code: error.code, message: error.message }] };
    throw error;
  }
}

/** Stores a package version, appends its digest to the evidence chain, and returns the digest. */
export async function storePackage(tx: EntityManager, pkg: CasePackage): Promise<string> {
  const digest = packageDigest(pkg);
  const entry = await appendToChain(tx, { kind: 'CASE_PACKAGE', subjectId: pkg.referralId, payloadDigest: digest });
  await sqlRun(
    tx,
    `insert into litigation.case_package (referral_id, version, package, digest, previous_digest, chain_sequence) values (?, ?, ?::jsonb, ?, ?, ?)`,
    [pkg.referralId, pkg.version, JSON.stringify(pkg), digest, pkg.previousDigest, entry.sequence],
  );
  return digest;
}

/**
 * Refers arrears accounts of the caller's company to a court, all or nothing. Each account is judged on its own
 * (referral-facts → eligibility.ts): an ineligible one is recorded with every failed condition by name and sent
 * nowhere; an eligible one gets its case package (version 1, in the evidence chain), its procedure, a place in the
 * consolidated batch of its court, company, compound and contract, and the referral.submitted event.
 */
export async function referArrears(em: EntityManager, identity: Identity, input: ReferralInput): Promise<ReferralResult[]> {
  if (identity.role !== 'PROPERTY_COMPANY') throw new ForbiddenError('Only a property service company refers its arrears to court');
  const companyId = identity.organisationId;
  const today = todayInChina();
  const { evidence, exclusions } = checkInput(input, today);
  return em.transactional(async (tx) => {
    const [court] = await sqlRows<{ province_code: string }>(tx, `select province_code from litigation.court where court_id = ?`, [input.courtId]);
    if (!court) throw new NotFoundError('Court', input.courtId);
    const claims = await claimsOf(tx, companyId, input.accountIds);
    const missing = input.accountIds.filter((id) => !claims.has(id));
    if (missing.length > 0) throw new NotFoundError('Arrears account', missing.join(', '));
    const open = await sqlRows<{ account_id: string }>(
      tx,
      `select account_id from litigation.referral where eligible and status not in ('WITHDRAWN','REJECTED','CLOSED') and account_id::text in (select jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(input.accountIds)],
    );
    if (open.length > 0) throw new DomainError('ALREADY_REFERRED', 'These accounts are already before a court', { accountIds: open.map((o) => o.account_id) });
    const filings = await filingsOf(tx, companyId, [...new Set([...claims.values()].map((c) => c.areaId))]);

    const results: ReferralResult[] = [];
    for (const accountId of input.accountIds) {
      const claim = claims.get(accountId)!;
      const areaFilings = filings.filter((f) => f.areaId === claim.areaId);
      const eligibility = referralEligibility(referralFacts(claim, areaFilings, today, input.mediationWaivedOn ?? null));
      const referralId = randomUUID();
      const row = { referralId, accountId, claim, eligibility };
      if (!eligibility.eligible) {
        await insertReferral(tx, identity, input.courtId, row, { status: null, contractId: null, procedure: null, reasons: [], amountInDispute: 0, grandTotal: 0 }, today);
        results.push({ referralId, accountId, eligibility });
        continue;
      }
      const { content, claims: complaint, filing } = casePackageContent({
        referralId,
        claim,
        claimableMonths: eligibility.claimableCharges.map((c) => c.month),
        filings: areaFilings,
        evidence,
        costs: input.costs ?? [],
      });
      const { procedure, reasons } = procedureFor(court.province_code, Number(today.slice(0, 4)), complaint.amountInDisputeFen, input.bothPartiesConsent ?? false, exclusions);
      await insertReferral(tx, identity, input.courtId, row, {
        status: 'SUBMITTED',
        contractId: filing.contractId,
        procedure,
        reasons,
        amountInDispute: complaint.amountInDisputeFen,
        grandTotal: complaint.grandTotalFen,
      }, today);
      const pkg = firstPackage(content);
      const digest = await storePackage(tx, pkg);
      recordEvent(tx, REFERRAL_SUBMITTED, {
        source: 'litigation',
        key: referralId,
        subject: referralId,
        data: {
          referralId,
          courtId: input.courtId,
          companyId,
          accountId,
          householdId: claim.householdId,
          areaId: claim.areaId,
          status: 'SUBMITTED',
          contractId: filing.contractId,
          procedure,
          amountInDisputeFen: complaint.amountInDisputeFen,
          grandTotalFen: complaint.grandTotalFen,
          packageVersion: pkg.version,
          packageDigest: digest,
          submittedOn: today,
        },
      });
      results.push({ referralId, accountId, eligibility });
    }
    await regroup(tx, input.courtId, companyId);
    return results;
  });
}

async function insertReferral(
  tx: EntityManager,
  identity: Identity,
  courtId: string,
  row: { referralId: string; accountId: string; claim: ClaimSnapshot & { streetCode: string; districtCode: string }; eligibility: Eligibility },
  outcome: { status: string | null; contractId: string | null; procedure: string | null; reasons: unknown[]; amountInDispute: number; grandTotal: number },
  today: string,
): Promise<void> {
  const { claim, eligibility } = row;
  await sqlRun(
    tx,
    `insert into litigation.referral (id, company_id, court_id, account_id, household_id, area_id, area_name, street_code, district_code, contract_id,
        eligible, eligibility, status, procedure, procedure_reasons, amount_in_dispute_fen, grand_total_fen, submitted_on, submitted_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?)`,
    [row.referralId, identity.organisationId, courtId, row.accountId, claim.householdId, claim.areaId, claim.areaName, claim.streetCode, claim.districtCode,
      outcome.contractId, eligibility.eligible, JSON.stringify(eligibility), outcome.status, outcome.procedure, JSON.stringify(outcome.reasons),
      outcome.amountInDispute, outcome.grandTotal, today, identity.subject],
  );
}

/**
 * Recomputes the consolidated batches of a court and company from their open referrals (consolidation.ts) and stores
 * them; a batch of two or more whose members changed is announced on the referrals topic.
 */
export async function regroup(tx: EntityManager, courtId: string, companyId: string): Promise<void> {
  const referrals = await sqlRows<{ id: string; area_id: string; contract_id: string }>(
    tx,
    `select id, area_id, contract_id from litigation.referral
      where court_id = ? and company_id = ? and eligible and status not in ('WITHDRAWN','REJECTED','CLOSED','JUDGED','SETTLED','ENFORCEMENT')`,
    [courtId, companyId],
  );
  const stored = await sqlRows<{ batch_key: string; group_key: string; area_id: string; contract_id: string; split_from: string | null; referral_ids: string[] }>(
    tx,
    `select batch_key, group_key, area_id, contract_id, split_from, referral_ids from litigation.consolidated_batch where court_id = ? and company_id = ?`,
    [courtId, companyId],
  );
  const existing: ConsolidatedBatch[] = stored.map((b) => ({ batchKey: b.batch_key, groupKey: b.group_key, courtId, plaintiffId: companyId, compoundId: b.area_id, contractId: b.contract_id, splitFrom: b.split_from, referralIds: b.referral_ids }));
  const batches = consolidate(
    referrals.map((r) => ({ referralId: r.id, courtId, plaintiffId: companyId, compoundId: r.area_id, contractId: r.contract_id })),
    existing,
  );
  const before = new Map(stored.map((b) => [b.batch_key, [...b.referral_ids].sort().join(',')]));
  // A referral no longer open leaves its batch.
  await sqlRun(
    tx,
    `update litigation.referral set batch_key = null where court_id = ? and company_id = ? and batch_key is not null
        and id::text not in (select jsonb_array_elements_text(?::jsonb))`,
    [courtId, companyId, JSON.stringify(batches.flatMap((b) => b.referralIds))],
  );
  await sqlRun(
    tx,
    `delete from litigation.consolidated_batch where court_id = ? and company_id = ? and batch_key not in (select jsonb_array_elements_text(?::jsonb))`,
    [courtId, companyId, JSON.stringify(batches.map((b) => b.batchKey))],
  );
  for (const b of batches) {
    await sqlRun(
      tx,
      `insert into litigation.consolidated_batch (batch_key, group_key, court_id, company_id, area_id, contract_id, split_from, referral_ids)
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
       on conflict (batch_key) do update set referral_ids = excluded.referral_ids, updated_at = now()`,
      [b.batchKey, b.groupKey, courtId, companyId, b.compoundId, b.contractId, b.splitFrom, JSON.stringify(b.referralIds)],
    );
    await sqlRun(tx, `update litigation.referral set batch_key = ? where id::text in (select jsonb_array_elements_text(?::jsonb))`, [b.batchKey, JSON.stringify(b.referralIds)]);
    if (b.referralIds.length >= 2 && before.get(b.batchKey) !== b.referralIds.join(',')) {
      recordEvent(tx, BATCH_FORMED, {
        source: 'litigation',
        key: b.batchKey,
        data: { batchKey: b.batchKey, courtId, companyId, areaId: b.compoundId, contractId: b.contractId, referralIds: b.referralIds, splitFrom: b.splitFrom },
      });
    }
  }
}

/**
 * A correction of a package the court has not docketed yet: the evidence (and costs) as now listed, from the claim as
 * the hub now knows it, as the next version linked to the previous one by its digest and appended to the chain.
 */
export async function correctCasePackage(em: EntityManager, identity: Identity, input: { referralId: string; evidence: EvidenceItem[]; costs?: CostLine[] | null }): Promise<string> {
  const evidence = validateEvidence(input.evidence ?? []);
  return em.transactional(async (tx) => {
    const [referral] = await sqlRows<{ company_id: string; court_id: string; account_id: string; area_id: string; status: string | null; eligibility: Eligibility }>(
      tx,
      `select company_id, court_id, account_id, area_id, status, eligibility from litigation.referral where id::text = ? for update`,
      [input.referralId],
    );
    if (!referral || identity.role !== 'PROPERTY_COMPANY' || referral.company_id !== identity.organisationId || referral.status === null) {
      throw new NotFoundError('Referral', input.referralId);
    }
    if (!['SUBMITTED', 'IN_MEDIATION'].includes(referral.status)) {
      throw new DomainError('PACKAGE_LOCKED', `The case is ${referral.status}: the docketed package can no longer be corrected`, { status: referral.status });
    }
    const [latest] = await sqlRows<{ package: CasePackage }>(tx, `select package from litigation.case_package where referral_id = ? order by version desc limit 1`, [input.referralId]);
    const claim = (await claimsOf(tx, referral.company_id, [referral.account_id])).get(referral.account_id)!;
    const filings = await filingsOf(tx, referral.company_id, [referral.area_id]);
    const { content, claims: complaint } = casePackageContent({
      referralId: input.referralId,
      claim,
      claimableMonths: referral.eligibility.claimableCharges.map((c) => c.month),
      filings,
      evidence,
      costs: input.costs ?? [],
    });
    // The claimed months stay those judged eligible; their amounts and the costs are as the claim now stands.
    await sqlRun(tx, `update litigation.referral set amount_in_dispute_fen = ?, grand_total_fen = ? where id = ?`, [complaint.amountInDisputeFen, complaint.grandTotalFen, input.referralId]);
    return storePackage(tx, nextPackage(latest.package, content));
  });
}
