import { type IsoDate, compareDates } from '../../../kernel/calendar';
import { SHA256_HEX } from '../../../kernel/canonical-json';
import type { BuildingClass } from './fee-schedule';
import type { ContractTerms } from './contract-terms';
import { canonicalDigest, type FilingStatus } from './filing';

/**
 * The filing certificate (备案证明) an accepted filing gets: the facts it states, fixed at acceptance, and their
 * digest. The digest is of the facts (canonical JSON), not of the PDF, so the certificate can carry it in its QR
 * code; the PDF's own SHA-256 is kept too, and either answers a verification.
 */
export interface CertificateFacts {
  recordNumber: string;
  acceptedOn: IsoDate;
  contractNumber: string;
  contractTitle: string;
  provider: { name: string; registration: string | null };
  ownersSide: { name: string };
  area: { name: string; districtCode: string };
  term: { startsOn: IsoDate; endsOn: IsoDate };
  /** The fees in force: the owner rate per building class, fen per m² per month. */
  fees: { buildingClass: BuildingClass; ownerRateFenPerM2Month: number }[];
  authority: string;
}

export function certificateFactsOf(args: {
  recordNumber: string;
  acceptedOn: IsoDate;
  terms: ContractTerms;
  area: { name: string; districtCode: string };
  authority: string;
}): CertificateFacts {
  const provider = args.terms.parties.find((p) => p.role === 'PROVIDER');
  return {
    recordNumber: args.recordNumber,
    acceptedOn: args.acceptedOn,
    contractNumber: args.terms.number,
    contractTitle: args.terms.title,
    provider: { name: provider?.name ?? '', registration: provider?.registration ?? null },
    ownersSide: { name: args.terms.ownersSide.name },
    area: { name: args.area.name, districtCode: args.area.districtCode },
    term: { startsOn: args.terms.startsOn, endsOn: args.terms.endsOn },
    fees: args.terms.feeSchedule.classes.map((c) => ({
      buildingClass: c.buildingClass,
      ownerRateFenPerM2Month: c.ownerRateFenPerM2Month,
    })),
    authority: args.authority,
  };
}

export const certificateDigest = (facts: CertificateFacts): string => canonicalDigest(facts);

export const BUILDING_CLASS_NAMES: Record<BuildingClass, string> = { LOW_RISE: '多层', HIGH_RISE: '高层' };

export const VERIFICATION_RESULTS = ['VALID', 'SUPERSEDED', 'TERMINATED', 'EXPIRED', 'TAMPERED', 'UNKNOWN'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

export interface Verification {
  result: VerificationResult;
  /** Since when the filing is superseded or terminated, or the last day its expired contract served; null otherwise. */
  since: IsoDate | null;
  /**
   * The facts the certificate states, for a genuine certificate only (no parties' people, no registration): a holder
   * compares them with the paper. Before, only the provider, area and term were given, so a genuine QR code copied
   * onto a paper with higher owner fees, or another owners' side, verified VALID and nothing shown contradicted it.
   * The fees in force are public anyway (publicity, publicServiceStandards).
   */
  facts: VerifiedFacts | null;
}

export interface VerifiedFacts {
  provider: string;
  areaName: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  recordNumber: string;
  acceptedOn: IsoDate;
  contractNumber: string;
  ownersSide: string;
  authority: string;
  fees: { buildingClass: BuildingClass; ownerRateFenPerM2Month: number }[];
}

/**
 * The day a superseded filing stopped being the one in force: an accepted amendment of the same contract supersedes
 * it on its acceptance; the area's regular contract ending a preliminary one (Civil Code art. 940) does so on the day
 * it took effect, its start, the preliminary contract having served to the day before (before, its acceptance day,
 * which could come before the preliminary contract's own certificate or weeks before it stopped serving).
 */
export function supersededSince(
  filing: { contractId: string },
  superseding: { contractId: string; acceptedOn?: IsoDate | null } | null,
  supersedingContractStartsOn: IsoDate | null,
): IsoDate | null {
  if (!superseding) return null;
  return superseding.contractId === filing.contractId ? (superseding.acceptedOn ?? null) : supersedingContractStartsOn;
}

/**
 * What a verification answers for a record number and a digest: UNKNOWN when the hub issued no certificate under
 * that number, TAMPERED when the digest is neither the facts' nor the PDF's, otherwise the filing's standing on
 * `today` (China time): VALID while in force; SUPERSEDED from `supersededOn`, the first day it no longer is;
 * TERMINATED from the day after `terminatedOn`, the last day served (the date given is `terminatedOn`, as the
 * contract's termination states it). The status changes when the act is recorded, the answer when it takes effect:
 * before, a preliminary contract's certificate verified SUPERSEDED from the regular contract's acceptance, with a
 * `since` weeks ahead while it still served (Civil Code art. 940 ends it when that contract takes effect), and a
 * termination noticed 60 days ahead (arts. 946, 948) verified TERMINATED the day it was recorded. EXPIRED from the
 * day after `servedTo`, the last day a filing in force serves (its term's end, or, for a contract continuing after its
 * term, Civil Code art. 948, its continuation's end: contract-overlap.ts lastDayServed), with that day: before, a
 * contract whose term had run out verified VALID for good. A malformed digest is TAMPERED, never an error.
 */
export function verifyCertificate(
  certificate: { contentSha256: string; pdfSha256: string; facts: CertificateFacts } | null,
  filing: {
    status: FilingStatus;
    supersededOn: IsoDate | null;
    terminatedOn: IsoDate | null;
    servedTo?: IsoDate | null;
  } | null,
  digest: string,
  today: IsoDate,
): Verification {
  if (!certificate || !filing) return { result: 'UNKNOWN', since: null, facts: null };
  const d = typeof digest === 'string' ? digest.trim().toLowerCase() : '';
  if (!SHA256_HEX.test(d) || (d !== certificate.contentSha256 && d !== certificate.pdfSha256))
    return { result: 'TAMPERED', since: null, facts: null };
  const f = certificate.facts;
  const facts: VerifiedFacts = {
    provider: f.provider.name,
    areaName: f.area.name,
    startsOn: f.term.startsOn,
    endsOn: f.term.endsOn,
    recordNumber: f.recordNumber,
    acceptedOn: f.acceptedOn,
    contractNumber: f.contractNumber,
    ownersSide: f.ownersSide.name,
    authority: f.authority,
    fees: f.fees.map((fee) => ({
      buildingClass: fee.buildingClass,
      ownerRateFenPerM2Month: fee.ownerRateFenPerM2Month,
    })),
  };
  const { status, supersededOn, terminatedOn } = filing;
  if (status === 'SUPERSEDED' && !(supersededOn && compareDates(today, supersededOn) < 0))
    return { result: 'SUPERSEDED', since: supersededOn, facts };
  if (status === 'TERMINATED' && !(terminatedOn && compareDates(today, terminatedOn) <= 0))
    return { result: 'TERMINATED', since: terminatedOn, facts };
  if (status === 'ACCEPTED' && filing.servedTo && compareDates(today, filing.servedTo) > 0)
    return { result: 'EXPIRED', since: filing.servedTo, facts };
  return { result: 'VALID', since: null, facts };
}
