import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import type { GovernanceBodyKind } from '../domain/governance-body';
import type { CommitteeSeat } from '../domain/property-management-committee';
import type { OwnersCommitteeDivision, PmcRules } from '../domain/statutes';

/** 业主大会 / 业主委员会 / 物业管理委员会 (物管会) as stored (domain/governance-body.ts); the DDL is in migrations/. */
export const GovernanceBodySchema = defineEntity({
  name: 'GovernanceBody',
  tableName: 'governance_body',
  properties: {
    id: p.uuid().primary(),
    areaId: p.uuid(),
    kind: p.text().$type<GovernanceBodyKind>(),
    formedOn: p.date(),
    termEndsOn: p.date().nullable(),
    filedOn: p.date().nullable(),
    filingDeadline: p.date().nullable(),
    filedLate: p.boolean().nullable(),
    /** The street office's recording (备案): of a filed property-management committee, or of an owners' committee. */
    recordedOn: p.date().nullable(),
    /** An owners' assembly's rules of procedure (议事规则), by reference. */
    rulesReference: p.text().nullable(),
    /** The owners' assembly an owners' committee executes for; absent while the assembly is not on record. */
    assemblyId: p.uuid().nullable(),
    /** The owners' joint decision that elected an owners' committee, where its recording names one. */
    electionDecisionId: p.uuid().nullable(),
    /** An owners' committee's election day (选举产生之日), from which its application for recording is due; null before. */
    electedOn: p.date().nullable(),
    /**
     * The city rules an owners' committee was recorded under (domain/statutes.ts ownersCommitteeDivisionOf: '11',
     * Beijing's regulation); null for the Ministry's guidance, and for other bodies.
     */
    ownersCommitteeRules: p.text().$type<OwnersCommitteeDivision>().nullable(),
    /** A property-management committee dissolved on an owners' committee's recording: 30 days on, and whether it overran. */
    dissolutionDeadline: p.date().nullable(),
    dissolvedLate: p.boolean().nullable(),
    /**
     * A property-management committee's rules (domain/statutes.ts pmcRulesOf: '11', Beijing's regulation), by its
     * area's district when formed; null where the hub holds none, and for other bodies.
     */
    pmcRules: p.text().$type<PmcRules>().nullable(),
    /**
     * Whether a property-management committee's filing and recording periods run (domain/governance-body.ts
     * filingPeriodsRun): under its rules, where the area's owners' assembly was on record when it formed.
     */
    filingRequired: p.boolean().default(false),
    chairMemberId: p.uuid().nullable(),
    dissolvedOn: p.date().nullable(),
    dissolutionReason: p.text().nullable(),
    createdBy: p.text(),
  },
});

export const GovernanceMemberSchema = defineEntity({
  name: 'GovernanceMember',
  tableName: 'governance_member',
  properties: {
    id: p.uuid().primary(),
    bodyId: p.uuid(),
    name: p.text(),
    seat: p.text().$type<CommitteeSeat>(),
    /** The residents' committee or property-rights unit the member represents. */
    represents: p.text().nullable(),
  },
});

export type GovernanceBody = InferEntity<typeof GovernanceBodySchema>;
export type GovernanceMember = InferEntity<typeof GovernanceMemberSchema>;
