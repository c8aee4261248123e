import { MigrationEntry, migrationEntries } from '../../../platform/db/orm';
import { Migration20261201100000_deadlines } from './migrations/Migration20261201100000_deadlines';
import { Migration20261201200000_reminder_due_on } from './migrations/Migration20261201200000_reminder_due_on';
import { Migration20261204000000_webhook_fair_claim } from './migrations/Migration20261204000000_webhook_fair_claim';
import { Migration20261130000000_initial } from './migrations/Migration20261130000000_initial';
import { Migration20261130100000_inbox_digest } from './migrations/Migration20261130100000_inbox_digest';
import { Migration20261130100000_webhooks } from './migrations/Migration20261130100000_webhooks';
import { Migration20261130200000_feed_subscribers } from './migrations/Migration20261130200000_feed_subscribers';
import { Migration20261130200000_outbox_notify } from './migrations/Migration20261130200000_outbox_notify';
import { Migration20261201000000_webhook_lease } from './migrations/Migration20261201000000_webhook_lease';
import { Migration20261201010000_hotline_system } from './migrations/Migration20261201010000_hotline_system';
import { Migration20261201100000_outbox_traceparent } from './migrations/Migration20261201100000_outbox_traceparent';
import { Migration20261206000000_inbox_topic_key } from './migrations/Migration20261206000000_inbox_topic_key';
import { Migration20261212000000_webhook_waiting_event } from './migrations/Migration20261212000000_webhook_waiting_event';
import { Migration20261228020000_outbox_recorded_at } from './migrations/Migration20261228020000_outbox_recorded_at';
import { Migration20261229000000_reminder_recipient } from './migrations/Migration20261229000000_reminder_recipient';
import { Migration20261230000000_webhook_secret_rotation } from './migrations/Migration20261230000000_webhook_secret_rotation';

/**
 * The subgraph's checked-in migrations, in order. Only what migrates, verifies or hashes them loads this file (and
 * `@mikro-orm/migrations` with it): `migrations` in module.ts.
 */
export const migrations: MigrationEntry[] = migrationEntries(
  Migration20261130000000_initial,
  Migration20261130100000_inbox_digest,
  Migration20261130100000_webhooks,
  Migration20261130200000_feed_subscribers,
  Migration20261130200000_outbox_notify,
  Migration20261201000000_webhook_lease,
  Migration20261201010000_hotline_system,
  Migration20261201100000_deadlines,
  Migration20261201100000_outbox_traceparent,
  Migration20261201200000_reminder_due_on,
  Migration20261204000000_webhook_fair_claim,
  Migration20261206000000_inbox_topic_key,
  Migration20261212000000_webhook_waiting_event,
  Migration20261228020000_outbox_recorded_at,
  Migration20261229000000_reminder_recipient,
  Migration20261230000000_webhook_secret_rotation,
);
