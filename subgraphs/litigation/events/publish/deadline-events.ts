import { DeadlineChangedData } from '../../../../catalog';
import { unlessBeyondCalendar } from '../../../../kernel/working-days';
import { CaseDeadlineFacts, decisionDeadline, mediationWindow } from '../../domain/court-timeline';
import {
  PRE_LITIGATION_MEDIATION_DAYS,
  PRE_LITIGATION_MEDIATION_SOURCE,
  SMALL_CLAIMS_DECISION_MONTHS,
  SMALL_CLAIMS_DEADLINE_SOURCE,
  SMALL_CLAIMS_EXTENSION_MONTHS,
} from '../../domain/statutes';
import { isSmallClaims } from '../../domain/procedure';
import {
  enforcementApplicationDeadline,
  enforcementDeadlineCancelled,
  isDecided,
} from '../../domain/enforcement-deadline';
import { ENFORCEMENT_APPLICATION_SOURCE } from '../../domain/statutes';

/**
 * The court's deadlines of a referral as the register is told them, each computed by litigation's own rules
 * (domain/court-timeline.ts, one calendar: Civil Code arts. 201–203, Civil Procedure Law art. 85):
 * - the pre-litigation mediation window (`MEDIATION_WINDOW`, 30 days from the start the court reported), met when the
 *   case leaves mediation for docketing or a settlement, cancelled when it is withdrawn;
 * - a docketed small claim's decision (`SMALL_CLAIMS_DECISION`, art. 168: two months from docketing, one month more
 *   once extended), met on the judgment or settlement, cancelled when withdrawn undecided or converted to the simple
 *   or ordinary procedure (art. 169: the art. 168 period no longer applies; before, the register kept it open).
 * Owned by the court the referral is addressed to. A period past the held holiday data has no due date yet.
 * And the company's own once the case is judged or settled:
 * - the period to apply for enforcement (`ENFORCEMENT_APPLICATION`, art. 250: two years from the last day of the
 *   performance period the court reported, else from a small claim's judgment or a settlement; domain/
 *   enforcement-deadline.ts), owned by the referring property company, met when the court reports enforcement
 *   started, cancelled when the case is closed without it (paid). Past the holiday data its plain last day is
 *   announced (as arrears' limitation: a later notice can only move it later). Announced without a date where the
 *   hub knows no start (an appealable judgment reported without its performance period): the law sets the period,
 *   the hub cannot date it.
 */
export function publishCaseDeadlines(c: CaseDeadlineFacts, sequence: number): DeadlineChangedData[] {
  const base = {
    subjectId: c.referralId,
    ownerKind: 'COURT' as const,
    ownerOrganisationId: c.courtId,
    districtCode: c.districtCode !== null && /^[0-9]{6}$/.test(c.districtCode) ? c.districtCode : null,
    sequence,
  };
  const deadlines: DeadlineChangedData[] = [];
  if (c.mediationStartedOn !== null) {
    const start = c.mediationStartedOn;
    const endedOn = c.status === 'IN_MEDIATION' ? null : (c.docketedOn ?? c.decidedOn);
    deadlines.push({
      ...base,
      deadlineKey: `mediation-window:${c.referralId}`,
      kind: 'MEDIATION_WINDOW',
      legalBasis: `${PRE_LITIGATION_MEDIATION_SOURCE}: pre-litigation mediation within ${PRE_LITIGATION_MEDIATION_DAYS} days of its start; Civil Code art. 201 and art. 203`,
      dueOn: unlessBeyondCalendar(() => mediationWindow(start).endsOn) ?? null,
      metOn: endedOn,
      cancelled: c.status !== 'IN_MEDIATION' && endedOn === null,
    });
  }
  const converted = c.procedureChangedOn !== null;
  if (c.docketedOn !== null && (isSmallClaims(c.procedure) || converted)) {
    const facts = {
      caseId: c.referralId,
      docketedOn: c.docketedOn,
      extensionApprovedOn: c.extensionApprovedOn,
      decidedOn: c.decidedOn,
    };
    deadlines.push({
      ...base,
      deadlineKey: `small-claims-decision:${c.referralId}`,
      kind: 'SMALL_CLAIMS_DECISION',
      legalBasis: `${SMALL_CLAIMS_DEADLINE_SOURCE}: a small claim is decided within ${SMALL_CLAIMS_DECISION_MONTHS} months of docketing, extendable once by ${SMALL_CLAIMS_EXTENSION_MONTHS} month; Civil Procedure Law art. 85 and Civil Code art. 203 (a period ending on a statutory holiday ends on the next working day)`,
      dueOn: unlessBeyondCalendar(() => decisionDeadline(facts).dueOn) ?? null,
      metOn: converted ? null : c.decidedOn,
      cancelled: converted || (c.decidedOn === null && (c.status === 'WITHDRAWN' || c.status === 'CLOSED')),
    });
  }
  if (isDecided(c)) {
    const enforcement = enforcementApplicationDeadline(c);
    deadlines.push({
      ...base,
      ownerKind: 'PROPERTY_COMPANY',
      ownerOrganisationId: c.companyId,
      deadlineKey: `enforcement-application:${c.referralId}`,
      kind: 'ENFORCEMENT_APPLICATION',
      legalBasis:
        enforcement?.legalBasis ??
        `${ENFORCEMENT_APPLICATION_SOURCE}; the day the judgment takes effect is not known to the hub (Civil Procedure Law art. 171: appealable within fifteen days of service)`,
      dueOn: enforcement?.dueOn ?? null,
      metOn: c.enforcementStartedOn,
      cancelled: enforcementDeadlineCancelled(c),
    });
  }
  return deadlines;
}
