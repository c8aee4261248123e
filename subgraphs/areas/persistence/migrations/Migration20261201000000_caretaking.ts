import { Migration } from '@mikro-orm/migrations';

/**
 * Caretaker management (包保单位兜底代管, seed 004 §六(三)): an area without a provider is assigned a caretaker unit
 * and its community until a provider's filing is accepted. The end is not stored: it is the first acceptance of a
 * filing of the area on or after the start (filing_snapshot), so it ends by itself.
 */
export class Migration20261201000000_caretaking extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "areas"."caretaking" (
      "id" uuid primary key,
      "area_id" uuid not null references "areas"."area" ("id"),
      "caretaker_unit" text not null,
      "community" text not null,
      "starts_on" date not null,
      "assigned_by" text not null,
      "assigned_at" timestamptz not null default now())`);
    this.addSql(`create index "caretaking_area_index" on "areas"."caretaking" ("area_id", "starts_on")`);
  }
}
