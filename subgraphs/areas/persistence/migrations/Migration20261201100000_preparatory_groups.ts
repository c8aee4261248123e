import { Migration } from '@mikro-orm/migrations';

/**
 * Preparatory groups for first owners' assemblies (首次业主大会会议筹备组, seed 004 §五(一)): members, the formation
 * day, and the period (with its article) the street office applies, with the deadline it gives. The group's end is
 * not stored: it is the first meeting of the area's owners' assembly on or after its formation.
 */
export class Migration20261201100000_preparatory_groups extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "areas"."preparatory_group" (
      "id" uuid primary key,
      "area_id" uuid not null references "areas"."area" ("id"),
      "formed_on" date not null,
      "members" jsonb not null,
      "period_days" int null check ("period_days" between 1 and 366),
      "period_source" text null,
      "deadline" date null,
      "formed_by" text not null,
      "recorded_at" timestamptz not null default now(),
      check (("period_days" is null) = ("period_source" is null)))`);
    this.addSql(`create index "preparatory_group_area_index" on "areas"."preparatory_group" ("area_id", "formed_on")`);
  }
}
