import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { canonicalJson, sha256Hex } from '../../../kernel/canonical-json';
import { todayInChina } from '../../../kernel/clock';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { DomainError, InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { CourtCaseEventData, REFERRAL_STATUS_CHANGED, REFERRAL_WITHDRAWN } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { mayActForPlaintiff, mayReportForCourt } from '../domain/access';
import { CaseStatus, CourtEventKind, CourtEventVerdict, applyCourtEvent } from '../domain/case-status';
import { extendDecisionDeadline } from '../domain/court-timeline';
import { courtEventEffect } from '../domain/referral';
import { appendToChain } from './chain';
import { regroup } from './referrals';

interface ReferralRow {
  id: string;
  company_id: string;
  court_id: string;
  account_id: string;
  household_id: string;
  area_id: string;
  status: CaseStatus;
  status_since: string | null;
}

async function lockReferral(tx: EntityManager, referralId: string): Promise<ReferralRow | null> {
  const [row] = await sqlRows<ReferralRow>(
    tx,
    `select id, company_id, court_id, account_id, household_id, area_id, status, status_since from litigation.referral
      where id::text = ? and eligible for update`,
    [referralId],
  );
  return row ?? null;
}

function publishStatus(tx: EntityManager, r: ReferralRow, from: CaseStatus, occurredAt: string, fields: { caseNumber: string | null; judgedFen: number | null; settledFen: number | null }) {
  recordEvent(tx, r.status === 'WITHDRAWN' ? REFERRAL_WITHDRAWN : REFERRAL_STATUS_CHANGED, {
    source: 'litigation',
    key: r.id,
    subject: r.id,
    data: {
      referralId: r.id,
      courtId: r.court_id,
      companyId: r.company_id,
      accountId: r.account_id,
      householdId: r.household_id,
      areaId: r.area_id,
      status: r.status,
      fromStatus: from,
      occurredAt,
      ...fields,
    },
  });
}

export interface CourtReport extends Omit<CourtCaseEventData, 'referralId'> {
  referralId: string;
}

/**
 * Applies a step the court reports, through the API or from court.case-events.v1, with the same rules: only the
 * court the referral is addressed to; the step judged against the case's status (case-status.ts). A new step moves
 * the case and is published; a duplicate changes nothing; a stale one (an earlier step arriving late) only fills in
 * what it carries, such as the case number of a docketing reported after the judgment; an impossible one is refused.
 * Every report received is kept and appended to the evidence chain.
 */
export async function applyCourtReport(em: EntityManager, report: CourtReport, via: 'API' | 'KAFKA', reporter: Identity | null, eventId: string = randomUUID()): Promise<CourtEventVerdict> {
  const effect = courtEventEffect(report);
  return em.transactional(async (tx) => {
    const referral = await lockReferral(tx, report.referralId);
    if (via === 'API') {
      if (!referral || !reporter || !mayReportForCourt(reporter, { companyId: referral.company_id, courtId: referral.court_id })) throw new NotFoundError('Referral', report.referralId);
    } else if (!referral || referral.court_id !== report.courtId) {
      throw new DomainError('UNAUTHORISED_COURT', `Court ${report.courtId} may not report on referral ${report.referralId}`, { courtId: report.courtId, referralId: report.referralId });
    }
    // The same report sent again under its id (a retry) was applied the first time.
    const [seen] = await sqlRows<{ referral_id: string }>(tx, `select referral_id from litigation.court_event where id = ?`, [eventId]);
    if (seen) {
      if (seen.referral_id !== referral.id) throw new DomainError('EVENT_ID_REUSED', `Report id ${eventId} was already used for another referral`, { eventId });
      return 'DUPLICATE';
    }
    const { verdict, state } = applyCourtEvent({ status: referral.status, statusSince: referral.status_since }, { kind: report.kind as CourtEventKind, occurredAt: report.occurredAt });
    if (verdict === 'INVALID') {
      throw new DomainError('INVALID_COURT_EVENT', `A ${report.kind} report cannot follow a case that is ${referral.status}`, { status: referral.status, kind: report.kind });
    }
    const details = { kind: report.kind, occurredAt: report.occurredAt, caseNumber: report.caseNumber ?? null, procedure: report.procedure ?? null, hearingOn: report.hearingOn ?? null, judgedFen: report.judgedFen ?? null, settledFen: report.settledFen ?? null, note: report.note ?? null };
    await sqlRun(
      tx,
      `insert into litigation.court_event (id, referral_id, kind, occurred_at, verdict, details, via, reported_by) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
      [eventId, referral.id, report.kind, report.occurredAt, verdict, JSON.stringify(details), via, reporter?.subject ?? report.courtId],
    );
    await appendToChain(tx, { kind: 'COURT_EVENT', subjectId: referral.id, payloadDigest: sha256Hex(canonicalJson({ referralId: referral.id, ...details })) });
    if (verdict === 'DUPLICATE') return verdict;
    // A late step fills in only what is still missing; a new one may replace (a rescheduled hearing).
    const keep = verdict === 'STALE';
    await sqlRun(
      tx,
      `update litigation.referral set
          case_number = ${keep ? 'coalesce(case_number, ?)' : 'coalesce(?, case_number)'},
          procedure = coalesce(?, procedure),
          docketed_on = ${keep ? 'coalesce(docketed_on, ?)' : 'coalesce(?, docketed_on)'},
          hearing_on = ${keep ? 'coalesce(hearing_on, ?)' : 'coalesce(?, hearing_on)'},
          judged_fen = ${keep ? 'coalesce(judged_fen, ?)' : 'coalesce(?, judged_fen)'},
          settled_fen = ${keep ? 'coalesce(settled_fen, ?)' : 'coalesce(?, settled_fen)'},
          decided_on = ${keep ? 'coalesce(decided_on, ?)' : 'coalesce(?, decided_on)'}
        where id = ?`,
      [effect.caseNumber ?? null, effect.procedure ?? null, effect.docketedOn ?? null, effect.hearingOn ?? null, effect.judgedFen ?? null, effect.settledFen ?? null, effect.decidedOn ?? null, referral.id],
    );
    if (verdict === 'STALE') return verdict;
    const from = referral.status;
    await sqlRun(tx, `update litigation.referral set status = ?, status_since = ? where id = ?`, [state.status, state.statusSince, referral.id]);
    const [after] = await sqlRows<{ case_number: string | null; judged_fen: string | null; settled_fen: string | null }>(
      tx,
      `select case_number, judged_fen, settled_fen from litigation.referral where id = ?`,
      [referral.id],
    );
    publishStatus(tx, { ...referral, status: state.status }, from, report.occurredAt, {
      caseNumber: after.case_number,
      judgedFen: after.judged_fen === null ? null : Number(after.judged_fen),
      settledFen: after.settled_fen === null ? null : Number(after.settled_fen),
    });
    if (from !== state.status) await regroup(tx, referral.court_id, referral.company_id);
    return verdict;
  });
}

/** The company withdraws a referral the court has not docketed yet; after docketing, withdrawal (撤诉) is the court's to report. */
export async function withdrawReferral(em: EntityManager, identity: Identity, input: { referralId: string; reason: string }): Promise<void> {
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason === '' || reason.length > 500) throw new InvalidInputError('A withdrawal needs its reason', { fields: { reason: '1–500 characters' } });
  await em.transactional(async (tx) => {
    const referral = await lockReferral(tx, input.referralId);
    if (!referral || !mayActForPlaintiff(identity, { companyId: referral.company_id, courtId: referral.court_id })) throw new NotFoundError('Referral', input.referralId);
    if (!['SUBMITTED', 'IN_MEDIATION'].includes(referral.status)) {
      throw new DomainError('WITHDRAWAL_NEEDS_COURT', `The case is ${referral.status}: ask the court to approve the withdrawal`, { status: referral.status });
    }
    const occurredAt = new Date().toISOString();
    const details = { kind: 'WITHDRAWN', occurredAt, reason, by: 'PLAINTIFF', on: todayInChina() };
    await sqlRun(
      tx,
      `insert into litigation.court_event (id, referral_id, kind, occurred_at, verdict, details, via, reported_by) values (?, ?, 'WITHDRAWN', ?, 'APPLY', ?::jsonb, 'API', ?)`,
      [randomUUID(), referral.id, occurredAt, JSON.stringify(details), identity.subject],
    );
    await appendToChain(tx, { kind: 'COURT_EVENT', subjectId: referral.id, payloadDigest: sha256Hex(canonicalJson({ referralId: referral.id, ...details })) });
    await sqlRun(tx, `update litigation.referral set status = 'WITHDRAWN', status_since = ? where id = ?`, [occurredAt, referral.id]);
    publishStatus(tx, { ...referral, status: 'WITHDRAWN' }, referral.status, occurredAt, { caseNumber: null, judgedFen: null, settledFen: null });
    await regroup(tx, referral.court_id, referral.company_id);
  });
}

/**
 * The court records its president's approval of the one-month extension of a docketed small claim (Civil Procedure
 * Law art. 168): once only, before the two months have run out, and not after the decision (court-timeline.ts).
 */
export async function approveSmallClaimsExtension(em: EntityManager, identity: Identity, input: { referralId: string; approvedOn: string }): Promise<void> {
  await em.transactional(async (tx) => {
    const [r] = await sqlRows<{ id: string; company_id: string; court_id: string; procedure: string | null; docketed_on: string | null; decided_on: string | null; extension_approved_on: string | null }>(
      tx,
      `select id, company_id, court_id, procedure, docketed_on::text as docketed_on, decided_on::text as decided_on, extension_approved_on::text as extension_approved_on
         from litigation.referral where id::text = ? and eligible for update`,
      [input.referralId],
    );
    if (!r || !mayReportForCourt(identity, { companyId: r.company_id, courtId: r.court_id })) throw new NotFoundError('Referral', input.referralId);
    if (r.docketed_on === null || !['SMALL_CLAIMS', 'SMALL_CLAIMS_BY_CONSENT'].includes(r.procedure ?? '')) {
      throw new DomainError('NOT_A_DOCKETED_SMALL_CLAIM', 'Only a small claim docketed by the court has a decision deadline to extend', { procedure: r.procedure, docketedOn: r.docketed_on });
    }
    extendDecisionDeadline({ caseId: r.id, docketedOn: r.docketed_on, extensionApprovedOn: r.extension_approved_on, decidedOn: r.decided_on }, input.approvedOn);
    await sqlRun(tx, `update litigation.referral set extension_approved_on = ? where id = ?`, [input.approvedOn, r.id]);
    await appendToChain(tx, { kind: 'COURT_EVENT', subjectId: r.id, payloadDigest: sha256Hex(canonicalJson({ referralId: r.id, kind: 'DECISION_DEADLINE_EXTENDED', approvedOn: input.approvedOn })) });
  });
}
