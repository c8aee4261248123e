import { Migration } from '@mikro-orm/migrations';

/** Contracts, their filings with versions and an audit trail, the registry of bureau review systems. */
export class Migration20261122020000_filings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "contracts"."contract" (
      "id" uuid primary key,
      "area_id" uuid not null references "contracts"."area_view" ("area_id"),
      "street_code" text not null,
      "district_code" text not null,
      "company_id" text not null,
      "status" text not null check ("status" in ('DRAFT','SUBMITTED','RETURNED','ACCEPTED','TERMINATED','SUPERSEDED')),
      "kind" text not null check ("kind" in ('PRELIMINARY','REGULAR')),
      "number" text not null,
      "starts_on" date not null,
      "ends_on" date not null,
      "terms" jsonb not null,
      "terminated_on" date null,
      "handover_on" date null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create index "contract_area_id_index" on "contracts"."contract" ("area_id")`);
    this.addSql(`create index "contract_company_id_index" on "contracts"."contract" ("company_id", "status")`);
    // Reviewers read by division prefix (a street office its street, a bureau its district or city).
    this.addSql(`create index "contract_street_code_index" on "contracts"."contract" ("street_code" text_pattern_ops)`);
    this.addSql(
      `create index "contract_district_code_index" on "contracts"."contract" ("district_code" text_pattern_ops)`,
    );
    // Checked at commit: the unit of work inserts a contract's filing, version and transition in one flush.
    this.addSql(`create table "contracts"."filing" (
      "id" uuid primary key,
      "contract_id" uuid not null references "contracts"."contract" ("id") deferrable initially deferred,
      "area_id" uuid not null,
      "street_code" text not null,
      "district_code" text not null,
      "company_id" text not null,
      "kind" text not null check ("kind" in ('INITIAL','AMENDMENT')),
      "amends_filing_id" uuid null references "contracts"."filing" ("id") deferrable initially deferred,
      "status" text not null check ("status" in ('SUBMITTED','RETURNED','ACCEPTED','SUPERSEDED','TERMINATED')),
      "current_version" int not null check ("current_version" >= 1),
      "sequence" int not null check ("sequence" >= 1),
      "record_number" text null unique,
      "deadline_from" date not null,
      "submitted_on" date not null,
      "deadline" date not null,
      "late" boolean not null,
      "days_late" int not null,
      "late_consequence" text null,
      "accepted_on" date null,
      "superseded_by_filing_id" uuid null,
      "terminated_on" date null,
      "handover_on" date null,
      "termination_reason" text null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create index "filing_contract_id_index" on "contracts"."filing" ("contract_id")`);
    this.addSql(
      `create index "filing_review_queue_index" on "contracts"."filing" ("status", "area_id", "submitted_on")`,
    );
    this.addSql(`create index "filing_street_code_index" on "contracts"."filing" ("street_code" text_pattern_ops)`);
    this.addSql(`create index "filing_district_code_index" on "contracts"."filing" ("district_code" text_pattern_ops)`);
    // One filing of a contract open for review at a time: a second amendment waits for the first to be decided.
    this.addSql(
      `create unique index "filing_one_open_per_contract" on "contracts"."filing" ("contract_id") where "status" in ('SUBMITTED','RETURNED')`,
    );
    this.addSql(`create table "contracts"."filing_version" (
      "id" uuid primary key,
      "filing_id" uuid not null references "contracts"."filing" ("id") deferrable initially deferred,
      "version" int not null,
      "company_id" text not null,
      "idempotency_key" text not null,
      "request_digest" text not null,
      "submitted_on" date not null,
      "submitted_by" text not null,
      "terms" jsonb not null,
      "terms_sha256" text not null,
      "fee_flags" jsonb not null,
      "documents" jsonb not null,
      "outcome" text null check ("outcome" in ('ACCEPT','RETURN')),
      "reviewed_at" timestamptz null,
      "reviewed_by" text null,
      "reviewer_role" text null,
      "review_via" text null,
      "return_reasons" jsonb not null default '[]',
      unique ("filing_id", "version"))`);
    // A retried submission finds its first attempt by the company's key; two concurrent retries cannot both insert.
    this.addSql(
      `create unique index "filing_version_idempotency_unique" on "contracts"."filing_version" ("company_id", "idempotency_key")`,
    );
    this.addSql(`create table "contracts"."filing_transition" (
      "id" uuid primary key,
      "filing_id" uuid not null references "contracts"."filing" ("id") deferrable initially deferred,
      "sequence" int not null,
      "version" int not null,
      "action" text not null,
      "status" text not null,
      "at" timestamptz not null,
      "actor_organisation_id" text not null,
      "actor_role" text not null,
      "actor_subject" text not null,
      "via" text not null check ("via" in ('API','KAFKA')),
      "note" jsonb null,
      unique ("filing_id", "sequence"))`);
    this.addSql(`create table "contracts"."review_system" (
      "organisation_id" text primary key,
      "name" text not null,
      "role" text not null check ("role" in ('STREET_OFFICE','CITY_BUREAU')),
      "jurisdictions" jsonb not null,
      "registered_at" timestamptz not null)`);
    this.addSql(`create table "contracts"."record_number_counter" (
      "district_code" text not null,
      "year" int not null,
      "last" int not null,
      primary key ("district_code", "year"))`);
  }
}
