import { Migration } from '@mikro-orm/migrations';

/**
 * Credit records (issue 17 §3): one row per entry about a company or, only from a court's listing, an owner. An owner
 * is held by household id, court and enforcement case number; no personal data. `objections` keeps every objection
 * and the bureau's decision on it.
 */
export class Migration20261201100000_credit_entries extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "contracts"."credit_entry" (
      "id" uuid primary key,
      "city_code" text null check ("city_code" ~ '^[0-9]{6}$'),
      "area_id" uuid not null,
      "street_code" text not null,
      "district_code" text not null,
      "subject_kind" text not null check ("subject_kind" in ('COMPANY','OWNER')),
      "company_id" text null,
      "household_id" uuid null,
      "court_id" text null,
      "case_number" text null,
      "referral_id" uuid null unique,
      "filing_id" uuid null,
      "filing_version" int null,
      "kind" text not null check ("kind" in ('LATE_FILING','RETURNED_FILING','UNLAWFUL_COLLECTION_MEASURE','BUREAU_FINDING','DISHONEST_JUDGMENT_DEBTOR')),
      "legal_basis" text not null,
      "occurred_on" date not null,
      "source" text not null,
      "note" text null,
      "recorded_at" timestamptz not null default now(),
      "status" text not null check ("status" in ('RECORDED','OBJECTED','PUBLISHED','WITHDRAWN')),
      "published_on" date null,
      "withdrawn_on" date null,
      "objections" jsonb not null default '[]'::jsonb,
      check (("subject_kind" = 'COMPANY') = ("company_id" is not null and "household_id" is null)),
      check (("subject_kind" = 'OWNER') = ("kind" = 'DISHONEST_JUDGMENT_DEBTOR')),
      unique ("filing_id", "filing_version", "kind"))`);
    this.addSql(`create index "credit_entry_company" on "contracts"."credit_entry" ("company_id", "occurred_on")`);
    this.addSql(`create index "credit_entry_district" on "contracts"."credit_entry" ("district_code", "occurred_on")`);
    this.addSql(
      `create index "credit_entry_recorded" on "contracts"."credit_entry" ("occurred_on") where "status" = 'RECORDED'`,
    );
  }
}
