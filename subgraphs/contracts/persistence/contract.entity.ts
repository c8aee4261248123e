import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { ContractKind, ContractStatus } from '../domain/contract';
import type { ContractTerms } from '../domain/contract-terms';

const now = () => new Date();

/** A service contract of one area; `terms` are its current terms (the draft, or those of its latest version). */
export const ContractSchema = defineEntity({
  name: 'Contract',
  tableName: 'contract',
  properties: (p) => ({
    id: p.uuid().primary(),
    areaId: p.uuid(),
    /** The area's street and district, copied at drafting (an area never moves), so reviewers' lists filter by prefix. */
    streetCode: p.text(),
    districtCode: p.text(),
    /** The provider: the organisation id of the property company's token. */
    companyId: p.text(),
    status: p.text().$type<ContractStatus>(),
    kind: p.text().$type<ContractKind>(),
    number: p.text(),
    startsOn: p.date(),
    endsOn: p.date(),
    terms: p.json<ContractTerms>(),
    terminatedOn: p.date().nullable(),
    handoverOn: p.date().nullable(),
    /**
     * The day after `endsOn` when the company recorded that it goes on serving under the contract for an unfixed term
     * (Civil Code art. 948, recordContinuedService); null while it has not.
     */
    continuedFrom: p.date().nullable(),
    /** Counts the announcements of the contract's filing deadline to the register (contracts.deadlines.v1). */
    deadlineSequence: p.integer().default(0),
    createdAt: p.datetime().columnType('timestamptz').onCreate(now),
    updatedAt: p.datetime().columnType('timestamptz').onCreate(now).onUpdate(now),
  }),
});

export type Contract = InferEntity<typeof ContractSchema>;
