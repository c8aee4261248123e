import { DEADLINE_REMINDERS_TOPIC } from '../../catalog';
import { RETENTION_SWEEP_INTERVAL_MS } from '../../platform/db/retention';
import { SubgraphModule } from '../../platform/subgraph/module';
import { periodicWork } from '../../platform/subgraph/periodic';
import { pruneWebhookDeliveries } from './application/prune-webhook-deliveries';
import { filingsAwaitingArea } from './application/dispatch-webhooks';
import { watchWaiting } from '../../platform/metrics';
import { deadlineReminderIntervalMs } from './application/deadline-reminder-config';
import { deadlineRegisterConsumer } from './events/consume/deadline-register.consumer';
import { DeadlineReminderScheduler } from './events/deliver/deadline-reminder-scheduler';
import { DeadlineResolver } from './graphql/deadline.resolver';
import { FEEDS_ERRORS } from './domain/errors';
import { webhookConfig } from './application/webhook-config';
import { webhookAreaConsumer } from './events/consume/webhook-area.consumer';
import { webhookDispatcherConsumer } from './events/consume/webhook-dispatcher.consumer';
import { WebhookSender } from './events/deliver/webhook-sender';
import { WebhookDeliveryResolver, WebhookSubscriptionResolver } from './graphql/webhook.resolver';
import { FeedSubscriberSchema } from './persistence/feed-subscriber.entity';
import { FeedSubscriberResolver } from './graphql/feed-subscriber.resolver';

/**
 * How outside parties receive the hub's events: the parties registered for the Kafka feeds (their principals and
 * what the broker lets them read) and the signed webhooks for parties without Kafka; and the deadline register with
 * its reminders (issue 21), which go out through both.
 */
export const feedsSubgraph: SubgraphModule = {
  name: 'feeds',
  resolvers: [WebhookSubscriptionResolver, WebhookDeliveryResolver, FeedSubscriberResolver, DeadlineResolver],
  entities: [FeedSubscriberSchema],
  migrations: () => import('./persistence/migration-list').then((list) => list.migrations),
  consumers: [webhookAreaConsumer, webhookDispatcherConsumer, deadlineRegisterConsumer],
  producedTopics: [DEADLINE_REMINDERS_TOPIC.name],
  administersBroker: true,
  errors: FEEDS_ERRORS,
  background: ({ orm }) => {
    const config = webhookConfig();
    const webhookSender = new WebhookSender(orm, config);
    const work = [
      webhookSender,
      new DeadlineReminderScheduler(orm, deadlineReminderIntervalMs()),
      periodicWork('webhook-retention', RETENTION_SWEEP_INTERVAL_MS, () =>
        pruneWebhookDeliveries(orm.em.fork(), config.retentionDays),
      ),
    ];
    let unwatch = () => undefined as void;
    return {
      // Named for the multi-instance test, which counts each instance's attempts.
      webhookSender,
      start: () => {
        work.forEach((w) => w.start());
        // Filings held back until their area's registration arrives (dispatch-webhooks.ts): an operator alerts on age.
        unwatch = watchWaiting('webhook_filings_awaiting_area', () => filingsAwaitingArea(orm.em.fork()));
      },
      stop: async () => {
        unwatch();
        await Promise.all(work.map((w) => w.stop()));
      },
    };
  },
};
