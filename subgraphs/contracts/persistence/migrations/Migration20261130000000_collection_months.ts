import { Migration } from '@mikro-orm/migrations';

/** Each area's service-fee collection per month and provider, as arrears.collection.v1 last gave it. */
export class Migration20261130000000_collection_months extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "contracts"."collection_month" (
      "area_id" uuid not null,
      "company_id" text not null,
      "month" text not null,
      "due_on" date not null,
      "households" int not null check ("households" >= 0),
      "paid_households" int not null check ("paid_households" >= 0),
      "billed_fen" bigint not null check ("billed_fen" >= 0),
      "collected_fen" bigint not null check ("collected_fen" >= 0),
      "received_at" timestamptz not null default now(),
      primary key ("area_id", "company_id", "month"))`);
    this.addSql(
      `create index "collection_month_due_index" on "contracts"."collection_month" ("area_id", "company_id", "due_on")`,
    );
  }
}
