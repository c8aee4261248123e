import { Type } from '@sinclair/typebox';
import {
  Closed,
  DivisionCode,
  EventData,
  EventDefinition,
  Fen,
  IsoDate,
  Nullable,
  OneOf,
  Sha256Hex,
  TopicDefinition,
  Uuid,
} from './types';
import { ACCOUNT_STATUSES, CHARGE_KINDS, COLLECTION_ACTION_KINDS, UTILITY_KINDS } from './vocabulary';

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
  description:
    'Special levies (专项集资): a levy decided, and each building whose paid households reached the activation threshold.',
  key: 'levy id',
};

const Status = OneOf(ACCOUNT_STATUSES);
const NullableText = Nullable(Type.String());

/** Common to every account event: which account, whose, where, and where it stands after the event. */
const accountBase = {
  accountId: Uuid,
  companyId: Type.String({ minLength: 1 }),
  householdId: Uuid,
  areaId: Uuid,
  buildingId: Uuid,
  status: Status,
  openFen: Fen,
};

export const ACCOUNT_STATUS_CHANGED = {
  type: 'hub.arrears.account.status-changed',
  topic: ACCOUNTS_TOPIC,
  summary: 'An arrears account moved to another status (into collection, mediation, settled, written off …).',
  schema: Closed({ ...accountBase, fromStatus: Status, reason: NullableText, on: IsoDate }),
} satisfies EventDefinition;

export const PAYMENT_RECORDED = {
  type: 'hub.arrears.account.payment-recorded',
  topic: ACCOUNTS_TOPIC,
  summary:
    'A payment was recorded and applied to charges: those the payer designated, otherwise those due by the day paid, the ones carrying a late fee first (Civil Code art. 560 para. 2), then the earliest due.',
  schema: Closed({
    ...accountBase,
    paymentId: Uuid,
    receiptNumber: Type.String(),
    purpose: OneOf(CHARGE_KINDS),
    levyId: Nullable(Uuid),
    amountFen: Type.Integer({ minimum: 1 }),
    creditFen: Fen,
    paidOn: IsoDate,
    allocations: Type.Array(Closed({ chargeId: Uuid, month: Type.String(), fen: Type.Integer({ minimum: 1 }) })),
  }),
} satisfies EventDefinition;

/** The longest reason a payment's reversal gives (domain/payment.ts checks it; the event carries it). */
export const MAX_REVERSAL_REASON = 500;

export const PAYMENT_REVERSED = {
  type: 'hub.arrears.account.payment-reversed',
  topic: ACCOUNTS_TOPIC,
  summary:
    'A payment recorded in error was reversed: what it paid of each charge is owed again, the credit it left taken back; its receipt stays, marked reversed.',
  schema: Closed({
    ...accountBase,
    paymentId: Uuid,
    receiptNumber: Type.String(),
    amountFen: Type.Integer({ minimum: 1 }),
    reversedOn: IsoDate,
    reason: Type.String({ minLength: 1, maxLength: MAX_REVERSAL_REASON }),
    charges: Type.Array(Closed({ chargeId: Uuid, month: Type.String(), fen: Type.Integer({ minimum: 1 }) })),
    creditTakenBackFen: Fen,
  }),
} satisfies EventDefinition;

export const COLLECTION_ACTION_RECORDED = {
  type: 'hub.arrears.account.action-recorded',
  topic: ACCOUNTS_TOPIC,
  summary:
    'A collection step (notice, letter, message, visit, call, promise, instalment plan, mediation session) was recorded.',
  schema: Closed({
    ...accountBase,
    actionId: Uuid,
    kind: OneOf(COLLECTION_ACTION_KINDS),
    on: IsoDate,
    chargeIds: Type.Array(Uuid),
    demand: Type.Boolean({
      description:
        'Whether the step demanded payment of the owner, as the claim lists demands: a letter (from its arrival, deliveredOn), a message, or a notice, visit or call that reached the owner. False for a promise, a plan, a mediation session, an unanswered call or a visit finding no one, and a notice that did not reach the owner. Before 2026-12-07 it said whether the kind of step can demand payment, true for an unreached notice, visit or call too.',
    }),
    recordedByRole: Type.String(),
    deliveredOn: Type.Optional(
      Nullable(IsoDate, {
        description:
          'LETTER: the day it reached the owner, recorded with it; null: not recorded (the letter demands nothing and interrupts nothing until it is: hub.arrears.account.letter-delivered follows). Absent for other kinds and in events published before it was added.',
      }),
    ),
  }),
} satisfies EventDefinition;

/** `hub.arrears.account.letter-delivered`: a letter's arrival recorded after the letter (recordLetterDelivery). */
export const LETTER_DELIVERED = {
  type: 'hub.arrears.account.letter-delivered',
  topic: ACCOUNTS_TOPIC,
  summary:
    "A demand letter's arrival was recorded: from that day it demands payment and interrupts the limitation period of the charges it named (Civil Code art. 137 para. 2; SPC provisions on limitation art. 8 item 2).",
  schema: Closed({
    ...accountBase,
    actionId: Uuid,
    on: IsoDate,
    deliveredOn: IsoDate,
    chargeIds: Type.Array(Uuid),
  }),
} satisfies EventDefinition;

export const LEVY_DECIDED = {
  type: 'hub.arrears.levy.decided',
  topic: LEVIES_TOPIC,
  summary: 'A special levy was recorded and billed to the households of its buildings.',
  schema: Closed({
    levyId: Uuid,
    areaId: Uuid,
    companyId: Type.String(),
    title: Type.String(),
    rateFenPerM2: Type.Integer({ minimum: 1 }),
    activationThresholdPercent: Type.Integer({ minimum: 1, maximum: 100 }),
    advanceFen: Fen,
    decidedOn: IsoDate,
    dueOn: IsoDate,
    buildingIds: Type.Array(Uuid),
    households: Type.Integer({ minimum: 0 }),
    billedFen: Fen,
  }),
} satisfies EventDefinition;

export const LEVY_BUILDING_ACTIVATED = {
  type: 'hub.arrears.levy.building-activated',
  topic: LEVIES_TOPIC,
  summary: "Enough of a building's households have paid the levy (seed 002: 50%): the building's work may start.",
  schema: Closed({
    levyId: Uuid,
    areaId: Uuid,
    buildingId: Uuid,
    households: Type.Integer({ minimum: 1 }),
    paidHouseholds: Type.Integer({ minimum: 1 }),
    activationThresholdPercent: Type.Integer({ minimum: 1, maximum: 100 }),
    activatedOn: IsoDate,
  }),
} satisfies EventDefinition;

/**
 * The arrears a court could be asked to decide, for the litigation subgraph's read model: the household, every
 * charge with what is open, its limitation date and late fee, and the demands and mediation behind them. It names
 * the owner only by the register's reference; it goes to litigation, not to bureaus.
 */
export const CLAIMS_TOPIC: TopicDefinition = {
  name: 'arrears.claims.v1',
  producer: 'arrears',
  description:
    "An arrears account's claim as it stands after each change: charges, limitation dates, late fees, demands and mediation. For the litigation subgraph.",
  key: 'account id',
};

const ClaimCharge = Closed({
  chargeId: Uuid,
  kind: OneOf(CHARGE_KINDS),
  month: Type.String(),
  dueOn: IsoDate,
  filingId: Nullable(Uuid),
  floorAreaCentiM2: Type.Integer({ minimum: 0 }),
  rateFen: Type.Integer({ minimum: 0 }),
  servedDays: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 30,
      description:
        "A month's fee charged by the day, the company's contract having begun or ended within the month: the days served, the amount being floor area × rate × servedDays ÷ the month's days, rounded half up. Absent for the whole month.",
    }),
  ),
  parts: Type.Optional(
    Type.Array(
      Closed({
        filingId: Uuid,
        rateFen: Type.Integer({ minimum: 0 }),
        days: Type.Integer({ minimum: 1, maximum: 31 }),
      }),
      {
        minItems: 2,
        maxItems: 31,
        description:
          "A month's fee billed in parts, a contract of the company having ended within the month and its renewal (another contract of the area) begun: each contract's filing, owner rate and days, the amount being floor area × Σ rate × days ÷ the month's days, rounded once, half up (`rateFen` and `filingId` are the last part's, `servedDays` the parts' days together). Absent for a fee of one rate.",
      },
    ),
  ),
  amountFen: Fen,
  paidFen: Fen,
  waivedFen: Fen,
  openFen: Fen,
  limitationEndsOn: Type.String({
    format: 'date',
    description:
      'The last day to sue without the limitation defence (Civil Code arts. 188, 195), restarted by the steps naming it.',
  }),
  lateFeeFen: Type.Integer({
    minimum: 0,
    description: "The late fee under the contract's terms as of `asOf`; 0 when the contract has none.",
  }),
  limitationHeldOpen: Type.Optional(
    Type.Boolean({
      description:
        'A mediation applied for in time and not ended by `asOf` holds the period open (art. 195): `limitationEndsOn` is then the earliest it can end, not a last day. Absent in snapshots published before it was added.',
    }),
  ),
  owedSince: Type.Optional(
    Type.String({
      format: 'date',
      description:
        "The day what is open fell due: `dueOn`, but where a correction raised the fee after it was billed and the part billed first is settled, the raise's own due date (the last day of the correction's month, never before `dueOn`): the earliest open part's due date, so with the part billed first still open too, that part's. The month's limitation period runs from this day (Civil Code art. 188), and litigation dates the month's default from it (art. 944 para. 2). Absent in snapshots published before it was added: `dueOn`.",
    }),
  ),
});

export const CLAIM_UPDATED = {
  type: 'hub.arrears.claim.updated',
  topic: CLAIMS_TOPIC,
  summary: "An arrears account's claim after a bill, payment, adjustment, collection step or status change.",
  schema: Closed({
    accountId: Uuid,
    companyId: Type.String({ minLength: 1 }),
    householdId: Uuid,
    areaId: Uuid,
    areaName: Type.String(),
    streetCode: Type.String(),
    districtCode: Type.String(),
    buildingId: Uuid,
    unit: NullableText,
    room: NullableText,
    floorAreaCentiM2: Nullable(Type.Integer({ minimum: 0 })),
    ownerReference: NullableText,
    ownerSince: Type.Optional(
      Type.String({
        format: 'date',
        description:
          "The day the owner became the owner, as the areas register keeps it (the household roster's ownerSince: the day the street office gave, else the day it changed the owner); absent otherwise and in snapshots published before it was added. The fees of months begun before it are the former owner's (Civil Code art. 944).",
      }),
    ),
    ownerDiedOn: Type.Optional(
      Type.String({
        format: 'date',
        description:
          "The day the registered owner died, as the areas register keeps it (the household roster's ownerDiedOn); absent otherwise and in snapshots published before it was added. A deceased owner cannot be sued (Civil Code art. 13): the litigation subgraph refuses a referral (OWNER_DECEASED).",
      }),
    ),
    status: Status,
    version: Type.Integer({ minimum: 1, description: "Counts the account's snapshots: a consumer keeps the highest." }),
    asOf: IsoDate,
    charges: Type.Array(ClaimCharge),
    /** Demands for payment (art. 195 item 1): notices, letters, messages, and visits or calls that reached the owner. */
    demands: Type.Array(
      Closed({
        actionId: Uuid,
        kind: Type.String(),
        on: IsoDate,
        channel: NullableText,
        chargeIds: Type.Optional(
          Type.Array(Uuid, {
            description:
              'The charges the demand named: the reasonable period of art. 944 para. 2 runs for those only. Absent in snapshots published before it was added.',
          }),
        ),
        deliveredOn: Type.Optional(
          Nullable(IsoDate, {
            description:
              'LETTER: the day it reached the owner (or by the postal record should have), the day the demand took effect (法释〔2020〕17号 art. 8 item 2); null: not recorded. Absent for other kinds and in snapshots published before it was added.',
          }),
        ),
      }),
    ),
    mediationSessions: Type.Array(
      Closed({
        actionId: Uuid,
        on: IsoDate,
        mediator: Type.String(),
        outcome: Type.String(),
        outcomeOn: Nullable(IsoDate),
      }),
    ),
  }),
} satisfies EventDefinition;

export const COLLECTION_TOPIC: TopicDefinition = {
  name: 'arrears.collection.v1',
  producer: 'arrears',
  description:
    "Each area's service-fee collection per month, after every bill, payment or adjustment touching it: for the publicity of a provider's performance (Civil Code art. 943).",
  key: 'area id',
};

export const COLLECTION_SUMMARIZED = {
  type: 'hub.arrears.collection.summarized',
  topic: COLLECTION_TOPIC,
  summary:
    "One area's service fees of one month as they stand now: households billed and paid up, amounts billed and collected.",
  schema: Closed({
    areaId: Uuid,
    companyId: Type.String({ minLength: 1 }),
    month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }),
    dueOn: IsoDate,
    households: Type.Integer({ minimum: 0 }),
    paidHouseholds: Type.Integer({ minimum: 0 }),
    billedFen: Fen,
    collectedFen: Fen,
  }),
} satisfies EventDefinition;

export type AccountStatusChangedData = EventData<typeof ACCOUNT_STATUS_CHANGED>;
export type PaymentRecordedData = EventData<typeof PAYMENT_RECORDED>;
export type PaymentReversedData = EventData<typeof PAYMENT_REVERSED>;
export type CollectionActionRecordedData = EventData<typeof COLLECTION_ACTION_RECORDED>;
export type LetterDeliveredData = EventData<typeof LETTER_DELIVERED>;
export type LevyDecidedData = EventData<typeof LEVY_DECIDED>;
export type LevyBuildingActivatedData = EventData<typeof LEVY_BUILDING_ACTIVATED>;
export type ClaimUpdatedData = EventData<typeof CLAIM_UPDATED>;
export type CollectionSummarizedData = EventData<typeof COLLECTION_SUMMARIZED>;
export type ClaimChargeData = ClaimUpdatedData['charges'][number];
/** The fields every account event starts with. */
export type AccountEventBase = Pick<AccountStatusChangedData, keyof typeof accountBase>;

/**
 * Utility cut-offs reported against companies (Civil Code art. 944 para. 3), for the contracts subgraph's credit
 * records. Keyed by company, so a company's reports stay in order. No owner data: the area, the company, the day,
 * the utility, the evidence's SHA-256 and who reported it.
 */
export const VIOLATIONS_TOPIC: TopicDefinition = {
  name: 'arrears.violations.v1',
  producer: 'arrears',
  description:
    "Utility cut-offs reported against a property company by the area's street office or owners' committee (Civil Code art. 944 para. 3).",
  key: 'company id',
};

export const UTILITY_CUT_OFF_REPORTED = {
  type: 'hub.arrears.utility-cut-off.reported',
  topic: VIOLATIONS_TOPIC,
  summary:
    "The area's street office or standing owners' committee reported that the company serving the area cut a utility to collect fees; it goes on the company's credit record.",
  schema: Closed({
    violationId: Uuid,
    companyId: Type.String({ minLength: 1, maxLength: 64 }),
    areaId: Uuid,
    streetCode: DivisionCode,
    districtCode: DivisionCode,
    occurredOn: IsoDate,
    utility: OneOf(UTILITY_KINDS),
    evidenceSha256: Sha256Hex,
    reportedByRole: Type.Union([Type.Literal('STREET_OFFICE'), Type.Literal('OWNERS_COMMITTEE')]),
    reportedBy: Type.String({ minLength: 1, maxLength: 100 }),
    legalBasis: Type.String({ minLength: 1 }),
  }),
} satisfies EventDefinition;

export type UtilityCutOffReportedData = EventData<typeof UTILITY_CUT_OFF_REPORTED>;
