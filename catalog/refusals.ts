import { Type } from '@sinclair/typebox';
import { Closed, EventDefinition, IsoDateTime, Nullable, TopicDefinition } from './types';

/**
 * What a party is told of a message it sent that the hub refused: the refused message's CloudEvents id and type
 * (null when its headers could not be read), where it was read, and why. The same refusal always carries the same
 * event id (derived from where the message was read), so a notice sent again is a duplicate to drop.
 */
const refusalSchema = Closed({
  refusedEventId: Nullable(Type.String({ maxLength: 512 })),
  refusedEventType: Nullable(Type.String({ maxLength: 512 })),
  sourceTopic: Type.String({ maxLength: 512 }),
  sourcePartition: Type.Integer({ minimum: 0 }),
  sourceOffset: Type.String({ pattern: '^[0-9]{1,20}$' }),
  reasonCode: Type.String({
    maxLength: 64,
    description:
      "The dead-letter reason code (the README's error table): SENDER_MISMATCH, SCHEMA_VIOLATION, a rule's code such as STALE_REVIEW or INVALID_COURT_EVENT, or HANDLER_FAILED.",
  }),
  reason: Type.String({ maxLength: 1000, description: 'The reason in words, for the party’s operators.' }),
  refusedAt: IsoDateTime,
});

/** A family of reply topics, one per party (`<name>.<party>`), and the one event type it carries. */
const refusals = (name: string, producer: string, party: string, description: string): TopicDefinition => ({
  name,
  producer,
  description,
  key: 'the refused message’s key',
  replies: { party },
});
const refused = (type: string, topic: TopicDefinition, summary: string) =>
  ({ type, topic, summary, schema: refusalSchema }) satisfies EventDefinition;

/** Replies to bureaus' review systems: the decisions they sent that the hub refused. */
export const FILING_REVIEW_REFUSALS_TOPIC = refusals(
  'city.filing-review-refusals.v1',
  'contracts',
  'review system id',
  'The review decisions a review system sent on city.filing-reviews.v1.<review system id> that the hub refused (a stale version, a reviewer without jurisdiction, a malformed message), one topic per review system that only it may read.',
);

export const FILING_REVIEW_REFUSED = refused(
  'hub.contracts.filing-review.refused',
  FILING_REVIEW_REFUSALS_TOPIC,
  'A review decision the review system sent was refused: it changed nothing (it is in contracts.dead-letter.v1).',
);

/** Replies to courts' case systems: the reports they sent that the hub refused. */
export const COURT_CASE_EVENT_REFUSALS_TOPIC = refusals(
  'court.case-event-refusals.v1',
  'litigation',
  'court id',
  'The case events a court sent on court.case-events.v1.<court id> that the hub refused (a step its case cannot take, another court’s referral, a malformed message), one topic per court that only it may read.',
);

export const COURT_CASE_EVENT_REFUSED = refused(
  'hub.litigation.court-case-event.refused',
  COURT_CASE_EVENT_REFUSALS_TOPIC,
  'A case event the court sent was refused: it changed nothing (it is in litigation.dead-letter.v1).',
);
