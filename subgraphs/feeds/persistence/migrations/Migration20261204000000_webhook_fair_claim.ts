import { Migration } from '@mikro-orm/migrations';

/**
 * The sender's claim asks each active subscription for its oldest due heads (so that one organisation's many due
 * deliveries cannot fill every request of an instance): an index probe per subscription replaces the one ordered
 * scan over every subscription's heads, which only that claim used.
 */
export class Migration20261204000000_webhook_fair_claim extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "webhook_delivery_subscription_head_idx" on "feeds"."webhook_delivery" ("subscription_id", "next_attempt_at", "id") where "status" = 'PENDING' and "head"`,
    );
    this.addSql(`drop index "feeds"."webhook_delivery_head_idx"`);
  }
}
