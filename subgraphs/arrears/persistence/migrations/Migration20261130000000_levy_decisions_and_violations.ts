import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14: the areas' standing committees and owners' joint decisions as read models (areas.governance.v1), each
 * levy's basis (a recorded joint decision, or voluntary), voluntary charges marked on the charge itself, and the
 * utility cut-offs reported against companies (Civil Code art. 944 para. 3).
 *
 * Levies recorded before this migration referenced no recorded decision, so they are kept as VOLUNTARY: nothing
 * shows they are owed (Civil Code art. 278 item 6), so they must not count as arrears.
 */
export class Migration20261130000000_levy_decisions_and_violations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "arrears"."joint_decision_view" (
      "decision_id" uuid primary key,
      "area_id" uuid not null,
      "matter" text not null,
      "held_on" date not null,
      "valid" boolean not null,
      "reasons" jsonb not null default '[]',
      "received_at" timestamptz not null default now())`);
    this.addSql(`create table "arrears"."committee_view" (
      "body_id" uuid primary key,
      "area_id" uuid not null,
      "kind" text not null,
      "formed_on" date not null,
      "dissolved_on" date null)`);
    this
      .addSql(`alter table "arrears"."levy" add column "basis" text not null default 'VOLUNTARY' check ("basis" in ('JOINT_DECISION','VOLUNTARY')),
      add column "joint_decision_id" uuid null,
      add constraint "levy_basis_decision" check (("basis" = 'JOINT_DECISION') = ("joint_decision_id" is not null))`);
    this.addSql(`alter table "arrears"."levy" alter column "basis" drop default`);
    this.addSql(`alter table "arrears"."charge" add column "voluntary" boolean not null default false`);
    this.addSql(`update "arrears"."charge" set "voluntary" = true where "levy_id" is not null`);
    this.addSql(`create table "arrears"."utility_violation" (
      "id" uuid primary key,
      "company_id" text not null,
      "area_id" uuid not null,
      "street_code" text not null,
      "district_code" text not null,
      "occurred_on" date not null,
      "utility" text not null check ("utility" in ('WATER','POWER','HEATING','GAS')),
      "evidence_sha256" text not null,
      "note" text null,
      "reported_by_role" text not null,
      "reported_by" text not null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null default now())`);
    this.addSql(
      `create index "utility_violation_company_index" on "arrears"."utility_violation" ("company_id", "occurred_on")`,
    );
  }
}
