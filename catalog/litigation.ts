import { EventDefinition, TopicDefinition, uuidSchema } from './types';

/**
 * Referrals of arrears to the courts' green channel, for court systems, bureaus and the arrears subgraph (which moves
 * the household's account along). Owners are named only by the household id.
 */
export const REFERRALS_TOPIC: TopicDefinition = {
  name: 'litigation.referrals.v1',
  producer: 'litigation',
  description: 'Litigation referrals: submitted with their case package digest, status changes reported by the court, withdrawals, consolidated batches.',
  key: 'referral id (batch key for batches)',
};

const isoDate = { type: 'string', format: 'date' } as const;
const fen = { type: 'integer', minimum: 0 } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
export const CASE_STATUS_VALUES = ['SUBMITTED', 'IN_MEDIATION', 'DOCKETED', 'HEARING_SCHEDULED', 'JUDGED', 'SETTLED', 'WITHDRAWN', 'REJECTED', 'ENFORCEMENT', 'CLOSED'] as const;
const caseStatus = { enum: CASE_STATUS_VALUES } as const;

export interface ReferralEventBase {
  referralId: string;
  courtId: string;
  companyId: string;
  accountId: string;
  householdId: string;
  areaId: string;
  status: string;
}
const base = { referralId: uuidSchema, courtId: { type: 'string' }, companyId: { type: 'string' }, accountId: uuidSchema, householdId: uuidSchema, areaId: uuidSchema, status: caseStatus };
const baseRequired = Object.keys(base);

export interface ReferralSubmittedData extends ReferralEventBase {
  /** The contract the claim is under: the court may read its filing in the contracts subgraph. */
  contractId: string;
  procedure: string;
  amountInDisputeFen: number;
  grandTotalFen: number;
  packageVersion: number;
  packageDigest: string;
  submittedOn: string;
}

export const REFERRAL_SUBMITTED: EventDefinition = {
  type: 'hub.litigation.referral.submitted',
  topic: REFERRALS_TOPIC,
  summary: 'A company referred a household’s arrears to a court; the case package is identified by its version and SHA-256 digest.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...baseRequired, 'contractId', 'procedure', 'amountInDisputeFen', 'grandTotalFen', 'packageVersion', 'packageDigest', 'submittedOn'],
    properties: {
      ...base,
      contractId: uuidSchema,
      procedure: { enum: ['SMALL_CLAIMS', 'SMALL_CLAIMS_BY_CONSENT', 'SIMPLE_OR_ORDINARY', 'UNDETERMINED'] },
      amountInDisputeFen: fen,
      grandTotalFen: fen,
      packageVersion: { type: 'integer', minimum: 1 },
      packageDigest: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      submittedOn: isoDate,
    },
  },
};

export interface ReferralStatusChangedData extends ReferralEventBase {
  fromStatus: string;
  occurredAt: string;
  caseNumber: string | null;
  judgedFen: number | null;
  settledFen: number | null;
}

const statusChangeSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...baseRequired, 'fromStatus', 'occurredAt', 'caseNumber', 'judgedFen', 'settledFen'],
  properties: {
    ...base,
    fromStatus: caseStatus,
    occurredAt: { type: 'string', format: 'date-time' },
    caseNumber: nullable({ type: 'string' }),
    judgedFen: nullable(fen),
    settledFen: nullable(fen),
  },
};

export const REFERRAL_STATUS_CHANGED: EventDefinition = {
  type: 'hub.litigation.referral.status-changed',
  topic: REFERRALS_TOPIC,
  summary: 'The court reported a step: mediation, docketing (with the case number), refusal, hearing, judgment (amount awarded), settlement, enforcement, closing.',
  schema: statusChangeSchema,
};

export const REFERRAL_WITHDRAWN: EventDefinition = {
  type: 'hub.litigation.referral.withdrawn',
  topic: REFERRALS_TOPIC,
  summary: 'The referral was withdrawn (撤诉) by the company, or the court reported the withdrawal.',
  schema: statusChangeSchema,
};

export interface BatchFormedData {
  batchKey: string;
  courtId: string;
  companyId: string;
  areaId: string;
  contractId: string;
  referralIds: string[];
  splitFrom: string | null;
}

export const BATCH_FORMED: EventDefinition = {
  type: 'hub.litigation.batch.formed',
  topic: REFERRALS_TOPIC,
  summary: 'Referrals of the same court, plaintiff, compound and contract were grouped (or a court split a group) for a joint hearing.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['batchKey', 'courtId', 'companyId', 'areaId', 'contractId', 'referralIds', 'splitFrom'],
    properties: {
      batchKey: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      courtId: { type: 'string' },
      companyId: { type: 'string' },
      areaId: uuidSchema,
      contractId: uuidSchema,
      referralIds: { type: 'array', items: uuidSchema, minItems: 1 },
      splitFrom: nullable({ type: 'string' }),
    },
  },
};

/** Inbound: what a court's own case system reports about a referral (named after OASIS ECF 5's docketing callbacks). */
export const COURT_CASE_EVENTS_TOPIC: TopicDefinition = {
  name: 'court.case-events.v1',
  producer: 'court case systems',
  description: 'Steps reported by courts for referrals addressed to them; applied idempotently and in causal order, unauthorised or malformed ones go to litigation.dead-letter.v1.',
  key: 'referral id',
};

export interface CourtCaseEventData {
  referralId: string;
  /** The reporting court; it must be the court the referral is addressed to. */
  courtId: string;
  kind: string;
  occurredAt: string;
  caseNumber?: string | null;
  /** With DOCKETED: the procedure the court chose, which replaces the hub's proposal. */
  procedure?: string | null;
  hearingOn?: string | null;
  judgedFen?: number | null;
  settledFen?: number | null;
  note?: string | null;
}

export const COURT_CASE_EVENT_REPORTED: EventDefinition = {
  type: 'gov.court.case-event.reported',
  topic: COURT_CASE_EVENTS_TOPIC,
  summary: 'A court reports a step of a referred case: MEDIATION_STARTED, DOCKETED (case number), DOCKETING_REFUSED, HEARING_SCHEDULED, JUDGED (amount), SETTLED, WITHDRAWN, ENFORCEMENT_STARTED, CLOSED.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['referralId', 'courtId', 'kind', 'occurredAt'],
    properties: {
      referralId: uuidSchema,
      courtId: { type: 'string', minLength: 1 },
      kind: { enum: ['MEDIATION_STARTED', 'DOCKETED', 'DOCKETING_REFUSED', 'HEARING_SCHEDULED', 'JUDGED', 'SETTLED', 'WITHDRAWN', 'ENFORCEMENT_STARTED', 'CLOSED'] },
      occurredAt: { type: 'string', format: 'date-time' },
      caseNumber: nullable({ type: 'string', minLength: 1 }),
      procedure: nullable({ enum: ['SMALL_CLAIMS', 'SMALL_CLAIMS_BY_CONSENT', 'SIMPLE_OR_ORDINARY'] }),
      hearingOn: nullable(isoDate),
      judgedFen: nullable(fen),
      settledFen: nullable(fen),
      note: nullable({ type: 'string' }),
    },
  },
};
