import { Migration } from '@mikro-orm/migrations';

/**
 * Receipt numbers per company and year: each company's receipts run R2026-00000001, 00000002, … without gaps, and
 * start again each year. One counter row for the whole hub gave every company's receipts gaps (the numbers other
 * companies took in between) and made every payment of every company wait for the one before it. Each company's
 * counter starts after the highest number it already issued that year, so no number it printed is issued again; a
 * number is unique within its company.
 */
export class Migration20261207000000_receipts_per_company extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "arrears"."company_receipt_counter" (
      "company_id" text not null,
      "year" int not null,
      "last_number" bigint not null,
      primary key ("company_id", "year"))`);
    this.addSql(`insert into "arrears"."company_receipt_counter" (company_id, year, last_number)
      select company_id, substr(receipt_number, 2, 4)::int, max(substr(receipt_number, 7)::bigint)
      from "arrears"."payment" group by 1, 2`);
    this.addSql(`drop table "arrears"."receipt_counter"`);
    this.addSql(`alter table "arrears"."payment" drop constraint "payment_receipt_number_key"`);
    this.addSql(`alter table "arrears"."payment"
      add constraint "payment_company_receipt_number_key" unique ("company_id", "receipt_number")`);
  }
}
