import { Migration } from '@mikro-orm/migrations';
import { holidayYearDdl } from '../../../../platform/read-models/holiday-calendar';

/**
 * The holiday calendar beyond the `chinese-days` package: every version of every year the admin records, append-only
 * (a correction is the year's next version; nothing is updated or deleted), and the current version of each year
 * as every subgraph that computes periods keeps it (holiday_year).
 */
export class Migration20261201100000_holiday_calendar extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "contracts"."holiday_arrangement" (
      "id" uuid primary key,
      "year" int not null check ("year" between 2027 and 2200),
      "version" int not null check ("version" >= 1),
      "title" text not null,
      "document_number" text null,
      "published_on" date not null,
      "url" text not null,
      "days_off" jsonb not null,
      "weekend_working_days" jsonb not null,
      "note" text null,
      "recorded_by" text not null,
      "recorded_by_organisation" text not null,
      "recorded_at" timestamptz not null,
      unique ("year", "version"))`);
    for (const sql of holidayYearDdl('contracts')) this.addSql(sql);
  }
}
