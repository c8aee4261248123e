import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { FeeScheduleFlag } from '../domain/fee-schedule';
import type { ContractTerms } from '../domain/contract-terms';
import type {
  Channel,
  FilingAction,
  FilingDocument,
  FilingKind,
  FilingStatus,
  ReturnReason,
  ReviewOutcome,
} from '../domain/filing';
import type { Role } from '../../../kernel/identity';

const now = () => new Date();

export const FilingSchema = defineEntity({
  name: 'Filing',
  tableName: 'filing',
  properties: (p) => ({
    id: p.uuid().primary(),
    contractId: p.uuid(),
    areaId: p.uuid(),
    streetCode: p.text(),
    districtCode: p.text(),
    companyId: p.text(),
    kind: p.text().$type<FilingKind>(),
    amendsFilingId: p.uuid().nullable(),
    status: p.text().$type<FilingStatus>(),
    currentVersion: p.integer(),
    /** Counts transitions; events carry it so subscribers can drop what they already have. */
    sequence: p.integer(),
    recordNumber: p.text().nullable(),
    /** The signing date (initial filing) or amendment date the deadline runs from. */
    deadlineFrom: p.date(),
    submittedOn: p.date(),
    deadline: p.date().nullable(),
    late: p.boolean(),
    daysLate: p.integer(),
    lateConsequence: p.text().nullable(),
    acceptedOn: p.date().nullable(),
    supersededByFilingId: p.uuid().nullable(),
    terminatedOn: p.date().nullable(),
    handoverOn: p.date().nullable(),
    terminationReason: p.text().nullable(),
    /** The first day of the unfixed term its contract continues for after its own (Civil Code art. 948); null if none. */
    continuedFrom: p.date().nullable(),
    createdAt: p.datetime().columnType('timestamptz').onCreate(now),
    updatedAt: p.datetime().columnType('timestamptz').onCreate(now).onUpdate(now),
  }),
});

export type Filing = InferEntity<typeof FilingSchema>;

/** One submission of a filing; never changed after the review except for recording the review itself. */
export const FilingVersionSchema = defineEntity({
  name: 'FilingVersion',
  tableName: 'filing_version',
  properties: (p) => ({
    id: p.uuid().primary(),
    filingId: p.uuid(),
    version: p.integer(),
    companyId: p.text(),
    idempotencyKey: p.text(),
    requestDigest: p.text(),
    submittedOn: p.date(),
    submittedBy: p.text(),
    terms: p.json<ContractTerms>(),
    termsSha256: p.text().fieldName('terms_sha256'),
    feeFlags: p.json<FeeScheduleFlag[]>(),
    documents: p.json<FilingDocument[]>(),
    outcome: p.text().$type<ReviewOutcome>().nullable(),
    reviewedAt: p.datetime().columnType('timestamptz').nullable(),
    reviewedBy: p.text().nullable(),
    reviewerRole: p.text().$type<Role>().nullable(),
    reviewVia: p.text().$type<Channel>().nullable(),
    returnReasons: p.json<ReturnReason[]>().onCreate(() => []),
  }),
});

export type FilingVersion = InferEntity<typeof FilingVersionSchema>;

/** The audit trail: who moved the filing to which status, when, and through which channel. */
export const FilingTransitionSchema = defineEntity({
  name: 'FilingTransition',
  tableName: 'filing_transition',
  properties: (p) => ({
    id: p.uuid().primary(),
    filingId: p.uuid(),
    sequence: p.integer(),
    version: p.integer(),
    action: p.text().$type<FilingAction>(),
    status: p.text().$type<FilingStatus>(),
    at: p.datetime().columnType('timestamptz').onCreate(now),
    actorOrganisationId: p.text(),
    actorRole: p.text().$type<Role>(),
    actorSubject: p.text(),
    via: p.text().$type<Channel>(),
    note: p.json<Record<string, unknown>>().nullable(),
  }),
});

export type FilingTransition = InferEntity<typeof FilingTransitionSchema>;
