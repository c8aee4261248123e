import { Migration } from '@mikro-orm/migrations';

/**
 * A subscription's signing secret can be rotated (application/rotate-webhook-secret.ts): the secret it replaces is
 * kept, sealed like the current one, and signs every delivery beside it until `previous_secret_expires_at`, then it is
 * erased (the sender's periodic repair). Before, a party could only delete and recreate its subscription, losing its
 * delivery history and replay, and a receiver changed over at any other moment than the hub refused deliveries.
 * `previous_secret_expires_at` stays after the erasure: when the old secret was last used.
 */
export class Migration20261230000000_webhook_secret_rotation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "feeds"."webhook_subscription"
      add column "previous_secret" text,
      add column "secret_rotated_at" timestamptz,
      add column "previous_secret_expires_at" timestamptz,
      add constraint "webhook_subscription_previous_secret_expires" check ("previous_secret" is null or "previous_secret_expires_at" is not null)`);
    this.addSql(
      `create index "webhook_subscription_previous_secret_idx" on "feeds"."webhook_subscription" ("previous_secret_expires_at") where "previous_secret" is not null`,
    );
  }
}
