import { COURT_CASE_EVENT_REFUSALS_TOPIC } from './refusals';
import { Type } from '@sinclair/typebox';
import {
  Closed,
  InboundFen,
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
} from './types';
import { CASE_STATUSES, COURT_EVENT_KINDS, COURT_PROCEDURES, PROPOSED_PROCEDURES } from './vocabulary';

/**
 * Referrals of arrears to the courts' green channel, for court systems, bureaus and the arrears subgraph (which moves
 * the household's account along). Owners are named by the household id and, on a submitted referral, by the register's
 * owner reference the case package names as the defendant (never their name or identity).
 */
export const REFERRALS_TOPIC: TopicDefinition = {
  name: 'litigation.referrals.v1',
  producer: 'litigation',
  description:
    'Litigation referrals: submitted with their case package digest, status changes reported by the court, withdrawals, consolidated batches.',
  key: 'referral id (batch key for batches)',
  partyFeed: { party: 'court id', field: 'courtId' },
};

const CaseStatus = OneOf(CASE_STATUSES);

const referralBase = {
  referralId: Uuid,
  courtId: Type.String(),
  companyId: Type.String(),
  accountId: Uuid,
  householdId: Uuid,
  areaId: Uuid,
  status: CaseStatus,
};

export const REFERRAL_SUBMITTED = {
  type: 'hub.litigation.referral.submitted',
  topic: REFERRALS_TOPIC,
  summary:
    'A company referred a household’s arrears to a court; the case package is identified by its version and SHA-256 digest.',
  schema: Closed({
    ...referralBase,
    contractId: Type.String({
      format: 'uuid',
      description: 'The contract the claim is under: the court may read its filing in the contracts subgraph.',
    }),
    procedure: OneOf(PROPOSED_PROCEDURES),
    amountInDisputeFen: Fen,
    grandTotalFen: Fen,
    packageVersion: Type.Integer({ minimum: 1 }),
    packageDigest: Sha256Hex,
    submittedOn: IsoDate,
    // Added in v1 (absent from messages published before): arrears could not tell which months the suit interrupted.
    chargeIds: Type.Optional(
      Type.Array(Uuid, {
        description:
          "The arrears charges the package claims (the claim snapshot's chargeId): the suit interrupts their limitation period from submittedOn (Civil Code art. 195 item 3), and only theirs.",
      }),
    ),
    // Added in v1 (absent from messages published before): the areas subgraph granted the court the household's
    // owner as its register held it when it read this event, so a sale registered while the claim or the event was on
    // its way gave the court the buyer's particulars in full under the seller's case.
    ownerReference: Type.Optional(
      Nullable(Type.String({ minLength: 1 }), {
        description:
          "The owner the case is against: the owner reference of the household roster (areas) that the arrears claim named when the company referred it, the case package's defendant. The court reads that owner's particulars in the areas subgraph while the register still holds them as the owner, never a later owner's. Null where the claim named no owner reference; absent in messages published before it was added: then the court reads the owner the register holds when the areas subgraph reads the referral.",
      }),
    ),
  }),
} satisfies EventDefinition;

export const REFERRAL_PACKAGE_CORRECTED = {
  type: 'hub.litigation.referral.package-corrected',
  topic: REFERRALS_TOPIC,
  summary:
    'The company corrected the case package before the court docketed the case: its next version, the amounts it now claims and its SHA-256 digest, linked to the version before by that one’s digest, and the procedure the hub now proposes on those amounts.',
  schema: Closed({
    ...referralBase,
    amountInDisputeFen: Fen,
    grandTotalFen: Fen,
    packageVersion: Type.Integer({ minimum: 2 }),
    packageDigest: Sha256Hex,
    previousDigest: Sha256Hex,
    correctedOn: IsoDate,
    // Added in v1 (absent from messages published before): the proposal made again on the corrected amount.
    procedure: Type.Optional(OneOf(PROPOSED_PROCEDURES)),
    // Added in v1 (absent from messages published before): a subscriber could not tell which charges the corrected
    // package claims (a month paid since the version before drops out of it).
    chargeIds: Type.Optional(
      Type.Array(Uuid, {
        description:
          "The arrears charges the corrected package claims (the claim snapshot's chargeId), as referral.submitted names those of the first version: the months judged claimable at the referral still open when corrected. Absent in messages published before it was added.",
      }),
    ),
  }),
} satisfies EventDefinition;

const StatusChange = Closed({
  ...referralBase,
  fromStatus: CaseStatus,
  occurredAt: IsoDateTime,
  caseNumber: Nullable(Type.String()),
  judgedFen: Nullable(Fen),
  settledFen: Nullable(Fen),
  // Added in v1 (absent from messages published before): a reader of the feed or a webhook learnt that a hearing was
  // scheduled, or a case docketed, but not when nor under which procedure.
  procedure: Type.Optional(
    Type.Union([OneOf(PROPOSED_PROCEDURES), Type.Null()], {
      description: "The procedure as it stands: the court's once it docketed the case, the hub's proposal before.",
    }),
  ),
  hearingOn: Type.Optional(
    Type.Union([IsoDate, Type.Null()], { description: 'The day of the hearing the court last scheduled.' }),
  ),
  enforcementCaseNumber: Type.Optional(
    Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
      description: 'The enforcement case number (执行案号) the enforcing court gave, once it did.',
    }),
  ),
  procedureChangedOn: Type.Optional(
    Type.Union([IsoDate, Type.Null()], {
      description:
        'The day the court converted the small claim to the simple or ordinary procedure (Civil Procedure Law art. 169), once it did: its judgment is then appealable (art. 171), not final (art. 165).',
    }),
  ),
});

export const REFERRAL_STATUS_CHANGED = {
  type: 'hub.litigation.referral.status-changed',
  topic: REFERRALS_TOPIC,
  summary:
    'The court reported a step: mediation, docketing (with the case number), refusal, hearing, a small claim converted to the simple or ordinary procedure (the status unchanged, procedure and procedureChangedOn), judgment (amount awarded), settlement, enforcement, closing. A judgment or settlement reported after the enforcement or closing it led to comes with that status (fromStatus the same) and its amount.',
  schema: StatusChange,
} satisfies EventDefinition;

export const REFERRAL_WITHDRAWN = {
  type: 'hub.litigation.referral.withdrawn',
  topic: REFERRALS_TOPIC,
  summary: 'The referral was withdrawn (撤诉) by the company, or the court reported the withdrawal.',
  schema: StatusChange,
} satisfies EventDefinition;

export const BATCH_FORMED = {
  type: 'hub.litigation.batch.formed',
  topic: REFERRALS_TOPIC,
  summary:
    'Referrals of the same court, plaintiff, compound and contract were grouped (or a court split a group) for a joint hearing.',
  schema: Closed({
    batchKey: Sha256Hex,
    courtId: Type.String(),
    companyId: Type.String(),
    areaId: Uuid,
    contractId: Uuid,
    referralIds: Type.Array(Uuid, { minItems: 1 }),
    splitFrom: Nullable(Type.String()),
  }),
} satisfies EventDefinition;

export const REFERRAL_DEBTOR_LISTED = {
  type: 'hub.litigation.referral.debtor-listed',
  topic: REFERRALS_TOPIC,
  summary:
    'The enforcing court reported that the judgment for fees stayed unpaid and it listed the owner as a dishonest judgment debtor (失信被执行人, Civil Procedure Law art. 266), with the enforcement case number; the contracts subgraph records it for the credit feed. The household id is the only reference to the owner.',
  schema: Closed({
    referralId: Uuid,
    courtId: Type.String(),
    companyId: Type.String(),
    householdId: Uuid,
    areaId: Uuid,
    caseNumber: Type.String({ minLength: 1, description: 'The enforcement case number (执行案号) of the listing.' }),
    listedOn: IsoDate,
  }),
} satisfies EventDefinition;

/** Inbound: what a court's own case system reports about a referral (named after OASIS ECF 5's docketing callbacks). */
export const COURT_CASE_EVENTS_TOPIC: TopicDefinition = {
  name: 'court.case-events.v1',
  producer: 'court case systems',
  description:
    'Steps reported by courts for referrals addressed to them, each court on its own topic court.case-events.v1.<court id> that only its principal may write; ' +
    'applied idempotently and in causal order; a report naming another court (SENDER_MISMATCH), unauthorised or malformed ones go to litigation.dead-letter.v1, and the court is told on court.case-event-refusals.v1.<court id>.',
  key: 'referral id',
  perParty: { party: 'court id', senderField: 'courtId', refusals: COURT_CASE_EVENT_REFUSALS_TOPIC },
};

export const COURT_CASE_EVENT_REPORTED = {
  type: 'gov.court.case-event.reported',
  topic: COURT_CASE_EVENTS_TOPIC,
  summary:
    'A court reports a step of a referred case: MEDIATION_STARTED, DOCKETED (case number), DOCKETING_REFUSED, HEARING_SCHEDULED, PROCEDURE_CHANGED (a small claim converted to the simple or ordinary procedure, Civil Procedure Law art. 169: procedure SIMPLE_OR_ORDINARY; after docketing, before judgment), JUDGED (amount), JUDGMENT_CORRECTED (the amount a ruling correcting a clerical error in the judgment gives, 补正裁定), SETTLED, WITHDRAWN, ENFORCEMENT_STARTED (its enforcement case number, 执行案号, in caseNumber where the court gives one), DEBTOR_LISTED_DISHONEST (during enforcement, with the enforcement case number), CLOSED.',
  schema: Closed({
    referralId: Uuid,
    courtId: InboundText.key({
      minLength: 1,
      description: 'The reporting court; it must be the court the referral is addressed to.',
    }),
    kind: OneOf(COURT_EVENT_KINDS),
    occurredAt: IsoDateTime,
    caseNumber: Type.Optional(Nullable(InboundText.key({ minLength: 1 }))),
    procedure: Type.Optional(
      Nullable(
        OneOf(COURT_PROCEDURES, {
          description:
            "With DOCKETED: the procedure the court chose, which replaces the hub's proposal; with PROCEDURE_CHANGED: SIMPLE_OR_ORDINARY, the procedure the court converted the small claim to (art. 169).",
        }),
      ),
    ),
    hearingOn: Type.Optional(Nullable(IsoDate)),
    judgedFen: Type.Optional(Nullable(InboundFen)),
    settledFen: Type.Optional(Nullable(InboundFen)),
    performanceDueOn: Type.Optional(
      Type.Union([IsoDate, Type.Null()], {
        description:
          'With JUDGED, JUDGMENT_CORRECTED or SETTLED (optional): the last day of the performance period the judgment or mediation document sets (of the last instalment where it sets instalments), from which the two years to apply for enforcement count (Civil Procedure Law art. 250); not before the report’s day (for JUDGMENT_CORRECTED, the day of the judgment it corrects, not the ruling’s), at most 10 years after it.',
      }),
    ),
    note: Type.Optional(Nullable(InboundText.note())),
  }),
} satisfies EventDefinition;

export type ReferralSubmittedData = EventData<typeof REFERRAL_SUBMITTED>;
export type ReferralPackageCorrectedData = EventData<typeof REFERRAL_PACKAGE_CORRECTED>;
export type ReferralStatusChangedData = EventData<typeof REFERRAL_STATUS_CHANGED>;
export type BatchFormedData = EventData<typeof BATCH_FORMED>;
export type ReferralDebtorListedData = EventData<typeof REFERRAL_DEBTOR_LISTED>;
export type CourtCaseEventData = EventData<typeof COURT_CASE_EVENT_REPORTED>;
