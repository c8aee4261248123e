import { Migration } from '@mikro-orm/migrations';

/**
 * When a backfill (the street office's CSV of past orders) wrote an order: the file carries no answers, so an order
 * already past its response deadline when imported has no known outcome, and counting it as unanswered put a street's
 * whole history at a response rate of 0 (the demo's 49 orders: 0 of 49). The orders held so far whose receipt was
 * not the hotline system's (a clerk's import) are marked as of this migration, the moment they are known to be held by.
 */
export class Migration20261215010000_order_backfilled_at extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaints"."complaint_order" add column "backfilled_at" timestamptz null`);
    this.addSql(
      `update "complaints"."complaint_order" o set "backfilled_at" = now()
         from "complaints"."order_transition" t
        where t.order_id = o.id and t.sequence = 1 and t.step = 'RECEIVE' and t.actor_role <> 'SYSTEM'`,
    );
  }
}
