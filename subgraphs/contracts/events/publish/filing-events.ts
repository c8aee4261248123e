import {
  FILING_ACCEPTED,
  FILING_CONTINUED,
  FILING_RETURNED,
  FILING_SUBMITTED,
  FILING_SUPERSEDED,
  FILING_TERMINATED,
  FilingEventData,
  FilingTermsData,
} from '../../../../catalog';
import { ContractTerms } from '../../domain/contract-terms';
import { currentFilingDeadline } from '../../domain/filing-deadline';
import { FilingAction, FilingStatus, ReturnReason, canonicalDigest } from '../../domain/filing';
import type { Filing } from '../../persistence/filing.entity';

export const CONTRACTS_EVENT_SOURCE = '/property-governance-hub/contracts';

const EVENT_OF_STATUS = {
  SUBMITTED: FILING_SUBMITTED,
  ACCEPTED: FILING_ACCEPTED,
  RETURNED: FILING_RETURNED,
  SUPERSEDED: FILING_SUPERSEDED,
  TERMINATED: FILING_TERMINATED,
} as const satisfies Record<FilingStatus, unknown>;

/**
 * The event announcing a filing's transition: that it is now in `status`, or for CONTINUE (its status unchanged) that
 * its contract continues after its term.
 */
export const filingEventOf = (status: FilingStatus, action?: FilingAction) =>
  action === 'CONTINUE' ? FILING_CONTINUED : EVENT_OF_STATUS[status];

/** The terms as published: the signatories are people and stay in the hub; everything else is public record. */
export function publishedTerms(terms: ContractTerms): FilingTermsData {
  return { ...terms, parties: terms.parties.map(({ role, name, registration }) => ({ role, name, registration })) };
}

/**
 * The filing as it stands after a transition, with the terms of its current version, as the feed carries it. The
 * deadline is the one the API shows at that moment (Civil Code arts. 201, 203): provisional, with the holiday year it
 * awaits, while it runs past the held holiday data; a transition after the year is recorded carries the firm day.
 */
export function publishFiling(filing: Filing, terms: ContractTerms, returnReasons: ReturnReason[]): FilingEventData {
  const published = publishedTerms(terms);
  const deadline = filing.deadline ? currentFilingDeadline(filing.deadlineFrom, filing.deadline) : null;
  return {
    filingId: filing.id,
    contractId: filing.contractId,
    areaId: filing.areaId,
    companyId: filing.companyId,
    kind: filing.kind,
    amendsFilingId: filing.amendsFilingId ?? null,
    status: filing.status,
    version: filing.currentVersion,
    sequence: filing.sequence,
    recordNumber: filing.recordNumber ?? null,
    submittedOn: filing.submittedOn,
    deadline: deadline?.date ?? null,
    deadlineProvisional: deadline?.provisional ?? false,
    deadlineAwaitsHolidayYear: deadline?.missingYear ?? null,
    late: filing.late,
    lateConsequence: filing.lateConsequence ?? null,
    acceptedOn: filing.acceptedOn ?? null,
    returnReasons,
    supersededByFilingId: filing.supersededByFilingId ?? null,
    terminatedOn: filing.terminatedOn ?? null,
    handoverOn: filing.handoverOn ?? null,
    terminationReason: filing.terminationReason ?? null,
    // Left out until the contract continues after its term, so every other filing publishes the message it did.
    ...(filing.continuedFrom ? { continuedFrom: filing.continuedFrom } : {}),
    terms: published,
    // The digest of the terms as published, which a subscriber can recompute: a digest of the full terms covered the
    // signatories the event leaves out, so it could never be checked and let their names be guessed from it.
    termsSha256: canonicalDigest(published),
  };
}
