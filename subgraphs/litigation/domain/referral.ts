import {
  type AccountStatus,
  COURT_PROCEDURES,
  CaseStatus,
  type OwnersSideKind,
  ProposedProcedure,
  publishedLateFee,
} from '../../../catalog';
import { InvalidInputError } from '../../../kernel/errors';
import {
  IsoDate,
  addDays,
  compareDates,
  compareMonths,
  dateOutOfRange,
  earlierDate,
  isIsoDate,
  isOwnersDay,
  isOwnersMonth,
} from '../../../kernel/calendar';
import { ownerKey } from '../../../kernel/owner-key';
import { todayInChina } from '../../../kernel/clock';
import { utcInstant } from '../../../kernel/instant';
import { Fen, formatYuan } from '../../../kernel/money';
import { SHA256_HEX, canonicalJson, sha256Hex } from '../../../kernel/canonical-json';
import {
  CasePackageContent,
  EvidenceItem,
  FeeStandardPeriod,
  PackageLateFeeTerms,
  packageClaims,
} from './case-package';
import { COST_KINDS, ComplaintClaims, CostLine, buildComplaintClaims, monthChargedFen } from './claim';
import { Eligibility, FiledContract, OwedCharge, ReferralFacts, filedAndInForce } from './eligibility';
import { DemandPeriod } from './statutes';
import { HIRING_DECISION_MATTER, type RecordedJointDecision, namedDecisionProblems } from '../../../catalog';
import { EVIDENCE_LIMITS } from './evidence-file';
import { litigationError } from './errors';
import { performanceDueOnProblem } from './enforcement-deadline';
import { type SmallClaimsQuestion, isSmallClaims } from './procedure';

/**
 * From the hub's records to the court's papers: the arrears claim (as the arrears subgraph publishes it) and the
 * contract filings (as the contracts subgraph publishes them) become the facts eligibility is judged on and, for an
 * eligible referral, the element-based case package.
 */

/** A referral as the hub keeps it: what the company and the court read, and what its events are made from. */
export interface Referral {
  id: string;
  companyId: string;
  courtId: string;
  accountId: string;
  householdId: string;
  areaId: string;
  areaName: string;
  /** The contract the claim is under; null for an ineligible referral. */
  contractId: string | null;
  eligible: boolean;
  eligibility: Eligibility;
  /** Null for an ineligible referral: it was recorded with its reasons and sent to no court. */
  status: CaseStatus | null;
  /** When the court event that set the status occurred; null while SUBMITTED. */
  statusSince: string | null;
  procedure: ProposedProcedure | null;
  procedureReasons: { code: string; message: string }[];
  /** Fees and penalty (标的额), what decides the procedure. */
  amountInDisputeFen: Fen;
  grandTotalFen: Fen;
  caseNumber: string | null;
  /** The enforcement case number (执行案号) the enforcing court gave: at the start of enforcement, or with a listing. */
  enforcementCaseNumber: string | null;
  docketedOn: IsoDate | null;
  hearingOn: IsoDate | null;
  judgedFen: Fen | null;
  settledFen: Fen | null;
  decidedOn: IsoDate | null;
  extensionApprovedOn: IsoDate | null;
  /** The day the court converted the small claim to the simple or ordinary procedure (art. 169); null otherwise. */
  procedureChangedOn: IsoDate | null;
  /**
   * The last day of the performance period (or of the last instalment) the judgment, its correction or the settlement
   * sets, as the court reported it: the two years to apply for enforcement count from it (art. 250).
   */
  performanceDueOn: IsoDate | null;
  batchKey: string | null;
  submittedOn: IsoDate;
}

/** A referral that went to a court: eligible, so it has a status and a contract. */
export type SentReferral = Referral & { status: CaseStatus };

export const isSent = (referral: Referral): referral is SentReferral => referral.eligible && referral.status !== null;

/** What a company's referral records, eligible or not, before any court has reported on it. */
export interface NewReferral extends Pick<
  Referral,
  | 'id'
  | 'companyId'
  | 'courtId'
  | 'accountId'
  | 'householdId'
  | 'areaId'
  | 'areaName'
  | 'contractId'
  | 'eligible'
  | 'eligibility'
  | 'status'
  | 'procedure'
  | 'procedureReasons'
  | 'amountInDisputeFen'
  | 'grandTotalFen'
  | 'submittedOn'
> {
  /** The area's street and district, for the bureaus' statistics by jurisdiction. */
  streetCode: string;
  districtCode: string;
  /** The person who referred it (the token's subject). */
  submittedBy: string;
  /** What the company stated for the procedure (consent, exclusions): a corrected package is proposed on it again. */
  smallClaimsQuestion: SmallClaimsQuestion | null;
}

/** An eligible new referral: submitted to the court under a filed contract, with the procedure the hub proposes. */
export type SubmittedReferral = NewReferral & { status: 'SUBMITTED'; contractId: string; procedure: ProposedProcedure };

/** The parts of an arrears claim snapshot (arrears.claims.v1) a referral reads. */
export interface ClaimSnapshot {
  accountId: string;
  companyId: string;
  householdId: string;
  areaId: string;
  areaName: string;
  unit: string | null;
  room: string | null;
  floorAreaCentiM2: number | null;
  ownerReference: string | null;
  /** The day the owner became the owner, where the register recorded a change of owner; absent otherwise. */
  ownerSince?: IsoDate | null;
  /** The day the registered owner died, where the register recorded it; absent otherwise. */
  ownerDiedOn?: IsoDate | null;
  /** The arrears account's status when the snapshot was taken. */
  status: AccountStatus;
  asOf: IsoDate;
  charges: readonly {
    chargeId: string;
    kind: string;
    month: string;
    dueOn: IsoDate;
    filingId: string | null;
    floorAreaCentiM2: number;
    rateFen: number;
    /** A month charged by the day: the days served; absent for the whole month. */
    servedDays?: number;
    /**
     * A month billed in parts (a contract of the company ended within it and its renewal began): each contract's
     * filing, owner rate and days; `rateFen` and `filingId` are the last part's. Absent for a month of one rate.
     */
    parts?: readonly { filingId: string; rateFen: number; days: number }[];
    /** The fee as it stands (after corrections), paid and waived: arrears' claim event carries them (takenOffMonth). */
    amountFen?: Fen;
    paidFen?: Fen;
    waivedFen?: Fen;
    openFen: Fen;
    limitationEndsOn: IsoDate;
    /** Absent in snapshots published before arrears sent it. */
    limitationHeldOpen?: boolean;
    lateFeeFen: Fen;
    /**
     * The day what is open fell due: `dueOn`, but a raise by a correction, the part billed first settled, from its own
     * due date (arrears' due-parts.ts owedSince). Absent in snapshots published before arrears sent it: `dueOn`.
     */
    owedSince?: IsoDate;
  }[];
  /**
   * `chargeIds`: the charges each named; absent in snapshots published before arrears sent them. `deliveredOn`: a
   * letter's arrival, the day it took effect; null when not recorded, absent for other kinds and in older snapshots.
   */
  demands: readonly {
    kind: string;
    on: IsoDate;
    channel: string | null;
    chargeIds?: readonly string[];
    deliveredOn?: IsoDate | null;
  }[];
  mediationSessions: readonly { on: IsoDate; outcome: string }[];
}

/**
 * The days served under the filing: to its termination or agreed end; for a contract continuing after its term (Civil
 * Code art. 948, `servedTo` past `endsOn`) to its termination or the day before the next contract started, and while
 * neither has come, to `asOf`, the day the amounts are stated as of, with `continuedFrom` (before, the claim's months
 * past the term fell outside the service term and the package was refused as MONTH_OUTSIDE_SERVICE_TERM).
 */
export function serviceTermOf(
  filing: Pick<FilingRecord, 'terminatedOn' | 'servedTo' | 'terms'>,
  asOf: IsoDate,
): CasePackageContent['serviceTerm'] {
  const agreed = { startsOn: filing.terms.startsOn, agreedEndsOn: filing.terms.endsOn };
  const servedTo = filing.servedTo;
  if (!servedTo || compareDates(servedTo, filing.terms.endsOn) <= 0)
    return { ...agreed, endsOn: filing.terminatedOn ?? filing.terms.endsOn };
  const continuedFrom = addDays(filing.terms.endsOn, 1);
  const ended = compareDates(servedTo, asOf) <= 0 ? { continuationEndedOn: servedTo } : {};
  return { ...agreed, endsOn: earlierDate(servedTo, asOf), continuedFrom, ...ended };
}

/** A claim as stored from arrears.claims.v1: the snapshot, with the area's street and district. */
export type StoredClaim = ClaimSnapshot & { streetCode: string; districtCode: string };

/** A contract filing as the contracts feed published it (litigation.filing_snapshot). */
export interface FilingRecord {
  filingId: string;
  contractId: string;
  status: string;
  recordNumber: string | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /**
   * The last day served when the contract ended before its term: its termination, or a preliminary contract's end
   * by the area's regular contract taking effect (Civil Code art. 940); null while it runs its term.
   */
  terminatedOn: IsoDate | null;
  /**
   * The last day served (the snapshot's servedToSql): `terminatedOn ?? endsOn`, or past the term for a contract that
   * continues after it (Civil Code art. 948), '9999-12-31' while its end is unknown. Absent: `terminatedOn ?? endsOn`.
   */
  servedTo?: IsoDate;
  terms: {
    title: string;
    number: string;
    signedOn: IsoDate;
    startsOn: IsoDate;
    endsOn: IsoDate;
    parties: readonly { role: string; name: string; registration: string | null }[];
    /** Who signed for the owners, as the filing states it (the catalog's FilingTerms.ownersSide). */
    ownersSide?: { kind: OwnersSideKind; name: string };
    /** The owners' joint decision hiring the provider a regular contract names (checked when filed). */
    hiringDecisionId?: string;
    lateFee: PackageLateFeeTerms | null;
    /** The reasonable period after a demand the contract states (Civil Code art. 944 para. 2); absent: none. */
    demandPeriodDays?: number;
  };
}

/** The rate as the package's English computation line states it. */
const lateFeeRateInWords = (terms: PackageLateFeeTerms): string =>
  (terms.monthlyRatePerTenThousand != null
    ? `${terms.monthlyRatePerTenThousand}/10,000 a full month`
    : `${terms.dailyRatePerTenThousand}/10,000 a day`) + ` after ${terms.graceDays} days' grace`;

/**
 * A filing that was accepted stays proof of filing for the months it covered: after an amendment supersedes it or the
 * contract ends early, those months were still served under a filed contract (to the termination date).
 */
export function filedContracts(filings: readonly FilingRecord[]): FiledContract[] {
  return filings.filter(isFiled).map(filedContractOf);
}

const isFiled = (f: FilingRecord) =>
  f.recordNumber !== null && ['ACCEPTED', 'SUPERSEDED', 'TERMINATED'].includes(f.status);

const filedContractOf = (f: FilingRecord): FiledContract => ({
  contractId: f.contractId,
  status: 'ACCEPTED',
  startsOn: f.startsOn,
  endsOn: f.servedTo ?? f.terminatedOn ?? f.endsOn,
  filingRecordNumber: f.recordNumber,
});

/**
 * The reasonable period the contract itself states, if any: the area's filed contract most recently in force (its
 * current filing, accepted or terminated, not a superseded version) governs the demand made under it.
 */
export function contractDemandPeriod(filings: readonly FilingRecord[]): { contractId: string; days: number } | null {
  const current = filings
    .filter((f) => f.recordNumber !== null && (f.status === 'ACCEPTED' || f.status === 'TERMINATED'))
    .sort((a, b) => compareDates(b.terminatedOn ?? b.endsOn, a.terminatedOn ?? a.endsOn));
  const days = current[0]?.terms.demandPeriodDays;
  return days == null ? null : { contractId: current[0].contractId, days };
}

/**
 * What a claimed month's line takes off its charge to leave what is open: what was paid, waived (减免) and corrected
 * off the bill (核减), as the claim gives them (before, all of it was stated as paid, so the complaint said an owner
 * had paid what the company forgave). A claim without them, or a fee corrected above floor area × rate, states the
 * difference as paid, as before.
 */
function takenOffMonth(
  chargedFen: Fen,
  c: ClaimSnapshot['charges'][number],
): { paidFen: Fen; waivedFen: Fen; correctedFen: Fen } {
  if (c.amountFen == null || c.paidFen == null || c.waivedFen == null || c.amountFen > chargedFen)
    return { paidFen: Math.max(0, chargedFen - c.openFen), waivedFen: 0, correctedFen: 0 };
  return { paidFen: c.paidFen, waivedFen: c.waivedFen, correctedFen: chargedFen - c.amountFen };
}

/** Only the company's service fees are its claim; a levy is owed into the owners' own account, not to the company. */
const claimedCharges = (claim: ClaimSnapshot) => claim.charges.filter((c) => c.kind === 'SERVICE_FEE' && c.openFen > 0);

/** Whether a filed version was in force on a day of the month (eligibility.ts filedAndInForce). */
const inForceIn = (f: FilingRecord, month: string) => isFiled(f) && filedAndInForce(filedContractOf(f), month);

/**
 * The contract a charge was billed under: its filing's; when that filing is not known here, the one filed contract in
 * force in its month; null when none is, or more than one (a month of a change of provider).
 */
function contractOfCharge(filings: readonly FilingRecord[], charge: { month: string; filingId: string | null }) {
  const billedUnder = charge.filingId ? filings.find((f) => f.filingId === charge.filingId) : undefined;
  if (billedUnder) return billedUnder.contractId;
  const inForce = new Set(filings.filter((f) => inForceIn(f, charge.month)).map((f) => f.contractId));
  return inForce.size === 1 ? [...inForce][0] : null;
}

/** The day what is open on a claimed month fell due (ClaimSnapshot charges' owedSince), else its `dueOn`. */
export const owedSinceOf = (c: { dueOn: IsoDate; owedSince?: IsoDate }): IsoDate => c.owedSince ?? c.dueOn;

export function referralFacts(
  claim: ClaimSnapshot,
  filings: readonly FilingRecord[],
  referralDate: IsoDate,
  mediationWaivedOn: IsoDate | null,
  demandPeriod: DemandPeriod,
  decidedMonths: readonly string[] = [],
  /** The contract the company sues under, when it names one (eligibility.ts OTHER_CONTRACT). */
  contractId: string | null = null,
): ReferralFacts {
  return {
    referralDate,
    demandPeriod,
    decidedMonths,
    contractId,
    ownerSince: claim.ownerSince ?? null,
    ownerDiedOn: claim.ownerDiedOn ?? null,
    charges: claimedCharges(claim).map((c): OwedCharge => ({
      month: c.month,
      amountFen: c.openFen,
      // The day what is open fell due: a raise is not yet due, nor demanded, before its own due date.
      dueOn: owedSinceOf(c),
      limitationEndsOn: c.limitationEndsOn,
      limitationHeldOpen: c.limitationHeldOpen ?? false,
      contractId: contractOfCharge(filings, c),
    })),
    contracts: filedContracts(filings),
    // A letter demands payment once it reaches the owner (Civil Code art. 137 para. 2), as arrears counts it for
    // limitation: its arrival not recorded (null), it has demanded nothing yet; a snapshot without the field (other
    // kinds, letters recorded before arrivals were) dates it by its sending.
    demands: claim.demands
      .filter((d) => d.deliveredOn !== null)
      .map((d) => ({
        date: d.deliveredOn ?? d.on,
        channel: demandChannel(d),
        months: d.chargeIds
          ? [...new Set(claim.charges.filter((c) => d.chargeIds!.includes(c.chargeId)).map((c) => c.month))]
          : null,
      })),
    mediationSessions: claim.mediationSessions.map((s) => ({ heldOn: s.on, outcome: s.outcome })),
    mediationWaivedOn,
  };
}

/** How a demand is named in the facts and the package: its kind, with the channel of a message (`MESSAGE (WECHAT)`). */
const demandChannel = (d: { kind: string; channel?: string | null }) =>
  d.channel ? `${d.kind} (${d.channel})` : d.kind;

export interface PackageInput {
  referralId: string;
  claim: ClaimSnapshot;
  /** The months eligibility found claimable (time-barred ones are left out). */
  claimableMonths: readonly string[];
  filings: readonly FilingRecord[];
  evidence: readonly EvidenceItem[];
  costs: readonly CostLine[];
  /** The contract the company sues under, when it named one. */
  contractId?: string | null;
  /** The company asks for the late fee on until the day paid (至实际清偿之日止): kept only where a late fee is claimed. */
  lateFeeUntilPaid?: boolean;
  /** The owners' joint decisions the area's filings name as hiring the provider, as the governance feed published them. */
  hiringDecisions?: readonly HiringDecisionRecord[];
}

/** An owners' joint decision as litigation keeps it (platform/read-models/joint-decisions.ts). */
export type HiringDecisionRecord = Pick<RecordedJointDecision, 'decisionId' | 'areaId' | 'matter' | 'heldOn' | 'valid'>;

/**
 * When the owners chose the provider, for the complaint (Civil Code art. 939: the contract binds the owner sued, who
 * did not sign it, as one with the provider the owners' assembly chose lawfully): the decision the filing names, where
 * it is the claim's area's, valid, on hiring or dismissing the provider and held by the signing day, as contracts
 * checked it when filed. One not yet known here (its consumer catching up) is refused before (hiring-decisions.lookup.ts
 * HIRING_DECISION_NOT_YET_RECORDED), so it is not left out of a package for good.
 */
function hiringDecisionOf(
  filing: FilingRecord,
  areaId: string,
  decisions: readonly HiringDecisionRecord[],
): { decisionId: string; heldOn: IsoDate } | null {
  // Both in lower case: the filing's terms as normalised when filed, the kept copy from its uuid column.
  const named = filing.terms.hiringDecisionId;
  const decision = named ? decisions.find((d) => d.decisionId === named) : undefined;
  const heldBy = filing.terms.signedOn;
  if (!decision || namedDecisionProblems(decision, { areaId, matter: HIRING_DECISION_MATTER, heldBy }).length > 0)
    return null;
  return { decisionId: decision.decisionId, heldOn: decision.heldOn };
}

const yuan = (fen: Fen) => `¥${formatYuan(fen)}`;

/**
 * How much a referral lists: each list is copied into the case package and complaint of every account referred
 * (up to 200), so unbounded it let one request of 1 MiB ask for packages and documents thousands of rows long. At
 * most as many pieces of evidence as a referral may hold files, and 20 costs.
 */
export const MAX_EVIDENCE_ITEMS = EVIDENCE_LIMITS.maxFiles;
export const MAX_COST_LINES = 20;

/**
 * Checks the costs a company claims besides the arrears: a kind (court costs or another claim, claim.ts COST_KINDS),
 * a label and whole fen each, at most 20.
 */
export function validateCosts(costs: readonly CostLine[]): Record<string, string> {
  const fields: Record<string, string> = {};
  if (costs.length > MAX_COST_LINES) fields.costs = `at most ${MAX_COST_LINES} costs`;
  else
    costs.forEach((c, i) => {
      if (!(COST_KINDS as readonly unknown[]).includes(c.kind))
        fields[`costs[${i}].kind`] = `one of ${COST_KINDS.join(', ')}`;
      if (typeof c.label !== 'string' || c.label.trim() === '') fields[`costs[${i}].label`] = 'name the cost';
      // Court costs may be claimed at 0 (the court assesses them); another claim of nothing is no claim.
      const least = c.kind === 'OTHER_CLAIM' ? 1 : 0;
      if (!Number.isSafeInteger(c.amountFen) || c.amountFen < least)
        fields[`costs[${i}].amountFen`] = least === 1 ? 'whole fen, more than 0' : 'whole fen, 0 or more';
    });
  return fields;
}

/**
 * Checks the evidence a company lists: a name, a type and the SHA-256 of the file's bytes each, and where it comes from
 * if stated, at most 50.
 */
export function validateEvidence(evidence: readonly EvidenceItem[]): EvidenceItem[] {
  const fields: Record<string, string> = {};
  if (evidence.length > MAX_EVIDENCE_ITEMS) {
    throw new InvalidInputError('The evidence list is invalid', {
      fields: { evidence: `at most ${MAX_EVIDENCE_ITEMS} pieces of evidence` },
    });
  }
  evidence.forEach((e, i) => {
    if (typeof e.name !== 'string' || e.name.trim() === '') fields[`evidence[${i}].name`] = 'name the evidence';
    if (typeof e.type !== 'string' || e.type.trim() === '')
      fields[`evidence[${i}].type`] = 'give its type, e.g. CONTRACT, DEMAND_LETTER';
    if (typeof e.sha256 !== 'string' || !SHA256_HEX.test(e.sha256))
      fields[`evidence[${i}].sha256`] = '64 lower-case hex digits';
    if (e.origin != null && (typeof e.origin !== 'string' || e.origin.trim() === ''))
      fields[`evidence[${i}].origin`] = 'say where it comes from, or leave it out';
  });
  if (evidence.length === 0) fields.evidence = 'list at least one piece of evidence with its SHA-256';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The evidence list is invalid', { fields });
  // The origin only where stated, so a retry of a referral sent before it existed still matches its key.
  return evidence.map((e) => ({
    name: e.name.trim(),
    type: e.type.trim(),
    sha256: e.sha256,
    ...(e.origin != null ? { origin: e.origin.trim() } : {}),
  }));
}

/**
 * The filing a package is drawn up under: the one the latest claimed month was billed under; when that filing is not
 * known here, the latest filed version in force in that month, a current version before a superseded one (before,
 * any filing with a record number, which could be another, long-ended contract). With `contractId` (the contract the
 * company sues under), that contract's only.
 */
function filingOfLatestMonth(
  filings: readonly FilingRecord[],
  latest: { month: string; filingId: string | null },
  contractId: string | null,
) {
  const ofContract = filings.filter((f) => !contractId || f.contractId === contractId);
  const billedUnder = ofContract.find((f) => f.filingId === latest.filingId);
  if (billedUnder) return billedUnder;
  const superseded = (f: FilingRecord) => (f.status === 'SUPERSEDED' ? 1 : 0);
  return ofContract
    .filter((f) => inForceIn(f, latest.month))
    .sort((a, b) => superseded(a) - superseded(b) || compareDates(b.startsOn, a.startsOn))[0];
}

/**
 * The case package's content and the claims behind it. The filing is the one of the latest claimed month, and every
 * month claimed was billed under its contract (CLAIM_SPANS_CONTRACTS otherwise: eligibility refuses such a claim
 * first); each month's line is floor area × the filed rate less what was paid, so it equals what is open for the
 * month. The late fee of each month is quoted as the arrears rules computed it, on the contract's terms.
 */
export function casePackageContent(input: PackageInput): {
  content: CasePackageContent;
  claims: ComplaintClaims;
  filing: FilingRecord;
  /** The claim snapshot's charges the package claims, for the submission's event (arrears' limitation). */
  chargeIds: string[];
} {
  const { claim } = input;
  const charges = claimedCharges(claim)
    .filter((c) => input.claimableMonths.includes(c.month))
    .sort((a, b) => compareMonths(a.month, b.month));
  const latest = charges[charges.length - 1];
  const filing = latest && filingOfLatestMonth(input.filings, latest, input.contractId ?? null);
  if (!latest || !filing)
    throw new InvalidInputError('Nothing claimable, or no filing to refer it under', {
      problems: ['NOTHING_TO_PACKAGE'],
    });
  const otherContracts = charges.filter((c) => {
    const contractId = contractOfCharge(input.filings, c);
    return contractId !== null && contractId !== filing.contractId;
  });
  if (otherContracts.length > 0)
    throw litigationError(
      'CLAIM_SPANS_CONTRACTS',
      `Months billed under another contract than ${filing.terms.number} cannot be claimed in its package`,
      { months: otherContracts.map((c) => c.month) },
    );
  const floorArea = claim.floorAreaCentiM2 ?? latest.floorAreaCentiM2;
  // Each month's own filed version (an amendment of the contract may have changed its rate or late-fee terms since).
  const filingOfMonth = (c: (typeof charges)[number]) => input.filings.find((f) => f.filingId === c.filingId) ?? filing;
  const claims = buildComplaintClaims({
    arrears: charges.map((c) => {
      const month = {
        month: c.month,
        floorAreaCentiM2: c.floorAreaCentiM2,
        rateFenPerM2Month: c.rateFen,
        servedDays: c.servedDays ?? null,
        parts: c.parts ? c.parts.map((p) => ({ rateFenPerM2Month: p.rateFen, days: p.days })) : null,
      };
      return { ...month, ...takenOffMonth(monthChargedFen(month), c) };
    }),
    penalties: charges
      .filter((c) => c.lateFeeFen > 0)
      .map((c) => {
        const terms = filingOfMonth(c).terms.lateFee;
        return {
          label: `Late fee on ${c.month}`,
          amountFen: c.lateFeeFen,
          computation:
            `${yuan(c.openFen)} unpaid since ${owedSinceOf(c)}, at the contract's late-fee terms` +
            (terms ? ` (${lateFeeRateInWords(terms)})` : '') +
            `, to ${claim.asOf}`,
        };
      }),
    costs: input.costs,
  });
  const provider = filing.terms.parties.find((p) => p.role === 'PROVIDER');
  // Who signed for the owners, as the filing states it (Civil Code art. 939: the contract binds the owner sued though
  // they did not sign it); not the first owners'-side party listed, which may be a developer beside the committee.
  const { ownersSide } = filing.terms;
  const hiringDecision = hiringDecisionOf(filing, claim.areaId, input.hiringDecisions ?? []);
  const address = `${claim.areaName} ${claim.unit ?? ''}-${claim.room ?? ''}`.trim();
  const owner = claim.ownerReference ?? claim.householdId;
  const content: CasePackageContent = {
    referralId: input.referralId,
    parties: [
      {
        role: 'PLAINTIFF',
        kind: 'COMPANY',
        name: provider?.name ?? claim.companyId,
        identifier: claim.companyId,
        address: 'as registered',
      },
      { role: 'DEFENDANT', kind: 'PERSON', name: `Owner of ${address}`, identifier: owner, address },
    ],
    claims: packageClaims(claims),
    contract: {
      name: filing.terms.title,
      number: filing.terms.number,
      signedOn: filing.terms.signedOn,
      filingRecordNumber: filing.recordNumber ?? '',
      ...(ownersSide ? { ownersSide: { kind: ownersSide.kind, name: ownersSide.name } } : {}),
      ...(hiringDecision ? { hiringDecision } : {}),
    },
    property: { address, floorAreaCentiM2: floorArea, owner },
    feeStandard: {
      rateFenPerM2Month: latest.rateFen,
      description: `${yuan(latest.rateFen)} per m² of floor area per month, the owner rate filed under ${filing.recordNumber}`,
    },
    // A month billed in parts is in the run of each part's filing and rate, the month's own filing's last.
    feeStandards: standardPeriods(
      charges.flatMap((c) =>
        c.parts
          ? c.parts.map((p) => ({
              month: c.month,
              rateFen: p.rateFen,
              filing: input.filings.find((f) => f.filingId === p.filingId) ?? filingOfMonth(c),
            }))
          : [{ month: c.month, rateFen: c.rateFen, filing: filingOfMonth(c) }],
      ),
    ),
    serviceTerm: serviceTermOf(filing, claim.asOf),
    arrearsLines: claims.feeLines,
    penaltyLines: claims.penaltyLines,
    ...(claims.otherClaimLines.length > 0 ? { otherClaimLines: claims.otherClaimLines } : {}),
    lateFeeTerms: filing.terms.lateFee ? publishedLateFee(filing.terms.lateFee) : null,
    amountsAsOf: claim.asOf,
    // Every demand made on the owner sued (not on a former owner: kernel isOwnersDay), a letter with its arrival (null:
    // not recorded, which the complaint says).
    demands: claim.demands
      .filter((d) => isOwnersDay(d.on, claim.ownerSince))
      .map((d) => ({
        date: d.on,
        channel: demandChannel(d),
        ...(d.deliveredOn !== undefined ? { deliveredOn: d.deliveredOn } : {}),
      })),
    evidence: [...input.evidence],
    // Only where asked and a late fee is claimed: a package made before, or without it, says 否.
    ...(input.lateFeeUntilPaid && claims.penaltyLines.length > 0 ? { lateFeeUntilPaid: true as const } : {}),
  };
  return { content, claims, filing, chargeIds: charges.map((c) => c.chargeId) };
}

/**
 * Whether the claim as it stands now still has the owner the referral sued: the owner its first package named (the
 * household's id where the claim named none), owning every month claimed. A sale or heirs registered since the
 * referral (or the day of ownership moved past a month claimed) makes a correction, built from the claim as it stands,
 * name the new owner as the defendant for the former owner's months and drop the demands made on the former owner.
 * The party stays the one sued (SPC interpretation of the Civil Procedure Law art. 249; Civil Code art. 944 para. 1
 * puts each month on its owner), so such a correction is refused (OWNER_CHANGED_SINCE_REFERRAL): the company withdraws
 * the referral and refers the new owner's own months in a case of their own.
 */
export function ownerChangedSinceReferral(
  referredOwner: string,
  claim: Pick<ClaimSnapshot, 'ownerReference' | 'ownerSince' | 'householdId'>,
  claimedMonths: readonly string[],
): { owner: boolean; months: string[] } | null {
  const owner = ownerKey(claim.ownerReference ?? claim.householdId) !== ownerKey(referredOwner);
  const months = claimedMonths.filter((m) => !isOwnersMonth(m, claim.ownerSince)).sort(compareMonths);
  return owner || months.length > 0 ? { owner, months } : null;
}

/**
 * The claimed months, in month order, as runs of one filed version and rate (case-package.ts FeeStandardPeriod). A
 * month billed in parts ends the run of its first part's filing and begins its last part's: two runs name it, the
 * month's own (its last part's, periodOfMonth) the later.
 */
function standardPeriods(
  months: readonly { month: string; rateFen: Fen; filing: FilingRecord }[],
): FeeStandardPeriod[] {
  const periods: (FeeStandardPeriod & { filingId: string })[] = [];
  for (const { month, rateFen, filing } of months) {
    const last = periods[periods.length - 1];
    if (last && last.filingId === filing.filingId && last.rateFenPerM2Month === rateFen) last.toMonth = month;
    else
      periods.push({
        filingId: filing.filingId,
        fromMonth: month,
        toMonth: month,
        filingRecordNumber: filing.recordNumber ?? '',
        rateFenPerM2Month: rateFen,
        lateFeeTerms: filing.terms.lateFee ? publishedLateFee(filing.terms.lateFee) : null,
      });
  }
  return periods.map(({ filingId: _, ...period }) => period);
}

/**
 * The digest of what a court report says about a referral (its details as recorded, canonical JSON): a report
 * re-sent under the same event id must say the same, or it is EVENT_ID_REUSED.
 */
export const courtReportDigest = (referralId: string, details: Readonly<Record<string, unknown>>): string =>
  sha256Hex(canonicalJson({ referralId, ...details }));

/** What a court event changes on the referral besides its status, checked: a docketing needs the case number, and so on. */
export interface CourtEventDetails {
  kind: string;
  occurredAt: string;
  caseNumber?: string | null;
  procedure?: string | null;
  hearingOn?: string | null;
  judgedFen?: number | null;
  settledFen?: number | null;
  performanceDueOn?: string | null;
}

export interface CourtEventEffect {
  caseNumber?: string;
  enforcementCaseNumber?: string;
  /** The procedure the court docketed the case under (or converted it to): it replaces the hub's proposal. */
  procedure?: string;
  /** The day the court converted the small claim to the simple or ordinary procedure (art. 169). */
  procedureChangedOn?: IsoDate;
  docketedOn?: IsoDate;
  hearingOn?: IsoDate;
  judgedFen?: Fen;
  settledFen?: Fen;
  decidedOn?: IsoDate;
  performanceDueOn?: IsoDate;
}

/** A value a report gives differently from what the hub recorded of the case. */
export interface Contradiction {
  field: 'caseNumber' | 'enforcementCaseNumber' | 'judgedFen' | 'settledFen' | 'hearingOn' | 'performanceDueOn';
  recorded: string | number;
  reported: string | number;
}

/**
 * What a report repeating a step the case has taken (judged DUPLICATE or STALE) says differently from the record: its
 * case number, or the amount judged or settled. Before, such a report was stored as a repeat and answered as applied,
 * the court's new figure silently dropped; now it is refused (REPORT_CONTRADICTS_RECORD), naming each difference. A
 * report that fills what is not recorded yet (a judgment arriving after enforcement) contradicts nothing; a ruling that
 * corrects the judgment is its own step (JUDGMENT_CORRECTED). A hearing reported at the very instant of the one
 * recorded (DUPLICATE) with another date contradicts it too: a reschedule is news only with a later time, and before,
 * one sent with the same time (a court system keeping days only, or the console's day at 00:00) was taken as the
 * repeat and dropped, the parties told the old date. An older hearing (STALE) is history, not a contradiction.
 */
export function contradictions(
  recorded: Pick<Referral, 'caseNumber' | 'enforcementCaseNumber' | 'judgedFen' | 'settledFen' | 'hearingOn'> &
    Partial<Pick<Referral, 'performanceDueOn'>>,
  effect: CourtEventEffect,
  verdict: 'DUPLICATE' | 'STALE',
): Contradiction[] {
  const found: Contradiction[] = [];
  const fields: Contradiction['field'][] = [
    'caseNumber',
    'enforcementCaseNumber',
    'judgedFen',
    'settledFen',
    'performanceDueOn',
  ];
  if (verdict === 'DUPLICATE') fields.push('hearingOn');
  for (const field of fields) {
    const [was, now] = [recorded[field] ?? null, effect[field]];
    if (was !== null && now !== undefined && was !== now) found.push({ field, recorded: was, reported: now });
  }
  return found;
}

/**
 * A ruling correcting the judgment (case-status.ts JUDGMENT_CORRECTION), against the amount the hub recorded: none
 * recorded (a settled case, or a judgment still on its way) is nothing to correct; the same amount is a repeat,
 * unless the ruling gives another last day of the performance period than recorded (or one where none was): a
 * judgment reported without it gets it that way, and the enforcement period counts from it (art. 250).
 */
export function correctionVerdict(
  recordedJudgedFen: Fen | null,
  effect: CourtEventEffect,
  recordedPerformanceDueOn: IsoDate | null = null,
): 'APPLY' | 'DUPLICATE' | 'INVALID' {
  if (recordedJudgedFen === null) return 'INVALID';
  const newPerformanceDue =
    effect.performanceDueOn !== undefined && effect.performanceDueOn !== recordedPerformanceDueOn;
  return effect.judgedFen === recordedJudgedFen && !newPerformanceDue ? 'DUPLICATE' : 'APPLY';
}

/**
 * Whether the amount judged exceeds all that was claimed (the claims and costs, grandTotalFen): a court awards no more
 * than asked (an award beyond the claims is a retrial ground, Civil Procedure Law art. 211 item 11), so it is almost
 * surely a typing error in the report, flagged for the parties to check with the court, never refused (the court's
 * judgment is what it is). Not where the package asks for the late fee until paid: that claim grows to the judgment's
 * day, so the award may rightly exceed the amounts computed at referral.
 */
export const judgmentAboveClaim = (judgedFen: Fen | null, grandTotalFen: Fen, lateFeeUntilPaid: boolean): boolean =>
  judgedFen !== null && !lateFeeUntilPaid && judgedFen > grandTotalFen;

/**
 * A conversion of a small claim (case-status.ts PROCEDURE_CHANGE), against the procedure recorded: only a small claim
 * is converted (the procedure the court docketed it under, or the hub's proposal where the docketing named none); one
 * converted already is a repeat; any other case has nothing to convert.
 */
export function procedureChangeVerdict(
  recorded: Pick<Referral, 'procedure' | 'procedureChangedOn'>,
): 'APPLY' | 'DUPLICATE' | 'INVALID' {
  if (recorded.procedureChangedOn !== null) return 'DUPLICATE';
  return isSmallClaims(recorded.procedure) ? 'APPLY' : 'INVALID';
}

/**
 * A ruling correcting the judgment that gives the last day of the performance period, against the day of the judgment
 * it corrects (`judgedOn`, recorded), not the ruling's own: the correction is how an appealable judgment reported
 * without the period gets it (README › Litigation referrals), and it usually comes after the period ended. Before, it
 * was bounded by the ruling's day, so such a period was refused (BAD_USER_INPUT) and the deadline stayed undated for
 * good. Refused as courtEventEffect refuses (InvalidInputError naming performanceDueOn); nothing to check without a
 * judgment recorded (the correction is then INVALID: correctionVerdict).
 */
export function assertCorrectionPerformanceDue(effect: CourtEventEffect, judgedOn: IsoDate | null): void {
  if (effect.performanceDueOn === undefined || judgedOn === null) return;
  const problem = performanceDueOnProblem(effect.performanceDueOn, judgedOn, "the judgment's day");
  if (problem)
    throw new InvalidInputError('The JUDGMENT_CORRECTED report is incomplete', {
      fields: { performanceDueOn: problem },
    });
}

/** The reports that may give the last day of the performance period: a judgment, its correction, a settlement. */
export const PERFORMANCE_DUE_KINDS: readonly string[] = ['JUDGED', 'JUDGMENT_CORRECTED', 'SETTLED'];

export function courtEventEffect(event: CourtEventDetails): CourtEventEffect {
  const fields: Record<string, string> = {};
  // The court's calendar day: a docketing at 23:30 UTC on 28 February is on 1 March in China (the small-claims
  // decision period counts from it).
  const when = typeof event.occurredAt === 'string' ? utcInstant(event.occurredAt) : undefined;
  const on = when ? todayInChina(new Date(when)) : '';
  const wholeFen = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  let effect: CourtEventEffect = {};
  // The performance period's last day (art. 250), with a judgment, its correction or a settlement only; bounded by the
  // report's day for a judgment or settlement, by the recorded judgment's for a correction (assertCorrectionPerformanceDue).
  let performanceDue: { performanceDueOn?: IsoDate } = {};
  if (event.performanceDueOn !== null && event.performanceDueOn !== undefined && on) {
    const problem = !PERFORMANCE_DUE_KINDS.includes(event.kind)
      ? `only with ${PERFORMANCE_DUE_KINDS.join(', ')}`
      : performanceDueOnProblem(event.performanceDueOn, event.kind === 'JUDGMENT_CORRECTED' ? null : on);
    if (problem) fields.performanceDueOn = problem;
    else performanceDue = { performanceDueOn: event.performanceDueOn };
  }
  switch (event.kind) {
    case 'DOCKETED':
      if (typeof event.caseNumber !== 'string' || event.caseNumber.trim() === '')
        fields.caseNumber = 'a docketing gives the court case number (案号)';
      if (
        event.procedure !== null &&
        event.procedure !== undefined &&
        !(COURT_PROCEDURES as readonly string[]).includes(event.procedure)
      ) {
        fields.procedure = `one of ${COURT_PROCEDURES.join(', ')}`;
      }
      if (Object.keys(fields).length === 0)
        effect = {
          caseNumber: String(event.caseNumber).trim(),
          docketedOn: on,
          ...(event.procedure ? { procedure: event.procedure } : {}),
        };
      break;
    case 'HEARING_SCHEDULED': {
      // The LocalDate range, counted from the report's day (a court's Kafka report took year 9999 that GraphQL refuses).
      const outOfRange = isIsoDate(event.hearingOn) && on ? dateOutOfRange(event.hearingOn, on) : undefined;
      if (!isIsoDate(event.hearingOn)) fields.hearingOn = 'the hearing date, YYYY-MM-DD';
      else if (outOfRange) fields.hearingOn = `the hearing date ${outOfRange}`;
      else effect = { hearingOn: event.hearingOn };
      break;
    }
    case 'PROCEDURE_CHANGED':
      // Art. 169: to the simple procedure's other rules or the ordinary procedure, both SIMPLE_OR_ORDINARY here.
      if (event.procedure !== 'SIMPLE_OR_ORDINARY')
        fields.procedure = 'SIMPLE_OR_ORDINARY: the procedure the small claim is converted to (art. 169)';
      else effect = { procedure: event.procedure, procedureChangedOn: on };
      break;
    case 'JUDGED':
      if (!wholeFen(event.judgedFen)) fields.judgedFen = 'the amount awarded, whole fen';
      else effect = { judgedFen: event.judgedFen, decidedOn: on, ...performanceDue };
      break;
    case 'JUDGMENT_CORRECTED':
      // The judgment's day stays its own: the ruling corrects what it says, not when it was given.
      if (!wholeFen(event.judgedFen)) fields.judgedFen = 'the amount awarded as the ruling corrects it, whole fen';
      else effect = { judgedFen: event.judgedFen, ...performanceDue };
      break;
    case 'SETTLED':
      if (!wholeFen(event.settledFen)) fields.settledFen = 'the amount settled, whole fen';
      else effect = { settledFen: event.settledFen, decidedOn: on, ...performanceDue };
      break;
    case 'ENFORCEMENT_STARTED':
      // The enforcement case number (执行案号), where the court gives it: the case is enforced under its own number,
      // which the company needs to follow it; the docketing's case number stays as it was. Before, it was dropped.
      if (typeof event.caseNumber === 'string' && event.caseNumber.trim() !== '')
        effect = { enforcementCaseNumber: event.caseNumber.trim() };
      break;
    case 'DEBTOR_LISTED_DISHONEST':
      // The enforcement case number identifies the listing; the docketing's case number stays as it was.
      if (typeof event.caseNumber !== 'string' || event.caseNumber.trim() === '')
        fields.caseNumber = 'a listing gives the enforcement case number (执行案号)';
      else effect = { enforcementCaseNumber: event.caseNumber.trim() };
      break;
    default:
      break;
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError(`The ${event.kind} report is incomplete`, { fields });
  return effect;
}
