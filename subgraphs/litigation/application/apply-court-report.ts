import { litigationError } from '../domain/errors';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CourtCaseEventData } from '../../../catalog';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { retryAfterLostRace } from '../../../platform/db/sql';
import { mayReportForCourt } from '../domain/access';
import {
  CourtEventVerdict,
  DEBTOR_LISTING,
  JUDGMENT_CORRECTION,
  PROCEDURE_CHANGE,
  applyCourtEvent,
  assertCourtDateOrder,
  assertNotFuture,
  excludedByRecordedPath,
  statusOfStep,
  REINSTATED,
  decisionArrivedLate,
  overrulesOwnWithdrawal,
} from '../domain/case-status';
import { todayInChina } from '../../../kernel/clock';
import { recordDebtorListed } from './debtor-listing.record';
import {
  SentReferral,
  assertCorrectionPerformanceDue,
  contradictions,
  correctionVerdict,
  courtEventEffect,
  courtReportDigest,
  procedureChangeVerdict,
} from '../domain/referral';
import {
  companyWithdrawalOf,
  insertCourtEvent,
  overruleWithdrawal,
  recordedStepsOf,
  reportOfId,
} from '../persistence/court-event.repository';
import { courtChoseProcedure, courtConvertedProcedure } from '../domain/procedure';
import {
  competingReferralsOf,
  recordCourtEffect,
  replaceProcedureReasons,
  updateCaseState,
} from '../persistence/referral.repository';
import { lockSentReferralAndBatches } from './batch.lookup';
import { regroup } from './batches.regroup';
import { announceCaseDeadlines } from './announce-case-deadlines';
import { appendCourtEventToChain } from './evidence-chain.append';
import { recordStatusChange } from './referral-status.record';

export type CourtReport = CourtCaseEventData;

/**
 * How the report arrived: through the API from a court's user (its id optional: a retry with the same id changes
 * nothing), or from court.case-events.v1 under the event's id, where the topic vouches for the sender.
 */
export type ReportChannel = { via: 'API'; reporter: Identity; reportId?: string } | { via: 'KAFKA'; reportId: string };

/**
 * Applies a step the court reports, through the API or from court.case-events.v1, with the same rules: only the
 * court the referral is addressed to; the step judged against the case's status (case-status.ts). A new step moves
 * the case and is published; a duplicate changes nothing; a stale one (an earlier step arriving late) only fills in
 * what it carries, such as the case number of a docketing reported after the judgment; an impossible one is refused.
 * A report id seen before with the same content is a silent duplicate, with other content EVENT_ID_REUSED.
 * Every report received is kept and appended to the evidence chain.
 */
export async function applyCourtReport(
  em: EntityManager,
  report: CourtReport,
  channel: ReportChannel,
): Promise<CourtEventVerdict> {
  const reportId = channel.reportId ?? randomUUID();
  // The same id reported at the same moment on another referral: the first insert won; this one is judged against it.
  // A withdrawal overruled while the account was referred again at the same moment: the retry sees the new referral.
  return retryAfterLostRace(
    () => applyUnderId(em, report, channel, reportId),
    ['court_event_pkey', 'referral_pending_per_account'],
  );
}

async function applyUnderId(
  em: EntityManager,
  report: CourtReport,
  channel: ReportChannel,
  reportId: string,
): Promise<CourtEventVerdict> {
  const effect = courtEventEffect(report);
  const details = {
    kind: report.kind,
    occurredAt: report.occurredAt,
    caseNumber: report.caseNumber ?? null,
    procedure: report.procedure ?? null,
    hearingOn: report.hearingOn ?? null,
    judgedFen: report.judgedFen ?? null,
    settledFen: report.settledFen ?? null,
    // Only when given: the digest of a report stored before the field existed stays what it was.
    ...(report.performanceDueOn ? { performanceDueOn: report.performanceDueOn } : {}),
    note: report.note ?? null,
  };
  return em.transactional(async (tx) => {
    const referral = await lockSentReferralAndBatches(tx, report.referralId);
    if (channel.via === 'API') {
      if (!referral || !mayReportForCourt(channel.reporter, referral))
        throw new NotFoundError('Referral', report.referralId);
    } else if (!referral || referral.courtId !== report.courtId) {
      throw litigationError(
        'UNAUTHORISED_COURT',
        `Court ${report.courtId} may not report on referral ${report.referralId}`,
        {
          courtId: report.courtId,
          referralId: report.referralId,
        },
      );
    }
    // The same report sent again under its id (a retry) was applied the first time; other content under it is refused.
    const seen = await reportOfId(tx, referral.courtId, reportId);
    if (seen !== null) {
      if (courtReportDigest(seen.referralId, seen.details) !== courtReportDigest(referral.id, details)) {
        throw litigationError(
          'EVENT_ID_REUSED',
          `Report id ${reportId.slice(0, 100)} was already used for a report with other content`,
          { eventId: reportId.slice(0, 100) },
        );
      }
      return 'DUPLICATE';
    }
    assertNotFuture(report.occurredAt, todayInChina());
    // A correction's performance period is bounded by the judgment's day it corrects, which the report does not carry.
    if (report.kind === JUDGMENT_CORRECTION) assertCorrectionPerformanceDue(effect, referral.decidedOn);
    // The company's withdrawal through the hub, overruled by a step the court reports on its docket (case-status.ts).
    // Looked up only for a step that could overrule one (a redelivered withdrawal, a mediation step never does).
    const overruled = overrulesOwnWithdrawal(referral.status, report.kind, true)
      ? await companyWithdrawalOf(tx, referral.id)
      : null;
    if (overruled !== null) await assertNoCompetingReferral(tx, referral);
    const applied = applyCourtEvent(overruled !== null ? REINSTATED : referral, {
      kind: report.kind,
      occurredAt: report.occurredAt,
    });
    const { state } = applied;
    // A ruling correcting the judgment is judged against the amount recorded, a conversion of a small claim against
    // the procedure recorded, not only the status.
    const verdict =
      applied.verdict !== 'APPLY'
        ? applied.verdict
        : report.kind === JUDGMENT_CORRECTION
          ? correctionVerdict(referral.judgedFen, effect, referral.performanceDueOn)
          : report.kind === PROCEDURE_CHANGE
            ? procedureChangeVerdict(referral)
            : applied.verdict;
    if (verdict === 'INVALID') {
      throw litigationError(
        'INVALID_COURT_EVENT',
        applied.verdict === 'APPLY' && report.kind === JUDGMENT_CORRECTION
          ? `Referral ${referral.id} has no judgment recorded to correct`
          : applied.verdict === 'APPLY' && report.kind === PROCEDURE_CHANGE
            ? `Referral ${referral.id} is not a small claim (${referral.procedure}): there is no small-claims procedure to convert`
            : `A ${report.kind} report cannot follow a case that is ${referral.status}`,
        { status: referral.status, kind: report.kind },
      );
    }
    // A late step only where the path the case recorded could have passed through it (case-status.ts).
    if (verdict === 'STALE') {
      const recorded = (await recordedStepsOf(tx, referral.id)).map(statusOfStep).filter((s) => s !== null);
      const excluded = excludedByRecordedPath([...recorded, referral.status], report.kind);
      if (excluded.length > 0)
        throw litigationError(
          'INVALID_COURT_EVENT',
          `A ${report.kind} report cannot be a late step of referral ${referral.id}: the case already recorded ${excluded.join(' and ')}, which excludes it`,
          { status: referral.status, kind: report.kind, recorded: excluded },
        );
    }
    // The report's day against the case's recorded dates; a duplicate stores nothing and is left as it was.
    if (verdict === 'APPLY' || verdict === 'STALE')
      assertCourtDateOrder(report.kind, todayInChina(new Date(report.occurredAt)), referral);
    const contradicted = verdict === 'APPLY' ? [] : contradictions(referral, effect, verdict);
    if (contradicted.length > 0)
      throw litigationError(
        'REPORT_CONTRADICTS_RECORD',
        `The ${report.kind} report gives another ${contradicted.map((c) => c.field).join(' and ')} than the hub recorded for referral ${referral.id}`,
        { contradictions: contradicted },
      );
    const reportedBy = channel.via === 'API' ? channel.reporter.subject : report.courtId;
    await insertCourtEvent(tx, {
      id: reportId,
      referralId: referral.id,
      kind: report.kind,
      occurredAt: report.occurredAt,
      verdict,
      details,
      via: channel.via,
      reportedBy,
    });
    await appendCourtEventToChain(tx, referral.id, details);
    if (verdict === 'DUPLICATE') return verdict;
    // A late step fills in only what is still missing; a new one may replace (a rescheduled hearing; a debtor
    // listing, always new, its enforcement case number: the one the start gave, or a resumed enforcement's (执恢)
    // under which the debtor is listed, so the referral and the credit record name the same case).
    await recordCourtEffect(tx, referral.id, effect, verdict === 'STALE' ? 'FILL_MISSING' : 'REPLACE');
    // A late docketing's procedure counts only where no docketing was recorded before (recordCourtEffect).
    if (effect.procedureChangedOn)
      await replaceProcedureReasons(tx, referral.id, courtConvertedProcedure(effect.procedureChangedOn));
    else if (effect.procedure && (verdict !== 'STALE' || referral.docketedOn === null))
      await replaceProcedureReasons(tx, referral.id, courtChoseProcedure(effect.procedure));
    if (report.kind === DEBTOR_LISTING) {
      recordDebtorListed(tx, referral, effect.enforcementCaseNumber!, report.occurredAt);
      return verdict;
    }
    if (verdict === 'STALE') {
      await announceCaseDeadlines(tx, referral.id);
      // (A case withdrawn or refused never gets here with a decision: its recorded path excludes one, above.)
      if (decisionArrivedLate(referral.status, report.kind, referral.decidedOn !== null))
        await recordStatusChange(tx, referral.id, referral.status, report.occurredAt);
      return verdict;
    }
    if (overruled !== null) await overruleWithdrawal(tx, referral.id, overruled);
    await updateCaseState(tx, referral.id, state);
    await announceCaseDeadlines(tx, referral.id);
    await recordStatusChange(tx, referral.id, referral.status, report.occurredAt);
    if (referral.status !== state.status) await regroup(tx, referral.courtId, referral.companyId);
    return verdict;
  });
}

/**
 * A withdrawal overruled by the court's docket puts the case back before the court: refused (REFERRED_AGAIN) when the
 * company has referred the account again since, or this case was itself such a new referral, and that other case
 * still stands, so the account would stand in two cases at once. One withdrawn or refused since does not stand.
 */
async function assertNoCompetingReferral(tx: EntityManager, referral: SentReferral): Promise<void> {
  const competing = await competingReferralsOf(tx, referral.accountId, referral.id);
  if (competing.length > 0)
    throw litigationError(
      'REFERRED_AGAIN',
      `Referral ${referral.id} was withdrawn by the company and the account referred again in another case that stands: settle which case stands`,
      { referralIds: competing },
    );
}
