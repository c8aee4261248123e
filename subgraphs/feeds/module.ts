import { DEADLINE_REMINDERS_TOPIC } from '../../catalog';
import { SubgraphModule } from '../../platform/subgraph/module';
import { deadlineReminderIntervalMs } from './application/deadline-reminder-config';
import { deadlineRegisterConsumer } from './events/consume/deadline-register.consumer';
import { DeadlineReminderScheduler } from './events/deliver/deadline-reminder-scheduler';
import { DeadlineResolver } from './graphql/deadline.resolver';
import { Migration20261201100000_deadlines } from './persistence/migrations/Migration20261201100000_deadlines';
import { Migration20261201200000_reminder_due_on } from './persistence/migrations/Migration20261201200000_reminder_due_on';
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
import { Migration20261201000000_webhook_lease } from './persistence/migrations/Migration20261201000000_webhook_lease';
import { Migration20261201010000_hotline_system } from './persistence/migrations/Migration20261201010000_hotline_system';
import { Migration20261201100000_outbox_traceparent } from './persistence/migrations/Migration20261201100000_outbox_traceparent';

/**
 * How outside parties receive the hub's events: the parties registered for the Kafka feeds (their principals and
 * what the broker lets them read) and the signed webhooks for parties without Kafka; and the deadline register with
 * its reminders (issue 21), which go out through both.
 */
export const feedsSubgraph: SubgraphModule = {
  name: 'feeds',
  resolvers: [WebhookSubscriptionResolver, WebhookDeliveryResolver, FeedSubscriberResolver, DeadlineResolver],
  entities: [FeedSubscriberSchema],
  migrations: [
    { name: 'Migration20261130000000_initial', class: Migration20261130000000_initial },
    { name: 'Migration20261130100000_inbox_digest', class: Migration20261130100000_inbox_digest },
    { name: 'Migration20261130100000_webhooks', class: Migration20261130100000_webhooks },
    { name: 'Migration20261130200000_feed_subscribers', class: Migration20261130200000_feed_subscribers },
    { name: 'Migration20261130200000_outbox_notify', class: Migration20261130200000_outbox_notify },
    { name: 'Migration20261201000000_webhook_lease', class: Migration20261201000000_webhook_lease },
    { name: 'Migration20261201010000_hotline_system', class: Migration20261201010000_hotline_system },
    { name: 'Migration20261201100000_deadlines', class: Migration20261201100000_deadlines },
    { name: 'Migration20261201100000_outbox_traceparent', class: Migration20261201100000_outbox_traceparent },
    { name: 'Migration20261201200000_reminder_due_on', class: Migration20261201200000_reminder_due_on },
  ],
  consumers: [webhookAreaConsumer, webhookDispatcherConsumer, deadlineRegisterConsumer],
  producedTopics: [DEADLINE_REMINDERS_TOPIC.name],
  administersBroker: true,
  errors: FEEDS_ERRORS,
  background: ({ orm }) => {
    const webhookSender = new WebhookSender(orm, webhookConfig());
    const work = [webhookSender, new DeadlineReminderScheduler(orm, deadlineReminderIntervalMs())];
    return {
      // Named for the multi-instance test, which counts each instance's attempts.
      webhookSender,
      start: () => work.forEach((w) => w.start()),
      stop: async () => void (await Promise.all(work.map((w) => w.stop()))),
    };
  },
};
