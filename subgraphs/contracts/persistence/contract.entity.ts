import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { ContractKind, ContractStatus } from '../domain/contract';
import type { ContractTerms } from '../domain/contract-terms';
import type { FeeScheduleFlag } from '../domain/fee-schedule';
import type { FilingDocument, FilingKind, FilingStatus, ReturnReason, ReviewOutcome } from '../domain/filing';

/** A service contract of one area; `terms` are its current terms (the draft, or those of its latest version). */
export class Contract {
  [OptionalProps]?: 'createdAt' | 'updatedAt';
  id!: string;
  areaId!: string;
  /** The area's street and district, copied at drafting (an area never moves), so reviewers' lists filter by prefix. */
  streetCode!: string;
  districtCode!: string;
  /** The provider: the organisation id of the property company's token. */
  companyId!: string;
  status!: ContractStatus;
  kind!: ContractKind;
  number!: string;
  startsOn!: string;
  endsOn!: string;
  terms!: ContractTerms;
  terminatedOn?: string;
  handoverOn?: string;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export class Filing {
  [OptionalProps]?: 'createdAt' | 'updatedAt';
  id!: string;
  contractId!: string;
  areaId!: string;
  streetCode!: string;
  districtCode!: string;
  companyId!: string;
  kind!: FilingKind;
  amendsFilingId?: string;
  status!: FilingStatus;
  currentVersion!: number;
  /** Counts transitions; events carry it so subscribers can drop what they already have. */
  sequence!: number;
  recordNumber?: string;
  /** The signing date (initial filing) or amendment date the deadline runs from. */
  deadlineFrom!: string;
  submittedOn!: string;
  deadline!: string;
  late!: boolean;
  daysLate!: number;
  lateConsequence?: string;
  acceptedOn?: string;
  supersededByFilingId?: string;
  terminatedOn?: string;
  handoverOn?: string;
  terminationReason?: string;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

/** One submission of a filing; never changed after the review except for recording the review itself. */
export class FilingVersion {
  [OptionalProps]?: 'returnReasons';
  id!: string;
  filingId!: string;
  version!: number;
  companyId!: string;
  idempotencyKey!: string;
  requestDigest!: string;
  submittedOn!: string;
  submittedBy!: string;
  terms!: ContractTerms;
  termsSha256!: string;
  feeFlags!: FeeScheduleFlag[];
  documents!: FilingDocument[];
  outcome?: ReviewOutcome;
  reviewedAt?: Date;
  reviewedBy?: string;
  reviewerRole?: string;
  reviewVia?: string;
  returnReasons: ReturnReason[] = [];
}

/** The audit trail: who moved the filing to which status, when, and through which channel. */
export class FilingTransition {
  [OptionalProps]?: 'at';
  id!: string;
  filingId!: string;
  sequence!: number;
  version!: number;
  action!: string;
  status!: FilingStatus;
  at: Date = new Date();
  actorOrganisationId!: string;
  actorRole!: string;
  actorSubject!: string;
  via!: 'API' | 'KAFKA';
  note?: Record<string, unknown>;
}

/** A bureau's own system allowed to send review decisions on the inbound topic, and the divisions it reviews for. */
export class ReviewSystem {
  [OptionalProps]?: 'registeredAt';
  organisationId!: string;
  name!: string;
  role!: 'STREET_OFFICE' | 'CITY_BUREAU';
  jurisdictions!: string[];
  registeredAt: Date = new Date();
}

const date = { type: 'date' } as const;
const optionalDate = { type: 'date', nullable: true } as const;
const optionalText = { type: 'text', nullable: true } as const;
const timestamp = { type: 'datetime', columnType: 'timestamptz' } as const;

export const ContractSchema = new EntitySchema<Contract>({
  class: Contract,
  tableName: 'contract',
  properties: {
    id: { type: 'uuid', primary: true },
    areaId: { type: 'uuid' },
    streetCode: { type: 'text' },
    districtCode: { type: 'text' },
    companyId: { type: 'text' },
    status: { type: 'text' },
    kind: { type: 'text' },
    number: { type: 'text' },
    startsOn: date,
    endsOn: date,
    terms: { type: 'json' },
    terminatedOn: optionalDate,
    handoverOn: optionalDate,
    createdAt: timestamp,
    updatedAt: { ...timestamp, onUpdate: () => new Date() },
  },
});

export const FilingSchema = new EntitySchema<Filing>({
  class: Filing,
  tableName: 'filing',
  properties: {
    id: { type: 'uuid', primary: true },
    contractId: { type: 'uuid' },
    areaId: { type: 'uuid' },
    streetCode: { type: 'text' },
    districtCode: { type: 'text' },
    companyId: { type: 'text' },
    kind: { type: 'text' },
    amendsFilingId: { type: 'uuid', nullable: true },
    status: { type: 'text' },
    currentVersion: { type: 'integer' },
    sequence: { type: 'integer' },
    recordNumber: optionalText,
    deadlineFrom: date,
    submittedOn: date,
    deadline: date,
    late: { type: 'boolean' },
    daysLate: { type: 'integer' },
    lateConsequence: optionalText,
    acceptedOn: optionalDate,
    supersededByFilingId: { type: 'uuid', nullable: true },
    terminatedOn: optionalDate,
    handoverOn: optionalDate,
    terminationReason: optionalText,
    createdAt: timestamp,
    updatedAt: { ...timestamp, onUpdate: () => new Date() },
  },
});

export const FilingVersionSchema = new EntitySchema<FilingVersion>({
  class: FilingVersion,
  tableName: 'filing_version',
  properties: {
    id: { type: 'uuid', primary: true },
    filingId: { type: 'uuid' },
    version: { type: 'integer' },
    companyId: { type: 'text' },
    idempotencyKey: { type: 'text' },
    requestDigest: { type: 'text' },
    submittedOn: date,
    submittedBy: { type: 'text' },
    terms: { type: 'json' },
    termsSha256: { type: 'text', fieldName: 'terms_sha256' },
    feeFlags: { type: 'json' },
    documents: { type: 'json' },
    outcome: optionalText,
    reviewedAt: { ...timestamp, nullable: true },
    reviewedBy: optionalText,
    reviewerRole: optionalText,
    reviewVia: optionalText,
    returnReasons: { type: 'json' },
  },
});

export const FilingTransitionSchema = new EntitySchema<FilingTransition>({
  class: FilingTransition,
  tableName: 'filing_transition',
  properties: {
    id: { type: 'uuid', primary: true },
    filingId: { type: 'uuid' },
    sequence: { type: 'integer' },
    version: { type: 'integer' },
    action: { type: 'text' },
    status: { type: 'text' },
    at: timestamp,
    actorOrganisationId: { type: 'text' },
    actorRole: { type: 'text' },
    actorSubject: { type: 'text' },
    via: { type: 'text' },
    note: { type: 'json', nullable: true },
  },
});

export const ReviewSystemSchema = new EntitySchema<ReviewSystem>({
  class: ReviewSystem,
  tableName: 'review_system',
  properties: {
    organisationId: { type: 'text', primary: true },
    name: { type: 'text' },
    role: { type: 'text' },
    jurisdictions: { type: 'json' },
    registeredAt: timestamp,
  },
});
