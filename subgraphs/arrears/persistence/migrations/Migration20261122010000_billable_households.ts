import { Migration } from '@mikro-orm/migrations';

/** The households billing will charge: floor area and building class from the areas feed, no owner names. */
export class Migration20261122010000_billable_households extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "arrears"."billable_household" (
      "household_id" uuid primary key,
      "building_id" uuid not null,
      "area_id" uuid null,
      "building_class" text not null,
      "unit" text not null,
      "room" text not null,
      "floor_area_centi_m2" int not null,
      "owner_reference" text not null,
      "synced_at" timestamptz not null default now())`);
    this.addSql(
      `create index "billable_household_building_id_index" on "arrears"."billable_household" ("building_id")`,
    );
    this.addSql(`create index "billable_household_area_id_index" on "arrears"."billable_household" ("area_id")`);
  }
}
