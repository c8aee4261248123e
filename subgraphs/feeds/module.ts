import { SubgraphModule } from '../../platform/subgraph/module';
import { FEEDS_ERRORS } from './domain/errors';
import { webhookConfig } from './application/webhook-config';
import { webhookAreaConsumer } from './events/consume/webhook-area.consumer';
import { webhookDispatcherConsumer } from './events/consume/webhook-dispatcher.consumer';
import { WebhookSender } from './events/deliver/webhook-sender';
import { WebhookDeliveryResolver, WebhookSubscriptionResolver } from './graphql/webhook.resolver';
import { Migration20261130000000_initial } from './persistence/migrations/Migration20261130000000_initial';
import { Migration20261130100000_inbox_digest } from './persistence/migrations/Migration20261130100000_inbox_digest';
import { Migration20261130100000_webhooks } from './persistence/migrations/Migration20261130100000_webhooks';
import { Migration20261130200000_feed_subscribers } from './persistence/migrations/Migration20261130200000_feed_subscribers';
import { FeedSubscriberSchema } from './persistence/feed-subscriber.entity';
import { FeedSubscriberResolver } from './graphql/feed-subscriber.resolver';
import { Migration20261130200000_outbox_notify } from './persistence/migrations/Migration20261130200000_outbox_notify';
import { Migration20261201100000_outbox_traceparent } from './persistence/migrations/Migration20261201100000_outbox_traceparent';

/**
 * How outside parties receive the hub's events: the parties registered for the Kafka feeds (their principals and
 * what the broker lets them read) and the signed webhooks for parties without Kafka.
 */
export const feedsSubgraph: SubgraphModule = {
  name: 'feeds',
  resolvers: [WebhookSubscriptionResolver, WebhookDeliveryResolver, FeedSubscriberResolver],
  entities: [FeedSubscriberSchema],
  migrations: [
    { name: 'Migration20261130000000_initial', class: Migration20261130000000_initial },
    { name: 'Migration20261130100000_inbox_digest', class: Migration20261130100000_inbox_digest },
    { name: 'Migration20261130100000_webhooks', class: Migration20261130100000_webhooks },
    { name: 'Migration20261130200000_feed_subscribers', class: Migration20261130200000_feed_subscribers },
    { name: 'Migration20261130200000_outbox_notify', class: Migration20261130200000_outbox_notify },
    { name: 'Migration20261201100000_outbox_traceparent', class: Migration20261201100000_outbox_traceparent },
  ],
  consumers: [webhookAreaConsumer, webhookDispatcherConsumer],
  producedTopics: [],
  administersBroker: true,
  errors: FEEDS_ERRORS,
  background: ({ orm }) => new WebhookSender(orm, webhookConfig()),
};
