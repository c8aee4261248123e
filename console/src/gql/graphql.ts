/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Days past the due date (a charge is aged only once past due): 1–30, 31–90, 91–180, 181–365, over 365. */
export type AgingBucket =
  | 'DAYS_0_30'
  | 'DAYS_31_90'
  | 'DAYS_91_180'
  | 'DAYS_181_365'
  | 'OVER_365';

/** Why choosing by agreement was allowed (State Council Property Management Regulation art. 24 para. 2): SMALL_PROJECT (住宅规模较小, the city figure tested on the project building area) or FEWER_THAN_THREE_BIDDERS (投标人少于3个). */
export type AgreementGround =
  | 'FEWER_THAN_THREE_BIDDERS'
  | 'SMALL_PROJECT';

export type ArrearsAccountStatus =
  | 'CURRENT'
  | 'IN_COLLECTION'
  | 'IN_LITIGATION'
  | 'JUDGED'
  | 'MEDIATION'
  | 'REFERRED'
  | 'SETTLED'
  | 'WRITTEN_OFF';

export type ArrearsFilter = {
  /** The bucket of the account's oldest open charge. */
  agingBucket?: AgingBucket | null | undefined;
  areaId?: string | number | null | undefined;
  buildingId?: string | number | null | undefined;
  maxOpenFen?: number | null | undefined;
  minOpenFen?: number | null | undefined;
  /** Without statuses only accounts with something open are listed. */
  statuses?: Array<ArrearsAccountStatus> | null | undefined;
};

/** Fee standards differ by class. */
export type BuildingClass =
  | 'HIGH_RISE'
  | 'LOW_RISE';

export type CaseStatus =
  | 'CLOSED'
  | 'DOCKETED'
  | 'ENFORCEMENT'
  | 'HEARING_SCHEDULED'
  | 'IN_MEDIATION'
  | 'JUDGED'
  | 'REJECTED'
  | 'SETTLED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

/** VALID: genuine and in force; SUPERSEDED / TERMINATED: genuine, no longer in force (since the date given); TAMPERED: the record exists but the digest matches no certificate issued; UNKNOWN: no certificate under that number. */
export type CertificateVerificationResult =
  | 'EXPIRED'
  | 'SUPERSEDED'
  | 'TAMPERED'
  | 'TERMINATED'
  | 'UNKNOWN'
  | 'VALID';

/** SERVICE_FEE (monthly property fee) or LEVY (one-off special levy, paid into its own account). */
export type ChargeKind =
  | 'LEVY'
  | 'SERVICE_FEE';

export type ClassFeeInput = {
  /** Fen per m² per month: ¥1.78 is 178. */
  assessedRateFenPerM2Month: unknown;
  buildingClass: BuildingClass;
  ownerRateFenPerM2Month: unknown;
  subsidies?: Array<SubsidyInput>;
};

export type CollectionActionInput = {
  channel?: MessageChannel | null | undefined;
  /** The charges demanded: only these have their limitation period restarted. */
  chargeIds: Array<string | number>;
  /** LETTER: the day it reached the owner, or by the postal record should have (refused at the address); not after today. A letter interrupts the limitation period, and demands payment, from its arrival (SPC provisions on limitation (法释〔2008〕11号, amended by 法释〔2020〕17号) art. 8 item 2; Civil Code art. 137 para. 2): without it, not at all; recordLetterDelivery adds it later. */
  deliveredOn?: string | null | undefined;
  instalments?: Array<InstalmentInput> | null | undefined;
  kind: CollectionActionKind;
  mediator?: string | null | undefined;
  note?: string | null | undefined;
  /** When it happened (YYYY-MM-DD). */
  on: string;
  outcome?: MediationOutcome | null | undefined;
  outcomeOn?: string | null | undefined;
  promisedBy?: string | null | undefined;
  /** VISIT, CALL and NOTICE_POSTED (required for these): whether the owner was reached. A notice reached the owner posted at their own door with proof (a photo of it there, their acknowledgement), not only at the building entrance or in another common part; one that did not demands nothing and interrupts no limitation period (SPC provisions on limitation (法释〔2008〕11号, amended by 法释〔2020〕17号) art. 8 item 1). */
  reached?: boolean | null | undefined;
};

/** There is no kind that cuts water, power, heating or gas (Civil Code art. 944). */
export type CollectionActionKind =
  | 'CALL'
  | 'INSTALMENT_PLAN'
  | 'LETTER'
  | 'MEDIATION_SESSION'
  | 'MESSAGE'
  | 'NOTICE_POSTED'
  | 'PAYMENT_PROMISE'
  | 'VISIT';

export type CollectionRateGrouping =
  | 'ALL'
  | 'AREA'
  | 'BUILDING'
  | 'MONTH';

/** 商品房 / 保障房 / 老旧小区·房改房·售后公房 / 平房区 / 失管小区 */
export type CompoundKind =
  | 'AFFORDABLE'
  | 'BUNGALOW'
  | 'COMMERCIAL'
  | 'OLD_PUBLIC_HOUSING'
  | 'UNMANAGED';

/** PRELIMINARY (前期, signed by the developer) or REGULAR (signed for the owners). */
export type ContractKind =
  | 'PRELIMINARY'
  | 'REGULAR';

export type ContractPartyInput = {
  name: string;
  registration?: string | null | undefined;
  role: ContractPartyRole;
  signatory: string;
};

export type ContractPartyRole =
  | 'ASSET_RECEIVER'
  | 'DEVELOPER'
  | 'OTHER'
  | 'OWNERS_COMMITTEE'
  | 'PROPERTY_MANAGEMENT_COMMITTEE'
  | 'PROVIDER'
  | 'STREET_OFFICE';

export type ContractStatus =
  | 'ACCEPTED'
  | 'DISCARDED'
  | 'DRAFT'
  | 'RETURNED'
  | 'SUBMITTED'
  | 'SUPERSEDED'
  | 'TERMINATED';

export type ContractTermsInput = {
  /** Why choosing by agreement was allowed: SMALL_PROJECT (the default; the city's floor-area figure is tested on projectBuildingAreaCentiM2) or FEWER_THAN_THREE_BIDDERS (a tender drew fewer than three bidders; the bureau's approval alone is checked). Only with selectionMethod AGREEMENT. */
  agreementGround?: AgreementGround | null | undefined;
  /** The bureau's approval number of an agreement-based choice. */
  approvalReference?: string | null | undefined;
  /** The reasonable period after a demand the contract states, 1 to 180 days (Civil Code art. 944 para. 2); leave out when it states none. */
  demandPeriodDays?: number | null | undefined;
  endsOn: string;
  feeSchedule: FeeScheduleInput;
  /** A regular contract's owners' joint decision hiring its provider (Civil Code art. 278 item 4; `JointDecision.id` of the areas subgraph): checked when filed to be the area's, valid, on hiring or dismissing the provider, and held by `signedOn` (art. 939 binds the owners to a contract with the provider their assembly chose lawfully). Optional; a preliminary contract names none. */
  hiringDecisionId?: string | number | null | undefined;
  kind: ContractKind;
  lateFee?: LateFeeTermsInput | null | undefined;
  number: string;
  ownersSide: OwnersSideInput;
  parties: Array<ContractPartyInput>;
  /** The project's total building area (总建筑面积) in hundredths of m², as its planning permit gives it: needed to choose the provider by agreement where the city sets a threshold (tested on it, not on the registered flats' area, which it must not be below). */
  projectBuildingAreaCentiM2?: number | null | undefined;
  selectionMethod: SelectionMethod;
  serviceItems: Array<ServiceItemInput>;
  signedOn: string;
  startsOn: string;
  title: string;
};

export type CourtEventKind =
  | 'CLOSED'
  | 'DEBTOR_LISTED_DISHONEST'
  | 'DOCKETED'
  | 'DOCKETING_REFUSED'
  | 'ENFORCEMENT_STARTED'
  | 'HEARING_SCHEDULED'
  | 'JUDGED'
  | 'JUDGMENT_CORRECTED'
  | 'MEDIATION_STARTED'
  | 'PROCEDURE_CHANGED'
  | 'SETTLED'
  | 'WITHDRAWN';

export type CourtReportInput = {
  /** With DOCKETED the case number (案号); with ENFORCEMENT_STARTED (optional) or DEBTOR_LISTED_DISHONEST the enforcement case number (执行案号). */
  caseNumber?: string | null | undefined;
  hearingOn?: string | null | undefined;
  judgedFen?: number | null | undefined;
  kind: CourtEventKind;
  note?: string | null | undefined;
  /** ISO 8601 instant with its zone, e.g. 2026-11-20T09:30:00+08:00. */
  occurredAt: string;
  /** With JUDGED, JUDGMENT_CORRECTED or SETTLED (optional): the last day of the performance period the judgment or mediation document sets (of the last instalment where it sets instalments), from which the two years to apply for enforcement count (Civil Procedure Law art. 250). Not before the report’s day (for JUDGMENT_CORRECTED, the day of the judgment it corrects, not the ruling’s), at most 10 years after it. A judgment reported without it gets it by JUDGMENT_CORRECTED with the amount recorded. */
  performanceDueOn?: string | null | undefined;
  /** With DOCKETED: the procedure the court chose; with PROCEDURE_CHANGED: SIMPLE_OR_ORDINARY, the procedure a small claim is converted to (art. 169). */
  procedure?: Procedure | null | undefined;
  referralId: string | number;
  settledFen?: number | null | undefined;
};

/** The complaint (民事起诉状) as PDF or Word, an evidence file, or a batch’s ZIP bundle. */
export type DocumentKind =
  | 'BUNDLE'
  | 'COMPLAINT_DOCX'
  | 'COMPLAINT_PDF'
  | 'EVIDENCE';

export type FeeScheduleInput = {
  classes: Array<ClassFeeInput>;
};

/** A document listed with a submission by its digest; a file uploaded to the contract with the same SHA-256 is that file. Uploaded files are carried without being listed. */
export type FilingDocumentInput = {
  name: string;
  /** SHA-256 of the bytes, 64 hex digits. */
  sha256: string;
  sizeBytes: number;
  type: FilingDocumentType;
};

export type FilingDocumentType =
  | 'CONTRACT_TEXT'
  | 'FEE_ASSESSMENT'
  | 'JOINT_DECISION'
  | 'OTHER'
  | 'SELECTION_APPROVAL'
  | 'SIGNATORY_AUTHORITY'
  | 'TENDER_RESULT';

export type FilingDocumentUploadStartInput = {
  contractId: string | number;
  name: string;
  /** SHA-256 of the whole file, lower-case hex: checked when the upload completes. */
  sha256: string;
  /** The whole file’s size: at most 20 MiB. */
  sizeBytes: number;
  type: FilingDocumentType;
};

/** INITIAL files a contract; AMENDMENT files a change to a contract in force. */
export type FilingKind =
  | 'AMENDMENT'
  | 'INITIAL';

export type FilingReviewQueueFilter = {
  areaId?: string | number | null | undefined;
  companyId?: string | null | undefined;
  kind?: FilingKind | null | undefined;
  late?: boolean | null | undefined;
  /** Defaults to SUBMITTED: what waits for review. */
  statuses?: Array<FilingStatus> | null | undefined;
  submittedFrom?: string | null | undefined;
  submittedTo?: string | null | undefined;
};

export type FilingStatus =
  | 'ACCEPTED'
  | 'RETURNED'
  | 'SUBMITTED'
  | 'SUPERSEDED'
  | 'TERMINATED';

/** 物业服务合同型 / 多方联动共治型 / 政府托底居民自治型 */
export type GovernanceModel =
  | 'CONTRACT_BASED'
  | 'GOVERNMENT_BACKSTOP'
  | 'MULTI_PARTY_CO_GOVERNANCE';

export type InstalmentInput = {
  dueOn: string;
  /** Whole fen (分). */
  fen: unknown;
};

export type LateFeeTermsInput = {
  capPercentOfPrincipal?: number | null | undefined;
  /** The late-fee clause's own words, quoted in a court complaint. */
  clauseText?: string | null | undefined;
  /** 万分之N per day. Give exactly one of the two rates. */
  dailyRatePerTenThousand?: number | null | undefined;
  graceDays?: number;
  /** 万分之N per full month overdue (100 = 1% a month). Give exactly one of the two rates. */
  monthlyRatePerTenThousand?: number | null | undefined;
};

export type MediationOutcome =
  | 'AGREED'
  | 'FAILED'
  | 'PENDING'
  | 'WITHDRAWN';

export type MessageChannel =
  | 'QQ'
  | 'SMS'
  | 'WECHAT';

export type OwnersSideInput = {
  kind: OwnersSideKind;
  name: string;
};

export type OwnersSideKind =
  | 'DEVELOPER'
  | 'OWNERS_COMMITTEE'
  | 'PROPERTY_MANAGEMENT_COMMITTEE';

export type PaymentInput = {
  accountId: string | number;
  /** Whole fen (分). */
  amountFen: unknown;
  /** Charges the payer designated; otherwise those due by the day paid, the ones carrying a late fee first (Civil Code art. 560 para. 2), then the earliest due. */
  designatedChargeIds?: Array<string | number> | null | undefined;
  /** The same on every retry: a retry returns the same receipt. */
  idempotencyKey: string;
  levyId?: string | number | null | undefined;
  method: PaymentMethod;
  paidOn: string;
  /** Bank or payment-platform reference. */
  payerReference?: string | null | undefined;
  purpose?: ChargeKind;
};

export type PaymentMethod =
  | 'ALIPAY'
  | 'BANK_TRANSFER'
  | 'CARD'
  | 'CASH'
  | 'OTHER'
  | 'WECHAT_PAY';

/** UNDETERMINED: no small-claims threshold is recorded for the province of the area’s city and year (or the city names no province); the court decides. */
export type Procedure =
  | 'SIMPLE_OR_ORDINARY'
  | 'SMALL_CLAIMS'
  | 'SMALL_CLAIMS_BY_CONSENT'
  | 'UNDETERMINED';

export type ReferralFilter = {
  /** The compound (area). */
  areaId?: string | number | null | undefined;
  /** The plaintiff company. */
  companyId?: string | null | undefined;
  eligible?: boolean | null | undefined;
  maxAmountFen?: number | null | undefined;
  minAmountFen?: number | null | undefined;
  procedure?: Procedure | null | undefined;
  statuses?: Array<CaseStatus> | null | undefined;
};

export type ReturnReasonInput = {
  /** The field of the terms or the document concerned, e.g. feeSchedule.classes[0]. */
  field: string;
  reason: string;
};

/** 招投标 (TENDER) or 协议方式 (AGREEMENT, needs approval and one of art. 24 para. 2's grounds: a small project or a tender of fewer than three bidders, agreementGround). */
export type SelectionMethod =
  | 'AGREEMENT'
  | 'TENDER';

export type ServiceItemInput = {
  item: string;
  standard: string;
};

export type SubsidyInput = {
  months: number;
  payer: string;
  rateFenPerM2Month: unknown;
  startMonth: string;
};

export type ArrearsListQueryVariables = Exact<{
  offset: number;
  first: number;
  filter?: ArrearsFilter | null | undefined;
}>;


export type ArrearsListQuery = { arrears: { totalCount: number, openFen: number, aging: Array<{ bucket: AgingBucket, count: number, openFen: number }>, items: Array<{ accountId: string, unit: string | null, room: string | null, status: ArrearsAccountStatus, arrearsFen: number, openCharges: number, oldestDueOn: string | null, daysOverdue: number, agingBucket: AgingBucket | null }> } };

export type AccountStatementQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountStatementQuery = { arrearsAccount: { id: string, unit: string | null, room: string | null, status: ArrearsAccountStatus, asOf: string, billedFen: number, paidFen: number, waivedFen: number, creditFen: number, openFen: number, arrearsFen: number, lateFeeFen: number, charges: Array<{ chargeId: string, kind: ChargeKind, month: string, dueOn: string, amountFen: number, paidFen: number, waivedFen: number, openFen: number, lateFeeFen: number, inArrears: boolean, agingBucket: AgingBucket | null }>, actions: Array<{ actionId: string, kind: CollectionActionKind, on: string }> } };

export type CollectionRatesQueryVariables = Exact<{
  groupBy: CollectionRateGrouping;
}>;


export type CollectionRatesQuery = { collectionRates: Array<{ key: string, households: number, paidHouseholds: number, billedFen: number, collectedFen: number, byHouseholds: { percent: string | null }, byAmount: { percent: string | null } }> };

export type CollectionRatesOfMonthByBuildingQueryVariables = Exact<{
  month: string;
}>;


export type CollectionRatesOfMonthByBuildingQuery = { collectionRates: Array<{ key: string, households: number, paidHouseholds: number, byHouseholds: { percent: string | null } }> };

export type ReferralStatisticsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReferralStatisticsQuery = { referralStatistics: Array<{ areaId: string, areaName: string, companyId: string, referrals: number, ineligible: number, open: number, judged: number, settled: number, withdrawn: number, amountInDisputeFen: number, judgedFen: number }> };

export type ImportCompoundCsvMutationVariables = Exact<{
  compoundId: string | number;
  csv: unknown;
  idempotencyKey?: string | null | undefined;
}>;


export type ImportCompoundCsvMutation = { importCompoundCsv: { buildingsCreated: number, householdsCreated: number } };

export type CompoundsQueryVariables = Exact<{
  first: number;
}>;


export type CompoundsQuery = { compounds: Array<{ id: string, name: string, kind: CompoundKind, governanceModel: GovernanceModel, statistics: { buildings: number, households: number } }> };

export type HouseholdsQueryVariables = Exact<{
  id: string | number;
  offset: number;
  first: number;
}>;


export type HouseholdsQuery = { compound: { id: string, name: string, households: { totalCount: number, items: Array<{ id: string, unit: string, room: string, floorAreaM2: string, ownerName: string | null }> } } };

export type OverdueGovernanceBodiesQueryVariables = Exact<{ [key: string]: never; }>;


export type OverdueGovernanceBodiesQuery = { overdueGovernanceBodies: Array<{ asOf: string, reasons: Array<string>, area: { name: string }, body: { id: string, kind: string, formedOn: string, filingDeadline: string | null, recordingDeadline: string | null, filedOn: string | null, termEndsOn: string | null } }> };

export type DraftContractMutationVariables = Exact<{
  idempotencyKey?: string | null | undefined;
  areaId: string | number;
  terms: ContractTermsInput;
}>;


export type DraftContractMutation = { draftContract: { id: string, number: string, status: ContractStatus } };

export type ContractDocumentsQueryVariables = Exact<{
  contractId: string | number;
}>;


export type ContractDocumentsQuery = { contractDocuments: Array<{ id: string, filingId: string | null, name: string, type: FilingDocumentType, sha256: string, sizeBytes: number, uploadedAt: string }> };

export type StartFilingDocumentUploadMutationVariables = Exact<{
  upload: FilingDocumentUploadStartInput;
}>;


export type StartFilingDocumentUploadMutation = { startFilingDocumentUpload: { uploadId: string, partBytes: number, parts: number, receivedParts: Array<number> } };

export type UploadFilingDocumentPartMutationVariables = Exact<{
  uploadId: string | number;
  index: number;
  contentBase64: unknown;
}>;


export type UploadFilingDocumentPartMutation = { uploadFilingDocumentPart: { receivedBytes: number, receivedParts: Array<number> } };

export type CompleteFilingDocumentUploadMutationVariables = Exact<{
  uploadId: string | number;
}>;


export type CompleteFilingDocumentUploadMutation = { completeFilingDocumentUpload: { id: string, name: string } };

export type SubmitFilingFromConsoleMutationVariables = Exact<{
  contractId: string | number;
  idempotencyKey: string;
  documents: Array<FilingDocumentInput> | FilingDocumentInput;
}>;


export type SubmitFilingFromConsoleMutation = { submitFiling: { id: string, status: FilingStatus } };

export type AmendContractMutationVariables = Exact<{
  contractId: string | number;
  idempotencyKey: string;
  amendedOn: string;
  terms: ContractTermsInput;
  documents: Array<FilingDocumentInput> | FilingDocumentInput;
}>;


export type AmendContractMutation = { amendContract: { id: string, status: FilingStatus } };

export type ResubmitFilingMutationVariables = Exact<{
  filingId: string | number;
  idempotencyKey: string;
  terms: ContractTermsInput;
  documents: Array<FilingDocumentInput> | FilingDocumentInput;
}>;


export type ResubmitFilingMutation = { resubmitFiling: { id: string, status: FilingStatus, currentVersion: number } };

export type DiscardContractDraftMutationVariables = Exact<{
  contractId: string | number;
}>;


export type DiscardContractDraftMutation = { discardContractDraft: { id: string, status: ContractStatus } };

export type TerminateContractMutationVariables = Exact<{
  contractId: string | number;
  terminatedOn: string;
  handoverOn: string;
  reason: string;
  noticeGivenOn?: string | null | undefined;
}>;


export type TerminateContractMutation = { terminateContract: { id: string, status: ContractStatus, terminatedOn: string | null, handoverOn: string | null } };

export type RecordContinuedServiceMutationVariables = Exact<{
  contractId: string | number;
}>;


export type RecordContinuedServiceMutation = { recordContinuedService: { id: string, status: ContractStatus, continuedFrom: string | null } };

export type ContractTermsFieldsFragment = { kind: ContractKind, number: string, title: string, selectionMethod: SelectionMethod, approvalReference: string | null, agreementGround: AgreementGround | null, projectBuildingAreaCentiM2: number | null, hiringDecisionId: string | null, signedOn: string, startsOn: string, endsOn: string, demandPeriodDays: number | null, ownersSide: { kind: OwnersSideKind, name: string }, serviceItems: Array<{ item: string, standard: string }>, feeSchedule: { classes: Array<{ buildingClass: BuildingClass, assessedRateFenPerM2Month: number, ownerRateFenPerM2Month: number, subsidies: Array<{ payer: string, rateFenPerM2Month: number, startMonth: string, months: number }> }> }, lateFee: { dailyRatePerTenThousand: number | null, monthlyRatePerTenThousand: number | null, graceDays: number, capPercentOfPrincipal: number | null, clauseText: string | null } | null, parties: Array<{ role: ContractPartyRole, name: string, registration: string | null, signatory: string }> };

export type CompanyContractsQueryVariables = Exact<{
  offset: number;
  first: number;
}>;


export type CompanyContractsQuery = { contracts: { totalCount: number, items: Array<{ id: string, number: string, status: ContractStatus, startsOn: string, endsOn: string, continuedFrom: string | null, area: { id: string, name: string }, filings: Array<{ id: string, status: FilingStatus, recordNumber: string | null, late: boolean }> }> } };

export type ContractForActionsQueryVariables = Exact<{
  id: string | number;
}>;


export type ContractForActionsQuery = { contract: { id: string, number: string, status: ContractStatus, endsOn: string, continuedFrom: string | null, area: { id: string, name: string }, terms: { kind: ContractKind, number: string, title: string, selectionMethod: SelectionMethod, approvalReference: string | null, agreementGround: AgreementGround | null, projectBuildingAreaCentiM2: number | null, hiringDecisionId: string | null, signedOn: string, startsOn: string, endsOn: string, demandPeriodDays: number | null, ownersSide: { kind: OwnersSideKind, name: string }, serviceItems: Array<{ item: string, standard: string }>, feeSchedule: { classes: Array<{ buildingClass: BuildingClass, assessedRateFenPerM2Month: number, ownerRateFenPerM2Month: number, subsidies: Array<{ payer: string, rateFenPerM2Month: number, startMonth: string, months: number }> }> }, lateFee: { dailyRatePerTenThousand: number | null, monthlyRatePerTenThousand: number | null, graceDays: number, capPercentOfPrincipal: number | null, clauseText: string | null } | null, parties: Array<{ role: ContractPartyRole, name: string, registration: string | null, signatory: string }> }, filings: Array<{ id: string, kind: FilingKind, status: FilingStatus, currentVersion: number, terms: { kind: ContractKind, number: string, title: string, selectionMethod: SelectionMethod, approvalReference: string | null, agreementGround: AgreementGround | null, projectBuildingAreaCentiM2: number | null, hiringDecisionId: string | null, signedOn: string, startsOn: string, endsOn: string, demandPeriodDays: number | null, ownersSide: { kind: OwnersSideKind, name: string }, serviceItems: Array<{ item: string, standard: string }>, feeSchedule: { classes: Array<{ buildingClass: BuildingClass, assessedRateFenPerM2Month: number, ownerRateFenPerM2Month: number, subsidies: Array<{ payer: string, rateFenPerM2Month: number, startMonth: string, months: number }> }> }, lateFee: { dailyRatePerTenThousand: number | null, monthlyRatePerTenThousand: number | null, graceDays: number, capPercentOfPrincipal: number | null, clauseText: string | null } | null, parties: Array<{ role: ContractPartyRole, name: string, registration: string | null, signatory: string }> }, versions: Array<{ version: number, returnReasons: Array<{ field: string, reason: string }>, documents: Array<{ name: string, type: FilingDocumentType, sizeBytes: number, sha256: string }> }> }> } };

export type RunBillingMutationVariables = Exact<{
  areaId: string | number;
  month: string;
}>;


export type RunBillingMutation = { runBilling: { id: string, month: string, households: number, newlyBilled: number, unbilledHouseholds: number, chargedFen: number, dueOn: string, servedDays: number, monthDays: number, overbilledHouseholds: number, billedByAnotherCompany: number } };

export type LeviesQueryVariables = Exact<{ [key: string]: never; }>;


export type LeviesQuery = { levies: Array<{ id: string, title: string, basis: string, dueOn: string, households: number, paidHouseholds: number, byHouseholds: { percent: string | null }, buildings: Array<{ buildingId: string, households: number, paidHouseholds: number, quota: number, activated: boolean }> }> };

export type FilingReviewQueueQueryVariables = Exact<{
  offset: number;
  first: number;
  filter?: FilingReviewQueueFilter | null | undefined;
}>;


export type FilingReviewQueueQuery = { filingReviewQueue: { totalCount: number, counts: Array<{ status: FilingStatus, count: number, late: number }>, items: Array<{ id: string, companyId: string, kind: FilingKind, status: FilingStatus, currentVersion: number, submittedOn: string, deadline: string | null, late: boolean, daysLate: number, recordNumber: string | null, area: { name: string } }> } };

export type AcceptFilingMutationVariables = Exact<{
  filingId: string | number;
  version: number;
}>;


export type AcceptFilingMutation = { acceptFiling: { id: string, status: FilingStatus, recordNumber: string | null } };

export type ReturnFilingMutationVariables = Exact<{
  filingId: string | number;
  version: number;
  reasons: Array<ReturnReasonInput> | ReturnReasonInput;
}>;


export type ReturnFilingMutation = { returnFiling: { id: string, status: FilingStatus } };

export type MediationAccountsQueryVariables = Exact<{
  offset: number;
  first: number;
}>;


export type MediationAccountsQuery = { arrears: { totalCount: number, items: Array<{ accountId: string, unit: string | null, room: string | null, status: ArrearsAccountStatus, arrearsFen: number, oldestDueOn: string | null }> } };

export type MediationAccountQueryVariables = Exact<{
  id: string | number;
}>;


export type MediationAccountQuery = { arrearsAccount: { id: string, unit: string | null, room: string | null, status: ArrearsAccountStatus, arrearsFen: number, charges: Array<{ chargeId: string, inArrears: boolean }>, actions: Array<{ actionId: string, kind: CollectionActionKind, on: string, mediator: string | null, outcome: MediationOutcome | null, outcomeOn: string | null }> } };

export type MediationSessionsQueryVariables = Exact<{
  offset: number;
  first: number;
}>;


export type MediationSessionsQuery = { mediationSessions: { totalCount: number, items: Array<{ actionId: string, accountId: string, companyId: string, unit: string | null, room: string | null, on: string, mediator: string, outcome: MediationOutcome, outcomeOn: string | null, area: { id: string, name: string } | null, household: { id: string, ownerName: string | null } | null }> } };

export type RecordMediationSessionMutationVariables = Exact<{
  idempotencyKey?: string | null | undefined;
  accountId: string | number;
  action: CollectionActionInput;
}>;


export type RecordMediationSessionMutation = { recordCollectionAction: { id: string, status: ArrearsAccountStatus } };

export type RecordMediationOutcomeMutationVariables = Exact<{
  actionId: string | number;
  outcome: MediationOutcome;
  outcomeOn: string;
}>;


export type RecordMediationOutcomeMutation = { recordMediationOutcome: { id: string, status: ArrearsAccountStatus } };

export type ImportPaymentsMutationVariables = Exact<{
  payments: Array<PaymentInput> | PaymentInput;
}>;


export type ImportPaymentsMutation = { importPayments: Array<{ paymentId: string, receiptNumber: string, accountId: string, amountFen: number, creditFen: number, paidOn: string, paidInto: string, recordedAt: string, reversedOn: string | null, replayed: boolean }> };

export type ReferralsQueryVariables = Exact<{
  offset: number;
  first: number;
  filter?: ReferralFilter | null | undefined;
}>;


export type ReferralsQuery = { referrals: { totalCount: number, items: Array<{ id: string, areaName: string, companyId: string, plaintiffName: string | null, courtId: string, courtName: string | null, eligible: boolean, status: CaseStatus | null, procedure: Procedure | null, amountInDisputeFen: number, caseNumber: string | null, submittedOn: string, eligibility: { failures: Array<{ code: string, message: string, elapsesOn: string | null }> } }> } };

export type ReferralCaseQueryVariables = Exact<{
  id: string | number;
}>;


export type ReferralCaseQuery = { referral: { id: string, areaName: string, companyId: string, plaintiffName: string | null, status: CaseStatus | null, procedure: Procedure | null, caseNumber: string | null, enforcementCaseNumber: string | null, docketedOn: string | null, hearingOn: string | null, decidedOn: string | null, amountInDisputeFen: number, grandTotalFen: number, caseAcceptanceFee: { fullFen: number, onDocketingFen: number, halvedUnder: string | null } | null, packages: Array<{ version: number, digest: string, chainSequence: number }>, courtEvents: Array<{ kind: CourtEventKind, occurredAt: string }> }, verifyCasePackage: { valid: boolean, chainValid: boolean, version: number, reason: string | null } };

export type ReferralDocumentsQueryVariables = Exact<{
  id: string | number;
}>;


export type ReferralDocumentsQuery = { referral: { id: string, documents: Array<{ name: string, kind: DocumentKind, mediaType: string, sha256: string, sizeBytes: number }> } };

export type ReferralDocumentContentQueryVariables = Exact<{
  id: string | number;
  sha256: string;
}>;


export type ReferralDocumentContentQuery = { referral: { id: string, documents: Array<{ sha256: string, contentBase64: string }> } };

export type ReportCourtEventMutationVariables = Exact<{
  eventId?: string | null | undefined;
  report: CourtReportInput;
}>;


export type ReportCourtEventMutation = { reportCourtEvent: { id: string, status: CaseStatus | null, caseNumber: string | null } };

export type OverdueSmallClaimsQueryVariables = Exact<{ [key: string]: never; }>;


export type OverdueSmallClaimsQuery = { overdueSmallClaims: Array<{ dueOn: string, daysOverdue: number, extended: boolean, provisional: boolean, awaitsHolidayYear: number | null, referral: { id: string, areaName: string, caseNumber: string | null } }> };

export type VerifyFilingCertificateQueryVariables = Exact<{
  recordNumber: string;
  digest: string;
}>;


export type VerifyFilingCertificateQuery = { verifyFilingCertificate: { result: CertificateVerificationResult, since: string | null, provider: string | null, areaName: string | null, startsOn: string | null, endsOn: string | null } };

export const ContractTermsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContractTermsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContractTerms"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"ownersSide"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"selectionMethod"}},{"kind":"Field","name":{"kind":"Name","value":"approvalReference"}},{"kind":"Field","name":{"kind":"Name","value":"agreementGround"}},{"kind":"Field","name":{"kind":"Name","value":"projectBuildingAreaCentiM2"}},{"kind":"Field","name":{"kind":"Name","value":"hiringDecisionId"}},{"kind":"Field","name":{"kind":"Name","value":"signedOn"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"serviceItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"standard"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feeSchedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildingClass"}},{"kind":"Field","name":{"kind":"Name","value":"assessedRateFenPerM2Month"}},{"kind":"Field","name":{"kind":"Name","value":"ownerRateFenPerM2Month"}},{"kind":"Field","name":{"kind":"Name","value":"subsidies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payer"}},{"kind":"Field","name":{"kind":"Name","value":"rateFenPerM2Month"}},{"kind":"Field","name":{"kind":"Name","value":"startMonth"}},{"kind":"Field","name":{"kind":"Name","value":"months"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lateFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dailyRatePerTenThousand"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyRatePerTenThousand"}},{"kind":"Field","name":{"kind":"Name","value":"graceDays"}},{"kind":"Field","name":{"kind":"Name","value":"capPercentOfPrincipal"}},{"kind":"Field","name":{"kind":"Name","value":"clauseText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"demandPeriodDays"}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registration"}},{"kind":"Field","name":{"kind":"Name","value":"signatory"}}]}}]}}]} as unknown as DocumentNode<ContractTermsFieldsFragment, unknown>;
export const ArrearsListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArrearsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ArrearsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrears"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"openFen"}},{"kind":"Field","name":{"kind":"Name","value":"aging"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"openFen"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"arrearsFen"}},{"kind":"Field","name":{"kind":"Name","value":"openCharges"}},{"kind":"Field","name":{"kind":"Name","value":"oldestDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"agingBucket"}}]}}]}}]}}]} as unknown as DocumentNode<ArrearsListQuery, ArrearsListQueryVariables>;
export const AccountStatementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountStatement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrearsAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"billedFen"}},{"kind":"Field","name":{"kind":"Name","value":"paidFen"}},{"kind":"Field","name":{"kind":"Name","value":"waivedFen"}},{"kind":"Field","name":{"kind":"Name","value":"creditFen"}},{"kind":"Field","name":{"kind":"Name","value":"openFen"}},{"kind":"Field","name":{"kind":"Name","value":"arrearsFen"}},{"kind":"Field","name":{"kind":"Name","value":"lateFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"charges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chargeId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"amountFen"}},{"kind":"Field","name":{"kind":"Name","value":"paidFen"}},{"kind":"Field","name":{"kind":"Name","value":"waivedFen"}},{"kind":"Field","name":{"kind":"Name","value":"openFen"}},{"kind":"Field","name":{"kind":"Name","value":"lateFeeFen"}},{"kind":"Field","name":{"kind":"Name","value":"inArrears"}},{"kind":"Field","name":{"kind":"Name","value":"agingBucket"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"on"}}]}}]}}]}}]} as unknown as DocumentNode<AccountStatementQuery, AccountStatementQueryVariables>;
export const CollectionRatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CollectionRates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CollectionRateGrouping"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collectionRates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"paidHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"billedFen"}},{"kind":"Field","name":{"kind":"Name","value":"collectedFen"}},{"kind":"Field","name":{"kind":"Name","value":"byHouseholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}}]}}]}}]} as unknown as DocumentNode<CollectionRatesQuery, CollectionRatesQueryVariables>;
export const CollectionRatesOfMonthByBuildingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CollectionRatesOfMonthByBuilding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collectionRates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"BUILDING"}},{"kind":"Argument","name":{"kind":"Name","value":"fromMonth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"toMonth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"paidHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"byHouseholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}}]}}]}}]} as unknown as DocumentNode<CollectionRatesOfMonthByBuildingQuery, CollectionRatesOfMonthByBuildingQueryVariables>;
export const ReferralStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referralStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"areaId"}},{"kind":"Field","name":{"kind":"Name","value":"areaName"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"referrals"}},{"kind":"Field","name":{"kind":"Name","value":"ineligible"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"judged"}},{"kind":"Field","name":{"kind":"Name","value":"settled"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"amountInDisputeFen"}},{"kind":"Field","name":{"kind":"Name","value":"judgedFen"}}]}}]}}]} as unknown as DocumentNode<ReferralStatisticsQuery, ReferralStatisticsQueryVariables>;
export const ImportCompoundCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportCompoundCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"compoundId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"csv"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CsvText"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importCompoundCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"compoundId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"compoundId"}}},{"kind":"Argument","name":{"kind":"Name","value":"csv"},"value":{"kind":"Variable","name":{"kind":"Name","value":"csv"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildingsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"householdsCreated"}}]}}]}}]} as unknown as DocumentNode<ImportCompoundCsvMutation, ImportCompoundCsvMutationVariables>;
export const CompoundsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Compounds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compounds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"governanceModel"}},{"kind":"Field","name":{"kind":"Name","value":"statistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildings"}},{"kind":"Field","name":{"kind":"Name","value":"households"}}]}}]}}]}}]} as unknown as DocumentNode<CompoundsQuery, CompoundsQueryVariables>;
export const HouseholdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Households"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compound"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"households"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"floorAreaM2"}},{"kind":"Field","name":{"kind":"Name","value":"ownerName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HouseholdsQuery, HouseholdsQueryVariables>;
export const OverdueGovernanceBodiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverdueGovernanceBodies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overdueGovernanceBodies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"formedOn"}},{"kind":"Field","name":{"kind":"Name","value":"filingDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"recordingDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}},{"kind":"Field","name":{"kind":"Name","value":"termEndsOn"}}]}}]}}]}}]} as unknown as DocumentNode<OverdueGovernanceBodiesQuery, OverdueGovernanceBodiesQueryVariables>;
export const DraftContractDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DraftContract"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"areaId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"terms"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContractTermsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draftContract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"areaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"areaId"}}},{"kind":"Argument","name":{"kind":"Name","value":"terms"},"value":{"kind":"Variable","name":{"kind":"Name","value":"terms"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DraftContractMutation, DraftContractMutationVariables>;
export const ContractDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContractDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contractDocuments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filingId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}}]}}]}}]} as unknown as DocumentNode<ContractDocumentsQuery, ContractDocumentsQueryVariables>;
export const StartFilingDocumentUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartFilingDocumentUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upload"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FilingDocumentUploadStartInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startFilingDocumentUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upload"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upload"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadId"}},{"kind":"Field","name":{"kind":"Name","value":"partBytes"}},{"kind":"Field","name":{"kind":"Name","value":"parts"}},{"kind":"Field","name":{"kind":"Name","value":"receivedParts"}}]}}]}}]} as unknown as DocumentNode<StartFilingDocumentUploadMutation, StartFilingDocumentUploadMutationVariables>;
export const UploadFilingDocumentPartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadFilingDocumentPart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uploadId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"index"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contentBase64"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Base64"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadFilingDocumentPart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uploadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uploadId"}}},{"kind":"Argument","name":{"kind":"Name","value":"index"},"value":{"kind":"Variable","name":{"kind":"Name","value":"index"}}},{"kind":"Argument","name":{"kind":"Name","value":"contentBase64"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contentBase64"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"receivedParts"}}]}}]}}]} as unknown as DocumentNode<UploadFilingDocumentPartMutation, UploadFilingDocumentPartMutationVariables>;
export const CompleteFilingDocumentUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteFilingDocumentUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uploadId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeFilingDocumentUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uploadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uploadId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CompleteFilingDocumentUploadMutation, CompleteFilingDocumentUploadMutationVariables>;
export const SubmitFilingFromConsoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitFilingFromConsole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"documents"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FilingDocumentInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitFiling"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"documents"},"value":{"kind":"Variable","name":{"kind":"Name","value":"documents"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SubmitFilingFromConsoleMutation, SubmitFilingFromConsoleMutationVariables>;
export const AmendContractDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AmendContract"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amendedOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"terms"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContractTermsInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"documents"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FilingDocumentInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amendContract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"amendedOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amendedOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"terms"},"value":{"kind":"Variable","name":{"kind":"Name","value":"terms"}}},{"kind":"Argument","name":{"kind":"Name","value":"documents"},"value":{"kind":"Variable","name":{"kind":"Name","value":"documents"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AmendContractMutation, AmendContractMutationVariables>;
export const ResubmitFilingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResubmitFiling"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"terms"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContractTermsInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"documents"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FilingDocumentInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resubmitFiling"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filingId"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"terms"},"value":{"kind":"Variable","name":{"kind":"Name","value":"terms"}}},{"kind":"Argument","name":{"kind":"Name","value":"documents"},"value":{"kind":"Variable","name":{"kind":"Name","value":"documents"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<ResubmitFilingMutation, ResubmitFilingMutationVariables>;
export const DiscardContractDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DiscardContractDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"discardContractDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DiscardContractDraftMutation, DiscardContractDraftMutationVariables>;
export const TerminateContractDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TerminateContract"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"terminatedOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"handoverOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Note"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"noticeGivenOn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"terminateContract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}},{"kind":"Argument","name":{"kind":"Name","value":"terminatedOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"terminatedOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"handoverOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"handoverOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"noticeGivenOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"noticeGivenOn"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"terminatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"handoverOn"}}]}}]}}]} as unknown as DocumentNode<TerminateContractMutation, TerminateContractMutationVariables>;
export const RecordContinuedServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordContinuedService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordContinuedService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"continuedFrom"}}]}}]}}]} as unknown as DocumentNode<RecordContinuedServiceMutation, RecordContinuedServiceMutationVariables>;
export const CompanyContractsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyContracts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contracts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"continuedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"filings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompanyContractsQuery, CompanyContractsQueryVariables>;
export const ContractForActionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContractForActions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"continuedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"terms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContractTermsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"filings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"terms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContractTermsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"returnReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContractTermsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContractTerms"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"ownersSide"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"selectionMethod"}},{"kind":"Field","name":{"kind":"Name","value":"approvalReference"}},{"kind":"Field","name":{"kind":"Name","value":"agreementGround"}},{"kind":"Field","name":{"kind":"Name","value":"projectBuildingAreaCentiM2"}},{"kind":"Field","name":{"kind":"Name","value":"hiringDecisionId"}},{"kind":"Field","name":{"kind":"Name","value":"signedOn"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"serviceItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"standard"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feeSchedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildingClass"}},{"kind":"Field","name":{"kind":"Name","value":"assessedRateFenPerM2Month"}},{"kind":"Field","name":{"kind":"Name","value":"ownerRateFenPerM2Month"}},{"kind":"Field","name":{"kind":"Name","value":"subsidies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payer"}},{"kind":"Field","name":{"kind":"Name","value":"rateFenPerM2Month"}},{"kind":"Field","name":{"kind":"Name","value":"startMonth"}},{"kind":"Field","name":{"kind":"Name","value":"months"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lateFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dailyRatePerTenThousand"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyRatePerTenThousand"}},{"kind":"Field","name":{"kind":"Name","value":"graceDays"}},{"kind":"Field","name":{"kind":"Name","value":"capPercentOfPrincipal"}},{"kind":"Field","name":{"kind":"Name","value":"clauseText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"demandPeriodDays"}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registration"}},{"kind":"Field","name":{"kind":"Name","value":"signatory"}}]}}]}}]} as unknown as DocumentNode<ContractForActionsQuery, ContractForActionsQueryVariables>;
export const RunBillingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunBilling"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"areaId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runBilling"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"areaId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"areaId"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"newlyBilled"}},{"kind":"Field","name":{"kind":"Name","value":"unbilledHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"chargedFen"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"servedDays"}},{"kind":"Field","name":{"kind":"Name","value":"monthDays"}},{"kind":"Field","name":{"kind":"Name","value":"overbilledHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"billedByAnotherCompany"}}]}}]}}]} as unknown as DocumentNode<RunBillingMutation, RunBillingMutationVariables>;
export const LeviesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Levies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"levies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"paidHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"byHouseholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"buildings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildingId"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"paidHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"activated"}}]}}]}}]}}]} as unknown as DocumentNode<LeviesQuery, LeviesQueryVariables>;
export const FilingReviewQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FilingReviewQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FilingReviewQueueFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filingReviewQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"submittedOn"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"daysLate"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FilingReviewQueueQuery, FilingReviewQueueQueryVariables>;
export const AcceptFilingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptFiling"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptFiling"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filingId"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}}]}}]}}]} as unknown as DocumentNode<AcceptFilingMutation, AcceptFilingMutationVariables>;
export const ReturnFilingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReturnFiling"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reasons"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReturnReasonInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnFiling"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filingId"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"reasons"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reasons"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReturnFilingMutation, ReturnFilingMutationVariables>;
export const MediationAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MediationAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrears"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"arrearsFen"}},{"kind":"Field","name":{"kind":"Name","value":"oldestDueOn"}}]}}]}}]}}]} as unknown as DocumentNode<MediationAccountsQuery, MediationAccountsQueryVariables>;
export const MediationAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MediationAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrearsAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"arrearsFen"}},{"kind":"Field","name":{"kind":"Name","value":"charges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chargeId"}},{"kind":"Field","name":{"kind":"Name","value":"inArrears"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"mediator"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeOn"}}]}}]}}]}}]} as unknown as DocumentNode<MediationAccountQuery, MediationAccountQueryVariables>;
export const MediationSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MediationSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediationSessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ownerName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"mediator"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeOn"}}]}}]}}]}}]} as unknown as DocumentNode<MediationSessionsQuery, MediationSessionsQueryVariables>;
export const RecordMediationSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMediationSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CollectionActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCollectionAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RecordMediationSessionMutation, RecordMediationSessionMutationVariables>;
export const RecordMediationOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMediationOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MediationOutcome"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcomeOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordMediationOutcome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"actionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"outcome"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}}},{"kind":"Argument","name":{"kind":"Name","value":"outcomeOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcomeOn"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RecordMediationOutcomeMutation, RecordMediationOutcomeMutationVariables>;
export const ImportPaymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportPayments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"payments"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importPayments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"payments"},"value":{"kind":"Variable","name":{"kind":"Name","value":"payments"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paymentId"}},{"kind":"Field","name":{"kind":"Name","value":"receiptNumber"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"amountFen"}},{"kind":"Field","name":{"kind":"Name","value":"creditFen"}},{"kind":"Field","name":{"kind":"Name","value":"paidOn"}},{"kind":"Field","name":{"kind":"Name","value":"paidInto"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reversedOn"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<ImportPaymentsMutation, ImportPaymentsMutationVariables>;
export const ReferralsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Referrals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"areaName"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"plaintiffName"}},{"kind":"Field","name":{"kind":"Name","value":"courtId"}},{"kind":"Field","name":{"kind":"Name","value":"courtName"}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"procedure"}},{"kind":"Field","name":{"kind":"Name","value":"amountInDisputeFen"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"submittedOn"}},{"kind":"Field","name":{"kind":"Name","value":"eligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"elapsesOn"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReferralsQuery, ReferralsQueryVariables>;
export const ReferralCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"areaName"}},{"kind":"Field","name":{"kind":"Name","value":"companyId"}},{"kind":"Field","name":{"kind":"Name","value":"plaintiffName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"procedure"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"enforcementCaseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"docketedOn"}},{"kind":"Field","name":{"kind":"Name","value":"hearingOn"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"amountInDisputeFen"}},{"kind":"Field","name":{"kind":"Name","value":"grandTotalFen"}},{"kind":"Field","name":{"kind":"Name","value":"caseAcceptanceFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fullFen"}},{"kind":"Field","name":{"kind":"Name","value":"onDocketingFen"}},{"kind":"Field","name":{"kind":"Name","value":"halvedUnder"}}]}},{"kind":"Field","name":{"kind":"Name","value":"packages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"chainSequence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"courtEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"verifyCasePackage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"referralId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"chainValid"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<ReferralCaseQuery, ReferralCaseQueryVariables>;
export const ReferralDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralDocuments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}}]}}]}}]} as unknown as DocumentNode<ReferralDocumentsQuery, ReferralDocumentsQueryVariables>;
export const ReferralDocumentContentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralDocumentContent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sha256"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sha256"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sha256"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}}]}}]}}]} as unknown as DocumentNode<ReferralDocumentContentQuery, ReferralDocumentContentQueryVariables>;
export const ReportCourtEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportCourtEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"report"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CourtReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCourtEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"eventId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventId"}}},{"kind":"Argument","name":{"kind":"Name","value":"report"},"value":{"kind":"Variable","name":{"kind":"Name","value":"report"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}}]}}]}}]} as unknown as DocumentNode<ReportCourtEventMutation, ReportCourtEventMutationVariables>;
export const OverdueSmallClaimsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverdueSmallClaims"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overdueSmallClaims"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"daysOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"extended"}},{"kind":"Field","name":{"kind":"Name","value":"provisional"}},{"kind":"Field","name":{"kind":"Name","value":"awaitsHolidayYear"}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"areaName"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}}]}}]}}]}}]} as unknown as DocumentNode<OverdueSmallClaimsQuery, OverdueSmallClaimsQueryVariables>;
export const VerifyFilingCertificateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyFilingCertificate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recordNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"digest"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Key"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyFilingCertificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"recordNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recordNumber"}}},{"kind":"Argument","name":{"kind":"Name","value":"digest"},"value":{"kind":"Variable","name":{"kind":"Name","value":"digest"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"areaName"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]} as unknown as DocumentNode<VerifyFilingCertificateQuery, VerifyFilingCertificateQueryVariables>;