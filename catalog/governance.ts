import { EventDefinition, TopicDefinition, uuidSchema } from './types';

export const GOVERNANCE_TOPIC: TopicDefinition = {
  name: 'areas.governance.v1',
  producer: 'areas',
  description: "Governance bodies of property-management areas and the owners' joint decisions recorded for them.",
  key: 'area id',
};

const isoDate = { type: 'string', format: 'date' } as const;
const bodyKind = { enum: ['OWNERS_COMMITTEE', 'PROPERTY_MANAGEMENT_COMMITTEE'] } as const;

export interface CommitteeFormedData {
  areaId: string;
  bodyId: string;
  kind: 'OWNERS_COMMITTEE' | 'PROPERTY_MANAGEMENT_COMMITTEE';
  formedOn: string;
  termEndsOn: string | null;
  members: number;
  filingDeadline: string | null;
}

export const COMMITTEE_FORMED: EventDefinition = {
  type: 'hub.areas.committee.formed',
  topic: GOVERNANCE_TOPIC,
  summary: "A property-management committee was formed by the street office, or an owners' committee was recorded.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['areaId', 'bodyId', 'kind', 'formedOn', 'termEndsOn', 'members', 'filingDeadline'],
    properties: {
      areaId: uuidSchema,
      bodyId: uuidSchema,
      kind: bodyKind,
      formedOn: isoDate,
      termEndsOn: { anyOf: [isoDate, { type: 'null' }] },
      members: { type: 'integer', minimum: 1 },
      filingDeadline: { anyOf: [isoDate, { type: 'null' }] },
    },
  },
};

export interface CommitteeDissolvedData {
  areaId: string;
  bodyId: string;
  dissolvedOn: string;
  reason: 'OWNERS_COMMITTEE_RECORDED';
}

export const COMMITTEE_DISSOLVED: EventDefinition = {
  type: 'hub.areas.committee.dissolved',
  topic: GOVERNANCE_TOPIC,
  summary: "A property-management committee was dissolved because the area's owners' committee was recorded.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['areaId', 'bodyId', 'dissolvedOn', 'reason'],
    properties: { areaId: uuidSchema, bodyId: uuidSchema, dissolvedOn: isoDate, reason: { const: 'OWNERS_COMMITTEE_RECORDED' } },
  },
};

export interface JointDecisionRecordedData {
  areaId: string;
  decisionId: string;
  matter: string;
  heldOn: string;
  valid: boolean;
  reasons: string[];
}

export const JOINT_DECISION_RECORDED: EventDefinition = {
  type: 'hub.areas.joint-decision.recorded',
  topic: GOVERNANCE_TOPIC,
  summary: "An owners' joint decision (Civil Code art. 278) was recorded with the hub's verdict on its validity.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['areaId', 'decisionId', 'matter', 'heldOn', 'valid', 'reasons'],
    properties: {
      areaId: uuidSchema,
      decisionId: uuidSchema,
      matter: { type: 'string', minLength: 1 },
      heldOn: isoDate,
      valid: { type: 'boolean' },
      reasons: { type: 'array', items: { type: 'string' } },
    },
  },
};

export interface AssemblyRecordedData {
  areaId: string;
  bodyId: string;
  /** The day of its first meeting, when it was formed. */
  formedOn: string;
  rulesReference: string | null;
  /** A standing owners' committee recorded earlier, now linked to the assembly. */
  linkedCommitteeId: string | null;
}

export const ASSEMBLY_RECORDED: EventDefinition = {
  type: 'hub.areas.assembly.recorded',
  topic: GOVERNANCE_TOPIC,
  summary: "The street office recorded an area's owners' assembly (业主大会), one per area.",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['areaId', 'bodyId', 'formedOn', 'rulesReference', 'linkedCommitteeId'],
    properties: {
      areaId: uuidSchema,
      bodyId: uuidSchema,
      formedOn: isoDate,
      rulesReference: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      linkedCommitteeId: { anyOf: [uuidSchema, { type: 'null' }] },
    },
  },
};

export interface CommitteeRecordedData {
  areaId: string;
  bodyId: string;
  filedOn: string;
  /** The street office's recording (备案), due by the 5th working day after the filing (Beijing art. 55). */
  recordedOn: string;
}

export const COMMITTEE_RECORDED: EventDefinition = {
  type: 'hub.areas.committee.recorded',
  topic: GOVERNANCE_TOPIC,
  summary: 'The street office recorded (备案) a filed property-management committee.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['areaId', 'bodyId', 'filedOn', 'recordedOn'],
    properties: { areaId: uuidSchema, bodyId: uuidSchema, filedOn: isoDate, recordedOn: isoDate },
  },
};
