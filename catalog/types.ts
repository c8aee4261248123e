import { Static, StringOptions, TSchema, Type } from '@sinclair/typebox';
import { DIVISION_CODE } from '../kernel/identity';
import { FEN_CEILING, TEXT_MAX_LENGTH, textPattern } from '../kernel/input-bounds';

/**
 * The event catalog is the contract between producers, consumers and outside subscribers (bureaus, courts). Each
 * event type is declared once, as a TypeBox schema of its `data`: the TypeScript type producers and consumers use is
 * derived from it (`EventData<typeof X>`), and so are the JSON Schemas `npm run compose` writes to schemas/events/
 * and the AsyncAPI document. A test fails when the checked-in files are stale.
 */

export { SUBGRAPH_NAMES, type SubgraphName } from './subgraph-names';

/** The `ce_dataschema` and JSON Schema `$id` of an event type: where its schema is published under schemas/events/. */
export const dataSchemaUri = (type: string) => `urn:property-governance-hub:schemas:events:${type}.json`;

/**
 * The longest `ce_` attribute a consumer takes, in bytes (published in the AsyncAPI document's headers). The inbox
 * keys events by `ce_id` in a btree, whose entries PostgreSQL caps at 2,704 bytes: a longer id that does not compress
 * (3,200 random hex characters) failed each retry of its handler ("index row size exceeds btree maximum") until it was
 * dead-lettered as HANDLER_FAILED. The hub's own ids are UUIDs; a W3C `tracestate` may be 512 characters.
 */
export const MAX_CE_ATTRIBUTE_BYTES = 512;

export interface TopicDefinition {
  /** Logical name, versioned: a breaking change gets a new topic, never a reinterpretation of the old one. */
  name: string;
  producer: string;
  description: string;
  /** What the Kafka message key is: one aggregate's events share a key and so stay in order. */
  key: string;
  /**
   * Inbound topics written by outside parties are one topic per party, `<name>.<party id>`, whose WRITE ACL names
   * that party alone: the sender is who the topic says. `senderField` is the field of the data that names the
   * sender, which must agree with the topic (else the message is dead-lettered as SENDER_MISMATCH).
   */
  perParty?: {
    party: string;
    senderField: string;
    /** Where a message of this family the hub refuses is reported back to its sender: `<refusals.name>.<party>`. */
    refusals?: TopicDefinition;
  };
  /**
   * A reply topic per party, `<name>.<party>`, written by the hub alone and read by that party alone: what the hub
   * says back about the messages the party sent (the ones it refused).
   */
  replies?: { party: string };
  /**
   * Outbound feeds for parties: every message is also published to `<name>.<party>`, the topic of the party it
   * concerns (a court's referrals, a district's filings), so the broker's READ ACLs give each party its own reach.
   * `field` names the data field that says which party; without it the producer names it. Owner data never
   * appears in a party feed: the events carry none.
   */
  partyFeed?: { party: string; field?: string };
  /** A log-compacted topic (cleanup.policy=compact): the broker keeps the latest message of every key. */
  compacted?: boolean;
}

/** A party id as it appears in topic names and principals: lower-case letters, digits and hyphens. */
export const PARTY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** The topic of one party in a per-party family, e.g. `court.case-events.v1.bj-haidian-court`. */
export const partyTopicName = (topic: Pick<TopicDefinition, 'name'>, partyId: string) => `${topic.name}.${partyId}`;

export interface EventDefinition<S extends TSchema = TSchema> {
  /** CloudEvents `type`, e.g. `hub.areas.area.registered`. */
  type: string;
  topic: TopicDefinition;
  summary: string;
  /** The JSON Schema of the event's `data`, which is also its TypeScript type. */
  schema: S;
  /**
   * Fields of `data` that name a person, blanked in the copy a refused message leaves in a dead-letter topic (an
   * outside party's message the hub keeps only masked once admitted).
   */
  personalFields?: readonly string[];
}

/** The `data` of an event type, as its schema declares it. */
export type EventData<E extends EventDefinition> = Static<E['schema']>;

// Schema pieces shared by the catalog's events. Objects are closed (additionalProperties: false), so a producer
// cannot leak a field the catalog does not declare, e.g. an owner's name.

export const Uuid = Type.String({ format: 'uuid' });
export const DivisionCode = Type.String({
  pattern: DIVISION_CODE.source,
  description: 'GB/T 2260 division code, or a street/community code that extends it',
});
export const IsoDate = Type.String({ format: 'date' });
export const IsoDateTime = Type.String({ format: 'date-time' });
export const YearMonth = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' });
export const Sha256Hex = Type.String({ pattern: '^[0-9a-f]{64}$' });
export const Fen = Type.Integer({ minimum: 0 });
export const Text = Type.String();

/**
 * Text an outside party writes into an event on its own topic (a court's case event, a bureau's review, a hotline
 * order), bounded and clean as the GraphQL scalar of the same kind (kernel/input-bounds.ts): no NUL or other control
 * characters (free text keeps tab and line breaks), no bidirectional controls.
 */
export const InboundText = {
  name: (options: StringOptions = {}) =>
    Type.String({ maxLength: TEXT_MAX_LENGTH.name, pattern: textPattern(false), ...options }),
  note: (options: StringOptions = {}) =>
    Type.String({ maxLength: TEXT_MAX_LENGTH.note, pattern: textPattern(true), ...options }),
  key: (options: StringOptions = {}) =>
    Type.String({ maxLength: TEXT_MAX_LENGTH.key, pattern: textPattern(false), ...options }),
};
/** An amount an outside party reports (a judgement, a settlement): whole fen up to the GraphQL `Fen`'s ceiling. */
export const InboundFen = Type.Integer({ minimum: 0, maximum: FEN_CEILING.amount });

/** A closed object: every property required unless wrapped in Type.Optional. */
export const Closed = <P extends Parameters<typeof Type.Object>[0]>(
  properties: P,
  options: { description?: string } = {},
) => Type.Object(properties, { ...options, additionalProperties: false });

/** `T | null`, published as `anyOf: [T, null]`. */
export const Nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) =>
  Type.Union([schema, Type.Null()], options);

/** One of a vocabulary's values, published as a JSON Schema `enum`. */
export const OneOf = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ ...options, enum: [...values] });
