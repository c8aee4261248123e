import { createHash } from 'node:crypto';
import type { IHeaders, Message } from 'kafkajs';
import { EVENT_DEFINITIONS, MAX_CE_ATTRIBUTE_BYTES, TopicDefinition } from '../../catalog';
import { isStorableText } from '../../kernel/storable-text';
import { encodeHeaders, header } from './cloudevent';

/** Reasons whose words are the hub's own internals (a failing handler, a database refusal): the party gets these. */
const GENERIC_REASONS: Record<string, string> = {
  HANDLER_FAILED: 'The hub could not apply the message; its operators are alerted.',
  INVALID_DATA: 'The message holds a value the hub cannot store.',
};

/** Where a refused message was read, and why it was refused (the dead letter's `dlq_` headers). */
export interface Refusal {
  /** The physical topic it was read from, deployment prefix included. */
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  headers: IHeaders | undefined;
  reasonCode: string;
  reason: string;
  refusedAt: string;
}

/** A header the party sent, if it can be repeated back: readable text of at most 512 bytes. */
const repeatable = (headers: IHeaders | undefined, name: string): string | null => {
  const value = header(headers, name);
  return value !== undefined && Buffer.byteLength(value) <= MAX_CE_ATTRIBUTE_BYTES && isStorableText(value)
    ? value
    : null;
};

/**
 * The notice telling a party that a message it sent on its own topic of a per-party family was refused, addressed to
 * its own reply topic `<family.perParty.refusals>.<party>`: null when the family has no reply topic. `prefix` is the
 * deployment's topic prefix; `source` the subgraph's CloudEvents source. The notice's id is derived from where the
 * message was read, so a notice sent again for the same message (a batch retried) is the same event for the party to
 * drop; notices are advice to the sender, the dead-letter topic the hub's record.
 */
export function refusalNotice(
  family: TopicDefinition,
  prefix: string,
  source: string,
  refusal: Refusal,
): { topic: string; message: Message } | null {
  const replies = family.perParty?.refusals;
  const familyPrefix = `${prefix}${family.name}.`;
  if (!replies || !refusal.topic.startsWith(familyPrefix)) return null;
  const party = refusal.topic.slice(familyPrefix.length);
  const type = EVENT_DEFINITIONS.find((d) => d.topic === replies)!.type;
  const data = {
    refusedEventId: repeatable(refusal.headers, 'ce_id'),
    refusedEventType: repeatable(refusal.headers, 'ce_type'),
    sourceTopic: refusal.topic.slice(prefix.length),
    sourcePartition: refusal.partition,
    sourceOffset: refusal.offset,
    reasonCode: refusal.reasonCode.slice(0, 64),
    reason: (GENERIC_REASONS[refusal.reasonCode] ?? refusal.reason).slice(0, 1000),
    refusedAt: refusal.refusedAt,
  };
  const id = createHash('sha256')
    .update(`${data.sourceTopic}/${refusal.partition}/${refusal.offset}`)
    .digest('hex')
    .slice(0, 32);
  return {
    topic: `${prefix}${replies.name}.${party}`,
    message: {
      // The party's key back (its aggregate's id), unless it is larger than any id: the notice stays small.
      key: refusal.key && Buffer.byteLength(refusal.key) <= MAX_CE_ATTRIBUTE_BYTES ? refusal.key : null,
      value: JSON.stringify(data),
      headers: encodeHeaders({ id, type, source, time: refusal.refusedAt, data }),
    },
  };
}
