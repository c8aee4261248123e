import { AREA_REGISTERED } from './areas';
import { EventDefinition, TopicDefinition } from './types';

export * from './types';
export * from './areas';

export const EVENT_DEFINITIONS: readonly EventDefinition[] = [AREA_REGISTERED];

export const TOPIC_DEFINITIONS: readonly TopicDefinition[] = [...new Set(EVENT_DEFINITIONS.map((e) => e.topic))];

export function eventDefinition(type: string): EventDefinition | undefined {
  return EVENT_DEFINITIONS.find((e) => e.type === type);
}

/** Where a poison message of a subgraph's consumers goes, with the reason in its headers. */
export const deadLetterTopicOf = (subgraph: string) => `${subgraph}.dead-letter.v1`;
