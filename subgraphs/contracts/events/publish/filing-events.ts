import type { EntityManager } from '@mikro-orm/postgresql';
import { EventDefinition, FILING_ACCEPTED, FILING_RETURNED, FILING_SUBMITTED, FILING_SUPERSEDED, FILING_TERMINATED, FilingEventData, FilingTermsData } from '../../../../catalog';
import { recordEvent } from '../../../../platform/events/outbox';
import { ContractTerms } from '../../domain/contract-terms';
import { FilingStatus, ReturnReason, canonicalDigest } from '../../domain/filing';
import { Filing } from '../../persistence/contract.entity';

export const CONTRACTS_EVENT_SOURCE = '/property-governance-hub/contracts';

const EVENT_OF_STATUS: Record<FilingStatus, EventDefinition> = {
  SUBMITTED: FILING_SUBMITTED,
  ACCEPTED: FILING_ACCEPTED,
  RETURNED: FILING_RETURNED,
  SUPERSEDED: FILING_SUPERSEDED,
  TERMINATED: FILING_TERMINATED,
};

/** The terms as published: the signatories are people and stay in the hub; everything else is public record. */
export function publishedTerms(terms: ContractTerms): FilingTermsData {
  return {
    ...terms,
    approvalReference: terms.approvalReference ?? null,
    lateFee: terms.lateFee ? { ...terms.lateFee, capPercentOfPrincipal: terms.lateFee.capPercentOfPrincipal ?? null } : null,
    feeSchedule: { classes: terms.feeSchedule.classes.map((c) => ({ ...c, subsidies: c.subsidies.map((s) => ({ ...s })) })) },
    parties: terms.parties.map((p) => ({ role: p.role, name: p.name, registration: p.registration ?? null })),
  } as FilingTermsData;
}

/** Publishes the filing as it stands after a transition, in the transition's transaction, keyed by the filing id. */
export function recordFilingEvent(em: EntityManager, filing: Filing, terms: ContractTerms, returnReasons: ReturnReason[]): void {
  const data: FilingEventData = {
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
    deadline: filing.deadline,
    late: filing.late,
    lateConsequence: filing.lateConsequence ?? null,
    acceptedOn: filing.acceptedOn ?? null,
    returnReasons,
    supersededByFilingId: filing.supersededByFilingId ?? null,
    terminatedOn: filing.terminatedOn ?? null,
    handoverOn: filing.handoverOn ?? null,
    terminationReason: filing.terminationReason ?? null,
    terms: publishedTerms(terms),
    termsSha256: canonicalDigest(terms),
  };
  recordEvent(em, EVENT_OF_STATUS[filing.status], { source: CONTRACTS_EVENT_SOURCE, key: filing.id, subject: filing.id, data });
}
