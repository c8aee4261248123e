import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, addDays, compareDates } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { utcInstant } from '../../../kernel/instant';

/**
 * The life of a referral once the hub sends it to court. The main path is SUBMITTED → IN_MEDIATION (诉前调解) →
 * DOCKETED (立案) → HEARING_SCHEDULED (repeatable: a hearing may be rescheduled) → JUDGED → ENFORCEMENT → CLOSED.
 * Mediation and docketing may be skipped, the court may refuse to docket (REJECTED, 不予受理; also once pre-suit mediation
 * failed), the parties may settle
 * (SETTLED, 调解结案) or the company withdraw (WITHDRAWN, 撤诉) at any stage before judgment; TRANSITIONS has every step.
 *
 * Courts report events over Kafka, at least once and not necessarily in order. A verdict says what to do with one:
 * APPLY it; DUPLICATE (the case is already in the status it leads to); STALE (an older step the current status
 * already implies, e.g. DOCKETED arriving after JUDGED: judgment is reachable only through docketing); INVALID (no
 * path leads there, e.g. JUDGED after a withdrawal the court reported; one the company made through the hub is
 * overruled by a step on the court's docket, overrulesOwnWithdrawal). An event further ahead than the next step is applied: the steps in
 * between are still in flight and will arrive STALE. Times only order repeated events of the same status; across
 * statuses the graph decides, since in-suit mediation and clock skew make times across systems unreliable.
 */
import { CASE_STATUSES, type CaseStatus } from '../../../catalog';

export { CASE_STATUSES, type CaseStatus };

const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  SUBMITTED: ['IN_MEDIATION', 'DOCKETED', 'REJECTED', 'WITHDRAWN'],
  // Pre-suit mediation failed, the court may still refuse to docket (不予受理): before, that report was dead-lettered
  // and the case stayed IN_MEDIATION, the account REFERRED.
  IN_MEDIATION: ['DOCKETED', 'REJECTED', 'SETTLED', 'WITHDRAWN'],
  DOCKETED: ['HEARING_SCHEDULED', 'JUDGED', 'SETTLED', 'WITHDRAWN'],
  HEARING_SCHEDULED: ['HEARING_SCHEDULED', 'JUDGED', 'SETTLED', 'WITHDRAWN'],
  JUDGED: ['ENFORCEMENT', 'CLOSED'],
  SETTLED: ['ENFORCEMENT', 'CLOSED'],
  WITHDRAWN: ['CLOSED'],
  REJECTED: ['CLOSED'],
  ENFORCEMENT: ['CLOSED'],
  CLOSED: [],
};

import { COURT_EVENT_KINDS, type CourtEventKind } from '../../../catalog';

export { COURT_EVENT_KINDS, type CourtEventKind };

/**
 * The listing of the judgment debtor as dishonest (失信被执行人, Civil Procedure Law art. 266) is a step within
 * enforcement, not a status of its own: it is accepted only while the case is in ENFORCEMENT and leaves the status
 * as it is.
 */
export const DEBTOR_LISTING = 'DEBTOR_LISTED_DISHONEST' satisfies CourtEventKind;

/**
 * A ruling correcting a clerical error in the judgment (补正裁定: Civil Procedure Law art. 157 para. 1 item 7, 2021
 * amendment; a miswritten or miscalculated amount among such errors: SPC interpretation of the Civil Procedure Law
 * art. 245) is a step on a judgment, not a status: accepted once the case is judged (JUDGED, or the enforcement or
 * closing that followed it), it leaves the status as it is and replaces the amount judged.
 */
export const JUDGMENT_CORRECTION = 'JUDGMENT_CORRECTED' satisfies CourtEventKind;
const AFTER_JUDGMENT: readonly CaseStatus[] = ['JUDGED', 'ENFORCEMENT', 'CLOSED'];

/**
 * A small claim converted to the simple or ordinary procedure (Civil Procedure Law art. 169: found unsuitable "在审理
 * 过程中") is a step within the trial, not a status: accepted once the case is docketed and until it is judged or
 * settled (DOCKETED, HEARING_SCHEDULED), it leaves the status as it is and replaces the procedure. Before, the court
 * could report it only as a second docketing, which was a duplicate (or stale once a hearing was scheduled) and
 * dropped. Whether the case is a small claim to convert is the referral's to say (referral.ts procedureChangeVerdict).
 */
export const PROCEDURE_CHANGE = 'PROCEDURE_CHANGED' satisfies CourtEventKind;
const IN_TRIAL: readonly CaseStatus[] = ['DOCKETED', 'HEARING_SCHEDULED'];

/** Steps within a status, which leave it as it is. */
const WITHIN_STATUS: readonly CourtEventKind[] = [DEBTOR_LISTING, JUDGMENT_CORRECTION, PROCEDURE_CHANGE];

const LEADS_TO: Readonly<
  Record<
    Exclude<CourtEventKind, typeof DEBTOR_LISTING | typeof JUDGMENT_CORRECTION | typeof PROCEDURE_CHANGE>,
    CaseStatus
  >
> = {
  MEDIATION_STARTED: 'IN_MEDIATION',
  DOCKETED: 'DOCKETED',
  DOCKETING_REFUSED: 'REJECTED',
  HEARING_SCHEDULED: 'HEARING_SCHEDULED',
  JUDGED: 'JUDGED',
  SETTLED: 'SETTLED',
  WITHDRAWN: 'WITHDRAWN',
  ENFORCEMENT_STARTED: 'ENFORCEMENT',
  CLOSED: 'CLOSED',
};

export interface CourtEvent {
  kind: CourtEventKind;
  /** ISO 8601 instant with a zone, e.g. 2024-06-10T09:30:00+08:00. */
  occurredAt: string;
}

export interface CaseState {
  status: CaseStatus;
  /** When the event that set the status occurred; null while SUBMITTED (the hub set it, not a court). */
  statusSince: string | null;
}

export type CourtEventVerdict = 'APPLY' | 'DUPLICATE' | 'STALE' | 'INVALID';

/**
 * Before the court dockets the case: its package may be corrected, evidence added and the referral withdrawn by the
 * company alone; afterwards the package is the court's, and so are those steps.
 */
export const beforeDocketing = (status: CaseStatus): boolean => status === 'SUBMITTED' || status === 'IN_MEDIATION';

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Whether `to` can be reached from `from` in one or more steps. */
export function isReachable(from: CaseStatus, to: CaseStatus): boolean {
  const seen = new Set<CaseStatus>();
  const queue = [...TRANSITIONS[from]];
  while (queue.length > 0) {
    const next = queue.shift() as CaseStatus;
    if (next === to) return true;
    if (!seen.has(next)) {
      seen.add(next);
      queue.push(...TRANSITIONS[next]);
    }
  }
  return false;
}

export function judgeCourtEvent(state: CaseState, event: CourtEvent): CourtEventVerdict {
  const at = validate(state, event);
  if (event.kind === DEBTOR_LISTING) return state.status === 'ENFORCEMENT' ? 'APPLY' : 'INVALID';
  if (event.kind === JUDGMENT_CORRECTION) return AFTER_JUDGMENT.includes(state.status) ? 'APPLY' : 'INVALID';
  if (event.kind === PROCEDURE_CHANGE) return IN_TRIAL.includes(state.status) ? 'APPLY' : 'INVALID';
  const target = LEADS_TO[event.kind];
  if (target === state.status) {
    // Only a repeatable step (a rescheduled hearing) can be new while the status stays the same.
    if (!canTransition(target, target) || at.since === null || at.event === at.since) return 'DUPLICATE';
    return at.event > at.since ? 'APPLY' : 'STALE';
  }
  if (isReachable(target, state.status)) return 'STALE';
  if (isReachable(state.status, target)) return 'APPLY';
  return 'INVALID';
}

/** Steps a court takes only on a case it has docketed. */
const ON_THE_DOCKET: readonly CourtEventKind[] = ['DOCKETED', 'HEARING_SCHEDULED', 'JUDGED'];

/**
 * After docketing, withdrawal (撤诉) is the court's to allow (Civil Procedure Law art. 148). The company withdraws
 * through the hub while the case shows as not yet docketed; when the court then reports a step it takes only on a
 * docketed case (its docketing was still on the way, or it did not allow the withdrawal), the court's docket wins:
 * the withdrawal is overruled and the step is judged as if the case were still submitted. Before, the docketing was
 * stored STALE, a judgment refused as INVALID, and the hub showed withdrawn a case the court was hearing.
 */
export function overrulesOwnWithdrawal(status: CaseStatus, kind: CourtEventKind, withdrawnByCompany: boolean): boolean {
  return status === 'WITHDRAWN' && withdrawnByCompany && ON_THE_DOCKET.includes(kind);
}

/** The state a report is judged against when it overrules the company's withdrawal: the case as submitted. */
export const REINSTATED: CaseState = { status: 'SUBMITTED', statusSince: null };

/**
 * A judgment or settlement that arrives after the enforcement or the closing it led to, with no decision recorded
 * before: the case keeps its status (the report is STALE), but the decision is news to those following the case, so
 * it is published with the status as it stands and the amount (arrears records the award from it). Not on a case
 * the company withdrew or the court refused: no judgment follows those, and their recorded path refuses one
 * (excludedByRecordedPath).
 */
export function decisionArrivedLate(status: CaseStatus, kind: CourtEventKind, decidedBefore: boolean): boolean {
  return (
    (kind === 'JUDGED' || kind === 'SETTLED') && !decidedBefore && (status === 'ENFORCEMENT' || status === 'CLOSED')
  );
}

/** The verdict, and the state after the event: changed only when the verdict is APPLY. */
export function applyCourtEvent(state: CaseState, event: CourtEvent): { verdict: CourtEventVerdict; state: CaseState } {
  const verdict = judgeCourtEvent(state, event);
  return {
    verdict,
    state:
      verdict === 'APPLY' && !WITHIN_STATUS.includes(event.kind)
        ? { status: LEADS_TO[event.kind as keyof typeof LEADS_TO], statusSince: event.occurredAt }
        : state,
  };
}

const INSTANT = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$/;

/**
 * Milliseconds since the epoch, or NaN when not an ISO 8601 instant with a zone and seconds that the hub can keep
 * (kernel/instant.ts: a real date and time, a UTC year within 1000–9999; Date.parse rolls 2024-02-30 into March, and
 * a report in year 10000 after UTC gave a debtor listing's listedOn `10000-01-01`, which every consumer refused).
 */
function instant(value: unknown): number {
  return typeof value === 'string' && INSTANT.test(value) && utcInstant(value) !== undefined
    ? Date.parse(value)
    : Number.NaN;
}

/**
 * A court reports what has happened: a step dated after tomorrow (China time; a day's allowance for clocks and zones)
 * is a typing error (2062 for 2026), and once applied every later report of that step would be judged stale.
 */
export function assertNotFuture(occurredAt: string, today: IsoDate): void {
  if (Number.isNaN(instant(occurredAt))) return; // validate() names the malformed instant
  assertDayNotFuture('occurredAt', todayInChina(new Date(occurredAt)), today, 'The court event is dated in the future');
}

/**
 * A day the court gives for an act already done (a report's day, its president's approval of an extension) after
 * tomorrow is a typing error: refused BAD_USER_INPUT naming the field, with a day's allowance for clocks and zones.
 */
export function assertDayNotFuture(field: string, day: IsoDate, today: IsoDate, message: string): void {
  if (compareDates(day, addDays(today, 1)) > 0)
    throw new InvalidInputError(message, { fields: { [field]: `on or before ${addDays(today, 1)} (China time)` } });
}

/** What the hub recorded of a case's dates, against which a court report's day is checked (assertCourtDateOrder). */
export interface RecordedCaseDates {
  /** The day the hub sent the referral to the court. */
  submittedOn: IsoDate;
  docketedOn: IsoDate | null;
  /** The judgment's or settlement's day. */
  decidedOn: IsoDate | null;
}

/** Steps the court takes on a case on its docket, so not before the day it docketed it. */
const AFTER_DOCKETING: readonly CourtEventKind[] = [
  'HEARING_SCHEDULED',
  PROCEDURE_CHANGE,
  'JUDGED',
  JUDGMENT_CORRECTION,
  'SETTLED',
];

/**
 * A report's day (the court's calendar day, China time) against the case's recorded dates. The court acts on a
 * referral once it has it: docketing follows the complaint (Civil Procedure Law art. 126, "符合起诉条件的，应当在七日内
 * 立案"), so no step is dated before the referral's submission day; a hearing, conversion, judgment or settlement of a
 * docketed case is not dated before its docketing (art. 168 counts the decision period from it, "应当在立案之日起两个
 * 月内审结"); and a docketing arriving after the decision was recorded is not dated after that decision. Before, only
 * the future was refused: a docketing typed 2020 for 2026 listed a case overdue by six years, and a judgment dated
 * before its docketing was kept. Refused BAD_USER_INPUT naming occurredAt, as a future date is.
 */
export function assertCourtDateOrder(kind: CourtEventKind, on: IsoDate, recorded: RecordedCaseDates): void {
  const problem =
    compareDates(on, recorded.submittedOn) < 0
      ? `on or after ${recorded.submittedOn}, the day the referral was submitted to the court`
      : AFTER_DOCKETING.includes(kind) && recorded.docketedOn !== null && compareDates(on, recorded.docketedOn) < 0
        ? `on or after ${recorded.docketedOn}, the day the case was docketed`
        : kind === 'DOCKETED' && recorded.decidedOn !== null && compareDates(on, recorded.decidedOn) > 0
          ? `on or before ${recorded.decidedOn}, the day the case was decided`
          : null;
  if (problem !== null)
    throw new InvalidInputError(`The ${kind} report is dated out of order with the case's recorded dates`, {
      fields: { occurredAt: problem },
    });
}

/**
 * A step arriving after a later one is a late arrival only if the path the case took could have passed through it:
 * the statuses the case recorded (its court events applied or filled in, and its status) and the step's all lie on
 * one path of TRANSITIONS, each reachable from or leading to every other. Before, a step was stale whenever it could
 * lead to the current status, whatever the case had been through: a judgment on a case settled and then enforced (a
 * settlement during enforcement is 执行和解, Civil Procedure Law art. 241, not the 调解结案 SETTLED is), a settlement on
 * one judged and enforced, a judgment on one withdrawn and closed, each stored beside what excludes it. Returns the
 * recorded statuses the step excludes: none for a step that fits (or one within a status, which has no status).
 */
export function excludedByRecordedPath(recorded: readonly CaseStatus[], kind: CourtEventKind): CaseStatus[] {
  const target = statusOfStep(kind);
  if (target === null) return [];
  return [...new Set(recorded)].filter(
    (status) => status !== target && !isReachable(status, target) && !isReachable(target, status),
  );
}

/** The status a step leads to; null for a step within a status. */
export function statusOfStep(kind: CourtEventKind): CaseStatus | null {
  return WITHIN_STATUS.includes(kind) ? null : LEADS_TO[kind as keyof typeof LEADS_TO];
}

/** A docketed case still before the court, undecided: where art. 169's conversion and art. 168's extension apply. */
export const isInTrial = (status: CaseStatus): boolean => IN_TRIAL.includes(status);

function validate(state: CaseState, event: CourtEvent): { event: number; since: number | null } {
  const fields: Record<string, string> = {};
  if (!CASE_STATUSES.includes(state.status)) fields.status = `status must be one of ${CASE_STATUSES.join(', ')}`;
  if (!COURT_EVENT_KINDS.includes(event.kind)) fields.kind = `kind must be one of ${COURT_EVENT_KINDS.join(', ')}`;
  const eventAt = instant(event.occurredAt);
  if (Number.isNaN(eventAt)) fields.occurredAt = 'occurredAt must be an ISO 8601 instant with a zone';
  const since = state.statusSince === null ? null : instant(state.statusSince);
  if (since !== null && Number.isNaN(since))
    fields.statusSince = 'statusSince must be an ISO 8601 instant with a zone, or null';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The court event cannot be judged', { fields });
  return { event: eventAt, since };
}
