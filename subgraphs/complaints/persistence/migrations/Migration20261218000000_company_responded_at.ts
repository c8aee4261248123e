import { Migration } from '@mikro-orm/migrations';

/**
 * When the company an order stays with accepted it itself. A company's record counted the order's first acceptance
 * by anyone, so an order escalated away from a company that never answered, and accepted by the bureau before the
 * company's deadline, was the company's response in time (a helper's audit, 2026-12-06). Filled for the orders held
 * so far from their steps: the company's own first ACCEPT since the order was last dispatched to it.
 */
export class Migration20261218000000_company_responded_at extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaints"."complaint_order" add column "company_responded_at" timestamptz null`);
    this.addSql(
      `update "complaints"."complaint_order" o set "company_responded_at" = a.at
         from (select t.order_id, min(t.at) as at
                 from "complaints"."order_transition" t
                 join "complaints"."complaint_order" c on c.id = t.order_id
                where t.step = 'ACCEPT' and t.actor_organisation = c.company_organisation_id
                  and t.sequence > (select max(d.sequence) from "complaints"."order_transition" d
                                     where d.order_id = t.order_id and d.step = 'DISPATCH')
                group by t.order_id) a
        where a.order_id = o.id`,
    );
  }
}
