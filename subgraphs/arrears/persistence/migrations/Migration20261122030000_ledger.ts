import { Migration } from '@mikro-orm/migrations';

/**
 * The fee ledger: billing runs, charges (monthly fees and levies), subsidies billed to their payers, arrears
 * accounts with their status history, payments with receipts and allocations, adjustments, collection actions,
 * and levies with the buildings they activated. Money is integer fen; a charge's paid and waived amounts never
 * exceed what it bills (checked by the database as well as by the domain rules).
 */
export class Migration20261122030000_ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "arrears"."billing_run" (
      "id" uuid primary key,
      "area_id" uuid not null,
      "company_id" text not null,
      "filing_id" uuid not null,
      "month" text not null check ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      "households" int not null,
      "charged_fen" bigint not null,
      "subsidy_fen" bigint not null,
      "run_by" text not null,
      "run_at" timestamptz not null default now(),
      unique ("area_id", "month"))`);

    this.addSql(`create table "arrears"."levy" (
      "id" uuid primary key,
      "area_id" uuid not null,
      "company_id" text not null,
      "title" text not null,
      "purpose" text not null,
      "account_name" text not null,
      "rate_fen_per_m2" int not null check ("rate_fen_per_m2" > 0),
      "activation_threshold_percent" int not null check ("activation_threshold_percent" between 1 and 100),
      "advance_fen" bigint not null check ("advance_fen" >= 0),
      "decided_on" date not null,
      "due_on" date not null,
      "decision_reference" text null,
      "building_ids" jsonb not null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null default now())`);
    this.addSql(`create table "arrears"."levy_building_activation" (
      "levy_id" uuid not null references "arrears"."levy" ("id"),
      "building_id" uuid not null,
      "households" int not null,
      "paid_households" int not null,
      "activated_on" date not null,
      primary key ("levy_id", "building_id"))`);

    this.addSql(`create table "arrears"."account" (
      "id" uuid primary key,
      "company_id" text not null,
      "household_id" uuid not null,
      "area_id" uuid not null,
      "building_id" uuid not null,
      "status" text not null check ("status" in ('CURRENT','IN_COLLECTION','MEDIATION','REFERRED','IN_LITIGATION','JUDGED','SETTLED','WRITTEN_OFF')),
      "credit_fen" bigint not null default 0 check ("credit_fen" >= 0),
      "status_changed_on" date not null,
      "judged_fen" bigint null,
      "opened_at" timestamptz not null default now(),
      unique ("company_id", "household_id"))`);
    this.addSql(`create index "account_area_index" on "arrears"."account" ("area_id", "status")`);
    this.addSql(`create table "arrears"."account_transition" (
      "id" uuid primary key,
      "account_id" uuid not null references "arrears"."account" ("id"),
      "from_status" text not null,
      "to_status" text not null,
      "reason" text null,
      "on_date" date not null,
      "by_subject" text not null,
      "by_role" text not null,
      "at" timestamptz not null default now())`);
    this.addSql(
      `create index "account_transition_account_index" on "arrears"."account_transition" ("account_id", "at")`,
    );

    this.addSql(`create table "arrears"."charge" (
      "id" uuid primary key,
      "account_id" uuid not null references "arrears"."account" ("id"),
      "company_id" text not null,
      "household_id" uuid not null,
      "area_id" uuid not null,
      "building_id" uuid not null,
      "kind" text not null check ("kind" in ('SERVICE_FEE','LEVY')),
      "month" text not null,
      "levy_id" uuid null references "arrears"."levy" ("id"),
      "filing_id" uuid null,
      "building_class" text null,
      "floor_area_centi_m2" int not null,
      "rate_fen" int not null,
      "amount_fen" bigint not null check ("amount_fen" >= 0),
      "paid_fen" bigint not null default 0 check ("paid_fen" >= 0),
      "waived_fen" bigint not null default 0 check ("waived_fen" >= 0),
      "due_on" date not null,
      "billed_at" timestamptz not null default now(),
      check ("paid_fen" + "waived_fen" <= "amount_fen"),
      check (("kind" = 'LEVY') = ("levy_id" is not null)))`);
    this.addSql(
      `create unique index "charge_service_fee_unique" on "arrears"."charge" ("household_id", "month") where "kind" = 'SERVICE_FEE'`,
    );
    this.addSql(
      `create unique index "charge_levy_unique" on "arrears"."charge" ("household_id", "levy_id") where "kind" = 'LEVY'`,
    );
    this.addSql(`create index "charge_account_index" on "arrears"."charge" ("account_id", "due_on")`);
    this.addSql(`create index "charge_area_month_index" on "arrears"."charge" ("area_id", "month", "building_id")`);
    this.addSql(
      `create index "charge_levy_index" on "arrears"."charge" ("levy_id", "building_id") where "levy_id" is not null`,
    );

    this.addSql(`create table "arrears"."subsidy_charge" (
      "id" uuid primary key,
      "area_id" uuid not null,
      "company_id" text not null,
      "month" text not null,
      "payer" text not null,
      "building_class" text not null,
      "households" int not null,
      "floor_area_centi_m2" bigint not null,
      "rate_fen" int not null,
      "amount_fen" bigint not null,
      unique ("area_id", "month", "payer", "building_class"))`);

    this.addSql(`create sequence "arrears"."receipt_number_seq"`);
    this.addSql(`create table "arrears"."payment" (
      "id" uuid primary key,
      "account_id" uuid not null references "arrears"."account" ("id"),
      "company_id" text not null,
      "purpose" text not null check ("purpose" in ('SERVICE_FEE','LEVY')),
      "levy_id" uuid null references "arrears"."levy" ("id"),
      "amount_fen" bigint not null check ("amount_fen" > 0),
      "credit_fen" bigint not null check ("credit_fen" >= 0),
      "paid_on" date not null,
      "method" text not null,
      "payer_reference" text null,
      "receipt_number" text not null unique,
      "idempotency_key" text not null,
      "request_sha256" text not null,
      "designated_charge_ids" jsonb not null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null default now(),
      unique ("company_id", "idempotency_key"))`);
    this.addSql(`create index "payment_account_index" on "arrears"."payment" ("account_id", "paid_on")`);
    this.addSql(`create table "arrears"."payment_allocation" (
      "payment_id" uuid not null references "arrears"."payment" ("id"),
      "charge_id" uuid not null references "arrears"."charge" ("id"),
      "fen" bigint not null check ("fen" > 0),
      primary key ("payment_id", "charge_id"))`);
    this.addSql(`create index "payment_allocation_charge_index" on "arrears"."payment_allocation" ("charge_id")`);

    this.addSql(`create table "arrears"."adjustment" (
      "id" uuid primary key,
      "charge_id" uuid not null references "arrears"."charge" ("id"),
      "account_id" uuid not null references "arrears"."account" ("id"),
      "kind" text not null check ("kind" in ('WAIVER','CORRECTION')),
      "fen" bigint null,
      "amount_before_fen" bigint not null,
      "amount_after_fen" bigint not null,
      "waived_before_fen" bigint not null,
      "waived_after_fen" bigint not null,
      "reason" text not null,
      "on_date" date not null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null default now())`);
    this.addSql(`create index "adjustment_account_index" on "arrears"."adjustment" ("account_id")`);

    this.addSql(`create table "arrears"."collection_action" (
      "id" uuid primary key,
      "account_id" uuid not null references "arrears"."account" ("id"),
      "kind" text not null,
      "on_date" date not null,
      "charge_ids" jsonb not null,
      "action" jsonb not null,
      "recorded_by" text not null,
      "recorded_by_role" text not null,
      "organisation_id" text not null,
      "recorded_at" timestamptz not null default now())`);
    this.addSql(
      `create index "collection_action_account_index" on "arrears"."collection_action" ("account_id", "on_date")`,
    );
  }
}
