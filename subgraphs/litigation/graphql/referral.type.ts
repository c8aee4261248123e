import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  CASE_STATUSES,
  COURT_EVENT_KINDS,
  CourtEventKind,
  CourtProcedure,
  PROPOSED_PROCEDURES,
} from '../../../catalog';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import { COST_KINDS, CostKind } from '../domain/claim';
import { ENFORCEMENT_PERIOD_START_KINDS } from '../domain/enforcement-deadline';
import { PRIOR_OWNER_SOURCE, SMALL_CLAIMS_EXCLUSION_NAMES } from '../domain/statutes';
import { Fen, Key, LocalDate, Name, Note } from '../../../platform/graphql/scalars';

export const CaseStatusEnum = graphqlEnum(CASE_STATUSES);
export const CourtEventKindEnum = graphqlEnum(COURT_EVENT_KINDS);
export const SmallClaimsExclusionEnum = graphqlEnum(SMALL_CLAIMS_EXCLUSION_NAMES);
export const ProcedureEnum = graphqlEnum(PROPOSED_PROCEDURES);
export const CostKindEnum = graphqlEnum(COST_KINDS);
export const EnforcementPeriodStartEnum = graphqlEnum(ENFORCEMENT_PERIOD_START_KINDS);
registerEnumType(CostKindEnum, { name: 'CostKind' });
registerEnumType(EnforcementPeriodStartEnum, {
  name: 'EnforcementPeriodStart',
  description: 'What the two years to apply for enforcement count from (Civil Procedure Law art. 250).',
});
registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });
registerEnumType(CourtEventKindEnum, { name: 'CourtEventKind' });
registerEnumType(SmallClaimsExclusionEnum, {
  name: 'SmallClaimsExclusion',
  description: 'Civil Procedure Law art. 166.',
});
registerEnumType(ProcedureEnum, {
  name: 'Procedure',
  description:
    'UNDETERMINED: no small-claims threshold is recorded for the province of the area’s city and year (or the city names no province); the court decides.',
});

const FEN = { description: 'Whole fen (分).' };

/** `compoundId` was the first name of `areaId`: it stays, deprecated, for clients that still ask for it. */
export const AREA_ID_DEPRECATION = "Use areaId: it always held the property-management area's id";

/** The areas subgraph owns Household; a court reads the defendant's household (with the owner's name) through it. */
@ObjectType('Household')
@Directive('@key(fields: "id")')
export class HouseholdRef {
  @Field(() => ID) id!: string;
}

@ObjectType('ContractMonths', { description: 'The months billed under one contract.' })
export class ContractMonthsType {
  @Field(() => ID) contractId!: string;
  @Directive('@listSize(assumedSize: 60)')
  @Field(() => [String])
  months!: string[];
}

@ObjectType('EligibilityFailure')
export class EligibilityFailureType {
  @Field({
    description:
      'OWNER_DECEASED, NOTHING_OWED, NO_CLAIMABLE_CHARGES, CONTRACT_NOT_FILED, CLAIM_SPANS_CONTRACTS, NO_DEMAND_RECORDED, DEMAND_PERIOD_NOT_ELAPSED or MEDIATION_NOT_TRIED.',
  })
  code!: string;
  @Field() message!: string;
  @Directive('@listSize(assumedSize: 60)')
  @Field(() => [String], { nullable: true })
  months?: string[];
  @Field(() => String, {
    nullable: true,
    description:
      'DEMAND_PERIOD_NOT_ELAPSED: the last day of the reasonable period after the demand (Civil Code art. 944 para. 2); refer after it.',
  })
  elapsesOn?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "DEMAND_PERIOD_NOT_ELAPSED: who set the period's days: CONTRACT (the contract's own term), CITY (the city's settings) or HUB_DEFAULT (the hub operator's default).",
  })
  demandPeriodSetBy?: string | null;
  @Directive('@listSize(assumedSize: 3)')
  @Field(() => [ContractMonthsType], {
    nullable: true,
    description:
      'CLAIM_SPANS_CONTRACTS: the contracts the claimable months were billed under, each with its months; refer under one of them (ReferralInput.contractId).',
  })
  contracts?: ContractMonthsType[] | null;
}

@ObjectType('ExcludedCharge', {
  description: `A month left out of the claim, with the reason (OTHER_CONTRACT: billed under another contract than the one referred under; PRIOR_OWNER: the month began before the owner became the owner, so it is the former owner’s, ${PRIOR_OWNER_SOURCE}; ALREADY_DECIDED: an earlier referral of the account claimed it and the court judged or settled it; TIME_BARRED: Civil Code art. 188; NOT_YET_DUE: not past due on the referral date, art. 944; NOT_DEMANDED: no demand named it before the referral, art. 944 para. 2).`,
})
export class ExcludedChargeType {
  @Field() month!: string;
  @Field(() => Float, FEN) amountFen!: number;
  @Field() reason!: string;
}

@ObjectType('ClaimedMonth')
export class ClaimedMonthType {
  @Field() month!: string;
  @Field(() => Float, FEN) amountFen!: number;
  @Field() limitationEndsOn!: string;
}

@ObjectType('Eligibility')
export class EligibilityType {
  @Field() eligible!: boolean;
  @Directive('@listSize(assumedSize: 10)')
  @Field(() => [EligibilityFailureType])
  failures!: EligibilityFailureType[];
  @Directive('@listSize(assumedSize: 36)')
  @Field(() => [ClaimedMonthType])
  claimableCharges!: ClaimedMonthType[];
  @Directive('@listSize(assumedSize: 36)')
  @Field(() => [ExcludedChargeType])
  excludedCharges!: ExcludedChargeType[];
}

@ObjectType('ProcedureReason')
export class ProcedureReasonType {
  @Field() code!: string;
  @Field() message!: string;
}

@ObjectType('CasePackageVersion', {
  description: 'An immutable version of what the court receives; digest = SHA-256 of canonicalJson.',
})
export class CasePackageVersionType {
  @Field(() => Int) version!: number;
  @Field() digest!: string;
  @Field(() => String, { nullable: true }) previousDigest!: string | null;
  @Field(() => Int, { description: 'Its position in the evidence chain.' }) chainSequence!: number;
  @Field({ description: 'The package as canonical JSON (sorted keys, no spaces): hash it to check the digest.' })
  canonicalJson!: string;
  @Field() createdAt!: Date;
}

@ObjectType('EnforcementApplicationDeadline', {
  description:
    'The last day the referring company may apply to the court for enforcement of the judgment or settlement (Civil Procedure Law art. 250: two years), as the deadline register (upcomingDeadlines, kind ENFORCEMENT_APPLICATION) has it.',
})
export class EnforcementApplicationDeadlineType {
  @Field(() => LocalDate, { description: 'The day the two years count from; itself not counted (art. 85).' })
  countedFrom!: string;
  @Field(() => EnforcementPeriodStartEnum, {
    description:
      'PERFORMANCE_DUE: the last day of the performance period the court reported; SMALL_CLAIMS_JUDGMENT: the day of a small claim’s judgment, final when made (art. 165); MEDIATION_DOCUMENT: the day of the settlement, the mediation document taking effect when signed (art. 100).',
  })
  countedFromKind!: string;
  @Field(() => LocalDate, {
    description:
      'The last day to apply: the corresponding day two years on, moved past rest days and holidays to the next working day (art. 85); past the holiday data the hub holds, that day unmoved (provisional).',
  })
  dueOn!: string;
  @Field({
    description: 'dueOn lies past the holiday data: a later State Council notice may move it later, never earlier.',
  })
  provisional!: boolean;
  @Field(() => Int, { nullable: true, description: 'The year whose holiday notice dueOn awaits, when provisional.' })
  awaitsHolidayYear!: number | null;
  @Field(() => LocalDate, { nullable: true, description: 'The day the court reported enforcement started.' })
  metOn!: string | null;
  @Field({
    description: 'The case was closed without enforcement (the defendant paid): the deadline no longer applies.',
  })
  cancelled!: boolean;
  @Field() legalBasis!: string;
}

@ObjectType('CourtEventRecord')
export class CourtEventRecordType {
  @Field(() => CourtEventKindEnum) kind!: CourtEventKind;
  @Field() occurredAt!: string;
  @Field({
    description:
      "APPLY, DUPLICATE, STALE (an earlier step arriving late) or OVERRULED (the company's withdrawal, overruled by a step on the court's docket).",
  })
  verdict!: string;
  @Field() via!: string;
  @Field() receivedAt!: Date;
}

@ObjectType('Referral', { description: 'A household’s arrears referred to a court through the green channel.' })
export class ReferralType {
  @Field(() => ID) id!: string;
  @Field() companyId!: string;
  @Field() courtId!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => ID) householdId!: string;
  @Field(() => HouseholdRef, {
    nullable: true,
    description: 'The defendant’s household in the areas register, for those who may read it there.',
  })
  household!: HouseholdRef | null;
  @Field(() => ID) areaId!: string;
  @Field() areaName!: string;
  @Field(() => ID, { nullable: true }) contractId!: string | null;
  @Field() eligible!: boolean;
  @Field(() => EligibilityType) eligibility!: EligibilityType;
  @Field(() => CaseStatusEnum, { nullable: true, description: 'Null for an ineligible referral, which was not sent.' })
  status!: string | null;
  @Field(() => ProcedureEnum, { nullable: true }) procedure!: string | null;
  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [ProcedureReasonType])
  procedureReasons!: ProcedureReasonType[];
  @Field(() => Float, {
    description: 'Fees, penalty and other claims (标的额, court costs aside), in fen: what decides the procedure.',
  })
  amountInDisputeFen!: number;
  @Field(() => Float, FEN) grandTotalFen!: number;
  @Field(() => String, { nullable: true, description: 'The court case number (案号), once docketed.' }) caseNumber!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The enforcement case number (执行案号) the enforcing court gave with ENFORCEMENT_STARTED or a debtor listing.',
  })
  enforcementCaseNumber!: string | null;
  @Field(() => String, { nullable: true }) docketedOn!: string | null;
  @Field(() => String, { nullable: true }) hearingOn!: string | null;
  @Field(() => Float, { nullable: true }) judgedFen!: number | null;
  @Field(() => Float, { nullable: true }) settledFen!: number | null;
  @Field(() => String, { nullable: true }) decidedOn!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'When the one-month extension of a small claim was approved (art. 168).',
  })
  extensionApprovedOn!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'When the court converted the small claim to the simple or ordinary procedure (PROCEDURE_CHANGED, Civil Procedure Law art. 169): no longer decided within art. 168’s period, and its judgment appealable.',
  })
  procedureChangedOn!: string | null;
  /** Shown by ReferralResolver.performanceDueOn, to the referral's parties only. */
  performanceDueOn!: string | null;
  @Field(() => String, { nullable: true }) batchKey!: string | null;
  @Field() submittedOn!: string;
}

@ObjectType('CaseAcceptanceFee', {
  description:
    "The case acceptance fee (案件受理费) the statute gives for the referral's amount in dispute: the company pays it in advance (诉讼费用交纳办法 art. 20) and asks that the owner bear it (art. 29). The court assesses it; this is the budget figure before the court's notice.",
})
export class CaseAcceptanceFeeType {
  @Field(() => Fen, {
    description: 'Art. 13 item 1 on amountInDisputeFen, its bands summed and rounded half up to the fen.',
  })
  fullFen!: number;
  @Field(() => Fen, {
    description:
      'What is paid on docketing: half for a small claim, tried under the simple procedure (art. 16); the full fee for SIMPLE_OR_ORDINARY or UNDETERMINED, which the court halves if it tries the case under the simple procedure. A settlement by mediation or a withdrawal after docketing halves the fee (art. 15), once only (SPC interpretation of the Civil Procedure Law art. 206): the court refunds that part.',
  })
  onDocketingFen!: number;
  @Field(() => String, { nullable: true, description: 'The article that halves the fee on docketing, or null.' })
  halvedUnder!: string | null;
  @Field() legalBasis!: string;
}

@ObjectType('CaseAcceptanceFeeTotal', {
  description:
    "The case acceptance fees (案件受理费) of a consolidated batch's cases, added up: what the company prepays for the batch and its court collects (诉讼费用交纳办法 art. 20). Each case's fee is Referral.caseAcceptanceFee, on its own amount and procedure: the fee is per case (art. 13 item 1: 每件) and a joint hearing (合并审理) combines no amounts, so this is not the scale applied to the batch's combined amount.",
})
export class CaseAcceptanceFeeTotalType {
  @Field(() => Int, { description: 'The cases added up: the referrals of the batch.' })
  caseCount!: number;
  @Field(() => Int, { description: 'Of those, the cases whose fee is halved on docketing (art. 16).' })
  halvedCaseCount!: number;
  @Field(() => Fen, { description: "The sum of the cases' fullFen." })
  fullFen!: number;
  @Field(() => Fen, {
    description:
      "The sum of the cases' onDocketingFen: half for each small claim (art. 16), the full fee for each other case.",
  })
  onDocketingFen!: number;
  @Field() legalBasis!: string;
}

@ObjectType('ReferralPage')
export class ReferralPageType {
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [ReferralType])
  items!: ReferralType[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;
  /** Counts the matching referrals when `totalCount` is selected (ReferralPageResolver). */
  countTotal!: () => Promise<number>;
}

@ObjectType('ConsolidatedBatch', {
  description: 'Referrals of one court, plaintiff, compound and contract, for a joint hearing.',
})
export class ConsolidatedBatchType {
  @Field() batchKey!: string;
  @Field() courtId!: string;
  @Field() plaintiffId!: string;
  @Field(() => ID, { description: 'The property-management area of the referred households.' }) areaId!: string;
  @Field(() => ID, { deprecationReason: AREA_ID_DEPRECATION }) compoundId!: string;
  @Field(() => ID) contractId!: string;
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [ID])
  referralIds!: string[];
  @Field(() => String, { nullable: true }) splitFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'ACCEPTED once the court accepts the joint hearing.' })
  courtDecision!: string | null;
}

@ObjectType('PackageVerification')
export class PackageVerificationType {
  @Field() valid!: boolean;
  @Field(() => Int) version!: number;
  @Field({ description: 'The digest stored when the package was sent.' }) storedDigest!: string;
  @Field(() => String, { nullable: true, description: 'The digest of the package as stored now.' }) digest!:
    string | null;
  @Field(() => Int, { nullable: true, description: 'The chain entry recording this digest.' }) sequence!: number | null;
  @Field(() => Int, { nullable: true }) previousVersionSequence!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'CHAIN_BROKEN, PACKAGE_NOT_IN_CHAIN, PREVIOUS_VERSION_NOT_IN_CHAIN or PAYLOAD_NOT_JSON.',
  })
  reason!: string | null;
  @Field() chainValid!: boolean;
  @Field(() => Int, { nullable: true }) firstBrokenSequence!: number | null;
}

@ObjectType('OverdueSmallClaim')
export class OverdueSmallClaimType {
  @Field(() => ReferralType) referral!: ReferralType;
  @Field() dueOn!: string;
  @Field(() => Int) daysOverdue!: number;
  @Field() extended!: boolean;
  @Field({
    description:
      'The last day runs past the holiday data the hub holds: `dueOn` is the plain last day, which Civil Code art. 203 may move ' +
      'later once the arrangement for `awaitsHolidayYear` is recorded (holidayCalendar), so the case may not be overdue yet.',
  })
  provisional!: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'The year whose holiday arrangement a provisional due date awaits.',
  })
  awaitsHolidayYear!: number | null;
}

@ObjectType('ReferralStatistics', { description: 'Per compound and company; no household is named.' })
export class ReferralStatisticsType {
  @Field(() => ID) areaId!: string;
  @Field() areaName!: string;
  @Field() companyId!: string;
  @Field(() => Int) referrals!: number;
  @Field(() => Int) ineligible!: number;
  @Field(() => Int) open!: number;
  @Field(() => Int) judged!: number;
  @Field(() => Int) settled!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Float, FEN) amountInDisputeFen!: number;
  @Field(() => Float, FEN) judgedFen!: number;
  @Field(() => Float, FEN) settledFen!: number;
}

@InputType('EvidenceInput')
export class EvidenceInputType {
  @Field(() => Name) name!: string;
  @Field(() => Key, {
    description: 'e.g. CONTRACT, FILING_RECORD, FEE_NOTICE, DEMAND_LETTER, SERVICE_RECORD, MEDIATION_RECORD.',
  })
  type!: string;
  @Field(() => Key, { description: 'SHA-256 of the file, 64 lower-case hex digits.' }) sha256!: string;
  @Field(() => Name, {
    nullable: true,
    description:
      "Where it comes from (证据来源, Civil Procedure Law art. 124 item 4), e.g. 原告保存的合同原件, 邮政EMS回执: the complaint's evidence list states it, or leaves it to be filled in.",
  })
  origin?: string | null;
}

@InputType('CostInput')
export class CostInputType {
  @Field(() => CostKindEnum, {
    description:
      "COURT_COSTS: 诉讼费用 (case acceptance and application fees, witnesses' and experts' appearance costs: 诉讼费用交纳办法 art. 6), which the court assesses; the complaint asks that the defendant bear them, outside the amount in dispute. OTHER_CLAIM: any other sum, e.g. a lawyer's fee the contract puts on the owner: pleaded under 其他请求 and part of the amount in dispute (标的额) that decides the procedure.",
  })
  kind!: CostKind;
  @Field(() => Name) label!: string;
  @Field(() => Fen, FEN) amountFen!: number;
}

@InputType('ReferralInput')
export class ReferralInputType {
  @Field(() => Key) courtId!: string;
  @Field(() => [ID]) accountIds!: string[];
  @Field(() => [EvidenceInputType]) evidence!: EvidenceInputType[];
  @Field(() => [CostInputType], {
    nullable: true,
    description: "The case's costs: with one account only (BAD_USER_INPUT with several; each case has its own).",
  })
  costs?: CostInputType[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Both parties agree to small claims above the threshold (art. 165): the owner's own consent, so with one account only (BAD_USER_INPUT with several).",
  })
  bothPartiesConsent?: boolean | null;
  @Field(() => [SmallClaimsExclusionEnum], {
    nullable: true,
    description: 'The art. 166 exclusions, stated for each account referred.',
  })
  exclusions?: string[] | null;
  @Field(() => LocalDate, {
    nullable: true,
    description: 'When a party expressly declined mediation, if no session was held: stated for each account referred.',
  })
  mediationWaivedOn?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Ask for the late fee to run on until the day paid (是否请求支付至实际清偿之日止: 是), at the contract's standard, beside the fee computed to the claim's day; for each account referred. Only with a late fee claimed.",
  })
  lateFeeUntilPaid?: boolean | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "The contract to sue under, one of yours (else NOT_FOUND): each account's months billed under another contract, or whose contract cannot be told, are left out (OTHER_CONTRACT), to be referred once this case has ended (one pending referral per account). Needed when an account's months were billed under more than one contract (CLAIM_SPANS_CONTRACTS).",
  })
  contractId?: string | null;
  @Field(() => Key, {
    nullable: true,
    description: 'Your id of this referral (8–128 of A–Z a–z 0–9 . _ : -): a retry with it returns the same referrals.',
  })
  idempotencyKey?: string | null;
}

@InputType('ReferralFilter')
export class ReferralFilterInput {
  @Field(() => [CaseStatusEnum], { nullable: true }) statuses?: string[] | null;
  @Field(() => Boolean, { nullable: true }) eligible?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'The compound (area).' }) areaId?: string | null;
  @Field(() => Key, { nullable: true, description: 'The plaintiff company.' }) companyId?: string | null;
  @Field(() => ProcedureEnum, { nullable: true }) procedure?: string | null;
  @Field(() => Fen, { nullable: true }) minAmountFen?: number | null;
  @Field(() => Fen, { nullable: true }) maxAmountFen?: number | null;
}

@InputType('CourtReportInput')
export class CourtReportInputType {
  @Field(() => ID) referralId!: string;
  @Field(() => CourtEventKindEnum) kind!: CourtEventKind;
  @Field(() => Key, { description: 'ISO 8601 instant with its zone, e.g. 2026-11-20T09:30:00+08:00.' })
  occurredAt!: string;
  @Field(() => Key, {
    nullable: true,
    description:
      'With DOCKETED the case number (案号); with ENFORCEMENT_STARTED (optional) or DEBTOR_LISTED_DISHONEST the enforcement case number (执行案号).',
  })
  caseNumber?: string | null;
  @Field(() => ProcedureEnum, {
    nullable: true,
    description:
      'With DOCKETED: the procedure the court chose; with PROCEDURE_CHANGED: SIMPLE_OR_ORDINARY, the procedure a small claim is converted to (art. 169).',
  })
  procedure?: CourtProcedure | null;
  @Field(() => LocalDate, { nullable: true }) hearingOn?: string | null;
  @Field(() => Fen, { nullable: true }) judgedFen?: number | null;
  @Field(() => Fen, { nullable: true }) settledFen?: number | null;
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'With JUDGED, JUDGMENT_CORRECTED or SETTLED (optional): the last day of the performance period the judgment or mediation document sets (of the last instalment where it sets instalments), from which the two years to apply for enforcement count (Civil Procedure Law art. 250). Not before the report’s day (for JUDGMENT_CORRECTED, the day of the judgment it corrects, not the ruling’s), at most 10 years after it. A judgment reported without it gets it by JUDGMENT_CORRECTED with the amount recorded.',
  })
  performanceDueOn?: string | null;
  @Field(() => Note, { nullable: true }) note?: string | null;
}
