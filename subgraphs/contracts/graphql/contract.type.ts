import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import { CONTRACT_KINDS, CONTRACT_STATUSES, ContractKind, ContractStatus } from '../domain/contract';
import { OWNERS_SIDE_KINDS, OwnersSideKind, PARTY_ROLES, PartyRole } from '../domain/contract-terms';
import { BUILDING_CLASSES, BuildingClass } from '../domain/fee-schedule';
import {
  DOCUMENT_TYPES,
  DocumentType,
  FILING_KINDS,
  FILING_STATUSES,
  FilingKind,
  FilingStatus,
  REVIEW_DECISIONS,
  ReviewOutcome,
} from '../domain/filing';
import { AGREEMENT_GROUNDS, AgreementGround, SELECTION_METHODS, SelectionMethod } from '../domain/selection';
import { AreaRef } from './area.type';
import { Key, LocalDate, Name, Note, RateFen } from '../../../platform/graphql/scalars';

export const ContractKindEnum = graphqlEnum(CONTRACT_KINDS);
export const ContractStatusEnum = graphqlEnum(CONTRACT_STATUSES);
export const FilingStatusEnum = graphqlEnum(FILING_STATUSES);
export const FilingKindEnum = graphqlEnum(FILING_KINDS);
export const SelectionMethodEnum = graphqlEnum(SELECTION_METHODS);
export const AgreementGroundEnum = graphqlEnum(AGREEMENT_GROUNDS);
export const OwnersSideKindEnum = graphqlEnum(OWNERS_SIDE_KINDS);
export const PartyRoleEnum = graphqlEnum(PARTY_ROLES);
export const DocumentTypeEnum = graphqlEnum(DOCUMENT_TYPES);
export const BuildingClassEnum = graphqlEnum(BUILDING_CLASSES);
export const ReviewOutcomeEnum = graphqlEnum(REVIEW_DECISIONS);
registerEnumType(ContractKindEnum, {
  name: 'ContractKind',
  description: 'PRELIMINARY (前期, signed by the developer) or REGULAR (signed for the owners).',
});
registerEnumType(ContractStatusEnum, { name: 'ContractStatus' });
registerEnumType(FilingStatusEnum, { name: 'FilingStatus' });
registerEnumType(FilingKindEnum, {
  name: 'FilingKind',
  description: 'INITIAL files a contract; AMENDMENT files a change to a contract in force.',
});
registerEnumType(SelectionMethodEnum, {
  name: 'SelectionMethod',
  description:
    "招投标 (TENDER) or 协议方式 (AGREEMENT, needs approval and one of art. 24 para. 2's grounds: a small project or a tender of fewer than three bidders, agreementGround).",
});
registerEnumType(AgreementGroundEnum, {
  name: 'AgreementGround',
  description:
    'Why choosing by agreement was allowed (State Council Property Management Regulation art. 24 para. 2): SMALL_PROJECT (住宅规模较小, the city figure tested on the project building area) or FEWER_THAN_THREE_BIDDERS (投标人少于3个).',
});
registerEnumType(OwnersSideKindEnum, { name: 'OwnersSideKind' });
registerEnumType(PartyRoleEnum, { name: 'ContractPartyRole' });
registerEnumType(DocumentTypeEnum, { name: 'FilingDocumentType' });
registerEnumType(BuildingClassEnum, { name: 'BuildingClass' });
registerEnumType(ReviewOutcomeEnum, { name: 'ReviewOutcome' });

// ------------------------------------------------------------------------------------------------ terms (output)

@ObjectType('Subsidy', {
  description: 'A third party paying part of the assessed rate (补贴), e.g. the street office.',
})
export class SubsidyType {
  @Field() payer!: string;
  @Field(() => Int, { description: 'Fen per m² per month.' }) rateFenPerM2Month!: number;
  @Field({ description: 'First month, YYYY-MM.' }) startMonth!: string;
  @Field(() => Int) months!: number;
}

@ObjectType('ClassFee', { description: 'Fee standard of one building class, fen per m² of floor area per month.' })
export class ClassFeeType {
  @Field(() => BuildingClassEnum) buildingClass!: BuildingClass;
  @Field(() => Int) assessedRateFenPerM2Month!: number;
  @Field(() => Int) ownerRateFenPerM2Month!: number;
  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [SubsidyType])
  subsidies!: SubsidyType[];
}

@ObjectType('FeeSchedule')
export class FeeScheduleType {
  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [ClassFeeType])
  classes!: ClassFeeType[];
}

@ObjectType('LateFeeTerms', { description: 'Simple daily late fee on the unpaid fee, never compounded.' })
export class LateFeeTermsType {
  @Field(() => Int, { nullable: true, description: '万分之N per day; null when the rate is monthly.' })
  dailyRatePerTenThousand?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: '万分之N per full month overdue (100 = 1% a month); null when the rate is daily.',
  })
  monthlyRatePerTenThousand?: number | null;
  @Field(() => Int) graceDays!: number;
  @Field(() => Int, { nullable: true }) capPercentOfPrincipal?: number | null;
  @Field(() => String, { nullable: true, description: "The late-fee clause's own words, when the provider gave them." })
  clauseText?: string | null;
}

@ObjectType('ContractParty')
export class ContractPartyType {
  @Field(() => PartyRoleEnum) role!: PartyRole;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'Unified social credit code (统一社会信用代码).' })
  registration?: string | null;
  @Field() signatory!: string;
}

@ObjectType('ServiceItem')
export class ServiceItemType {
  @Field() item!: string;
  @Field() standard!: string;
}

@ObjectType('OwnersSide')
export class OwnersSideType {
  @Field(() => OwnersSideKindEnum) kind!: OwnersSideKind;
  @Field() name!: string;
}

@ObjectType('ContractTerms')
export class ContractTermsType {
  @Field(() => ContractKindEnum) kind!: ContractKind;
  @Field() number!: string;
  @Field() title!: string;
  @Field(() => OwnersSideType) ownersSide!: OwnersSideType;
  @Field(() => SelectionMethodEnum) selectionMethod!: SelectionMethod;
  @Field(() => String, { nullable: true }) approvalReference?: string | null;
  @Field(() => AgreementGroundEnum, {
    nullable: true,
    description: 'Why the agreement was allowed; null where not stated (a small project) or chosen by tender.',
  })
  agreementGround?: AgreementGround | null;
  @Field(() => Int, {
    nullable: true,
    description: "The project's total building area (总建筑面积), hundredths of m², where the developer stated it.",
  })
  projectBuildingAreaCentiM2?: number | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "The owners' joint decision hiring the provider of a regular contract (Civil Code arts. 278 and 939), as recorded in the areas subgraph, where the contract names it: checked when filed.",
  })
  hiringDecisionId?: string | null;
  @Field() signedOn!: string;
  @Field() startsOn!: string;
  @Field() endsOn!: string;
  @Directive('@listSize(assumedSize: 30)')
  @Field(() => [ServiceItemType])
  serviceItems!: ServiceItemType[];
  @Field(() => FeeScheduleType) feeSchedule!: FeeScheduleType;
  @Field(() => LateFeeTermsType, { nullable: true }) lateFee!: LateFeeTermsType | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'The reasonable period after a demand for payment the contract states (Civil Code art. 944 para. 2), in days; null: the city setting or the hub default applies.',
  })
  demandPeriodDays?: number | null;
  @Directive('@listSize(assumedSize: 4)')
  @Field(() => [ContractPartyType])
  parties!: ContractPartyType[];
}

// ------------------------------------------------------------------------------------------------ terms (input)

@InputType('SubsidyInput')
export class SubsidyInput {
  @Field(() => Name) payer!: string;
  @Field(() => RateFen) rateFenPerM2Month!: number;
  @Field(() => Key) startMonth!: string;
  @Field(() => Int) months!: number;
}

@InputType('ClassFeeInput')
export class ClassFeeInput {
  @Field(() => BuildingClassEnum) buildingClass!: BuildingClass;
  @Field(() => RateFen, { description: 'Fen per m² per month: ¥1.78 is 178.' }) assessedRateFenPerM2Month!: number;
  @Field(() => RateFen) ownerRateFenPerM2Month!: number;
  @Field(() => [SubsidyInput], { defaultValue: [] }) subsidies!: SubsidyInput[];
}

@InputType('FeeScheduleInput')
export class FeeScheduleInput {
  @Field(() => [ClassFeeInput]) classes!: ClassFeeInput[];
}

@InputType('LateFeeTermsInput')
export class LateFeeTermsInput {
  @Field(() => Int, { nullable: true, description: '万分之N per day. Give exactly one of the two rates.' })
  dailyRatePerTenThousand?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: '万分之N per full month overdue (100 = 1% a month). Give exactly one of the two rates.',
  })
  monthlyRatePerTenThousand?: number | null;
  @Field(() => Int, { defaultValue: 0 }) graceDays!: number;
  @Field(() => Int, { nullable: true }) capPercentOfPrincipal?: number | null;
  @Field(() => Note, { nullable: true, description: "The late-fee clause's own words, quoted in a court complaint." })
  clauseText?: string | null;
}

@InputType('ContractPartyInput')
export class ContractPartyInput {
  @Field(() => PartyRoleEnum) role!: PartyRole;
  @Field(() => Name) name!: string;
  @Field(() => Key, { nullable: true }) registration?: string | null;
  @Field(() => Name) signatory!: string;
}

@InputType('ServiceItemInput')
export class ServiceItemInput {
  @Field(() => Name) item!: string;
  @Field(() => Note) standard!: string;
}

@InputType('OwnersSideInput')
export class OwnersSideInput {
  @Field(() => OwnersSideKindEnum) kind!: OwnersSideKind;
  @Field(() => Name) name!: string;
}

@InputType('ContractTermsInput')
export class ContractTermsInput {
  @Field(() => ContractKindEnum) kind!: ContractKind;
  @Field(() => Key) number!: string;
  @Field(() => Name) title!: string;
  @Field(() => OwnersSideInput) ownersSide!: OwnersSideInput;
  @Field(() => SelectionMethodEnum) selectionMethod!: SelectionMethod;
  @Field(() => Key, { nullable: true, description: "The bureau's approval number of an agreement-based choice." })
  approvalReference?: string | null;
  @Field(() => AgreementGroundEnum, {
    nullable: true,
    description:
      "Why choosing by agreement was allowed: SMALL_PROJECT (the default; the city's floor-area figure is tested on projectBuildingAreaCentiM2) or FEWER_THAN_THREE_BIDDERS (a tender drew fewer than three bidders; the bureau's approval alone is checked). Only with selectionMethod AGREEMENT.",
  })
  agreementGround?: AgreementGround | null;
  @Field(() => Int, {
    nullable: true,
    description:
      "The project's total building area (总建筑面积) in hundredths of m², as its planning permit gives it: needed to choose the provider by agreement where the city sets a threshold (tested on it, not on the registered flats' area, which it must not be below).",
  })
  projectBuildingAreaCentiM2?: number | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "A regular contract's owners' joint decision hiring its provider (Civil Code art. 278 item 4; `JointDecision.id` of the areas subgraph): checked when filed to be the area's, valid, on hiring or dismissing the provider, and held by `signedOn` (art. 939 binds the owners to a contract with the provider their assembly chose lawfully). Optional; a preliminary contract names none.",
  })
  hiringDecisionId?: string | null;
  @Field(() => LocalDate) signedOn!: string;
  @Field(() => LocalDate) startsOn!: string;
  @Field(() => LocalDate) endsOn!: string;
  @Field(() => [ServiceItemInput]) serviceItems!: ServiceItemInput[];
  @Field(() => FeeScheduleInput) feeSchedule!: FeeScheduleInput;
  @Field(() => LateFeeTermsInput, { nullable: true }) lateFee?: LateFeeTermsInput | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'The reasonable period after a demand the contract states, 1 to 180 days (Civil Code art. 944 para. 2); leave out when it states none.',
  })
  demandPeriodDays?: number | null;
  @Field(() => [ContractPartyInput]) parties!: ContractPartyInput[];
}

@InputType('FilingDocumentInput', {
  description:
    'A document listed with a submission by its digest; a file uploaded to the contract with the same SHA-256 is that file. Uploaded files are carried without being listed.',
})
export class FilingDocumentInput {
  @Field(() => Name) name!: string;
  @Field(() => DocumentTypeEnum) type!: DocumentType;
  @Field(() => Int) sizeBytes!: number;
  @Field(() => Key, { description: 'SHA-256 of the bytes, 64 hex digits.' }) sha256!: string;
}

@InputType('ReturnReasonInput')
export class ReturnReasonInput {
  @Field(() => Key, { description: 'The field of the terms or the document concerned, e.g. feeSchedule.classes[0].' })
  field!: string;
  @Field(() => Note) reason!: string;
}

// ------------------------------------------------------------------------------------------------ contracts and filings

@ObjectType('Contract', { description: 'A property service contract of one area, with its filings.' })
export class ContractType {
  @Field(() => ID) id!: string;
  @Field(() => AreaRef) area!: AreaRef;
  @Field({ description: "The provider's organisation id." }) companyId!: string;
  @Field(() => ContractStatusEnum) status!: ContractStatus;
  @Field(() => ContractKindEnum) kind!: ContractKind;
  @Field() number!: string;
  @Field() startsOn!: string;
  @Field() endsOn!: string;
  @Field(() => ContractTermsType, {
    description: 'The draft, or the terms of the latest version; for an accepted contract, the terms in force.',
  })
  terms!: ContractTermsType;
  @Field(() => String, { nullable: true }) terminatedOn?: string | null;
  @Field(() => String, { nullable: true }) handoverOn?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The first day of the unfixed term the contract continues for after endsOn (Civil Code art. 948, recordContinuedService); null while it does not.',
  })
  continuedFrom?: string | null;
}

@ObjectType('FilingDocument')
export class FilingDocumentType {
  @Field(() => ID, {
    nullable: true,
    description:
      'The uploaded file this entry is (download it with filingDocumentContent); null for a listed-only entry.',
  })
  documentId?: string | null;
  @Field() name!: string;
  @Field(() => DocumentTypeEnum) type!: DocumentType;
  @Field(() => Int) sizeBytes!: number;
  @Field() sha256!: string;
}

@ObjectType('ReturnReason')
export class ReturnReasonType {
  @Field() field!: string;
  @Field() reason!: string;
}

@ObjectType('FeeScheduleFlag', { description: 'Something a reviewer should see that does not stop the filing.' })
export class FeeScheduleFlagType {
  @Field() code!: string;
  @Field(() => BuildingClassEnum) buildingClass!: BuildingClass;
  @Field(() => String, { nullable: true }) fromMonth!: string | null;
  @Field(() => String, { nullable: true }) toMonth!: string | null;
  @Field(() => Int) shortfallFenPerM2Month!: number;
}

@ObjectType('FilingVersion', { description: 'One submission of a filing: its terms and documents never change.' })
export class FilingVersionType {
  @Field(() => Int) version!: number;
  @Field() submittedOn!: string;
  @Field() submittedBy!: string;
  @Field(() => ContractTermsType) terms!: ContractTermsType;
  @Field({ description: 'SHA-256 of the terms as canonical JSON (keys sorted).' }) termsSha256!: string;
  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [FeeScheduleFlagType])
  feeFlags!: FeeScheduleFlagType[];
  @Directive('@listSize(assumedSize: 10)')
  @Field(() => [FilingDocumentType])
  documents!: FilingDocumentType[];
  @Field(() => ReviewOutcomeEnum, { nullable: true }) outcome?: ReviewOutcome | null;
  @Field(() => Date, { nullable: true }) reviewedAt?: Date | null;
  @Field(() => String, { nullable: true }) reviewedBy?: string | null;
  @Field(() => String, { nullable: true, description: 'API or KAFKA (a bureau system).' }) reviewVia?: string | null;
  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [ReturnReasonType])
  returnReasons!: ReturnReasonType[];
}

@ObjectType('FilingTransition', { description: 'One entry of the audit trail.' })
export class FilingTransitionType {
  @Field(() => Int) sequence!: number;
  @Field(() => Int) version!: number;
  @Field() action!: string;
  @Field(() => FilingStatusEnum) status!: FilingStatus;
  @Field() at!: Date;
  @Field() actorOrganisationId!: string;
  @Field() actorRole!: string;
  @Field() via!: string;
}

@ObjectType('Filing', {
  description: 'A filing (备案) of a contract or an amendment with the authority (Beijing art. 63).',
})
@Directive('@key(fields: "id")')
export class FilingType {
  @Field(() => ID) id!: string;
  @Field(() => ID) contractId!: string;
  @Field(() => AreaRef) area!: AreaRef;
  @Field() companyId!: string;
  @Field(() => FilingKindEnum) kind!: FilingKind;
  @Field(() => ID, { nullable: true }) amendsFilingId?: string | null;
  @Field(() => FilingStatusEnum) status!: FilingStatus;
  @Field(() => Int) currentVersion!: number;
  @Field(() => String, { nullable: true, description: 'Given when accepted, e.g. 110108-2021-0001.' }) recordNumber?:
    string | null;
  @Field() submittedOn!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Last day to file: 15 days after signing or amending in Beijing (art. 63); null where the city has no confirmed deadline.',
  })
  deadline!: string | null;
  @Field({
    description:
      'The deadline runs past the holiday data the hub holds: `deadline` is the plain count (the earliest possible end, safe to ' +
      'file by) until the arrangement for `deadlineAwaitsHolidayYear` is recorded, when art. 203 may move it later.',
  })
  deadlineProvisional!: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'The year whose holiday arrangement a provisional deadline awaits.',
  })
  deadlineAwaitsHolidayYear!: number | null;
  @Field() late!: boolean;
  @Field(() => Int) daysLate!: number;
  @Field(() => String, { nullable: true, description: 'The statutory consequence of a late filing (Beijing art. 91).' })
  lateConsequence?: string | null;
  @Field(() => String, { nullable: true }) acceptedOn?: string | null;
  @Field(() => ID, { nullable: true }) supersededByFilingId?: string | null;
  @Field(() => String, { nullable: true }) terminatedOn?: string | null;
  @Field(() => String, { nullable: true }) handoverOn?: string | null;
  @Field(() => String, { nullable: true }) terminationReason?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The first day of the unfixed term the filing's contract continues for after its term (Civil Code art. 948); null while it does not.",
  })
  continuedFrom?: string | null;
}

@ObjectType('ContractPage')
export class ContractPageType {
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [ContractType])
  items!: ContractType[];
  @Field(() => Int) totalCount!: number;
}

@ObjectType('FilingStatusCount')
export class FilingStatusCountType {
  @Field(() => FilingStatusEnum) status!: FilingStatus;
  @Field(() => Int) count!: number;
  @Field(() => Int, { description: 'How many of them were submitted after the deadline.' }) late!: number;
}

@ObjectType('FilingReviewQueue')
export class FilingReviewQueueType {
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [FilingType])
  items!: FilingType[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;
  /** Counts the matching filings when `totalCount` is selected (FilingReviewQueueResolver). */
  countTotal!: () => Promise<number>;
  /** Counts per status when `counts` is selected. */
  countByStatus!: () => Promise<FilingStatusCountType[]>;
}

@InputType('FilingReviewQueueFilter')
export class FilingReviewQueueFilter {
  @Field(() => [FilingStatusEnum], { nullable: true, description: 'Defaults to SUBMITTED: what waits for review.' })
  statuses?: FilingStatus[] | null;
  @Field(() => FilingKindEnum, { nullable: true }) kind?: FilingKind | null;
  @Field(() => Boolean, { nullable: true }) late?: boolean | null;
  @Field(() => ID, { nullable: true }) areaId?: string | null;
  @Field(() => Key, { nullable: true }) companyId?: string | null;
  @Field(() => LocalDate, { nullable: true }) submittedFrom?: string | null;
  @Field(() => LocalDate, { nullable: true }) submittedTo?: string | null;
}

@ObjectType('ReviewSystem', {
  description:
    "A bureau's system allowed to send review decisions on its own topic city.filing-reviews.v1.<organisationId>.",
})
export class ReviewSystemType {
  @Field() organisationId!: string;
  @Field() name!: string;
  @Field() role!: string;
  @Directive('@listSize(assumedSize: 10)')
  @Field(() => [String])
  jurisdictions!: string[];
}

// ------------------------------------------------------------------------------------------------ publicity (public)

@ObjectType('PublicSubsidy', {
  description: 'A subsidy running on the day of the publicity: who pays how much towards the assessed rate.',
})
export class PublicSubsidyType {
  @Field() payer!: string;
  @Field({ description: 'Yuan per m² per month, two decimals.' }) rateYuan!: string;
  @Field({ description: 'YYYY-MM, the first month.' }) startMonth!: string;
  @Field({ description: 'YYYY-MM, the last month.' }) endMonth!: string;
}

@ObjectType('PublicFee', { description: 'What owners of a building class pay, per m² of floor area per month.' })
export class PublicFeeType {
  @Field(() => BuildingClassEnum) buildingClass!: BuildingClass;
  @Field({ description: 'Yuan, two decimals.' }) ownerRateYuan!: string;
  @Field({ description: 'The assessed standard; the difference is paid by the subsidisers listed.' })
  assessedRateYuan!: string;
  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [String], { description: 'Who subsidises this month: only subsidies running on asOf.' })
  subsidisedBy!: string[];
  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [PublicSubsidyType], { description: 'The subsidies running on asOf, with their rate and months.' })
  subsidies!: PublicSubsidyType[];
}

@ObjectType('PublicPerformance', {
  description:
    "The provider's collection of the service fees due in the twelve months before asOf (Civil Code art. 943 履行情况); charges not yet due do not count.",
})
export class PublicPerformanceType {
  @Field({ description: 'Charges due on or after this day, and before asOf, count.' }) dueFrom!: string;
  @Field() asOf!: string;
  @Field(() => Int, { description: 'Months billed in the window.' }) months!: number;
  @Field(() => Int, { description: 'Household-months billed.' }) households!: number;
  @Field(() => Int, { description: 'Household-months paid up.' }) paidHouseholds!: number;
  @Field({ description: 'Paid up of billed, household-months, one decimal, rounded half up.' })
  byHouseholdsPercent!: string;
  @Field({ description: 'Collected of billed, by amount, one decimal, rounded half up.' }) byAmountPercent!: string;
  @Field({ description: 'Yuan, two decimals.' }) billedYuan!: string;
  @Field({ description: 'Yuan, two decimals.' }) collectedYuan!: string;
}

@ObjectType('PublicServiceStandards', {
  description: 'Publicity (双晒): who serves the compound, to what standards, at what fee. Public, no login.',
})
export class PublicServiceStandardsType {
  @Field() compoundName!: string;
  @Field({ description: 'The day every figure here is as of (today in China).' }) asOf!: string;
  @Field(() => String, { nullable: true, description: 'Null when no filed contract is in force today.' })
  providerName!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The provider's person in charge (Civil Code art. 943 负责人员): its signatory on the filed contract.",
  })
  personInCharge!: string | null;
  @Field(() => String, { nullable: true }) filingRecordNumber!: string | null;
  @Field(() => String, { nullable: true }) serviceStartsOn!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The last day the provider serves, as recorded (Beijing art. 70 如实公示、及时更新): the term’s end, or sooner its termination or, for a preliminary contract, the day before the owners’ contract takes effect. For a contract continuing after its term for an unfixed term (Civil Code art. 948), its termination or the day before the owners’ next contract; null while neither is known.',
  })
  serviceEndsOn!: string | null;
  @Field({
    description:
      'True when the contract continues after its term for an unfixed term (Civil Code art. 948 不定期物业服务合同): it serves from continuedFrom until the owners’ next contract or a termination with 60 days’ written notice.',
  })
  unfixedTerm!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'The first day of the unfixed term (the day after the contract’s term); null when it does not continue.',
  })
  continuedFrom!: string | null;
  @Directive('@listSize(assumedSize: 30)')
  @Field(() => [ServiceItemType])
  serviceStandards!: ServiceItemType[];
  @Directive('@listSize(assumedSize: 5)')
  @Field(() => [PublicFeeType])
  fees!: PublicFeeType[];
  @Field(() => PublicPerformanceType, {
    nullable: true,
    description: 'Null when no charge of the provider fell due in the twelve months before asOf.',
  })
  performance!: PublicPerformanceType | null;
}
