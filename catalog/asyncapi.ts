import YAML from 'yaml';
import {
  EVENT_DEFINITIONS,
  EventDefinition,
  TOPIC_DEFINITIONS,
  TopicDefinition,
  deadLetterTopicOf,
  SUBGRAPH_NAMES,
  dataSchemaUri,
  MAX_CE_ATTRIBUTE_BYTES,
} from './index';

/** Topics outside parties write to and the hub consumes, e.g. review decisions from a bureau's own system. */
const inbound = (topic: TopicDefinition) => !(SUBGRAPH_NAMES as readonly string[]).includes(topic.producer);

const camel = (s: string) => s.replace(/[^A-Za-z0-9]+(.)/g, (_m, c: string) => c.toUpperCase());

/** The JSON Schema file of one event type, as published under schemas/events/. */
export function eventSchemaDocument(definition: EventDefinition): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: dataSchemaUri(definition.type),
    title: definition.type,
    description: `${definition.summary} CloudEvents data of type ${definition.type} on topic ${definition.topic.name}.`,
    ...definition.schema,
  };
}

/** A `ce_` header: the hub dead-letters a message whose attribute is longer (NOT_A_CLOUDEVENT). */
const ceText = (description?: string) => ({
  type: 'string',
  maxLength: MAX_CE_ATTRIBUTE_BYTES,
  ...(description ? { description: `${description} At most ${MAX_CE_ATTRIBUTE_BYTES} bytes.` } : {}),
});

const cloudEventHeaders = {
  type: 'object',
  required: ['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_time', 'content-type'],
  properties: {
    ce_specversion: { const: '1.0' },
    ce_id: ceText('Unique event id; consumers deduplicate by it.'),
    ce_type: ceText(),
    ce_source: ceText('The producing subgraph, e.g. /property-governance-hub/areas.'),
    ce_time: { ...ceText(), format: 'date-time' },
    ce_subject: ceText('The aggregate the event is about.'),
    ce_dataschema: ceText(),
    ce_traceparent: {
      type: 'string',
      pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description:
        'CloudEvents distributed-tracing extension: the W3C traceparent of the work that produced the event (absent when it was not traced).',
    },
    ce_tracestate: ceText('CloudEvents distributed-tracing extension: the W3C tracestate.'),
    'content-type': { const: 'application/json' },
  },
};

/** Who may read each topic family besides the hub's super user: the subgraphs (and parties) whose ACLs allow it. */
export type TopicReaders = Readonly<Record<string, readonly string[]>>;

/**
 * Which outside parties read a family's per-party topics (`<family>.<id>`), by the ACLs a registered party gets: text
 * per family; a family absent is read by no outside party.
 */
type PartyFeedReaders = Readonly<Record<string, string>>;

const accessText = (topic: TopicDefinition, readers: readonly string[]) => {
  if (topic.replies)
    return `Writers: only the ${topic.producer} subgraph's principal. Readers (READ ACLs): the ${topic.replies.party}'s own principal, its own topic alone.`;
  const writer = topic.perParty
    ? `only the ${topic.perParty.party.replace(/ \(.*\)$/, '')}'s own principal writes its topic (a WRITE ACL on that topic alone)`
    : inbound(topic)
      ? 'no party writes it'
      : `only the ${topic.producer} subgraph's principal writes it`;
  const reader = readers.length > 0 ? readers.join(', ') : 'no one but the hub’s super user';
  return `Writers: ${writer}. Readers (READ ACLs): ${reader}.`;
};

/**
 * AsyncAPI 3.0 document of every topic, its key and its messages, for subscribers such as bureaus and courts, with
 * who may write and read each one (the broker's ACLs, derived from the same declarations).
 */
export function asyncApiDocument(readers: TopicReaders = {}, partyReaders: PartyFeedReaders = {}): string {
  const messages: Record<string, unknown> = {};
  for (const d of EVENT_DEFINITIONS) {
    messages[camel(d.type)] = {
      name: d.type,
      title: d.type,
      summary: d.summary,
      contentType: 'application/json',
      headers: { ...cloudEventHeaders, properties: { ...cloudEventHeaders.properties, ce_type: { const: d.type } } },
      payload: { $ref: `./events/${d.type}.json` },
      bindings: { kafka: { key: { type: 'string', description: d.topic.key }, bindingVersion: '0.5.0' } },
    };
  }
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const topic of TOPIC_DEFINITIONS) {
    const id = camel(topic.name);
    const refs = Object.fromEntries(
      EVENT_DEFINITIONS.filter((d) => d.topic === topic).map((d) => [
        camel(d.type),
        { $ref: `#/components/messages/${camel(d.type)}` },
      ]),
    );
    channels[id] = {
      address: topic.perParty || topic.replies ? `${topic.name}.{partyId}` : topic.name,
      description:
        `${topic.description} Produced by ${inbound(topic) ? topic.producer : `the ${topic.producer} subgraph`}; key: ${topic.key}. ` +
        accessText(topic, readers[topic.name] ?? []),
      ...(topic.perParty
        ? {
            parameters: {
              partyId: { description: `The ${topic.perParty.party}: the sender, whatever the message says.` },
            },
          }
        : topic.replies
          ? { parameters: { partyId: { description: `The ${topic.replies.party} the replies are for.` } } }
          : {}),
      messages: refs,
      bindings: {
        kafka: {
          ...(topic.perParty || topic.replies ? {} : { topic: topic.name }),
          partitions: 3,
          ...(topic.compacted ? { topicConfiguration: { 'cleanup.policy': ['compact'] } } : {}),
          bindingVersion: '0.5.0',
        },
      },
    };
    const operationOf = (channelId: string, action: 'send' | 'receive', summary: string) => {
      operations[`${action}${channelId[0].toUpperCase()}${channelId.slice(1)}`] = {
        action,
        channel: { $ref: `#/channels/${channelId}` },
        summary,
        messages: Object.keys(refs).map((m) => ({ $ref: `#/channels/${channelId}/messages/${m}` })),
      };
    };
    // Operations are described from the outside party's side: it sends to its own inbound topic and receives its
    // own feed; the hub's internal topics are read by hub principals only.
    if (inbound(topic)) {
      operationOf(
        id,
        'send',
        `Publish to your own ${topic.perParty ? `${topic.name}.<${topic.perParty.party}>` : topic.name} topic, keyed by ${topic.key}, as CloudEvents in binary mode.`,
      );
    }
    if (topic.replies)
      operationOf(
        id,
        'receive',
        `Subscribe with a consumer group named <your party id>.<anything> to your own ${topic.name}.<${topic.replies.party}> topic.`,
      );
    if (topic.partyFeed) {
      const feedId = `${id}PartyFeed`;
      const feedReaders = partyReaders[topic.name];
      channels[feedId] = {
        address: `${topic.name}.{partyId}`,
        description:
          `The events of ${topic.name} that concern one party (its ${topic.partyFeed.party}), under their own event ids. ` +
          `Writers: only the ${topic.producer} subgraph's principal. Readers (READ ACLs): ` +
          (feedReaders
            ? `${feedReaders}, as registered with registerFeedSubscriber.`
            : 'no outside party is granted READ: the hub’s super user only (delivered otherwise, e.g. by webhook).') +
          ' No owner data.',
        parameters: { partyId: { description: `The ${topic.partyFeed.party}.` } },
        messages: refs,
        bindings: { kafka: { partitions: 3, bindingVersion: '0.5.0' } },
      };
      // Offered to outside parties only where one may read it.
      if (feedReaders)
        operationOf(
          feedId,
          'receive',
          `Subscribe with a consumer group named <your party id>.<anything> to ${topic.name}.<${topic.partyFeed.party}> topics you were given.`,
        );
    }
  }
  for (const producer of SUBGRAPH_NAMES) {
    const topic = deadLetterTopicOf(producer);
    const id = camel(topic);
    if (channels[id]) continue;
    channels[id] = {
      address: topic,
      description:
        `Messages the ${producer} subgraph's consumers could not process, unchanged, with headers dlq_reason_code, dlq_reason, ` +
        'dlq_consumer, dlq_source_topic, dlq_source_partition, dlq_source_offset and dlq_failed_at.',
      bindings: { kafka: { topic, partitions: 3, bindingVersion: '0.5.0' } },
    };
  }
  const security = [{ $ref: '#/components/securitySchemes/scramSha512' }];
  const doc = {
    asyncapi: '3.0.0',
    info: {
      title: 'Property-governance integration hub: event feeds',
      version: '1.0.0',
      description:
        'CloudEvents 1.0 in Kafka binary mode: attributes in ce_* headers, JSON data in the body, the aggregate id as key. ' +
        'Topic names carry their version; a breaking change gets a new topic. Deduplicate by ce_id: delivery is at least once.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:19092',
        protocol: 'kafka',
        description:
          'The development broker started by npm start, for the hub on its machine: SASL_PLAINTEXT, SCRAM-SHA-512, ACLs (StandardAuthorizer, nothing allowed without an ACL).',
        security,
      },
      'local-tls': {
        host: '127.0.0.1:19094',
        protocol: 'kafka-secure',
        description:
          'The same broker’s listener for parties: SASL_SSL (TLS, then SCRAM-SHA-512), the same principals and ACLs; trust the certificate in .local/kafka/data/tls/ca.pem. Loopback only on a development machine; in production the broker’s one published port, 9094 (docker-compose.yml).',
        security,
      },
    },
    channels,
    operations,
    components: {
      messages,
      securitySchemes: {
        scramSha512: {
          type: 'scramSha512',
          description:
            'Every client authenticates with SASL/SCRAM-SHA-512 as its own principal: each subgraph as hub-<subgraph>, each party with the ' +
            'credential registerFeedSubscriber returned once. What a principal may read and write is the broker’s ACLs, as stated per channel.',
        },
      },
    },
  };
  return YAML.stringify(doc, { lineWidth: 120 });
}
