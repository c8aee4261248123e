import { MAX_DEMAND_PERIOD_DAYS } from './city-settings';
import { FILING_REVIEW_REFUSALS_TOPIC } from './refusals';
import { Type } from '@sinclair/typebox';
import {
  Closed,
  InboundText,
  EventData,
  EventDefinition,
  Fen,
  IsoDate,
  IsoDateTime,
  Nullable,
  OneOf,
  Sha256Hex,
  TopicDefinition,
  Uuid,
  YearMonth,
} from './types';
import {
  BUILDING_CLASSES,
  CONTRACT_KINDS,
  FILING_KINDS,
  FILING_STATUSES,
  OWNERS_SIDE_KINDS,
  REVIEW_DECISIONS,
  SELECTION_METHODS,
  AGREEMENT_GROUNDS,
} from './vocabulary';

/**
 * The filing feed city bureaus, enforcement and court systems subscribe to: every transition of a service-contract
 * filing, each message carrying the whole filing as it stands after the transition (a snapshot, not a diff), so a
 * subscriber keeps a table by upserting on `filingId` and dropping anything whose `sequence` is not newer.
 */
export const FILINGS_TOPIC: TopicDefinition = {
  name: 'contracts.filings.v1',
  producer: 'contracts',
  description:
    'Service-contract filings (备案): submitted, accepted, returned, superseded and terminated, each with the filing as it then stands.',
  key: 'filing id',
  partyFeed: { party: 'district code (a bureau reads the districts its jurisdictions cover)' },
};

/** The most reasons a return gives, field by field: an input bound (the city's checklist has at most 30 items), not a statute's. */
export const MAX_RETURN_REASONS = 100;

// Bounded as the GraphQL input (Key, Note) for the bureaus' systems that write them on their own topics too.
const ReturnReasons = Type.Array(Closed({ field: InboundText.key(), reason: InboundText.note() }), {
  maxItems: MAX_RETURN_REASONS,
});

/**
 * The most entries a contract's terms list, each far above a real contract's (the demo's have 4 service items, 2
 * building classes with at most 1 subsidy each, 2–4 parties): the hub's bounds, not a statute's. Without them a
 * draft held as many as the 1 MiB request body carried (14,000 subsidies in 980 KB), copied into every filing event,
 * and the fee schedule's check over them took 0.6–1.0 s of the contracts subgraph's only thread at each submission.
 */
export const MAX_SERVICE_ITEMS = 200;

/**
 * The longest grace after a fee's due date before late fees run that a contract may state: a year (an input bound, not
 * a statute). Unbounded, a grace of 2^31 days put the late fee's first day past year 9999.
 */
export const MAX_LATE_FEE_GRACE_DAYS = 366;

/**
 * The highest late-fee rate a contract may state, per ten thousand of the unpaid fee: 100 a day (1%) or 3,000 a month
 * (30%). An input bound, not a statute (a court may reduce an excessive penalty on request whatever the contract
 * says: Civil Code art. 585 para. 2). Unbounded, a rate of 2^31 was filed and gave some ¥39 billion of late fee on a
 * ¥500 fee, beyond every amount the hub carries.
 */
export const MAX_LATE_FEE_RATE_PER_TEN_THOUSAND = { daily: 100, monthly: 3_000 } as const;
export const MAX_CONTRACT_PARTIES = 20;
export const MAX_SUBSIDIES_PER_CLASS = 50;
/** The largest project building area a contract may state: 10,000,000 m² (an input bound, not a statute's). */
export const MAX_PROJECT_BUILDING_AREA_CENTI_M2 = 1_000_000_000;

/** A filing's contract terms as published: everything but the signatories' names. */
export const FilingTerms = Closed({
  kind: OneOf(CONTRACT_KINDS),
  number: Type.String({ minLength: 1 }),
  title: Type.String({ minLength: 1 }),
  ownersSide: Closed({ kind: OneOf(OWNERS_SIDE_KINDS), name: Type.String() }),
  selectionMethod: OneOf(SELECTION_METHODS),
  approvalReference: Nullable(Type.String()),
  // Added to v1 as an optional field (absent from messages published before, and wherever not stated).
  projectBuildingAreaCentiM2: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PROJECT_BUILDING_AREA_CENTI_M2,
      description:
        "The project's total building area (总建筑面积) in hundredths of m², as the developer states it with a provider chosen by agreement: the city's agreement threshold is tested on it, not on the registered flats' area.",
    }),
  ),
  // Added to v1 as an optional field (absent from messages published before, and wherever not stated: a small project).
  agreementGround: Type.Optional(
    OneOf(AGREEMENT_GROUNDS, {
      description:
        'Why a provider chosen by agreement was allowed (State Council Property Management Regulation art. 24 para. 2): a small project, the city threshold tested on projectBuildingAreaCentiM2, or a tender that drew fewer than three bidders. Absent: a small project.',
    }),
  ),
  // Added to v1 as an optional field (absent from messages published before, and wherever not named).
  hiringDecisionId: Type.Optional(
    Type.String({
      format: 'uuid',
      description:
        "A regular contract's owners' joint decision on hiring (or dismissing) the provider (Civil Code art. 278 item 4), as areas.governance.v1 published it: checked when filed to be the area's, valid, on that matter, and held by the signing day. The record does not say which provider the owners chose.",
    }),
  ),
  signedOn: IsoDate,
  startsOn: IsoDate,
  endsOn: IsoDate,
  serviceItems: Type.Array(Closed({ item: Type.String(), standard: Type.String() }), { maxItems: MAX_SERVICE_ITEMS }),
  feeSchedule: Closed({
    classes: Type.Array(
      Closed({
        buildingClass: OneOf(BUILDING_CLASSES),
        assessedRateFenPerM2Month: Fen,
        ownerRateFenPerM2Month: Fen,
        subsidies: Type.Array(
          Closed({
            payer: Type.String(),
            rateFenPerM2Month: Fen,
            startMonth: YearMonth,
            months: Type.Integer({ minimum: 1 }),
          }),
          { maxItems: MAX_SUBSIDIES_PER_CLASS },
        ),
      }),
      { maxItems: BUILDING_CLASSES.length },
    ),
  }),
  lateFee: Nullable(
    Closed(
      {
        dailyRatePerTenThousand: Type.Optional(
          Type.Integer({
            minimum: 1,
            maximum: MAX_LATE_FEE_RATE_PER_TEN_THOUSAND.daily,
            description: '万分之N of the unpaid fee per day; absent when the rate is monthly.',
          }),
        ),
        monthlyRatePerTenThousand: Type.Optional(
          Type.Integer({
            minimum: 1,
            maximum: MAX_LATE_FEE_RATE_PER_TEN_THOUSAND.monthly,
            description:
              '万分之N of the unpaid fee per full month overdue (100 = 1% a month); absent when the rate is daily. Added to v1 as an optional field: see clauseText.',
          }),
        ),
        graceDays: Type.Integer({
          minimum: 0,
          maximum: MAX_LATE_FEE_GRACE_DAYS,
          description: 'Days after the due date before late fees run; at most a year (an input bound, not a statute).',
        }),
        capPercentOfPrincipal: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
        clauseText: Type.Optional(
          Type.String({
            minLength: 1,
            maxLength: 2000,
            description:
              "The late-fee clause's own words as the contract states them. Added to v1 as an optional field that is left out when the contract gives none, so a filing without a monthly rate or clause text publishes exactly the message it did before.",
          }),
        ),
      },
      { description: 'Exactly one of dailyRatePerTenThousand and monthlyRatePerTenThousand.' },
    ),
  ),
  parties: Type.Array(Closed({ role: Type.String(), name: Type.String(), registration: Nullable(Type.String()) }), {
    maxItems: MAX_CONTRACT_PARTIES,
  }),
  demandPeriodDays: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_DEMAND_PERIOD_DAYS,
      description:
        'The reasonable period after a demand for payment the contract itself states (Civil Code art. 944 para. 2), in days. Added to v1 as an optional field left out when the contract states none, so such terms publish exactly the message they did before.',
    }),
  ),
});

const Filing = Closed({
  filingId: Uuid,
  contractId: Uuid,
  areaId: Uuid,
  companyId: Type.String({ minLength: 1 }),
  kind: OneOf(FILING_KINDS),
  amendsFilingId: Nullable(Uuid),
  status: OneOf(FILING_STATUSES),
  version: Type.Integer({
    minimum: 1,
    description: "The filing's version (a resubmission after a return is the next version).",
  }),
  sequence: Type.Integer({
    minimum: 1,
    description:
      "Counts the filing's transitions: a subscriber ignores a message whose sequence is not above what it holds.",
  }),
  recordNumber: Nullable(Type.String()),
  submittedOn: IsoDate,
  deadline: Nullable(IsoDate),
  // Added to v1 as optional fields (messages published before them lack them, and a subscriber reads their absence
  // as false / null); a breaking change would get a new topic instead.
  deadlineProvisional: Type.Optional(
    Type.Boolean({
      description:
        'True while the deadline runs past the holiday data the hub holds (Civil Code art. 203 may still move it later): ' +
        '`deadline` is then the plain count, the earliest the period can end, so safe to act by. Absent in messages ' +
        'published before this field: read as false.',
    }),
  ),
  deadlineAwaitsHolidayYear: Type.Optional(
    Nullable(
      Type.Integer({
        minimum: 2004,
        description:
          'The year whose State Council holiday notice the hub awaits to make a provisional deadline firm; null when firm.',
      }),
    ),
  ),
  late: Type.Boolean(),
  lateConsequence: Nullable(Type.String()),
  acceptedOn: Nullable(IsoDate),
  returnReasons: ReturnReasons,
  supersededByFilingId: Nullable(Uuid),
  terminatedOn: Nullable(IsoDate),
  handoverOn: Nullable(IsoDate),
  terminationReason: Nullable(Type.String()),
  // Added to v1 as an optional field, left out until the contract continues (messages before it lack it).
  continuedFrom: Type.Optional(
    Nullable(IsoDate, {
      description:
        "The first day (the day after the term's endsOn) of the unfixed term the contract continues for after its own: Civil Code art. 948, the provider went on serving with no renewal or other provider decided. It serves then until its terminatedOn or the day before another contract of the area starts. Absent while it does not continue.",
    }),
  ),
  /** The terms of this filing's current version: for an accepted filing, the terms in force. */
  terms: FilingTerms,
  /**
   * SHA-256 of `terms` as published here (canonical JSON, keys sorted), which a subscriber recomputes to check them.
   * Not the API's `versions.termsSha256`, which covers the full terms with the signatories the feed leaves out.
   */
  termsSha256: Type.String({
    pattern: Sha256Hex.pattern,
    description:
      "SHA-256 of `terms` as published in this event (canonical JSON, keys sorted); the API's versions.termsSha256 covers the full terms, signatories included.",
  }),
});

const filingEvent = <const V extends string>(verb: V, summary: string) =>
  ({ type: `hub.contracts.filing.${verb}`, topic: FILINGS_TOPIC, summary, schema: Filing }) satisfies EventDefinition;

export const FILING_SUBMITTED = filingEvent(
  'submitted',
  'A provider submitted a filing, or resubmitted a returned one as its next version; late submissions carry the statutory consequence.',
);
export const FILING_ACCEPTED = filingEvent(
  'accepted',
  'A reviewer accepted the filing and the hub gave it a record number; its terms are now the contract terms in force.',
);
export const FILING_RETURNED = filingEvent('returned', 'A reviewer returned the filing with reasons per field.');
export const FILING_SUPERSEDED = filingEvent(
  'superseded',
  'An accepted filing was replaced by an accepted amendment, or its preliminary contract ended when a regular contract took effect (Civil Code art. 940), with an amendment of it still under review.',
);
export const FILING_TERMINATED = filingEvent(
  'terminated',
  'The contract ended early, or a contract continuing after its term ended with notice; the handover date is given.',
);
export const FILING_CONTINUED = filingEvent(
  'continued',
  "The provider goes on serving after the contract's term with no renewal or other provider decided: the contract continues for an unfixed term from continuedFrom (Civil Code art. 948).",
);

export const FILING_EVENTS = [
  FILING_SUBMITTED,
  FILING_ACCEPTED,
  FILING_RETURNED,
  FILING_SUPERSEDED,
  FILING_TERMINATED,
  FILING_CONTINUED,
] as const;

/** Every filing event carries the whole filing after its transition. */
export type FilingEventData = EventData<typeof FILING_SUBMITTED>;
export type FilingTermsData = FilingEventData['terms'];
export type FilingLateFeeData = NonNullable<FilingTermsData['lateFee']>;

/**
 * Late-fee terms in their published shape: the rate given (daily or monthly), grace, cap, and the clause's words
 * trimmed; a rate or clause not given is left out rather than null, so terms without the monthly rate or the clause
 * (both added to v1 later) are the very object, digest and message they were before.
 */
export function publishedLateFee(late: {
  dailyRatePerTenThousand?: number | null;
  monthlyRatePerTenThousand?: number | null;
  graceDays: number;
  capPercentOfPrincipal?: number | null;
  clauseText?: string | null;
}): FilingLateFeeData {
  const clause = typeof late.clauseText === 'string' ? late.clauseText.trim() : '';
  return {
    ...(late.dailyRatePerTenThousand != null ? { dailyRatePerTenThousand: late.dailyRatePerTenThousand } : {}),
    ...(late.monthlyRatePerTenThousand != null ? { monthlyRatePerTenThousand: late.monthlyRatePerTenThousand } : {}),
    graceDays: late.graceDays,
    capPercentOfPrincipal: late.capPercentOfPrincipal ?? null,
    ...(clause ? { clauseText: clause } : {}),
  };
}

/** Inbound: review decisions made in a bureau's own system, applied by the hub as if made through the API. */
export const CITY_FILING_REVIEWS_TOPIC: TopicDefinition = {
  name: 'city.filing-reviews.v1',
  producer: 'city bureau systems',
  description:
    'Filing review decisions from bureaus’ own systems, each review system on its own topic city.filing-reviews.v1.<review system id> that only its principal may write. ' +
    'The hub applies them idempotently; a decision naming another reviewer (SENDER_MISMATCH), stale or unauthorised ones go to contracts.dead-letter.v1, and the review system is told on city.filing-review-refusals.v1.<review system id>.',
  key: 'filing id',
  perParty: {
    party: 'review system id (the reviewing organisation)',
    senderField: 'reviewerOrganisationId',
    refusals: FILING_REVIEW_REFUSALS_TOPIC,
  },
};

export const FILING_REVIEW_DECIDED = {
  type: 'gov.city.filing-review.decided',
  topic: CITY_FILING_REVIEWS_TOPIC,
  summary: 'A bureau decided a filing in its own system.',
  schema: Closed({
    filingId: Uuid,
    version: Type.Integer({
      minimum: 1,
      description: 'The version reviewed; a decision on any other version is stale.',
    }),
    decision: OneOf(REVIEW_DECISIONS),
    returnReasons: ReturnReasons,
    reviewerOrganisationId: InboundText.key({
      minLength: 1,
      description: 'The reviewing organisation, registered with the hub as a review system.',
    }),
    reviewerName: InboundText.name({ minLength: 1 }),
    decidedAt: IsoDateTime,
  }),
} satisfies EventDefinition;

export type FilingReviewDecidedData = EventData<typeof FILING_REVIEW_DECIDED>;
