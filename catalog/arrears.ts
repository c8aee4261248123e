import { EventDefinition, TopicDefinition, uuidSchema } from './types';

/**
 * What the arrears subgraph tells litigation and bureaus. No owner names or references travel here: an account is
 * named by its household id, and amounts are integer fen.
 */
export const ACCOUNTS_TOPIC: TopicDefinition = {
  name: 'arrears.accounts.v1',
  producer: 'arrears',
  description: 'Arrears accounts of households: status changes, payments recorded and collection actions taken.',
  key: 'account id',
};

export const LEVIES_TOPIC: TopicDefinition = {
  name: 'arrears.levies.v1',
  producer: 'arrears',
  description: 'Special levies (专项集资): a levy decided, and each building whose paid households reached the activation threshold.',
  key: 'levy id',
};

const isoDate = { type: 'string', format: 'date' } as const;
const fen = { type: 'integer', minimum: 0 } as const;
const status = { enum: ['CURRENT', 'IN_COLLECTION', 'MEDIATION', 'REFERRED', 'IN_LITIGATION', 'JUDGED', 'SETTLED', 'WRITTEN_OFF'] } as const;

/** Common to every account event: which account, whose, where, and where it stands after the event. */
export interface AccountEventBase {
  accountId: string;
  companyId: string;
  householdId: string;
  areaId: string;
  buildingId: string;
  status: string;
  openFen: number;
}
const base = {
  accountId: uuidSchema,
  companyId: { type: 'string', minLength: 1 },
  householdId: uuidSchema,
  areaId: uuidSchema,
  buildingId: uuidSchema,
  status,
  openFen: fen,
};
const baseRequired = Object.keys(base);

export interface AccountStatusChangedData extends AccountEventBase {
  fromStatus: string;
  reason: string | null;
  on: string;
}

export const ACCOUNT_STATUS_CHANGED: EventDefinition = {
  type: 'hub.arrears.account.status-changed',
  topic: ACCOUNTS_TOPIC,
  summary: 'An arrears account moved to another status (into collection, mediation, settled, written off …).',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...baseRequired, 'fromStatus', 'reason', 'on'],
    properties: { ...base, fromStatus: status, reason: { anyOf: [{ type: 'string' }, { type: 'null' }] }, on: isoDate },
  },
};

export interface PaymentRecordedData extends AccountEventBase {
  paymentId: string;
  receiptNumber: string;
  purpose: 'SERVICE_FEE' | 'LEVY';
  levyId: string | null;
  amountFen: number;
  creditFen: number;
  paidOn: string;
  allocations: { chargeId: string; month: string; fen: number }[];
}

export const PAYMENT_RECORDED: EventDefinition = {
  type: 'hub.arrears.account.payment-recorded',
  topic: ACCOUNTS_TOPIC,
  summary: 'A payment was recorded and applied to charges (oldest first unless the payer designated them).',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...baseRequired, 'paymentId', 'receiptNumber', 'purpose', 'levyId', 'amountFen', 'creditFen', 'paidOn', 'allocations'],
    properties: {
      ...base,
      paymentId: uuidSchema,
      receiptNumber: { type: 'string' },
      purpose: { enum: ['SERVICE_FEE', 'LEVY'] },
      levyId: { anyOf: [uuidSchema, { type: 'null' }] },
      amountFen: { type: 'integer', minimum: 1 },
      creditFen: fen,
      paidOn: isoDate,
      allocations: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['chargeId', 'month', 'fen'],
          properties: { chargeId: uuidSchema, month: { type: 'string' }, fen: { type: 'integer', minimum: 1 } },
        },
      },
    },
  },
};

export interface CollectionActionRecordedData extends AccountEventBase {
  actionId: string;
  kind: string;
  on: string;
  chargeIds: string[];
  demand: boolean;
  recordedByRole: string;
}

export const COLLECTION_ACTION_RECORDED: EventDefinition = {
  type: 'hub.arrears.account.action-recorded',
  topic: ACCOUNTS_TOPIC,
  summary: 'A collection step (notice, letter, message, visit, call, promise, instalment plan, mediation session) was recorded.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...baseRequired, 'actionId', 'kind', 'on', 'chargeIds', 'demand', 'recordedByRole'],
    properties: {
      ...base,
      actionId: uuidSchema,
      kind: { enum: ['NOTICE_POSTED', 'LETTER', 'MESSAGE', 'VISIT', 'CALL', 'PAYMENT_PROMISE', 'INSTALMENT_PLAN', 'MEDIATION_SESSION'] },
      on: isoDate,
      chargeIds: { type: 'array', items: uuidSchema },
      demand: { type: 'boolean' },
      recordedByRole: { type: 'string' },
    },
  },
};

export interface LevyDecidedData {
  levyId: string;
  areaId: string;
  companyId: string;
  title: string;
  rateFenPerM2: number;
  activationThresholdPercent: number;
  advanceFen: number;
  decidedOn: string;
  dueOn: string;
  buildingIds: string[];
  households: number;
  billedFen: number;
}

export const LEVY_DECIDED: EventDefinition = {
  type: 'hub.arrears.levy.decided',
  topic: LEVIES_TOPIC,
  summary: 'A special levy was recorded and billed to the households of its buildings.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['levyId', 'areaId', 'companyId', 'title', 'rateFenPerM2', 'activationThresholdPercent', 'advanceFen', 'decidedOn', 'dueOn', 'buildingIds', 'households', 'billedFen'],
    properties: {
      levyId: uuidSchema,
      areaId: uuidSchema,
      companyId: { type: 'string' },
      title: { type: 'string' },
      rateFenPerM2: { type: 'integer', minimum: 1 },
      activationThresholdPercent: { type: 'integer', minimum: 1, maximum: 100 },
      advanceFen: fen,
      decidedOn: isoDate,
      dueOn: isoDate,
      buildingIds: { type: 'array', items: uuidSchema },
      households: { type: 'integer', minimum: 0 },
      billedFen: fen,
    },
  },
};

export interface LevyBuildingActivatedData {
  levyId: string;
  areaId: string;
  buildingId: string;
  households: number;
  paidHouseholds: number;
  activationThresholdPercent: number;
  activatedOn: string;
}

export const LEVY_BUILDING_ACTIVATED: EventDefinition = {
  type: 'hub.arrears.levy.building-activated',
  topic: LEVIES_TOPIC,
  summary: "Enough of a building's households have paid the levy (seed 002: 50%): the building's work may start.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['levyId', 'areaId', 'buildingId', 'households', 'paidHouseholds', 'activationThresholdPercent', 'activatedOn'],
    properties: {
      levyId: uuidSchema,
      areaId: uuidSchema,
      buildingId: uuidSchema,
      households: { type: 'integer', minimum: 1 },
      paidHouseholds: { type: 'integer', minimum: 1 },
      activationThresholdPercent: { type: 'integer', minimum: 1, maximum: 100 },
      activatedOn: isoDate,
    },
  },
};

/**
 * The arrears a court could be asked to decide, for the litigation subgraph's read model: the household, every
 * charge with what is open, its limitation date and late fee, and the demands and mediation behind them. It names
 * the owner only by the register's reference; it goes to litigation, not to bureaus.
 */
export const CLAIMS_TOPIC: TopicDefinition = {
  name: 'arrears.claims.v1',
  producer: 'arrears',
  description: "An arrears account's claim as it stands after each change: charges, limitation dates, late fees, demands and mediation. For the litigation subgraph.",
  key: 'account id',
};

export interface ClaimChargeData {
  chargeId: string;
  kind: 'SERVICE_FEE' | 'LEVY';
  month: string;
  dueOn: string;
  filingId: string | null;
  floorAreaCentiM2: number;
  rateFen: number;
  amountFen: number;
  paidFen: number;
  waivedFen: number;
  openFen: number;
  /** The last day to sue without the limitation defence (Civil Code arts. 188, 195), restarted by the steps naming it. */
  limitationEndsOn: string;
  /** The late fee under the contract's terms as of `asOf`; 0 when the contract has none. */
  lateFeeFen: number;
}

export interface ClaimUpdatedData {
  accountId: string;
  companyId: string;
  householdId: string;
  areaId: string;
  areaName: string;
  streetCode: string;
  districtCode: string;
  buildingId: string;
  unit: string | null;
  room: string | null;
  floorAreaCentiM2: number | null;
  ownerReference: string | null;
  status: string;
  /** Counts the account's snapshots: a consumer keeps the highest. */
  version: number;
  asOf: string;
  charges: ClaimChargeData[];
  /** Demands for payment (art. 195 item 1): notices, letters, messages, and visits or calls that reached the owner. */
  demands: { actionId: string; kind: string; on: string; channel: string | null }[];
  mediationSessions: { actionId: string; on: string; mediator: string; outcome: string; outcomeOn: string | null }[];
}

const nullableText = { anyOf: [{ type: 'string' }, { type: 'null' }] } as const;

export const CLAIM_UPDATED: EventDefinition = {
  type: 'hub.arrears.claim.updated',
  topic: CLAIMS_TOPIC,
  summary: "An arrears account's claim after a bill, payment, adjustment, collection step or status change.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'accountId', 'companyId', 'householdId', 'areaId', 'areaName', 'streetCode', 'districtCode', 'buildingId', 'unit', 'room', 'floorAreaCentiM2',
      'ownerReference', 'status', 'version', 'asOf', 'charges', 'demands', 'mediationSessions',
    ],
    properties: {
      accountId: uuidSchema,
      companyId: { type: 'string', minLength: 1 },
      householdId: uuidSchema,
      areaId: uuidSchema,
      areaName: { type: 'string' },
      streetCode: { type: 'string' },
      districtCode: { type: 'string' },
      buildingId: uuidSchema,
      unit: nullableText,
      room: nullableText,
      floorAreaCentiM2: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }] },
      ownerReference: nullableText,
      status,
      version: { type: 'integer', minimum: 1 },
      asOf: isoDate,
      charges: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['chargeId', 'kind', 'month', 'dueOn', 'filingId', 'floorAreaCentiM2', 'rateFen', 'amountFen', 'paidFen', 'waivedFen', 'openFen', 'limitationEndsOn', 'lateFeeFen'],
          properties: {
            chargeId: uuidSchema,
            kind: { enum: ['SERVICE_FEE', 'LEVY'] },
            month: { type: 'string' },
            dueOn: isoDate,
            filingId: { anyOf: [uuidSchema, { type: 'null' }] },
            floorAreaCentiM2: { type: 'integer', minimum: 0 },
            rateFen: { type: 'integer', minimum: 0 },
            amountFen: fen,
            paidFen: fen,
            waivedFen: fen,
            openFen: fen,
            limitationEndsOn: isoDate,
            lateFeeFen: fen,
          },
        },
      },
      demands: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['actionId', 'kind', 'on', 'channel'],
          properties: { actionId: uuidSchema, kind: { type: 'string' }, on: isoDate, channel: nullableText },
        },
      },
      mediationSessions: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['actionId', 'on', 'mediator', 'outcome', 'outcomeOn'],
          properties: { actionId: uuidSchema, on: isoDate, mediator: { type: 'string' }, outcome: { type: 'string' }, outcomeOn: { anyOf: [isoDate, { type: 'null' }] } },
        },
      },
    },
  },
};
