import { Migration } from '@mikro-orm/migrations';

/**
 * The property company an order was last dispatched to, kept when the street office escalates it (吹哨): the company's
 * record counted only the orders it still held, so every order escalated away from it dropped off its record (and
 * off its own list). Filled for the orders held so far from their steps: the party of each order's latest dispatch,
 * when that was a property company. Partial like the party's index: most orders of a backfill are never dispatched.
 */
export class Migration20261215000000_order_company extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaints"."complaint_order" add column "company_organisation_id" text null`);
    this.addSql(
      `update "complaints"."complaint_order" o set "company_organisation_id" = d.party_organisation_id
         from (select distinct on (order_id) order_id, party_kind, party_organisation_id
                 from "complaints"."order_transition" where step = 'DISPATCH' order by order_id, sequence desc) d
        where d.order_id = o.id and d.party_kind = 'PROPERTY_COMPANY'`,
    );
    this.addSql(
      `create index "complaint_order_company_index" on "complaints"."complaint_order" ("company_organisation_id") where "company_organisation_id" is not null`,
    );
  }
}
