import { Migration } from '@mikro-orm/migrations';

/** Patrols of areas and the hazards they found (seed 004 §五(四)(五)); a hazard is open until resolved_on is set. */
export class Migration20261201110000_patrols extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "areas"."patrol" (
      "id" uuid primary key,
      "area_id" uuid not null references "areas"."area" ("id"),
      "patrolled_on" date not null,
      "patrolled_by" text not null,
      "patroller_kind" text not null check ("patroller_kind" in ('STREET_OFFICE','RESIDENTS_COMMITTEE','PROPERTY_COMPANY')),
      "note" text null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null default now())`);
    this.addSql(`create index "patrol_area_index" on "areas"."patrol" ("area_id", "patrolled_on")`);
    this.addSql(`create table "areas"."hazard" (
      "id" uuid primary key,
      "patrol_id" uuid not null references "areas"."patrol" ("id"),
      "area_id" uuid not null references "areas"."area" ("id"),
      "found_on" date not null,
      "kind" text not null check ("kind" in ('FIRE_SAFETY','BUILDING_SAFETY','FACILITY','VIOLATION','OTHER')),
      "location" text not null,
      "description" text null,
      "warning_set_up" boolean not null,
      "party_notified" text null,
      "notified_on" date null,
      "resolve_by" date null,
      "resolved_on" date null check ("resolved_on" >= "found_on"),
      "resolution_note" text null,
      "resolved_by" text null,
      check (("party_notified" is null) = ("notified_on" is null)))`);
    this.addSql(`create index "hazard_open_index" on "areas"."hazard" ("area_id") where "resolved_on" is null`);
  }
}
