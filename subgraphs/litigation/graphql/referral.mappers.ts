import { BatchRecord } from '../domain/consolidation';
import { Referral } from '../domain/referral';
import { CasePackageCheck } from '../application/verify-case-package';
import type { CourtEventRecord } from '../persistence/court-event.repository';
import { ConsolidatedBatchType, CourtEventRecordType, PackageVerificationType, ReferralType } from './referral.type';

/** An ineligible referral went to no court, so no court reads its household: it has none to show. */
export const toReferralType = (r: Referral): ReferralType => ({
  ...r,
  household: r.eligible ? { id: r.householdId } : null,
});

/** The area under both its names: `compoundId` is deprecated. */
export const toBatchType = (b: BatchRecord): ConsolidatedBatchType => ({ ...b, compoundId: b.areaId });

export const toCourtEventRecordType = (e: CourtEventRecord & { receivedAt: Date }): CourtEventRecordType => ({
  kind: e.kind,
  occurredAt: e.occurredAt,
  verdict: e.verdict,
  via: e.via,
  receivedAt: e.receivedAt,
});

export const toPackageVerificationType = (v: CasePackageCheck): PackageVerificationType => ({
  valid: v.valid,
  version: v.version,
  storedDigest: v.storedDigest,
  digest: v.digest,
  sequence: v.sequence ?? null,
  previousVersionSequence: v.previousVersionSequence ?? null,
  reason: v.reason ?? null,
  chainValid: v.chain.valid,
  firstBrokenSequence: v.chain.firstBrokenSequence ?? null,
});
