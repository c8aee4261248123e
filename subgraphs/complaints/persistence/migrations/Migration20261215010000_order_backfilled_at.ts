import { Migration } from '@mikro-orm/migrations';

/**
 * When a backfill (the street office's CSV of past orders) wrote an order: the file carries no answers, so an order
 * already past its response deadline when imported has no known outcome, and counting it as unanswered put a street's
 * whole history at a response rate of 0 (the demo's 49 orders: 0 of 49). The orders held so far whose receipt was
 * not the hotline system's (a clerk's import) are marked as of when their first event was published, which follows
 * the import by moments (the receipt's own time is the call's), else as of this migration.
 */
export class Migration20261215010000_order_backfilled_at extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaints"."complaint_order" add column "backfilled_at" timestamptz null`);
    this.addSql(
      `update "complaints"."complaint_order" o set "backfilled_at" = coalesce(p.first_published, now())
         from "complaints"."order_transition" t
         left join (select message_key, min(published_at) as first_published from "complaints"."outbox" group by message_key) p
           on p.message_key = t.order_id::text
        where t.order_id = o.id and t.sequence = 1 and t.step = 'RECEIVE' and t.actor_role <> 'SYSTEM'`,
    );
  }
}
