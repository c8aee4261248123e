import { Migration } from '@mikro-orm/migrations';

export class Migration20261122020000_governance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "areas"."governance_body" (
      "id" uuid primary key,
      "area_id" uuid not null references "areas"."area" ("id"),
      "kind" text not null check ("kind" in ('OWNERS_COMMITTEE','PROPERTY_MANAGEMENT_COMMITTEE')),
      "formed_on" date not null,
      "term_ends_on" date null,
      "filed_on" date null,
      "filing_deadline" date null,
      "filed_late" boolean null,
      "chair_member_id" uuid null,
      "dissolved_on" date null,
      "dissolution_reason" text null,
      "created_by" text not null)`);
    // One standing body of each kind per area at a time.
    this.addSql(
      `create unique index "governance_body_active_unique" on "areas"."governance_body" ("area_id", "kind") where "dissolved_on" is null`,
    );
    // Checked at commit: the unit of work inserts a body and its members in one flush, in no guaranteed order.
    this.addSql(`create table "areas"."governance_member" (
      "id" uuid primary key,
      "body_id" uuid not null references "areas"."governance_body" ("id") deferrable initially deferred,
      "name" text not null,
      "seat" text not null check ("seat" in ('RESIDENTS_COMMITTEE','PROPERTY_RIGHTS_UNIT','OWNER','OCCUPANT')),
      "represents" text null)`);
    this.addSql(`create index "governance_member_body_id_index" on "areas"."governance_member" ("body_id")`);
    this.addSql(`create table "areas"."joint_decision" (
      "id" uuid primary key,
      "area_id" uuid not null references "areas"."area" ("id"),
      "matter" text not null,
      "held_on" date not null,
      "total_owners" int not null,
      "total_area_centi_m2" bigint not null,
      "participating_owners" int not null,
      "participating_area_centi_m2" bigint not null,
      "consenting_owners" int not null,
      "consenting_area_centi_m2" bigint not null,
      "valid" boolean not null,
      "reasons" jsonb not null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null)`);
    this.addSql(`create index "joint_decision_area_id_index" on "areas"."joint_decision" ("area_id")`);
  }
}
