import { Type } from '@sinclair/typebox';
import { Closed, EventData, EventDefinition, TopicDefinition, Uuid } from './types';

/**
 * Which company has a contract of which area, from the moment it is drafted: the areas subgraph lets a company read
 * the identifying facts of the areas of its own contracts (name, district, street), so its contracts and filings
 * always show their area, even one it does not serve yet; never the area's households, owners or governance bodies.
 * Internal to the hub (no party feed); keyed by contract id.
 */
export const CONTRACT_AREAS_TOPIC: TopicDefinition = {
  name: 'contracts.contract-areas.v1',
  producer: 'contracts',
  description:
    'Each contract drafted, with its company and its area, and each draft discarded: what the areas subgraph lets the company read.',
  key: 'contract id',
};

/** Whose contract of which area: what both events of the topic carry. */
const ContractArea = Closed({
  contractId: Uuid,
  companyId: Type.String({ minLength: 1, maxLength: 128 }),
  areaId: Uuid,
});

export const CONTRACT_DRAFTED = {
  type: 'hub.contracts.contract.drafted',
  topic: CONTRACT_AREAS_TOPIC,
  summary: 'A company drafted a contract of an area.',
  schema: ContractArea,
} satisfies EventDefinition;

export const CONTRACT_DISCARDED = {
  type: 'hub.contracts.contract.discarded',
  topic: CONTRACT_AREAS_TOPIC,
  summary: 'A company discarded a draft it never filed: the draft no longer gives it its area to read.',
  schema: ContractArea,
} satisfies EventDefinition;

export type ContractDraftedData = EventData<typeof CONTRACT_DRAFTED>;
