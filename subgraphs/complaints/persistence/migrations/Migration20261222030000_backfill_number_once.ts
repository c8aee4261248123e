import { Migration } from '@mikro-orm/migrations';

/**
 * A street holds a number once among its backfilled orders, whoever imported them: a backfill skips a number its street
 * holds (order.repository.ts insertStagedOrders), but two imports of one line at once by different senders (the
 * street office and the admin) each checked before the other committed, and both inserted it. The hotline's own orders
 * (not backfilled) are outside the index: its order under a number a backfill holds still stands beside it. Ships with
 * Migration20261222000000_order_number_per_sender (before it, a street's number was unique among all its orders, so
 * no database holds two backfilled orders under one number for this index to refuse).
 */
export class Migration20261222030000_backfill_number_once extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create unique index "complaint_order_backfilled_number_key" on "complaints"."complaint_order" ("street_code", "order_number") where "backfilled_at" is not null`,
    );
  }
}
