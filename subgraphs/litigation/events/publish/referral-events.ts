import {
  BatchFormedData,
  CaseStatus,
  ProposedProcedure,
  REFERRAL_STATUS_CHANGED,
  REFERRAL_WITHDRAWN,
  ReferralPackageCorrectedData,
  ReferralStatusChangedData,
  ReferralSubmittedData,
} from '../../../../catalog';
import { ConsolidatedBatch } from '../../domain/consolidation';
import { Referral, SentReferral, SubmittedReferral } from '../../domain/referral';

/** The CloudEvents source of everything litigation publishes. */
export const LITIGATION_EVENT_SOURCE = 'litigation';

/** The fields every referral event starts with: who refers whose arrears to which court, and the status now. */
const referralBase = <S extends CaseStatus>(
  r: Pick<Referral, 'id' | 'courtId' | 'companyId' | 'accountId' | 'householdId' | 'areaId'> & { status: S },
) => ({
  referralId: r.id,
  courtId: r.courtId,
  companyId: r.companyId,
  accountId: r.accountId,
  householdId: r.householdId,
  areaId: r.areaId,
  status: r.status,
});

/** What a package claims and which version it is: the court receives this package, identified by its digest. */
const claimedPackage = (
  claimed: { amountInDisputeFen: number; grandTotalFen: number },
  pkg: { version: number; digest: string },
) => ({
  amountInDisputeFen: claimed.amountInDisputeFen,
  grandTotalFen: claimed.grandTotalFen,
  packageVersion: pkg.version,
  packageDigest: pkg.digest,
});

/**
 * A referral sent to its court, with the case package version the court receives and its digest, the arrears charges
 * the package claims (arrears interrupts their limitation period from the submission: Civil Code art. 195 item 3), and
 * the owner it is against (the claim's owner reference, the package's defendant): the areas subgraph grants the court
 * that owner, not whoever the register holds by the time it reads the event.
 */
export function referralSubmitted(
  r: SubmittedReferral,
  pkg: { version: number; digest: string },
  chargeIds: readonly string[],
  ownerReference: string | null,
): ReferralSubmittedData {
  return {
    ...referralBase(r),
    contractId: r.contractId,
    procedure: r.procedure,
    ...claimedPackage(r, pkg),
    submittedOn: r.submittedOn,
    chargeIds: [...chargeIds],
    ownerReference,
  };
}

/**
 * A package corrected before docketing: the version the court now receives, its digest and the one before it, the
 * procedure proposed on its amount, and the arrears charges it claims (as the submission names the first version's).
 */
export function referralPackageCorrected(
  r: SentReferral,
  claimed: { amountInDisputeFen: number; grandTotalFen: number },
  pkg: { version: number; digest: string; previousDigest: string },
  correctedOn: string,
  procedure: ProposedProcedure,
  chargeIds: readonly string[],
): ReferralPackageCorrectedData {
  return {
    ...referralBase(r),
    ...claimedPackage(claimed, pkg),
    previousDigest: pkg.previousDigest,
    correctedOn,
    procedure,
    chargeIds: [...chargeIds],
  };
}

/** A withdrawal (撤诉) has its own event type; every other step is a status change. */
export const statusChangeEvent = (status: CaseStatus) =>
  status === 'WITHDRAWN' ? REFERRAL_WITHDRAWN : REFERRAL_STATUS_CHANGED;

/** The referral as it stands after a step, and the status it left. */
export function referralStatusChanged(
  r: SentReferral,
  fromStatus: CaseStatus,
  occurredAt: string,
): ReferralStatusChangedData {
  return {
    ...referralBase(r),
    fromStatus,
    occurredAt,
    caseNumber: r.caseNumber,
    enforcementCaseNumber: r.enforcementCaseNumber,
    judgedFen: r.judgedFen,
    settledFen: r.settledFen,
    procedure: r.procedure,
    hearingOn: r.hearingOn,
    procedureChangedOn: r.procedureChangedOn,
  };
}

export function batchFormed(b: ConsolidatedBatch): BatchFormedData {
  return {
    batchKey: b.batchKey,
    courtId: b.courtId,
    companyId: b.plaintiffId,
    areaId: b.areaId,
    contractId: b.contractId,
    referralIds: b.referralIds,
    splitFrom: b.splitFrom,
  };
}
