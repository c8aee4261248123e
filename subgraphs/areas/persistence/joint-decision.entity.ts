import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import type { JointDecisionReason, TallySource } from '../domain/joint-decision';
import type { JointDecisionMatter } from '../domain/statutes';

/** An owners' joint decision with the tally it was decided on (domain/joint-decision.ts); the DDL is in migrations/. */
export const JointDecisionSchema = defineEntity({
  name: 'JointDecision',
  tableName: 'joint_decision',
  properties: {
    id: p.uuid().primary(),
    areaId: p.uuid(),
    matter: p.text().$type<JointDecisionMatter>(),
    heldOn: p.date(),
    /** The agenda item (议题) when the meeting decided the matter more than once; null otherwise and before 2026-12-06. */
    agendaItem: p.text().nullable(),
    totalOwners: p.integer(),
    // Areas are hundredths of m², summed over an area's households: int8 columns, far below 2^53.
    totalAreaCentiM2: p.bigint('number').fieldName('total_area_centi_m2'),
    participatingOwners: p.integer(),
    participatingAreaCentiM2: p.bigint('number').fieldName('participating_area_centi_m2'),
    consentingOwners: p.integer(),
    consentingAreaCentiM2: p.bigint('number').fieldName('consenting_area_centi_m2'),
    /** Null for decisions recorded before the source was kept (2026-12-05). */
    tallySource: p.text().$type<TallySource>().nullable(),
    valid: p.boolean(),
    reasons: p.json<JointDecisionReason[]>(),
    recordedBy: p.text(),
    recordedAt: p.datetime().columnType('timestamptz'),
  },
});

export type JointDecision = InferEntity<typeof JointDecisionSchema>;
