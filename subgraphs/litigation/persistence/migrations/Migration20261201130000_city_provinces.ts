import { Migration } from '@mikro-orm/migrations';

/**
 * The small-claims province of each city, as the contracts subgraph's city settings give it
 * (contracts.city-settings.v1): the highest version received per city. Beijing's settings entered the registry as
 * version 1 by the contracts migration, without an event, so its copy starts here the same way; any version the admin
 * enters later arrives by event and supersedes it.
 */
export class Migration20261201130000_city_provinces extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "litigation"."city_province" (
      "city_code" text primary key check ("city_code" ~ '^[0-9]{6}$'),
      "city_name" text not null,
      "version" int not null check ("version" >= 1),
      "province_code" text null check ("province_code" ~ '^[1-9][0-9]0000$'),
      "source" text null,
      "received_at" timestamptz not null default now(),
      check (("province_code" is null) = ("source" is null)))`);
    this.addSql(`insert into "litigation"."city_province" (city_code, city_name, version, province_code, source)
      values ('110000', '北京市', 1, '110000',
        'GB/T 2260: 北京市 (110000) is a province-level municipality; Civil Procedure Law art. 165 takes its average wage')`);
  }
}
