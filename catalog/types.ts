/**
 * The event catalog is the contract between producers, consumers and outside subscribers (bureaus, courts). Each
 * event type names its topic, its key, and the JSON Schema of its `data`; `npm run compose` writes the schemas to
 * schemas/events/ and the AsyncAPI document from this catalog, and a test fails when they are stale.
 */
/** The subgraphs that produce the hub's own topics; any other producer is an outside party writing inbound. */
export const SUBGRAPH_NAMES = ['areas', 'contracts', 'arrears', 'litigation'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** The `ce_dataschema` and JSON Schema `$id` of an event type: where its schema is published under schemas/events/. */
export const dataSchemaUri = (type: string) => `urn:property-governance-hub:schemas:events:${type}.json`;

export type JsonSchema = Record<string, unknown>;

export interface TopicDefinition {
  /** Logical name, versioned: a breaking change gets a new topic, never a reinterpretation of the old one. */
  name: string;
  producer: string;
  description: string;
  /** What the Kafka message key is: one aggregate's events share a key and so stay in order. */
  key: string;
}

export interface EventDefinition {
  /** CloudEvents `type`, e.g. `hub.areas.area.registered`. */
  type: string;
  topic: TopicDefinition;
  summary: string;
  schema: JsonSchema;
}

export const uuidSchema = { type: 'string', format: 'uuid' } as const;
export const divisionCodeSchema = { type: 'string', pattern: '^[0-9]{2,12}$', description: 'GB/T 2260 division code, or a street/community code that extends it' } as const;
