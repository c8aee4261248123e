import { Migration } from '@mikro-orm/migrations';

/**
 * Referrals and what the court receives: the arrears claims read model (from arrears.claims.v1), referrals with their
 * eligibility and procedure, immutable case package versions, consolidated batches, court events, and the
 * tamper-evident evidence chain.
 */
export class Migration20261122030000_referrals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "litigation"."claim_account" (
      "account_id" uuid primary key,
      "company_id" text not null,
      "household_id" uuid not null,
      "area_id" uuid not null,
      "version" int not null,
      "claim" jsonb not null,
      "received_at" timestamptz not null default now())`);
    this.addSql(`create index "claim_account_company_index" on "litigation"."claim_account" ("company_id", "area_id")`);

    this.addSql(`create table "litigation"."referral" (
      "id" uuid primary key,
      "company_id" text not null,
      "court_id" text not null references "litigation"."court" ("court_id"),
      "account_id" uuid not null,
      "household_id" uuid not null,
      "area_id" uuid not null,
      "area_name" text not null,
      "street_code" text not null,
      "district_code" text not null,
      "contract_id" uuid null,
      "eligible" boolean not null,
      "eligibility" jsonb not null,
      "status" text null check ("status" in ('SUBMITTED','IN_MEDIATION','DOCKETED','HEARING_SCHEDULED','JUDGED','SETTLED','WITHDRAWN','REJECTED','ENFORCEMENT','CLOSED')),
      "status_since" text null,
      "procedure" text null,
      "procedure_reasons" jsonb not null default '[]',
      "amount_in_dispute_fen" bigint not null default 0,
      "grand_total_fen" bigint not null default 0,
      "case_number" text null,
      "docketed_on" date null,
      "hearing_on" date null,
      "judged_fen" bigint null,
      "settled_fen" bigint null,
      "decided_on" date null,
      "batch_key" text null,
      "submitted_on" date not null,
      "submitted_by" text not null,
      "created_at" timestamptz not null default now(),
      check (("status" is null) = (not "eligible")))`);
    // One open referral per account: a second one while the first is before the court would sue twice.
    this.addSql(`create unique index "referral_one_open_per_account" on "litigation"."referral" ("account_id")
      where "eligible" and "status" not in ('WITHDRAWN','REJECTED','CLOSED')`);
    this.addSql(`create index "referral_court_index" on "litigation"."referral" ("court_id", "status")`);
    this.addSql(`create index "referral_company_index" on "litigation"."referral" ("company_id", "created_at")`);

    this.addSql(`create table "litigation"."case_package" (
      "referral_id" uuid not null references "litigation"."referral" ("id"),
      "version" int not null,
      "package" jsonb not null,
      "digest" text not null,
      "previous_digest" text null,
      "chain_sequence" bigint not null,
      "created_at" timestamptz not null default now(),
      primary key ("referral_id", "version"))`);

    this.addSql(`create table "litigation"."consolidated_batch" (
      "batch_key" text primary key,
      "group_key" text not null,
      "court_id" text not null,
      "company_id" text not null,
      "area_id" uuid not null,
      "contract_id" uuid not null,
      "split_from" text null,
      "referral_ids" jsonb not null,
      "court_decision" text null check ("court_decision" in ('ACCEPTED')),
      "decided_at" timestamptz null,
      "updated_at" timestamptz not null default now())`);

    // The id is the court system's event id (CloudEvents ce_id) for reports over Kafka, any text.
    this.addSql(`create table "litigation"."court_event" (
      "id" text primary key,
      "referral_id" uuid not null references "litigation"."referral" ("id"),
      "kind" text not null,
      "occurred_at" text not null,
      "verdict" text not null,
      "details" jsonb not null,
      "via" text not null check ("via" in ('API','KAFKA')),
      "reported_by" text not null,
      "received_at" timestamptz not null default now())`);
    this.addSql(
      `create index "court_event_referral_index" on "litigation"."court_event" ("referral_id", "received_at")`,
    );

    this.addSql(`create table "litigation"."evidence_chain" (
      "sequence" bigint primary key,
      "kind" text not null,
      "subject_id" text not null,
      "payload_digest" text not null,
      "previous_hash" text not null,
      "entry_hash" text not null unique,
      "appended_at" timestamptz not null default now())`);
  }
}
