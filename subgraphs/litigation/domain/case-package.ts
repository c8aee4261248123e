import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { ComplaintClaims, CostLine, FeeLine, PenaltyLine } from './claim';
import { SHA256_HEX, canonicalJson, sha256Hex } from '../../../kernel/canonical-json';
import { ServiceComplaints } from './service-complaints';
import type { FilingTermsData, OwnersSideKind } from '../../../catalog';

export { canonicalJson } from '../../../kernel/canonical-json';

/**
 * The case package: everything the court receives for one referral, laid out as the elements of the element-based
 * complaint (要素式起诉状) for property-service fee disputes. It is immutable once sent: a correction is a new version
 * whose previousDigest is the digest of the version it replaces, so the court can tell which text it docketed and
 * the evidence chain can prove no version was altered afterwards.
 */
export interface Party {
  role: 'PLAINTIFF' | 'DEFENDANT';
  kind: 'COMPANY' | 'PERSON';
  name: string;
  /** Unified social credit code (统一社会信用代码) of a company, or the identity document number of a person. */
  identifier: string;
  address: string;
}

/** The claims part: totals, their explanations and the numbered claims, as buildComplaintClaims produced them. */
export type PackageClaims = Pick<
  ComplaintClaims,
  | 'feeTotalFen'
  | 'feeExplanation'
  | 'penaltyTotalFen'
  | 'penaltyExplanation'
  | 'costsTotalFen'
  | 'costsExplanation'
  | 'amountInDisputeFen'
  | 'grandTotalFen'
  | 'grandTotalExplanation'
  | 'statements'
> &
  /** Only where the company claims other sums (OTHER_CLAIM), as in every package made before they were told apart. */
  Partial<Pick<ComplaintClaims, 'otherClaimsTotalFen' | 'otherClaimsExplanation'>> & {
    /**
     * The company asks that the defendant bear the court costs: a COURT_COSTS line, at 0 fen too. Only where it does;
     * packages made before answer by their costs' total.
     */
    courtCostsClaimed?: true;
  };

export interface EvidenceItem {
  name: string;
  /** e.g. CONTRACT, FILING_RECORD, FEE_NOTICE, DEMAND_LETTER, SERVICE_RECORD, MEDIATION_RECORD. */
  type: string;
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  /**
   * Where it comes from (证据来源, Civil Procedure Law art. 124 item 4), as the company states it: only where stated, the
   * complaint leaving it to be filled in otherwise (before, the list had no place for it).
   */
  origin?: string | null;
}

/** The filed late-fee terms as a package carries them: the catalog's shape (one rate, daily or monthly). */
export type PackageLateFeeTerms = NonNullable<FilingTermsData['lateFee']>;

/**
 * The standard a run of the claimed months was billed under: one filed version of the contract (an amendment may
 * change the owner rate or the late-fee terms from a month on), its owner rate and its late-fee terms, from the first
 * to the last claimed month of the run.
 */
export interface FeeStandardPeriod {
  fromMonth: string;
  toMonth: string;
  filingRecordNumber: string;
  rateFenPerM2Month: Fen;
  lateFeeTerms: PackageLateFeeTerms | null;
}

/** The owners' side as packages stored before 58627c4 (stop 66) keep it: its kind keyed `role`. */
type LegacyOwnersSide = { role: OwnersSideKind; name: string };

/** The kind of the owners' side a package names, as stored then or now. */
export const ownersSideKind = (side: { kind: OwnersSideKind } | LegacyOwnersSide): OwnersSideKind =>
  'kind' in side ? side.kind : side.role;

export interface CasePackageContent {
  referralId: string;
  parties: Party[];
  claims: PackageClaims;
  contract: {
    name: string;
    number: string;
    signedOn: IsoDate;
    filingRecordNumber: string;
    /**
     * The owners' side that signed it as the filing names it: the developer (a preliminary contract) or the owners'
     * or property-management committee (a regular one). Absent in packages built before it, and where none is named.
     */
    ownersSide?: { kind: OwnersSideKind; name: string } | LegacyOwnersSide;
    /**
     * The owners' joint decision that chose the provider (Civil Code arts. 278, 939), where the filing names one the
     * hub recorded valid: its id and meeting day. Absent in packages built before it, and where none is named.
     */
    hiringDecision?: { decisionId: string; heldOn: IsoDate };
  };
  property: { address: string; floorAreaCentiM2: number; owner: string };
  /** The latest claimed month's standard (the package's filing); `feeStandards` has each month's. */
  feeStandard: { rateFenPerM2Month: Fen; description: string };
  /**
   * The claimed months as runs billed under one filed version and rate, oldest first (one run when a single version
   * covers them all); each month's line and late fee were computed on its run's standard. Absent in packages built
   * before it, whose every month is at `feeStandard` and `lateFeeTerms`.
   */
  feeStandards?: FeeStandardPeriod[];
  /**
   * The days served: from the agreed start to `endsOn`, the agreed end or the termination before it; `agreedEndsOn`
   * the end the contract agreed (absent in packages built before it, which stated the termination as the agreed end).
   */
  serviceTerm: {
    startsOn: IsoDate;
    endsOn: IsoDate;
    agreedEndsOn?: IsoDate;
    /**
     * For a contract continuing after its term (Civil Code art. 948): the day after `agreedEndsOn`; `endsOn` is then
     * the continuation's last day served, or `amountsAsOf` while it goes on. Absent otherwise.
     */
    continuedFrom?: IsoDate;
    /** The continuation's last day served (its termination, or the day before the next contract) once it has ended by the amounts' day. */
    continuationEndedOn?: IsoDate;
  };
  arrearsLines: FeeLine[];
  penaltyLines: PenaltyLine[];
  /**
   * The company asks for the late fee on until the day paid (是否请求支付至实际清偿之日止: 是), at the contract's standard:
   * only where asked and a late fee is claimed.
   */
  lateFeeUntilPaid?: true;
  /** The other sums claimed (claim.ts OTHER_CLAIM), the complaint's "其他请求": only where there are any. */
  otherClaimLines?: CostLine[];
  /**
   * The contract's late-fee terms as filed (contracts subgraph), from which the arrears subgraph computed the penalty
   * lines (subgraphs/arrears/domain/late-fee.ts); null: the filing holds none. Absent in packages built before it;
   * the monthly rate and the clause text are absent where the filing gives none (and in packages built before them).
   */
  lateFeeTerms?: PackageLateFeeTerms | null;
  /**
   * The day the fee lines and late fees are computed to: the arrears claim's `asOf`. Absent in packages built before
   * it, whose complaint states the referral's day.
   */
  amountsAsOf?: IsoDate;
  /**
   * `deliveredOn`: the day a letter reached the owner; null for a letter whose arrival is not recorded (it has not taken
   * effect: Civil Code art. 137 para. 2); absent for other kinds, letters recorded before arrivals were, and older packages.
   */
  demands: { date: IsoDate; channel: string; deliveredOn?: IsoDate | null }[];
  evidence: EvidenceItem[];
  /** Hotline complaints about the service at the household's compound (service-complaints.ts); absent in older packages. */
  serviceComplaints?: ServiceComplaints;
}

export interface CasePackage extends CasePackageContent {
  version: number;
  /** The digest of version n − 1; null for version 1. */
  previousDigest: string | null;
}

export type CasePackageProblem =
  | 'NEEDS_ONE_PLAINTIFF'
  | 'NEEDS_A_DEFENDANT'
  | 'FILING_RECORD_MISSING'
  | 'FEE_TOTAL_MISMATCH'
  | 'PENALTY_TOTAL_MISMATCH'
  | 'GRAND_TOTAL_MISMATCH'
  | 'FLOOR_AREA_MISMATCH'
  | 'RATE_MISMATCH'
  | 'MONTH_OUTSIDE_SERVICE_TERM'
  | 'NO_DEMAND_RECORDED'
  | 'NO_EVIDENCE'
  | 'EVIDENCE_DIGEST_INVALID'
  | 'BAD_VERSION_LINK';

/** The claims part of a package, taken from buildComplaintClaims' result. */
export function packageClaims(claims: ComplaintClaims): PackageClaims {
  return {
    feeTotalFen: claims.feeTotalFen,
    feeExplanation: claims.feeExplanation,
    penaltyTotalFen: claims.penaltyTotalFen,
    penaltyExplanation: claims.penaltyExplanation,
    costsTotalFen: claims.costsTotalFen,
    costsExplanation: claims.costsExplanation,
    ...(claims.otherClaimLines.length > 0
      ? { otherClaimsTotalFen: claims.otherClaimsTotalFen, otherClaimsExplanation: claims.otherClaimsExplanation }
      : {}),
    ...(claims.costLines.length > 0 ? { courtCostsClaimed: true as const } : {}),
    amountInDisputeFen: claims.amountInDisputeFen,
    grandTotalFen: claims.grandTotalFen,
    grandTotalExplanation: claims.grandTotalExplanation,
    statements: [...claims.statements],
  };
}

/** SHA-256 hex of the package's canonical JSON: what the next version and the evidence chain refer to. */
export function packageDigest(pkg: CasePackage): string {
  return sha256Hex(canonicalJson(pkg));
}

export function firstPackage(content: CasePackageContent): CasePackage {
  return validated({ ...content, version: 1, previousDigest: null });
}

/** Version n + 1, linked to version n by its digest. */
export function nextPackage(previous: CasePackage, content: CasePackageContent): CasePackage {
  return validated({ ...content, version: previous.version + 1, previousDigest: packageDigest(previous) });
}

export function isNextVersionOf(next: CasePackage, previous: CasePackage): boolean {
  return next.version === previous.version + 1 && next.previousDigest === packageDigest(previous);
}

/** The runs of `feeStandards` naming a claimed month: one, or one per part of a month billed in parts. */
const periodsOfMonth = (pkg: CasePackageContent, month: string): FeeStandardPeriod[] =>
  (pkg.feeStandards ?? []).filter((s) => s.fromMonth <= month && month <= s.toMonth);

/**
 * The run of `feeStandards` a claimed month belongs to: of a month billed in parts (a contract ended within it and
 * the company's renewal began), the last, its own filing's, whose late-fee terms it runs under. Undefined in older
 * packages, which have none.
 */
export const periodOfMonth = (pkg: CasePackageContent, month: string): FeeStandardPeriod | undefined =>
  periodsOfMonth(pkg, month).at(-1);

/** The standard a claimed month was billed under: its run of `feeStandards`, or, in older packages, `feeStandard`. */
export function standardOfMonth(pkg: CasePackageContent, month: string): { rateFenPerM2Month: Fen } | undefined {
  return pkg.feeStandards ? periodOfMonth(pkg, month) : pkg.feeStandard;
}

/**
 * Every inconsistency, in a fixed order (empty when none). The totals must be the exact sums of the lines they
 * summarise, and each month's line must use the property's floor area and the rate filed for that month, so the
 * figures the court reads agree with each other.
 */
export function casePackageProblems(pkg: CasePackage): CasePackageProblem[] {
  const problems: CasePackageProblem[] = [];
  const sum = (amounts: number[]) => amounts.reduce((a, b) => a + b, 0);
  const roles = pkg.parties.map((p) => p.role);
  if (roles.filter((r) => r === 'PLAINTIFF').length !== 1) problems.push('NEEDS_ONE_PLAINTIFF');
  if (!roles.includes('DEFENDANT')) problems.push('NEEDS_A_DEFENDANT');
  if (pkg.contract.filingRecordNumber.trim() === '') problems.push('FILING_RECORD_MISSING');
  const { claims } = pkg;
  if (sum(pkg.arrearsLines.map((l) => l.amountFen)) !== claims.feeTotalFen) problems.push('FEE_TOTAL_MISMATCH');
  if (sum(pkg.penaltyLines.map((l) => l.amountFen)) !== claims.penaltyTotalFen) problems.push('PENALTY_TOTAL_MISMATCH');
  if (
    sum((pkg.otherClaimLines ?? []).map((l) => l.amountFen)) !== (claims.otherClaimsTotalFen ?? 0) ||
    claims.amountInDisputeFen !== claims.feeTotalFen + claims.penaltyTotalFen + (claims.otherClaimsTotalFen ?? 0) ||
    claims.grandTotalFen !== claims.amountInDisputeFen + claims.costsTotalFen
  ) {
    problems.push('GRAND_TOTAL_MISMATCH');
  }
  if (pkg.arrearsLines.some((l) => l.floorAreaCentiM2 !== pkg.property.floorAreaCentiM2))
    problems.push('FLOOR_AREA_MISMATCH');
  // Each part of a month billed in parts at the rate of a run naming the month (its contract's filing).
  const partsFiled = (l: FeeLine) =>
    !l.parts ||
    l.parts.every((p) => periodsOfMonth(pkg, l.month).some((s) => s.rateFenPerM2Month === p.rateFenPerM2Month));
  if (
    pkg.arrearsLines.some(
      (l) => l.rateFenPerM2Month !== standardOfMonth(pkg, l.month)?.rateFenPerM2Month || !partsFiled(l),
    )
  )
    problems.push('RATE_MISMATCH');
  const [first, last] = [pkg.serviceTerm.startsOn.slice(0, 7), pkg.serviceTerm.endsOn.slice(0, 7)];
  if (pkg.arrearsLines.some((l) => l.month < first || l.month > last)) problems.push('MONTH_OUTSIDE_SERVICE_TERM');
  if (pkg.demands.length === 0) problems.push('NO_DEMAND_RECORDED');
  if (pkg.evidence.length === 0) problems.push('NO_EVIDENCE');
  if (pkg.evidence.some((e) => !SHA256_HEX.test(e.sha256))) problems.push('EVIDENCE_DIGEST_INVALID');
  const linkOk =
    pkg.version === 1
      ? pkg.previousDigest === null
      : Number.isSafeInteger(pkg.version) && pkg.version > 1 && SHA256_HEX.test(pkg.previousDigest ?? '');
  if (!linkOk) problems.push('BAD_VERSION_LINK');
  return problems;
}

function validated(pkg: CasePackage): CasePackage {
  canonicalJson(pkg); // throws on anything that is not a JSON value
  const problems = casePackageProblems(pkg);
  if (problems.length > 0) throw new InvalidInputError('The case package is inconsistent', { problems });
  return pkg;
}
