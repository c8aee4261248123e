import { Type } from '@sinclair/typebox';
import { Closed, EventData, EventDefinition, IsoDate, Nullable, OneOf, TopicDefinition, Uuid } from './types';
import {
  GOVERNANCE_BODY_KINDS,
  JOINT_DECISION_MATTERS,
  JOINT_DECISION_TALLY_SOURCES,
  PREPARATORY_MEMBER_ROLES,
} from './vocabulary';

export const GOVERNANCE_TOPIC: TopicDefinition = {
  name: 'areas.governance.v1',
  producer: 'areas',
  description: "Governance bodies of property-management areas and the owners' joint decisions recorded for them.",
  key: 'area id',
};

/**
 * The longest term of each kind of committee: areas refuses a longer one and records a committee given none to it;
 * arrears holds a committee kept without a term to it (domain/utility-violation.ts mandateEndsOn). One place for both.
 *
 * An owners' committee: Beijing Property Management Regulation (2020, amended 2024-03-29) art. 41 para. 1:
 * "业主委员会委员实行任期制，每届任期不超过五年，可以连选连任"; the Ministry's 《业主大会和业主委员会指导规则》
 * (建房〔2009〕274号) art. 32 sets the same five years everywhere else: "每届任期不超过5年". Its term runs from its
 * election, on or before its recording.
 *
 * A property-management committee (物业管理委员会): Beijing art. 58: "物业管理委员会的任期一般不超过三年。期满仍未推动
 * 成立业主大会、选举产生业主委员会的，由街道办事处、乡镇人民政府重新组建物业管理委员会" (一般: as a rule; the hub holds three
 * years as the maximum). The hub holds no other city's article on its term.
 */
export const COMMITTEE_MAX_TERM = Object.freeze({
  OWNERS_COMMITTEE: Object.freeze({
    years: 5,
    /** GB/T 2260 prefixes where it holds; null: everywhere (Beijing's regulation and the Ministry's guidance agree). */
    divisions: null,
    source:
      'Beijing Property Management Regulation art. 41 para. 1; 业主大会和业主委员会指导规则 (建房〔2009〕274号) art. 32',
    text: '业主委员会委员实行任期制，每届任期不超过五年，可以连选连任',
  }),
  PROPERTY_MANAGEMENT_COMMITTEE: Object.freeze({
    years: 3,
    divisions: Object.freeze(['11']),
    source: 'Beijing Property Management Regulation art. 58',
    text: '物业管理委员会的任期一般不超过三年',
  }),
});

export const COMMITTEE_FORMED = {
  type: 'hub.areas.committee.formed',
  topic: GOVERNANCE_TOPIC,
  summary: "A property-management committee was formed by the street office, or an owners' committee was recorded.",
  schema: Closed({
    areaId: Uuid,
    bodyId: Uuid,
    kind: OneOf(GOVERNANCE_BODY_KINDS),
    formedOn: IsoDate,
    termEndsOn: Nullable(IsoDate),
    members: Type.Integer({ minimum: 1 }),
    filingDeadline: Nullable(IsoDate),
  }),
} satisfies EventDefinition;

export const COMMITTEE_DISSOLVED = {
  type: 'hub.areas.committee.dissolved',
  topic: GOVERNANCE_TOPIC,
  summary: "A property-management committee was dissolved because the area's owners' committee was recorded.",
  schema: Closed({
    areaId: Uuid,
    bodyId: Uuid,
    dissolvedOn: IsoDate,
    reason: Type.Literal('OWNERS_COMMITTEE_RECORDED'),
  }),
} satisfies EventDefinition;

export const COMMITTEE_SUCCEEDED = {
  type: 'hub.areas.committee.succeeded',
  topic: GOVERNANCE_TOPIC,
  summary:
    "A committee stands no more because its successor was recorded: an owners' committee newly elected (换届), or a property-management committee formed once the standing committee's term had ended.",
  schema: Closed({
    areaId: Uuid,
    bodyId: Uuid,
    kind: OneOf(GOVERNANCE_BODY_KINDS),
    endedOn: Type.String({
      format: 'date',
      description: 'The successor’s first day: the committee stands no more from it.',
    }),
    successorBodyId: Uuid,
  }),
} satisfies EventDefinition;

export const JOINT_DECISION_RECORDED = {
  type: 'hub.areas.joint-decision.recorded',
  topic: GOVERNANCE_TOPIC,
  summary: "An owners' joint decision (Civil Code art. 278) was recorded with the hub's verdict on its validity.",
  schema: Closed({
    areaId: Uuid,
    decisionId: Uuid,
    matter: OneOf(JOINT_DECISION_MATTERS),
    heldOn: IsoDate,
    // Added to v1 as optional: the meeting's agenda item (议题), when the matter was decided more than once that day.
    agendaItem: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    valid: Type.Boolean(),
    reasons: Type.Array(Type.String()),
    // Added to v1 as optional (the catalog's rule for an additive change): left out by messages published before.
    tallySource: Type.Optional(
      OneOf(JOINT_DECISION_TALLY_SOURCES, {
        description:
          "Where the figures come from: household ballots counted against the register, a meeting's tally whose totals are the register's, or one taken as reported (the register holds no household of the area).",
      }),
    ),
    tally: Type.Optional(
      Closed({
        totalOwners: Type.Integer({ minimum: 1 }),
        totalAreaCentiM2: Type.Integer({ minimum: 1, description: 'Exclusive-part area, hundredths of m².' }),
        participatingOwners: Type.Integer({ minimum: 0 }),
        participatingAreaCentiM2: Type.Integer({ minimum: 0 }),
        consentingOwners: Type.Integer({ minimum: 0 }),
        consentingAreaCentiM2: Type.Integer({ minimum: 0 }),
      }),
    ),
  }),
} satisfies EventDefinition;

export const ASSEMBLY_RECORDED = {
  type: 'hub.areas.assembly.recorded',
  topic: GOVERNANCE_TOPIC,
  summary: "The street office recorded an area's owners' assembly (业主大会), one per area.",
  schema: Closed({
    areaId: Uuid,
    bodyId: Uuid,
    formedOn: Type.String({ format: 'date', description: 'The day of its first meeting, when it was formed.' }),
    rulesReference: Nullable(Type.String()),
    linkedCommitteeId: Nullable(
      Type.String({
        format: 'uuid',
        description: "A standing owners' committee recorded earlier, now linked to the assembly.",
      }),
    ),
  }),
} satisfies EventDefinition;

export const COMMITTEE_RECORDED = {
  type: 'hub.areas.committee.recorded',
  topic: GOVERNANCE_TOPIC,
  summary: 'The street office recorded (备案) a filed property-management committee.',
  schema: Closed({
    areaId: Uuid,
    bodyId: Uuid,
    filedOn: IsoDate,
    recordedOn: Type.String({
      format: 'date',
      description:
        "The street office's recording (备案), due by the 5th working day after the filing (Beijing art. 55).",
    }),
  }),
} satisfies EventDefinition;

export type CommitteeFormedData = EventData<typeof COMMITTEE_FORMED>;
export type CommitteeDissolvedData = EventData<typeof COMMITTEE_DISSOLVED>;
export type CommitteeSucceededData = EventData<typeof COMMITTEE_SUCCEEDED>;
export type JointDecisionRecordedData = EventData<typeof JOINT_DECISION_RECORDED>;
/** What a subgraph keeps of a recorded joint decision (platform/read-models/joint-decisions.ts): the verdict, not the tally. */
export type RecordedJointDecision = Pick<
  JointDecisionRecordedData,
  'decisionId' | 'areaId' | 'matter' | 'heldOn' | 'valid' | 'reasons'
>;
export type AssemblyRecordedData = EventData<typeof ASSEMBLY_RECORDED>;
export type CommitteeRecordedData = EventData<typeof COMMITTEE_RECORDED>;

export const PREPARATORY_GROUP_FORMED = {
  type: 'hub.areas.preparatory-group.formed',
  topic: GOVERNANCE_TOPIC,
  summary:
    "The street office formed the preparatory group (筹备组) for an area's first owners' assembly (seed 004 §五(一)): its " +
    'members by role (no names), and the period to convene the assembly with the article the street office applied, if ' +
    'any. Its work ends with the hub.areas.assembly.recorded of the area first meeting on or after formedOn.',
  schema: Closed({
    areaId: Uuid,
    groupId: Uuid,
    formedOn: IsoDate,
    members: Type.Array(Closed({ role: OneOf(PREPARATORY_MEMBER_ROLES), leader: Type.Boolean() }), {
      minItems: 1,
      maxItems: 25,
    }),
    period: Nullable(Closed({ days: Type.Integer({ minimum: 1 }), source: Type.String({ minLength: 1 }) })),
    deadline: Nullable(IsoDate),
  }),
} satisfies EventDefinition;

export type PreparatoryGroupFormedData = EventData<typeof PREPARATORY_GROUP_FORMED>;
