/**
 * The words the contracts rules share. A preliminary contract (前期物业服务合同) is signed by the developer before the
 * owners organise; a regular contract (物业服务合同) is signed for the owners by the owners' committee or the
 * property-management committee (物管会) after an owners' joint decision (Civil Code art. 278 item 4).
 */
import { CONTRACT_KINDS, type ContractKind } from '../../../catalog';
import { type IsoDate, addYears, compareDates } from '../../../kernel/calendar';
import { type DomainError, InvalidInputError } from '../../../kernel/errors';
import { ContractsErrorCode, contractsError } from './errors';
import {
  AMENDMENT_AFTER_SIGNING_SOURCE,
  BEIJING_DISMISSAL_HANDOVER_DAYS,
  MAX_HANDOVER_YEARS_AFTER_TERMINATION,
} from './statutes';

export { CONTRACT_KINDS, type ContractKind };

/**
 * A contract's life in the hub, driven by its filing (备案): DRAFT (entered, not yet submitted), SUBMITTED (signed,
 * filing under review), RETURNED (the reviewer sent the filing back for correction), ACCEPTED (filed, with a record
 * number), TERMINATED (ended early, with a handover date), SUPERSEDED (replaced, e.g. a preliminary contract by a
 * regular one under Civil Code art. 940). An amendment is filed as a new filing of the same contract; the contract
 * stays ACCEPTED under its earlier terms until the amendment is accepted.
 */
export const CONTRACT_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'ACCEPTED',
  'TERMINATED',
  'SUPERSEDED',
  'DISCARDED',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/**
 * The statuses in which a contract binds the area. A contract binds from signing (Civil Code art. 502: a lawfully
 * formed contract takes effect when formed); filing is an administrative duty, not a condition of validity, so a
 * contract whose filing is under review, or was returned for correction, already occupies its period. A draft is
 * not signed yet; a terminated or superseded contract has ended (a terminated one still occupies the days before
 * its termination: the caller passes it as ACCEPTED with its end moved to the termination date).
 */
export const BINDING_STATUSES: ReadonlySet<ContractStatus> = new Set<ContractStatus>([
  'SUBMITTED',
  'RETURNED',
  'ACCEPTED',
]);

/**
 * An amendment changes a contract's terms, never its kind: a preliminary contract amended into a "regular" one would
 * escape the preliminary term's limit (Beijing: at most two years) while staying preliminary. Checked when the
 * amendment is filed and again when a returned one is resubmitted.
 */
export function assertAmendmentKeepsKind(contractKind: ContractKind, termsKind: ContractKind): void {
  if (termsKind !== contractKind)
    throw new InvalidInputError('An amendment cannot change the kind of contract', {
      fields: { 'terms.kind': contractKind },
    });
}

/**
 * An amendment (变更, Beijing art. 63 para. 3) changes a contract from the day it is agreed: the days already served
 * were served under the terms then in force. So it keeps the first day of a contract that has begun (`startsOn`, as
 * accepted, on or before `today`), and moves that of one not begun yet to no day already past. Before, an amendment
 * moved the start of a contract in force as it liked: a developer's preliminary contract eleven months in was amended
 * to run two years from the next January, three years in all against Beijing art. 19 para. 3's two
 * ("前期物业服务合同期限最长不超过二年"), and the publicity named no provider for the month it was serving; a regular
 * one was back-dated a year, its lateness counted from the amendment's day. Checked when the amendment is filed and
 * again when a returned one is resubmitted.
 */
export function assertAmendmentKeepsStart(contractStartsOn: IsoDate, termsStartsOn: IsoDate, today: IsoDate): void {
  if (termsStartsOn === contractStartsOn) return;
  if (compareDates(contractStartsOn, today) <= 0)
    throw new InvalidInputError('An amendment cannot move the start of a contract that has begun', {
      fields: { 'terms.startsOn': `${contractStartsOn}: the contract began on that day` },
    });
  if (compareDates(termsStartsOn, today) < 0)
    throw new InvalidInputError('An amendment cannot move the start of a contract to a day already past', {
      fields: { 'terms.startsOn': `${contractStartsOn}, or a day from ${today}` },
    });
}

/**
 * An amendment (变更, Civil Code art. 543: 当事人协商一致，可以变更合同) takes effect from the day it is agreed,
 * `amendedOn`, so it ends the contract on that day at the earliest: the days before were served under the terms
 * then in force. Ending it earlier is a retroactive termination, which is terminateContract's, with its reason, its
 * handover day and, for a contract continuing after its term, art. 948's notice. Before, an amendment agreed on
 * 1 December "ended" a contract on 30 June, and once accepted the five months served and billed since lay outside
 * the contract. Checked when the amendment is filed and again when a returned one is resubmitted.
 */
export function assertAmendmentEndsFromItsDay(amendedOn: IsoDate, termsEndsOn: IsoDate): void {
  if (compareDates(termsEndsOn, amendedOn) < 0)
    throw new InvalidInputError('An amendment cannot end a contract before the day it is agreed', {
      fields: {
        'terms.endsOn': `on or after ${amendedOn}, the day the amendment was agreed: terminate the contract to end it earlier`,
      },
    });
}

/**
 * The day the contract was signed, for what can only come after it (a notice ending it, an amendment of it): the
 * earliest of the signing days its terms now in force and its accepted versions state. An amendment's terms may state
 * another `signedOn` than the contract first filed (nothing keeps it), and the contract existed from the first day any
 * accepted terms say it was signed (Civil Code art. 490 para. 1). Before, the terms now in force alone were read: once
 * an amendment stating a later signing day was accepted, a notice given under the contract as first signed and filed
 * was refused as given before the contract existed.
 */
export function contractSignedOn(currentSignedOn: IsoDate, acceptedSigningDays: readonly IsoDate[]): IsoDate {
  return acceptedSigningDays.reduce((first, day) => (compareDates(day, first) < 0 ? day : first), currentSignedOn);
}

/**
 * An amendment is agreed on or after the day the contract it amends was signed (its terms in force): the contract
 * exists from its signing (Civil Code art. 490 para. 1) and an amendment changes a contract the parties have (art. 543;
 * statutes.ts AMENDMENT_AFTER_SIGNING_SOURCE). BAD_USER_INPUT on `amendedOn` with the problem AMENDED_BEFORE_SIGNING
 * otherwise. Before, any `amendedOn` up to the day of filing the holiday calendar could count 15 days from was taken:
 * an amendment agreed the day before the contract was signed was filed (one of 1990 was refused only as
 * OUTSIDE_HOLIDAY_CALENDAR). Not bound to the acceptance of the filing it
 * amends: filing is no condition of the contract (Beijing art. 63 para. 3), and parties may agree a change while the
 * filing is under review; it is filed once the contract's filing is accepted, late if its 15 days have run.
 */
export function assertAmendedOnceSigned(amendedOn: IsoDate, contractSignedOn: IsoDate): void {
  if (compareDates(amendedOn, contractSignedOn) < 0)
    throw new InvalidInputError('An amendment is agreed once the contract is signed', {
      problems: ['AMENDED_BEFORE_SIGNING'],
      fields: { amendedOn: `on or after ${contractSignedOn}, the day the contract was signed` },
      source: AMENDMENT_AFTER_SIGNING_SOURCE,
    });
}

/**
 * What is wrong with the handover day a termination states, or null: on or after `terminatedOn` (as before) and at
 * most MAX_HANDOVER_YEARS_AFTER_TERMINATION after it, an input bound (statutes.ts says why Beijing art. 76's thirty
 * days are named, not enforced). For BAD_USER_INPUT on `handoverOn`.
 */
export function handoverDayProblem(terminatedOn: IsoDate, handoverOn: IsoDate): string | null {
  if (compareDates(handoverOn, terminatedOn) < 0) return 'the handover cannot come before the termination';
  const latest = addYears(terminatedOn, MAX_HANDOVER_YEARS_AFTER_TERMINATION);
  if (compareDates(handoverOn, latest) > 0)
    return `on or before ${latest}, within a year of the termination (Beijing art. 76: a dismissed provider hands over within ${BEIJING_DISMISSAL_HANDOVER_DAYS} days of the notice)`;
  return null;
}

/**
 * Whether the contract takes uploaded documents: they wait for its next filing, so only a contract that may still
 * be filed takes them. A discarded draft never will (CONTRACT_DISCARDED), nor a terminated or superseded contract
 * (CONTRACT_NOT_IN_FORCE): its filings are ended and only an accepted contract is amended. Every document type is
 * filing material (DOCUMENT_TYPES); the hub keeps no handover record through this channel. Before, a terminated or
 * superseded contract took uploads, which lay unseen for good (only filed ones are shown to reviewers and courts).
 */
export function assertTakesDocuments(status: ContractStatus): void {
  if (status === 'DISCARDED') throw contractActionRefused(status, 'EDIT_DRAFT');
  if (status === 'TERMINATED' || status === 'SUPERSEDED')
    throw contractsError(
      'CONTRACT_NOT_IN_FORCE',
      `A ${status.toLowerCase()} contract is filed no more: it takes no documents`,
      {
        status,
      },
    );
}

export function isBinding(status: ContractStatus): boolean {
  return BINDING_STATUSES.has(status);
}

/**
 * What a contract may go through, by its filings (see filing.ts for the filing's own table):
 *
 *   DRAFT ──edit──► DRAFT ──submit──► SUBMITTED ──return──► RETURNED ──resubmit──► SUBMITTED ──accept──► ACCEPTED
 *   ACCEPTED ──amend, accept the amendment──► ACCEPTED (its terms change only when the amendment is accepted)
 *   ACCEPTED ──supersede (a regular contract takes effect, Civil Code art. 940)──► SUPERSEDED
 *   SUBMITTED / RETURNED / ACCEPTED ──terminate──► TERMINATED
 *   ACCEPTED ──continue after its term (Civil Code art. 948, continued-service.ts)──► ACCEPTED
 *   DRAFT ──discard (entered by mistake, never filed)──► DISCARDED
 *
 * Editing, filing and amending out of turn have codes of their own; any other action out of turn is refused as
 * INVALID_FILING_TRANSITION, the code the filing's table gives, since a contract moves only with its filings.
 */
export type ContractAction =
  | 'EDIT_DRAFT'
  | 'SUBMIT'
  | 'RETURN'
  | 'RESUBMIT'
  | 'ACCEPT'
  | 'AMEND'
  | 'ACCEPT_AMENDMENT'
  | 'SUPERSEDE'
  | 'TERMINATE'
  | 'CONTINUE'
  | 'DISCARD';

interface ContractTransition {
  from: readonly ContractStatus[];
  to: ContractStatus;
  refusal?: { code: ContractsErrorCode; message: string };
}

const CONTRACT_TRANSITIONS: Record<ContractAction, ContractTransition> = {
  EDIT_DRAFT: {
    from: ['DRAFT'],
    to: 'DRAFT',
    refusal: {
      code: 'CONTRACT_NOT_DRAFT',
      message: 'Only a draft is edited directly; file an amendment or resubmit the returned filing',
    },
  },
  SUBMIT: {
    from: ['DRAFT'],
    to: 'SUBMITTED',
    refusal: {
      code: 'CONTRACT_ALREADY_FILED',
      message: 'The contract has a filing already; amend it or resubmit the returned filing',
    },
  },
  RETURN: { from: ['SUBMITTED'], to: 'RETURNED' },
  RESUBMIT: { from: ['RETURNED'], to: 'SUBMITTED' },
  ACCEPT: { from: ['SUBMITTED'], to: 'ACCEPTED' },
  AMEND: {
    from: ['ACCEPTED'],
    to: 'ACCEPTED',
    refusal: { code: 'CONTRACT_NOT_IN_FORCE', message: 'Only a contract whose filing was accepted can be amended' },
  },
  ACCEPT_AMENDMENT: { from: ['ACCEPTED'], to: 'ACCEPTED' },
  SUPERSEDE: { from: ['ACCEPTED'], to: 'SUPERSEDED' },
  TERMINATE: { from: [...BINDING_STATUSES], to: 'TERMINATED' },
  // Civil Code art. 948: only a contract in force continues after its term, not one terminated, superseded or
  // never accepted (continued-service.ts).
  CONTINUE: {
    from: ['ACCEPTED'],
    to: 'ACCEPTED',
    refusal: {
      code: 'CONTRACT_NOT_IN_FORCE',
      message: 'Only a contract whose filing was accepted, and which has not ended, continues after its term',
    },
  },
  DISCARD: {
    from: ['DRAFT'],
    to: 'DISCARDED',
    refusal: {
      code: 'CONTRACT_NOT_DRAFT',
      message: 'Only a draft never filed is discarded; a filed contract is terminated',
    },
  },
};

const PAST: Record<ContractAction, string> = {
  EDIT_DRAFT: 'edited as a draft',
  SUBMIT: 'submitted',
  RETURN: 'returned',
  RESUBMIT: 'resubmitted',
  ACCEPT: 'accepted',
  AMEND: 'amended',
  ACCEPT_AMENDMENT: 'amended',
  SUPERSEDE: 'superseded',
  TERMINATE: 'terminated',
  CONTINUE: 'continued',
  DISCARD: 'discarded',
};

/** The error refusing `action` on a contract in `status`, with the status in its details. */
export function contractActionRefused(status: ContractStatus, action: ContractAction): DomainError {
  if (status === 'DISCARDED')
    return contractsError('CONTRACT_DISCARDED', 'The draft was discarded: draft the contract anew', { status });
  const refusal = CONTRACT_TRANSITIONS[action].refusal ?? {
    code: 'INVALID_FILING_TRANSITION' as const,
    message: `A ${status.toLowerCase()} contract cannot be ${PAST[action]}`,
  };
  return contractsError(refusal.code, refusal.message, { status });
}

/** The contract's status after `action`; refused (see contractActionRefused) when the contract is not in a state for it. */
export function nextContractStatus(current: ContractStatus, action: ContractAction): ContractStatus {
  const transition = CONTRACT_TRANSITIONS[action];
  if (!transition.from.includes(current)) throw contractActionRefused(current, action);
  return transition.to;
}
