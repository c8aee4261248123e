import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseStatus, CourtEventKind, ProposedProcedure } from '../../../catalog';
import { IsoDate } from '../../../kernel/calendar';
import { Page, cursorOf, invalidCursor, keyOfCursor } from '../../../kernel/pagination';
import { chinaDayOf, sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { ReferralReach } from '../domain/access';
import { CaseState } from '../domain/case-status';
import type { CaseDeadlineFacts } from '../domain/court-timeline';
import { ReferralForConsolidation } from '../domain/consolidation';
import { Eligibility } from '../domain/eligibility';
import { CourtEventEffect, NewReferral, Referral, SentReferral, isSent } from '../domain/referral';
import { isUuid } from '../../../kernel/uuid';
import { SMALL_CLAIMS_PROCEDURES, type ProcedureProposal, type SmallClaimsQuestion } from '../domain/procedure';
import type { SmallClaimsExclusion } from '../domain/statutes';

/** A row of litigation.referral as selected by COLUMNS (dates as text, bigint as numbers: platform/db/orm.ts). */
interface ReferralColumns {
  id: string;
  company_id: string;
  court_id: string;
  account_id: string;
  household_id: string;
  area_id: string;
  area_name: string;
  contract_id: string | null;
  eligible: boolean;
  eligibility: Eligibility;
  status: CaseStatus | null;
  status_since: string | null;
  procedure: ProposedProcedure | null;
  procedure_reasons: { code: string; message: string }[];
  amount_in_dispute_fen: number;
  grand_total_fen: number;
  case_number: string | null;
  enforcement_case_number: string | null;
  docketed_on: IsoDate | null;
  hearing_on: IsoDate | null;
  judged_fen: number | null;
  settled_fen: number | null;
  decided_on: IsoDate | null;
  extension_approved_on: IsoDate | null;
  procedure_changed_on: IsoDate | null;
  performance_due_on: IsoDate | null;
  batch_key: string | null;
  submitted_on: IsoDate;
}

const COLUMNS = `r.id, r.company_id, r.court_id, r.account_id, r.household_id, r.area_id, r.area_name, r.contract_id, r.eligible,
  r.eligibility, r.status, r.status_since, r.procedure, r.procedure_reasons, r.amount_in_dispute_fen, r.grand_total_fen, r.case_number,
  r.enforcement_case_number, r.docketed_on::text as docketed_on, r.hearing_on::text as hearing_on, r.judged_fen, r.settled_fen, r.decided_on::text as decided_on,
  r.extension_approved_on::text as extension_approved_on, r.procedure_changed_on::text as procedure_changed_on,
  r.performance_due_on::text as performance_due_on, r.batch_key,
  r.submitted_on::text as submitted_on`;

const referralOf = (r: ReferralColumns): Referral => ({
  id: r.id,
  companyId: r.company_id,
  courtId: r.court_id,
  accountId: r.account_id,
  householdId: r.household_id,
  areaId: r.area_id,
  areaName: r.area_name,
  contractId: r.contract_id,
  eligible: r.eligible,
  eligibility: r.eligibility,
  status: r.status,
  statusSince: r.status_since,
  procedure: r.procedure,
  procedureReasons: r.procedure_reasons,
  amountInDisputeFen: r.amount_in_dispute_fen,
  grandTotalFen: r.grand_total_fen,
  caseNumber: r.case_number,
  enforcementCaseNumber: r.enforcement_case_number,
  docketedOn: r.docketed_on,
  hearingOn: r.hearing_on,
  judgedFen: r.judged_fen,
  settledFen: r.settled_fen,
  decidedOn: r.decided_on,
  extensionApprovedOn: r.extension_approved_on,
  procedureChangedOn: r.procedure_changed_on,
  performanceDueOn: r.performance_due_on,
  batchKey: r.batch_key,
  submittedOn: r.submitted_on,
});

/**
 * A referral still before the court, not yet decided (the statuses of the `referral_pending_per_account` index): a
 * second referral of its account would sue twice. One judged or settled is decided: its account may be referred
 * again for what the decision did not cover (decidedMonths), while the decision is enforced.
 */
const PENDING = `r.eligible and r.status in ('SUBMITTED','IN_MEDIATION','DOCKETED','HEARING_SCHEDULED')`;

/**
 * The reach (domain/access.ts) as one SQL condition over rows aliased `r` with court_id and company_id, and for
 * STREETS street_code. `sent` is the condition that a row went to its court (`r.eligible` on referrals; batches hold
 * only sent referrals).
 */
export function reachCondition(reach: ReferralReach, sent = 'r.eligible'): { sql: string; params: unknown[] } {
  switch (reach.kind) {
    case 'ALL':
      return { sql: 'true', params: [] };
    case 'PLAINTIFF':
      return { sql: 'r.company_id = ?', params: [reach.companyId] };
    case 'COURT':
      return { sql: `(r.court_id = ? and ${sent})`, params: [reach.courtId] };
    case 'STREETS':
      return {
        sql: `(${reach.streetPrefixes.map(() => 'r.street_code like ?').join(' or ')})`,
        params: reach.streetPrefixes.map((p) => `${p}%`),
      };
  }
}

export interface ReferralFilter {
  statuses?: readonly string[] | null;
  eligible?: boolean | null;
  areaId?: string | null;
  companyId?: string | null;
  procedure?: string | null;
  minAmountFen?: number | null;
  maxAmountFen?: number | null;
}

/** The filter's conditions on `r`, after the reach's, with their parameters. */
function filterCondition(reach: ReferralReach, filter: ReferralFilter): { sql: string; params: unknown[] } {
  const scope = reachCondition(reach);
  // Each status once: a caller may repeat one as often as the body holds (90,000 times in 1 MiB).
  const statuses = filter.statuses && filter.statuses.length > 0 ? sqlArray([...new Set(filter.statuses)]) : null;
  return {
    sql: `${scope.sql}
        and (?::text[] is null or r.status = any(?::text[]))
        and (?::boolean is null or r.eligible = ?::boolean)
        and (?::uuid is null or r.area_id = ?::uuid) and (?::text is null or r.company_id = ?) and (?::text is null or r.procedure = ?)
        and (?::int8 is null or r.amount_in_dispute_fen >= ?::int8) and (?::int8 is null or r.amount_in_dispute_fen <= ?::int8)`,
    params: [
      ...scope.params,
      ...twice(statuses),
      ...twice(filter.eligible ?? null),
      ...twice(filter.areaId ?? null),
      ...twice(filter.companyId ?? null),
      ...twice(filter.procedure ?? null),
      ...twice(filter.minAmountFen ?? null),
      ...twice(filter.maxAmountFen ?? null),
    ],
  };
}

/**
 * One page of the referrals within reach that match the filter, newest first, from an offset or after a cursor
 * (the keyset `(created_at, id)`, which the indexes `referral_court_list_index` and `referral_company_index` hold
 * in order, so a deep page reads only its own rows). `endCursor` names the last row; null when no row follows.
 */
export async function listReferrals(
  em: EntityManager,
  reach: ReferralReach,
  filter: ReferralFilter,
  page: Page,
): Promise<{ items: Referral[]; endCursor: string | null }> {
  const where = filterCondition(reach, filter);
  const [afterAt, afterId] = page.after != null ? referralKeyOf(page.after) : [null, null];
  const rows = await sqlRows<ReferralColumns & { created: string }>(
    em,
    `select ${COLUMNS}, r.created_at::text as created from litigation.referral r
      where ${where.sql}
        and (?::timestamptz is null or (r.created_at, r.id) < (?::timestamptz, ?::uuid))
      order by r.created_at desc, r.id desc limit ? offset ?`,
    [...where.params, afterAt, afterAt, afterId, page.first + 1, page.offset],
  );
  const items = rows.slice(0, page.first);
  const last = items[items.length - 1];
  return {
    items: items.map(referralOf),
    endCursor: rows.length > page.first ? cursorOf([last.created, last.id]) : null,
  };
}

const CREATED_AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** The `(created_at, id)` a cursor names; BAD_USER_INPUT unless it is one this list gave. */
function referralKeyOf(cursor: string): [string, string] {
  const [at, id] = keyOfCursor(cursor, 2);
  if (!CREATED_AT.test(at) || !isUuid(id)) throw invalidCursor();
  return [at, id];
}

/** How many referrals within reach match the filter: asked for only when a caller selects `totalCount`. */
export async function countReferrals(em: EntityManager, reach: ReferralReach, filter: ReferralFilter): Promise<number> {
  const where = filterCondition(reach, filter);
  const [{ n }] = await sqlRows<{ n: number }>(
    em,
    `select count(*)::int as n from litigation.referral r where ${where.sql}`,
    where.params,
  );
  return n;
}

/** `(? is null or column = ?)` takes its value twice. */
const twice = <T>(value: T): [T, T] => [value, value];

export async function findReferral(em: EntityManager, id: string): Promise<Referral | null> {
  const [row] = await sqlRows<ReferralColumns>(
    em,
    `select ${COLUMNS} from litigation.referral r where r.id = ?::uuid`,
    [id],
  );
  return row ? referralOf(row) : null;
}

/** The referral, locked for the rest of the transaction. */
export async function lockReferral(tx: EntityManager, id: string): Promise<Referral | null> {
  const [row] = await sqlRows<ReferralColumns>(
    tx,
    `select ${COLUMNS} from litigation.referral r where r.id = ?::uuid for update`,
    [id],
  );
  return row ? referralOf(row) : null;
}

/** The referral if it went to a court, locked for the rest of the transaction. */
export async function lockSentReferral(tx: EntityManager, id: string): Promise<SentReferral | null> {
  const [row] = await sqlRows<ReferralColumns>(
    tx,
    `select ${COLUMNS} from litigation.referral r where r.id = ?::uuid and r.eligible for update`,
    [id],
  );
  const referral = row ? referralOf(row) : null;
  return referral && isSent(referral) ? referral : null;
}

/** Those of the accounts that are in a case still before a court, not yet decided. */
export async function accountsInOpenCases(tx: EntityManager, accountIds: readonly string[]): Promise<string[]> {
  const rows = await sqlRows<{ account_id: string }>(
    tx,
    `select r.account_id from litigation.referral r where ${PENDING} and r.account_id = any(?::uuid[])`,
    [sqlArray(accountIds)],
  );
  return rows.map((r) => r.account_id);
}

/**
 * The accounts whose case here moved (a court's report or a withdrawal applied) less than `withinSeconds` ago: arrears
 * may not have recorded that move yet.
 */
export async function accountsWithRecentCaseMoves(
  tx: EntityManager,
  accountIds: readonly string[],
  withinSeconds: number,
): Promise<string[]> {
  const rows = await sqlRows<{ account_id: string }>(
    tx,
    `select distinct r.account_id from litigation.referral r join litigation.court_event e on e.referral_id = r.id
      where r.account_id = any(?::uuid[]) and e.verdict = 'APPLY' and e.received_at > now() - make_interval(secs => ?)`,
    [sqlArray(accountIds), withinSeconds],
  );
  return rows.map((r) => r.account_id);
}

/** SQL: referral `r` was withdrawn by the company or refused by the court; no judgment or settlement follows either. */
const ENDED_WITHOUT_DECISION = `exists (select 1 from litigation.court_event e where e.referral_id = r.id
  and e.kind in ('WITHDRAWN','DOCKETING_REFUSED') and e.verdict = 'APPLY')`;

/**
 * SQL: the day in China the first applied court event of `kind` on referral `r` occurred (its instant carries its
 * zone: the text's own first ten characters are the reporter's day, not China's).
 */
const firstAppliedOn = (kind: CourtEventKind) =>
  `(select ${chinaDayOf('min(e.occurred_at::timestamptz)')}
      from litigation.court_event e where e.referral_id = r.id and e.kind = '${kind}' and e.verdict = 'APPLY')`;

/**
 * The court's day of the first report of `kind` the hub took, as a new step or a late one (APPLY or STALE): an
 * enforcement start reported after the closing it led to still says the company applied.
 */
const firstReportedOn = (kind: CourtEventKind) =>
  `(select ${chinaDayOf('min(e.occurred_at::timestamptz)')}
      from litigation.court_event e where e.referral_id = r.id and e.kind = '${kind}' and e.verdict in ('APPLY', 'STALE'))`;

/**
 * The account's other eligible referrals that a case `referralId` put back before the court would stand beside: those
 * made after it, and those made before it whose company's withdrawal preceded it (it re-referred them) and was
 * overruled since; oldest first. One the company withdrew or the court refused (ENDED_WITHOUT_DECISION), or the
 * court closed without a judgment or settlement, stands no more.
 */
export async function competingReferralsOf(
  tx: EntityManager,
  accountId: string,
  referralId: string,
): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    tx,
    `select r.id from litigation.referral r join litigation.referral o on o.id = ?::uuid
      where r.account_id = ?::uuid and r.eligible and r.id <> o.id and not ${ENDED_WITHOUT_DECISION}
        and not (r.status = 'CLOSED' and r.decided_on is null)
        and (r.created_at > o.created_at
             or exists (select 1 from litigation.court_event w where w.referral_id = r.id and w.kind = 'WITHDRAWN'
                         and w.verdict = 'OVERRULED' and w.received_at < o.created_at))
      order by r.created_at`,
    [referralId, accountId],
  );
  return rows.map((r) => r.id);
}

/**
 * The months each account's earlier referrals claimed (their latest package's fee lines) where the court judged or
 * settled the case: a referral JUDGED, SETTLED or in ENFORCEMENT, or CLOSED after a judgment or settlement. A report
 * of one that arrives after CLOSED is stored STALE and still counts (a court's steps may arrive out of order), unless
 * the case was withdrawn or refused, which no judgment follows: a court's mistaken JUDGED on a withdrawn and closed
 * case counted before, and the months it claimed were refused as ALREADY_DECIDED in every new case.
 */
export async function decidedMonths(tx: EntityManager, accountIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await sqlRows<{ account_id: string; months: string[] }>(
    tx,
    `select r.account_id, array_agg(distinct line->>'month' order by line->>'month') as months
       from litigation.referral r
       cross join lateral (select p.package from litigation.case_package p where p.referral_id = r.id
                            order by p.version desc limit 1) latest
       cross join lateral jsonb_array_elements(latest.package->'arrearsLines') line
      where r.eligible and r.account_id = any(?::uuid[])
        and (r.status in ('JUDGED','SETTLED','ENFORCEMENT')
             or (r.status = 'CLOSED' and exists (select 1 from litigation.court_event e
                                                  where e.referral_id = r.id and e.kind in ('JUDGED','SETTLED')
                                                    and e.verdict in ('APPLY','STALE'))
                  and not ${ENDED_WITHOUT_DECISION}))
      group by r.account_id`,
    [sqlArray(accountIds)],
  );
  return new Map(rows.map((r) => [r.account_id, r.months]));
}

export async function insertReferral(tx: EntityManager, r: NewReferral): Promise<void> {
  await sqlRun(
    tx,
    `insert into litigation.referral (id, company_id, court_id, account_id, household_id, area_id, area_name, street_code, district_code, contract_id,
        eligible, eligibility, status, procedure, procedure_reasons, amount_in_dispute_fen, grand_total_fen, submitted_on, submitted_by,
        small_claims_consent, small_claims_exclusions)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb)`,
    [
      r.id,
      r.companyId,
      r.courtId,
      r.accountId,
      r.householdId,
      r.areaId,
      r.areaName,
      r.streetCode,
      r.districtCode,
      r.contractId,
      r.eligible,
      JSON.stringify(r.eligibility),
      r.status,
      r.procedure,
      JSON.stringify(r.procedureReasons),
      r.amountInDisputeFen,
      r.grandTotalFen,
      r.submittedOn,
      r.submittedBy,
      r.smallClaimsQuestion?.bothPartiesConsent ?? null,
      r.smallClaimsQuestion ? JSON.stringify(r.smallClaimsQuestion.exclusions) : null,
    ],
  );
}

/**
 * Where a referral's procedure is proposed from: its district, and what the company stated when it referred (null
 * for a referral recorded before the columns: questionOfReasons reads what its reasons tell).
 */
export async function procedureQuestionOf(
  tx: EntityManager,
  id: string,
): Promise<{ districtCode: string; question: SmallClaimsQuestion | null }> {
  const [row] = await sqlRows<{
    district_code: string;
    small_claims_consent: boolean | null;
    small_claims_exclusions: SmallClaimsExclusion[] | null;
  }>(
    tx,
    `select district_code, small_claims_consent, small_claims_exclusions from litigation.referral where id = ?::uuid`,
    [id],
  );
  return {
    districtCode: row.district_code,
    question:
      row.small_claims_consent === null || row.small_claims_exclusions === null
        ? null
        : { bothPartiesConsent: row.small_claims_consent, exclusions: row.small_claims_exclusions },
  };
}

/**
 * A package corrected before docketing: the claimed amounts as the claim now stands and the hub's proposal made again
 * on them (the procedure, its reasons and the question it answered), in one statement.
 */
export async function reviseClaim(
  tx: EntityManager,
  id: string,
  amounts: { amountInDisputeFen: number; grandTotalFen: number },
  proposal: ProcedureProposal,
  question: SmallClaimsQuestion,
): Promise<void> {
  await sqlRun(
    tx,
    `update litigation.referral set amount_in_dispute_fen = ?, grand_total_fen = ?, procedure = ?, procedure_reasons = ?::jsonb,
        small_claims_consent = ?, small_claims_exclusions = ?::jsonb
      where id = ?::uuid`,
    [
      amounts.amountInDisputeFen,
      amounts.grandTotalFen,
      proposal.procedure,
      JSON.stringify(proposal.reasons),
      question.bothPartiesConsent,
      JSON.stringify(question.exclusions),
      id,
    ],
  );
}

/**
 * Writes what a court event carries: REPLACE lets a new step overwrite (a rescheduled hearing); FILL_MISSING, for a
 * step arriving late, only fills in what is still empty.
 */
export async function recordCourtEffect(
  tx: EntityManager,
  id: string,
  effect: CourtEventEffect,
  mode: 'REPLACE' | 'FILL_MISSING',
): Promise<void> {
  const set = (column: string) => (mode === 'FILL_MISSING' ? `coalesce(${column}, ?)` : `coalesce(?, ${column})`);
  // The procedure column holds the hub's proposal until the court docketed the case: a late docketing replaces the
  // proposal, but not the procedure a docketing already recorded (before, a second, stale one rewrote it).
  const procedure =
    mode === 'FILL_MISSING'
      ? `case when docketed_on is null then coalesce(?, procedure) else procedure end`
      : set('procedure');
  await sqlRun(
    tx,
    `update litigation.referral set case_number = ${set('case_number')}, enforcement_case_number = ${set('enforcement_case_number')},
        procedure = ${procedure}, docketed_on = ${set('docketed_on')}, procedure_changed_on = ${set('procedure_changed_on')},
        hearing_on = ${set('hearing_on')}, judged_fen = ${set('judged_fen')}, settled_fen = ${set('settled_fen')}, decided_on = ${set('decided_on')},
        performance_due_on = ${set('performance_due_on')}
      where id = ?::uuid`,
    [
      effect.caseNumber ?? null,
      effect.enforcementCaseNumber ?? null,
      effect.procedure ?? null,
      effect.docketedOn ?? null,
      effect.procedureChangedOn ?? null,
      effect.hearingOn ?? null,
      effect.judgedFen ?? null,
      effect.settledFen ?? null,
      effect.decidedOn ?? null,
      effect.performanceDueOn ?? null,
      id,
    ],
  );
}

/** The reasons shown beside the procedure, replaced once the court has chosen it. */
export async function replaceProcedureReasons(
  tx: EntityManager,
  id: string,
  reasons: { code: string; message: string }[],
): Promise<void> {
  await sqlRun(tx, `update litigation.referral set procedure_reasons = ?::jsonb where id = ?::uuid`, [
    JSON.stringify(reasons),
    id,
  ]);
}

export async function updateCaseState(tx: EntityManager, id: string, state: CaseState): Promise<void> {
  await sqlRun(tx, `update litigation.referral set status = ?, status_since = ? where id = ?::uuid`, [
    state.status,
    state.statusSince,
    id,
  ]);
}

export async function recordExtensionApproval(tx: EntityManager, id: string, approvedOn: IsoDate): Promise<void> {
  await sqlRun(tx, `update litigation.referral set extension_approved_on = ? where id = ?::uuid`, [approvedOn, id]);
}

/** What a referral's case acceptance fee is computed on (court-fee.ts): its amount in dispute and its procedure. */
export interface FeeFacts {
  id: string;
  amountInDisputeFen: number;
  procedure: ProposedProcedure | null;
}

/** The fee facts of the referrals named that are within reach, in one query. */
export async function feeFactsOf(em: EntityManager, reach: ReferralReach, ids: readonly string[]): Promise<FeeFacts[]> {
  const scope = reachCondition(reach);
  const rows = await sqlRows<{ id: string; amount_in_dispute_fen: number; procedure: ProposedProcedure | null }>(
    em,
    `select r.id, r.amount_in_dispute_fen, r.procedure from litigation.referral r
      where r.id = any(?::uuid[]) and ${scope.sql}`,
    [sqlArray(ids.filter(isUuid)), ...scope.params],
  );
  return rows.map((r) => ({ id: r.id, amountInDisputeFen: r.amount_in_dispute_fen, procedure: r.procedure }));
}

/** A court's and company's referrals still to be heard, as consolidation.ts groups them. */
export async function referralsToConsolidate(
  tx: EntityManager,
  courtId: string,
  companyId: string,
): Promise<ReferralForConsolidation[]> {
  const rows = await sqlRows<{ id: string; area_id: string; contract_id: string }>(
    tx,
    `select r.id, r.area_id, r.contract_id from litigation.referral r
      where r.court_id = ? and r.company_id = ? and ${PENDING}`,
    [courtId, companyId],
  );
  return rows.map((r) => ({
    referralId: r.id,
    courtId,
    plaintiffId: companyId,
    areaId: r.area_id,
    contractId: r.contract_id,
  }));
}

export async function assignToBatch(
  tx: EntityManager,
  batchKey: string,
  referralIds: readonly string[],
): Promise<void> {
  // Only rows whose batch changes: a row rewritten unchanged would still be locked, against a concurrent court report.
  await sqlRun(
    tx,
    `update litigation.referral set batch_key = ? where id = any(?::uuid[]) and batch_key is distinct from ?`,
    [batchKey, sqlArray(referralIds), batchKey],
  );
}

/** A court's and company's referrals that are no longer in any batch leave theirs. */
export async function leaveBatchesUnlessIn(
  tx: EntityManager,
  courtId: string,
  companyId: string,
  batchedIds: readonly string[],
): Promise<void> {
  await sqlRun(
    tx,
    `update litigation.referral set batch_key = null where court_id = ? and company_id = ? and batch_key is not null and id <> all(?::uuid[])`,
    [courtId, companyId, sqlArray(batchedIds)],
  );
}

/**
 * Docketed small claims within reach: the cases with an art. 168 decision deadline, each with the day in China it
 * ended without a decision, if it did: its withdrawal (撤诉) or its closing (结案) applied, whichever came first; such
 * a case is ended, not awaiting a decision. A case the court converted to the simple or ordinary procedure (art. 169)
 * was a small claim until the day of its conversion, which ends its art. 168 period as a withdrawal does.
 */
export async function docketedSmallClaims(
  em: EntityManager,
  reach: ReferralReach,
): Promise<(Referral & { endedOn: IsoDate | null })[]> {
  const scope = reachCondition(reach);
  const rows = await sqlRows<ReferralColumns & { ended_on: IsoDate | null }>(
    em,
    `select ${COLUMNS},
            least(${firstAppliedOn('WITHDRAWN')}, ${firstAppliedOn('CLOSED')}, r.procedure_changed_on::text) as ended_on
       from litigation.referral r
      where ${scope.sql} and (r.procedure = any(?::text[]) or r.procedure_changed_on is not null)
        and r.docketed_on is not null`,
    [...scope.params, sqlArray(SMALL_CLAIMS_PROCEDURES)],
  );
  return rows.map((row) => ({ ...referralOf(row), endedOn: row.ended_on }));
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

/** Counts, amounts and outcomes by area and company, in one query; sums of bigint are cast back to bigint. */
export async function referralStatistics(em: EntityManager, reach: ReferralReach): Promise<ReferralStatistics[]> {
  const scope = reachCondition(reach);
  return sqlRows<ReferralStatistics>(
    em,
    `select r.area_id as "areaId", r.area_name as "areaName", r.company_id as "companyId", count(*) as referrals,
            count(*) filter (where not r.eligible) as ineligible,
            count(*) filter (where r.eligible and r.status in ('SUBMITTED','IN_MEDIATION','DOCKETED','HEARING_SCHEDULED')) as open,
            count(*) filter (where (r.status = 'JUDGED' or r.judged_fen is not null) and not x.ended) as judged,
            count(*) filter (where (r.status = 'SETTLED' or (r.settled_fen is not null and r.judged_fen is null)) and not x.ended) as settled,
            count(*) filter (where r.status = 'WITHDRAWN') as withdrawn, coalesce(sum(r.amount_in_dispute_fen), 0)::int8 as "amountInDisputeFen",
            coalesce(sum(r.judged_fen) filter (where not x.ended), 0)::int8 as "judgedFen",
            coalesce(sum(r.settled_fen) filter (where r.judged_fen is null and not x.ended), 0)::int8 as "settledFen"
       from litigation.referral r
       -- once per referral, not once per aggregate that needs it
       cross join lateral (select ${ENDED_WITHOUT_DECISION} as ended) x
      where ${scope.sql} group by r.area_id, r.area_name, r.company_id order by r.area_name, r.company_id`,
    scope.params,
  );
}

/**
 * The facts a referral's deadlines are computed from, with the next sequence of their announcement (bumped here, in
 * the caller's transaction): the case as reported and the day its pre-litigation mediation started, if it did.
 */
export async function nextCaseDeadlineFacts(
  tx: EntityManager,
  referralId: string,
): Promise<{ facts: CaseDeadlineFacts; sequence: number } | null> {
  const [row] = await sqlRows<CaseDeadlineColumns & { deadline_sequence: number }>(
    tx,
    `update litigation.referral r set deadline_sequence = deadline_sequence + 1 where r.id = ?::uuid
     returning ${CASE_DEADLINE_COLUMNS}, r.deadline_sequence`,
    [referralId],
  );
  if (!row) return null;
  return { facts: caseDeadlineFactsOf(row), sequence: row.deadline_sequence };
}

/**
 * The referrals after `after` (by id, the first ones when null) whose deadlines were announced and may still be open
 * (in mediation, or docketed and undecided: the court's; or judged or settled, not closed and no enforcement started:
 * the company's to apply for enforcement, which past the holiday data was announced with its plain, provisional day),
 * at most `size`, locked for the change: each one's facts as nextCaseDeadlineFacts reads them, its sequence taken by
 * the sweep (nextDeadlineSequencesOf). Before, decided referrals were left out, so a new holiday year re-dated the
 * enforcement deadline in the API (computed live) but never in the register.
 */
export async function caseDeadlineFactsAfter(
  tx: EntityManager,
  after: string | null,
  size: number,
): Promise<CaseDeadlineFacts[]> {
  const rows = await sqlRows<CaseDeadlineColumns>(
    tx,
    `select ${CASE_DEADLINE_COLUMNS} from litigation.referral r
      where r.deadline_sequence > 0 and (r.status = 'IN_MEDIATION' or (r.docketed_on is not null and r.decided_on is null)
          or (r.decided_on is not null and r.status <> 'CLOSED' and ${firstReportedOn('ENFORCEMENT_STARTED')} is null))
        and (?::uuid is null or r.id > ?::uuid)
      order by r.id limit ? for update of r`,
    [after, after, size],
  );
  return rows.map(caseDeadlineFactsOf);
}

interface CaseDeadlineColumns {
  id: string;
  court_id: string;
  district_code: string | null;
  status: CaseStatus | null;
  procedure: string | null;
  docketed_on: IsoDate | null;
  decided_on: IsoDate | null;
  extension_approved_on: IsoDate | null;
  procedure_changed_on: IsoDate | null;
  mediation_started_on: IsoDate | null;
  company_id: string;
  judged_fen: number | null;
  settled_fen: number | null;
  performance_due_on: IsoDate | null;
  enforcement_started_on: IsoDate | null;
}

/** A referral's facts its court deadlines are computed from (domain/court-timeline.ts), over `r`. */
const CASE_DEADLINE_COLUMNS = `r.id, r.court_id, r.district_code, r.status, r.procedure, r.docketed_on::text as docketed_on,
       r.decided_on::text as decided_on, r.extension_approved_on::text as extension_approved_on,
       r.procedure_changed_on::text as procedure_changed_on, ${firstAppliedOn('MEDIATION_STARTED')} as mediation_started_on,
       r.company_id, r.judged_fen, r.settled_fen, r.performance_due_on::text as performance_due_on,
       ${firstReportedOn('ENFORCEMENT_STARTED')} as enforcement_started_on`;

const caseDeadlineFactsOf = (row: CaseDeadlineColumns): CaseDeadlineFacts => ({
  referralId: row.id,
  courtId: row.court_id,
  districtCode: row.district_code,
  status: row.status,
  procedure: row.procedure,
  docketedOn: row.docketed_on,
  decidedOn: row.decided_on,
  extensionApprovedOn: row.extension_approved_on,
  procedureChangedOn: row.procedure_changed_on,
  mediationStartedOn: row.mediation_started_on,
  companyId: row.company_id,
  judgedFen: row.judged_fen === null ? null : Number(row.judged_fen),
  settledFen: row.settled_fen === null ? null : Number(row.settled_fen),
  performanceDueOn: row.performance_due_on,
  enforcementStartedOn: row.enforcement_started_on,
});
