import { Migration } from '@mikro-orm/migrations';
import { BEIJING } from '../../domain/statutes';

/**
 * Cities are data: the registry of city settings with its audit trail. Beijing's settings, hard-wired until now,
 * move into it unchanged as version 1. A filing's deadline is null where its city has no confirmed deadline.
 */
export class Migration20261201000000_city_settings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "contracts"."city_settings" (
      "city_code" text primary key check ("city_code" ~ '^[0-9]{6}$'),
      "settings" jsonb not null,
      "version" int not null check ("version" >= 1),
      "changed_at" timestamptz not null,
      "changed_by" text not null)`);
    this.addSql(`create table "contracts"."city_settings_change" (
      "id" uuid primary key,
      "city_code" text not null,
      "version" int not null,
      "settings" jsonb not null,
      "changed_at" timestamptz not null,
      "changed_by" text not null,
      "reason" text not null,
      unique ("city_code", "version"))`);
    const beijing = JSON.stringify(BEIJING).replace(/'/g, "''");
    this.addSql(
      `insert into "contracts"."city_settings" values ('110000', '${beijing}'::jsonb, 1, now(), 'migration')`,
    );
    this
      .addSql(`insert into "contracts"."city_settings_change" values (gen_random_uuid(), '110000', 1, '${beijing}'::jsonb, now(), 'migration',
      'Beijing''s settings, hard-wired in the contracts subgraph until issue 17, moved into the registry unchanged')`);
    this.addSql(`alter table "contracts"."filing" alter column "deadline" drop not null`);
    this.addSql(`alter table "contracts"."review_system" drop constraint if exists "review_system_role_check"`);
    this.addSql(
      `alter table "contracts"."review_system" add constraint "review_system_role_check" check ("role" in ('STREET_OFFICE','CITY_BUREAU','ENFORCEMENT_BUREAU'))`,
    );
  }
}
