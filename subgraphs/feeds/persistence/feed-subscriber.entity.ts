import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { FeedSubscriberKind, FeedSubscriberStatus } from '../domain/feed-subscriber';

/**
 * A party registered for the Kafka feeds: what it was registered as and when its credential changed. What it may
 * read and write is the broker's ACLs, not this row.
 */
export const FeedSubscriberSchema = defineEntity({
  name: 'FeedSubscriber',
  tableName: 'feed_subscriber',
  properties: (p) => ({
    partyId: p.text().primary(),
    kind: p.text().$type<FeedSubscriberKind>(),
    courtId: p.text().nullable(),
    jurisdictions: p.json<string[]>(),
    username: p.text(),
    status: p.text().$type<FeedSubscriberStatus>(),
    registeredAt: p.datetime().columnType('timestamptz'),
    registeredBy: p.text(),
    credentialRotatedAt: p.datetime().columnType('timestamptz').nullable(),
    revokedAt: p.datetime().columnType('timestamptz').nullable(),
    revokedBy: p.text().nullable(),
  }),
});

export type FeedSubscriber = InferEntity<typeof FeedSubscriberSchema>;
