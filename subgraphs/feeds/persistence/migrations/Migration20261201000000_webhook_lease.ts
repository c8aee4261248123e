import { Migration } from '@mikro-orm/migrations';
import { webhookDeliveryNotifyDdl } from '../webhook.repository';

/**
 * The sender claims deliveries with a lease instead of holding a transaction across the HTTP call: a claimed row
 * carries the claim's token and the time its lease runs out (a sender that died is taken over after it), and new
 * deliveries are announced on a channel so idle senders of every instance wake at once.
 */
export class Migration20261201000000_webhook_lease extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "feeds"."webhook_delivery" add column "claimed_until" timestamptz null, add column "claim_token" uuid null`,
    );
    // The head of each (subscription, aggregate key): its oldest pending delivery, the only one the sender may claim.
    this.addSql(`alter table "feeds"."webhook_delivery" add column "head" boolean not null default false`);
    this.addSql(`update "feeds"."webhook_delivery" d set "head" = true
      from (select distinct on ("subscription_id", "aggregate_key") "id" from "feeds"."webhook_delivery"
            where "status" = 'PENDING' order by "subscription_id", "aggregate_key", "id") h where d."id" = h."id"`);
    this.addSql(
      `create index "webhook_delivery_head_idx" on "feeds"."webhook_delivery" ("next_attempt_at", "id") where "status" = 'PENDING' and "head"`,
    );
    // The claim counts each subscription's deliveries in flight.
    this.addSql(
      `create index "webhook_delivery_in_flight_idx" on "feeds"."webhook_delivery" ("subscription_id") where "status" = 'PENDING' and "claimed_until" is not null`,
    );
    for (const sql of webhookDeliveryNotifyDdl()) this.addSql(sql);
  }
}
