import { EventDefinition, TopicDefinition, uuidSchema } from './types';

/**
 * The filing feed city bureaus, enforcement and court systems subscribe to: every transition of a service-contract
 * filing, each message carrying the whole filing as it stands after the transition (a snapshot, not a diff), so a
 * subscriber keeps a table by upserting on `filingId` and dropping anything whose `sequence` is not newer.
 */
export const FILINGS_TOPIC: TopicDefinition = {
  name: 'contracts.filings.v1',
  producer: 'contracts',
  description: 'Service-contract filings (备案): submitted, accepted, returned, superseded and terminated, each with the filing as it then stands.',
  key: 'filing id',
};

const isoDate = { type: 'string', format: 'date' } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const month = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' } as const;
const fen = { type: 'integer', minimum: 0 } as const;

export interface FilingTermsData {
  kind: 'PRELIMINARY' | 'REGULAR';
  number: string;
  title: string;
  ownersSide: { kind: string; name: string };
  selectionMethod: 'TENDER' | 'AGREEMENT';
  approvalReference: string | null;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  serviceItems: { item: string; standard: string }[];
  feeSchedule: {
    classes: {
      buildingClass: 'LOW_RISE' | 'HIGH_RISE';
      assessedRateFenPerM2Month: number;
      ownerRateFenPerM2Month: number;
      subsidies: { payer: string; rateFenPerM2Month: number; startMonth: string; months: number }[];
    }[];
  };
  lateFee: { dailyRatePerTenThousand: number; graceDays: number; capPercentOfPrincipal: number | null } | null;
  parties: { role: string; name: string; registration: string | null }[];
}

export interface FilingEventData {
  filingId: string;
  contractId: string;
  areaId: string;
  companyId: string;
  kind: 'INITIAL' | 'AMENDMENT';
  amendsFilingId: string | null;
  status: 'SUBMITTED' | 'RETURNED' | 'ACCEPTED' | 'SUPERSEDED' | 'TERMINATED';
  /** The filing's version (a resubmission after a return is the next version). */
  version: number;
  /** Counts the filing's transitions: a subscriber ignores a message whose sequence is not above what it holds. */
  sequence: number;
  recordNumber: string | null;
  submittedOn: string;
  deadline: string;
  late: boolean;
  lateConsequence: string | null;
  acceptedOn: string | null;
  returnReasons: { field: string; reason: string }[];
  supersededByFilingId: string | null;
  terminatedOn: string | null;
  handoverOn: string | null;
  terminationReason: string | null;
  /** The terms of this filing's current version: for an accepted filing, the terms in force. */
  terms: FilingTermsData;
  termsSha256: string;
}

const termsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'number', 'title', 'ownersSide', 'selectionMethod', 'approvalReference', 'signedOn', 'startsOn', 'endsOn', 'serviceItems', 'feeSchedule', 'lateFee', 'parties'],
  properties: {
    kind: { enum: ['PRELIMINARY', 'REGULAR'] },
    number: { type: 'string', minLength: 1 },
    title: { type: 'string', minLength: 1 },
    ownersSide: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'name'],
      properties: { kind: { enum: ['DEVELOPER', 'OWNERS_COMMITTEE', 'PROPERTY_MANAGEMENT_COMMITTEE'] }, name: { type: 'string' } },
    },
    selectionMethod: { enum: ['TENDER', 'AGREEMENT'] },
    approvalReference: nullable({ type: 'string' }),
    signedOn: isoDate,
    startsOn: isoDate,
    endsOn: isoDate,
    serviceItems: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['item', 'standard'], properties: { item: { type: 'string' }, standard: { type: 'string' } } },
    },
    feeSchedule: {
      type: 'object',
      additionalProperties: false,
      required: ['classes'],
      properties: {
        classes: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['buildingClass', 'assessedRateFenPerM2Month', 'ownerRateFenPerM2Month', 'subsidies'],
            properties: {
              buildingClass: { enum: ['LOW_RISE', 'HIGH_RISE'] },
              assessedRateFenPerM2Month: fen,
              ownerRateFenPerM2Month: fen,
              subsidies: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['payer', 'rateFenPerM2Month', 'startMonth', 'months'],
                  properties: { payer: { type: 'string' }, rateFenPerM2Month: fen, startMonth: month, months: { type: 'integer', minimum: 1 } },
                },
              },
            },
          },
        },
      },
    },
    lateFee: nullable({
      type: 'object',
      additionalProperties: false,
      required: ['dailyRatePerTenThousand', 'graceDays', 'capPercentOfPrincipal'],
      properties: { dailyRatePerTenThousand: { type: 'integer', minimum: 1 }, graceDays: { type: 'integer', minimum: 0 }, capPercentOfPrincipal: nullable({ type: 'integer', minimum: 0, maximum: 100 }) },
    }),
    parties: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['role', 'name', 'registration'],
        properties: { role: { type: 'string' }, name: { type: 'string' }, registration: nullable({ type: 'string' }) },
      },
    },
  },
} as const;

const filingSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'filingId', 'contractId', 'areaId', 'companyId', 'kind', 'amendsFilingId', 'status', 'version', 'sequence', 'recordNumber', 'submittedOn',
    'deadline', 'late', 'lateConsequence', 'acceptedOn', 'returnReasons', 'supersededByFilingId', 'terminatedOn', 'handoverOn', 'terminationReason',
    'terms', 'termsSha256',
  ],
  properties: {
    filingId: uuidSchema,
    contractId: uuidSchema,
    areaId: uuidSchema,
    companyId: { type: 'string', minLength: 1 },
    kind: { enum: ['INITIAL', 'AMENDMENT'] },
    amendsFilingId: nullable(uuidSchema),
    status: { enum: ['SUBMITTED', 'RETURNED', 'ACCEPTED', 'SUPERSEDED', 'TERMINATED'] },
    version: { type: 'integer', minimum: 1 },
    sequence: { type: 'integer', minimum: 1 },
    recordNumber: nullable({ type: 'string' }),
    submittedOn: isoDate,
    deadline: isoDate,
    late: { type: 'boolean' },
    lateConsequence: nullable({ type: 'string' }),
    acceptedOn: nullable(isoDate),
    returnReasons: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['field', 'reason'], properties: { field: { type: 'string' }, reason: { type: 'string' } } },
    },
    supersededByFilingId: nullable(uuidSchema),
    terminatedOn: nullable(isoDate),
    handoverOn: nullable(isoDate),
    terminationReason: nullable({ type: 'string' }),
    terms: termsSchema,
    termsSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
};

const filingEvent = (verb: string, summary: string): EventDefinition => ({ type: `hub.contracts.filing.${verb}`, topic: FILINGS_TOPIC, summary, schema: filingSchema });

export const FILING_SUBMITTED = filingEvent('submitted', 'A provider submitted a filing, or resubmitted a returned one as its next version; late submissions carry the statutory consequence.');
export const FILING_ACCEPTED = filingEvent('accepted', 'A reviewer accepted the filing and the hub gave it a record number; its terms are now the contract terms in force.');
export const FILING_RETURNED = filingEvent('returned', 'A reviewer returned the filing with reasons per field.');
export const FILING_SUPERSEDED = filingEvent('superseded', 'An accepted filing was replaced by an accepted amendment, or its preliminary contract ended when a regular contract took effect (Civil Code art. 940).');
export const FILING_TERMINATED = filingEvent('terminated', 'The contract ended early; the handover date is given.');

export const FILING_EVENTS = [FILING_SUBMITTED, FILING_ACCEPTED, FILING_RETURNED, FILING_SUPERSEDED, FILING_TERMINATED] as const;

/** Inbound: review decisions made in a bureau's own system, applied by the hub as if made through the API. */
export const CITY_FILING_REVIEWS_TOPIC: TopicDefinition = {
  name: 'city.filing-reviews.v1',
  producer: 'city bureau systems',
  description: 'Filing review decisions from bureaus’ own systems. The hub applies them idempotently; stale or unauthorised decisions go to contracts.dead-letter.v1.',
  key: 'filing id',
};

export interface FilingReviewDecidedData {
  filingId: string;
  /** The version reviewed; a decision on any other version is stale. */
  version: number;
  decision: 'ACCEPT' | 'RETURN';
  returnReasons: { field: string; reason: string }[];
  /** The reviewing organisation, registered with the hub as a review system. */
  reviewerOrganisationId: string;
  reviewerName: string;
  decidedAt: string;
}

export const FILING_REVIEW_DECIDED: EventDefinition = {
  type: 'gov.city.filing-review.decided',
  topic: CITY_FILING_REVIEWS_TOPIC,
  summary: 'A bureau decided a filing in its own system.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['filingId', 'version', 'decision', 'returnReasons', 'reviewerOrganisationId', 'reviewerName', 'decidedAt'],
    properties: {
      filingId: uuidSchema,
      version: { type: 'integer', minimum: 1 },
      decision: { enum: ['ACCEPT', 'RETURN'] },
      returnReasons: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['field', 'reason'], properties: { field: { type: 'string' }, reason: { type: 'string' } } },
      },
      reviewerOrganisationId: { type: 'string', minLength: 1 },
      reviewerName: { type: 'string', minLength: 1 },
      decidedAt: { type: 'string', format: 'date-time' },
    },
  },
};
