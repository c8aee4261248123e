import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { IHeaders } from 'kafkajs';
import { EVENT_DEFINITIONS, MAX_CE_ATTRIBUTE_BYTES, dataSchemaUri } from '../../catalog';
import type { ErrorCatalog } from '../../kernel/errors';
import { isStorableText } from '../../kernel/storable-text';

/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode: attributes travel as `ce_*` headers, the body is
 * the `data` as JSON. The Kafka key carries the aggregate id (the binding's `partitionkey`).
 */
export interface HubEvent<T = unknown> {
  id: string;
  type: string;
  source: string;
  subject?: string;
  time: string;
  dataschema?: string;
  /** CloudEvents distributed-tracing extension: the W3C trace context of the work that produced the event. */
  traceparent?: string;
  tracestate?: string;
  data: T;
}

export const SPEC_VERSION = '1.0';

export function encodeHeaders(event: HubEvent): IHeaders {
  const headers: IHeaders = {
    ce_specversion: SPEC_VERSION,
    ce_id: event.id,
    ce_type: event.type,
    ce_source: event.source,
    ce_time: event.time,
    ce_dataschema: event.dataschema ?? dataSchemaUri(event.type),
    'content-type': 'application/json',
  };
  if (event.subject) headers.ce_subject = event.subject;
  if (event.traceparent) headers.ce_traceparent = event.traceparent;
  if (event.tracestate) headers.ce_tracestate = event.tracestate;
  return headers;
}

/**
 * Why the shared consumer dead-letters a message before any subgraph's rule sees it (`dlq_reason_code`); a message a
 * subgraph's rule refuses carries that subgraph's code instead.
 */
export const DEAD_LETTER_REASONS = {
  NOT_A_CLOUDEVENT:
    'The message lacks the CloudEvents headers (ce_specversion 1.0, ce_id, ce_type, ce_source; a header without a value counts as absent), one of its ce_ headers is over 512 bytes, or it cannot be read as an event at all. Its dead letter names in `dlq_headers_without_value` the headers it carried without a value.',
  UNSUPPORTED_CONTENT_TYPE: 'The body is not JSON.',
  MALFORMED_JSON: 'The body does not parse as JSON.',
  UNKNOWN_EVENT_TYPE: 'The catalog has no schema for the ce_type.',
  SCHEMA_VIOLATION: "The data does not match the event type's JSON Schema.",
  UNSTORABLE_TEXT:
    'A string of the data or a ce_ header holds NUL or half a surrogate pair, which PostgreSQL refuses to store.',
  HANDLER_FAILED: 'The handler kept failing after its retries for a reason that is not a rule of the domain.',
  INVALID_DATA:
    'A value the schema allows that the database or a date cannot take (a uuid written urn:uuid:…, an offset out of range, a leap second): dead-lettered at once.',
  SENDER_MISMATCH:
    "On a party's own topic, the data names another sender (court, reviewer) than the topic's party, or the event type does not belong there (a hub event type is taken from its own topic only).",
  EVENT_ID_REUSED:
    'A conflict: the ce_id was applied before with other content (ce_type or data); an identical redelivery is dropped silently.',
} as const satisfies ErrorCatalog;

type DeadLetterReason = keyof typeof DEAD_LETTER_REASONS;

/** A message that can never be processed, whatever the retries: it goes to the dead-letter topic. */
export class PoisonMessageError extends Error {
  constructor(
    readonly reasonCode: DeadLetterReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A header's first value as text, if any. Kafka lets a record's header have no value (length -1, which kafkajs reads
 * as null): that is no value either (before, `null.toString()` threw a TypeError that stopped the consumer on the
 * record for good, and with it every party's messages of that kind).
 */
export const header = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === null ? undefined : String(first);
};

/** The attributes a consumer reads (and may store: the inbox keeps ce_id and ce_type). */
const CE_HEADERS = [
  'ce_id',
  'ce_type',
  'ce_source',
  'ce_subject',
  'ce_time',
  'ce_dataschema',
  'ce_traceparent',
  'ce_tracestate',
];

export function decodeMessage(headers: IHeaders | undefined, value: Buffer | null): HubEvent {
  if (header(headers, 'ce_specversion') !== SPEC_VERSION) {
    throw new PoisonMessageError('NOT_A_CLOUDEVENT', 'missing or unsupported ce_specversion header');
  }
  const id = header(headers, 'ce_id');
  const type = header(headers, 'ce_type');
  const source = header(headers, 'ce_source');
  if (!id || !type || !source)
    throw new PoisonMessageError('NOT_A_CLOUDEVENT', 'ce_id, ce_type and ce_source are required');
  for (const name of CE_HEADERS) {
    const attribute = header(headers, name) ?? '';
    if (Buffer.byteLength(attribute) > MAX_CE_ATTRIBUTE_BYTES)
      throw new PoisonMessageError('NOT_A_CLOUDEVENT', `a ce_ header is longer than ${MAX_CE_ATTRIBUTE_BYTES} bytes`);
    if (!isStorableText(attribute))
      throw new PoisonMessageError('UNSTORABLE_TEXT', 'a ce_ header holds NUL or half a surrogate pair');
  }
  const contentType = header(headers, 'content-type') ?? 'application/json';
  if (!contentType.startsWith('application/json')) {
    throw new PoisonMessageError('UNSUPPORTED_CONTENT_TYPE', `content-type ${contentType} is not JSON`);
  }
  let data: unknown;
  try {
    data = JSON.parse(value?.toString('utf8') ?? '');
  } catch {
    throw new PoisonMessageError('MALFORMED_JSON', 'message body is not valid JSON');
  }
  return {
    id,
    type,
    source,
    subject: header(headers, 'ce_subject'),
    time: header(headers, 'ce_time') ?? new Date().toISOString(),
    dataschema: header(headers, 'ce_dataschema'),
    traceparent: header(headers, 'ce_traceparent'),
    tracestate: header(headers, 'ce_tracestate'),
    data,
  };
}

const definitions = new Map(EVENT_DEFINITIONS.map((d) => [d.type, d]));
let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * The event type's validator, compiled on its first use: compiling all the catalog's schemas was a large part of
 * loading this module in every process (each test file, each CLI), where a subgraph consumes a few types.
 * cloudevent.test.ts compiles every schema, so a schema strict Ajv refuses still fails the unit tests.
 */
function validatorOf(type: string): ValidateFunction | undefined {
  let validate = validators.get(type);
  if (validate) return validate;
  const definition = definitions.get(type);
  if (!definition) return undefined;
  ajv ??= addFormats(new Ajv2020({ allErrors: true, strict: true }));
  validate = ajv.compile(definition.schema);
  validators.set(type, validate);
  return validate;
}

/** Checks `data` against the event type's JSON Schema; the message names the first failures. */
export function validateEventData(type: string, data: unknown): void {
  const validate = validatorOf(type);
  if (!validate) throw new PoisonMessageError('UNKNOWN_EVENT_TYPE', `no schema for event type ${type}`);
  if (!validate(data)) {
    const problems = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message}`)
      .join('; ');
    throw new PoisonMessageError('SCHEMA_VIOLATION', `${type} data does not match its schema: ${problems}`);
  }
  if (unstorableStringAt(data, false) !== undefined)
    throw new PoisonMessageError(
      'UNSTORABLE_TEXT',
      `${type} data holds NUL or half a surrogate pair at ${unstorableStringAt(data, true)}`,
    );
}

/**
 * The first string (or key) of the data PostgreSQL would refuse, walked without recursion: its path when `withPath`,
 * else '' (the walk every consumed event takes builds no path: a path per value made it cost twice as much, 18 µs
 * against 12 µs for a claim with 24 charges). A schema allows `\u0000` in a string, and the consumer storing it failed
 * each of its retries before it was dead-lettered as HANDLER_FAILED, holding up its partition meanwhile.
 */
function unstorableStringAt(data: unknown, withPath: boolean): string | undefined {
  const values: unknown[] = [data];
  const paths: string[] = [''];
  while (values.length > 0) {
    const value = values.pop();
    const path = withPath ? paths.pop()! : '';
    if (typeof value === 'string') {
      if (!isStorableText(value)) return path || '/';
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (!isStorableText(key)) return `${path}/(a key)`;
        values.push((value as Record<string, unknown>)[key]);
        if (withPath) paths.push(`${path}/${key}`);
      }
    }
  }
  return undefined;
}
