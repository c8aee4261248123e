import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';
import type { CommitteeSeat } from '../domain/property-management-committee';

/** 业主大会 / 业主委员会 / 物业管理委员会 (物管会). */
export type GovernanceBodyKind = 'OWNERS_ASSEMBLY' | 'OWNERS_COMMITTEE' | 'PROPERTY_MANAGEMENT_COMMITTEE';

export class GovernanceBody {
  id: string = randomUUID();
  areaId!: string;
  kind!: GovernanceBodyKind;
  formedOn!: string;
  termEndsOn?: string;
  filedOn?: string;
  filingDeadline?: string;
  filedLate?: boolean;
  /** The street office's recording (备案): of a filed property-management committee, or of an owners' committee. */
  recordedOn?: string;
  /** An owners' assembly's rules of procedure (议事规则), by reference. */
  rulesReference?: string;
  /** The owners' assembly an owners' committee executes for; absent while the assembly is not on record. */
  assemblyId?: string;
  /** A property-management committee dissolved on an owners' committee's recording: 30 days on, and whether it overran. */
  dissolutionDeadline?: string;
  dissolvedLate?: boolean;
  chairMemberId?: string;
  dissolvedOn?: string;
  dissolutionReason?: string;
  createdBy!: string;
}

export class GovernanceMember {
  id: string = randomUUID();
  bodyId!: string;
  name!: string;
  seat!: CommitteeSeat;
  /** The residents' committee or property-rights unit the member represents. */
  represents?: string;
}

export class JointDecision {
  id: string = randomUUID();
  areaId!: string;
  matter!: string;
  heldOn!: string;
  totalOwners!: number;
  totalAreaCentiM2!: string;
  participatingOwners!: number;
  participatingAreaCentiM2!: string;
  consentingOwners!: number;
  consentingAreaCentiM2!: string;
  valid!: boolean;
  reasons!: string[];
  recordedBy!: string;
  recordedAt: Date = new Date();
}

export const GovernanceBodySchema = new EntitySchema<GovernanceBody>({
  class: GovernanceBody,
  tableName: 'governance_body',
  properties: {
    id: { type: 'uuid', primary: true },
    areaId: { type: 'uuid' },
    kind: { type: 'text' },
    formedOn: { type: 'date' },
    termEndsOn: { type: 'date', nullable: true },
    filedOn: { type: 'date', nullable: true },
    filingDeadline: { type: 'date', nullable: true },
    filedLate: { type: 'boolean', nullable: true },
    recordedOn: { type: 'date', nullable: true },
    rulesReference: { type: 'text', nullable: true },
    assemblyId: { type: 'uuid', nullable: true },
    dissolutionDeadline: { type: 'date', nullable: true },
    dissolvedLate: { type: 'boolean', nullable: true },
    chairMemberId: { type: 'uuid', nullable: true },
    dissolvedOn: { type: 'date', nullable: true },
    dissolutionReason: { type: 'text', nullable: true },
    createdBy: { type: 'text' },
  },
});

export const GovernanceMemberSchema = new EntitySchema<GovernanceMember>({
  class: GovernanceMember,
  tableName: 'governance_member',
  properties: {
    id: { type: 'uuid', primary: true },
    bodyId: { type: 'uuid' },
    name: { type: 'text' },
    seat: { type: 'text' },
    represents: { type: 'text', nullable: true },
  },
});

export const JointDecisionSchema = new EntitySchema<JointDecision>({
  class: JointDecision,
  tableName: 'joint_decision',
  properties: {
    id: { type: 'uuid', primary: true },
    areaId: { type: 'uuid' },
    matter: { type: 'text' },
    heldOn: { type: 'date' },
    totalOwners: { type: 'integer' },
    totalAreaCentiM2: { type: 'bigint', fieldName: 'total_area_centi_m2' },
    participatingOwners: { type: 'integer' },
    participatingAreaCentiM2: { type: 'bigint', fieldName: 'participating_area_centi_m2' },
    consentingOwners: { type: 'integer' },
    consentingAreaCentiM2: { type: 'bigint', fieldName: 'consenting_area_centi_m2' },
    valid: { type: 'boolean' },
    reasons: { type: 'json' },
    recordedBy: { type: 'text' },
    recordedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
