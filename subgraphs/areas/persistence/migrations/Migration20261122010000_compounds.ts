import { Migration } from '@mikro-orm/migrations';

export class Migration20261122010000_compounds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "areas"."compound" (
      "id" uuid primary key,
      "name" text not null,
      "district_code" text not null,
      "street_code" text not null,
      "community_code" text null,
      "kind" text not null check ("kind" in ('COMMERCIAL','AFFORDABLE','OLD_PUBLIC_HOUSING','BUNGALOW','UNMANAGED')),
      "governance_model" text not null check ("governance_model" in ('CONTRACT_BASED','MULTI_PARTY_CO_GOVERNANCE','GOVERNMENT_BACKSTOP')),
      "year_built" int null,
      "property_rights_units" int not null check ("property_rights_units" >= 0),
      "maintenance_fund" text not null check ("maintenance_fund" in ('ESTABLISHED','NOT_ESTABLISHED')),
      "registered_at" timestamptz not null,
      unique ("street_code", "name"))`);
    this.addSql(`create table "areas"."building" (
      "id" uuid primary key,
      "compound_id" uuid not null references "areas"."compound" ("id"),
      "area_id" uuid null references "areas"."area" ("id"),
      "label" text not null,
      "building_class" text not null check ("building_class" in ('LOW_RISE','HIGH_RISE')),
      "floors" int not null check ("floors" > 0),
      "elevators" int not null check ("elevators" >= 0),
      unique ("compound_id", "label"))`);
    this.addSql(`create index "building_area_id_index" on "areas"."building" ("area_id")`);
    this.addSql(`create table "areas"."household" (
      "id" uuid primary key,
      "building_id" uuid not null references "areas"."building" ("id"),
      "unit" text not null,
      "room" text not null,
      "floor_area_centi_m2" int not null check ("floor_area_centi_m2" > 0),
      "owner_reference" text not null,
      "owner_name" text null,
      unique ("building_id", "unit", "room"))`);
  }
}
