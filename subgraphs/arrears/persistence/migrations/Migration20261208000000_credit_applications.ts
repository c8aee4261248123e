import { Migration } from '@mikro-orm/migrations';

/**
 * A payment's credit set against charges billed after it (application/apply-credits.ts): which payment's rest went
 * to which charge, and on which day. The payment row and its allocations stay as recorded (its receipt does not
 * change); what a payment still holds is its credit_fen less its applications. The partial index finds the few
 * accounts of an area that hold a credit when the area is billed.
 */
export class Migration20261208000000_credit_applications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "arrears"."credit_application" (
      "payment_id" uuid not null references "arrears"."payment" ("id"),
      "charge_id" uuid not null references "arrears"."charge" ("id"),
      "fen" bigint not null check ("fen" > 0),
      "applied_on" date not null,
      primary key ("payment_id", "charge_id"))`);
    this.addSql(`create index "credit_application_charge_index" on "arrears"."credit_application" ("charge_id")`);
    this.addSql(
      `create index "account_credit_index" on "arrears"."account" ("company_id", "area_id") where "credit_fen" > 0`,
    );
  }
}
