import { Migration } from '@mikro-orm/migrations';

/**
 * Small-claims thresholds recorded by courts (or the admin) from their high court's notice (Civil Procedure Law
 * art. 165): append-only, so every figure a court ever entered stays with who entered it and when; the latest of a
 * province and year applies.
 */
export class Migration20261130000000_small_claims_thresholds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "litigation"."small_claims_threshold" (
      "id" uuid primary key,
      "province_code" text not null,
      "application_year" int not null,
      "effective_from" date not null,
      "threshold_fen" bigint not null check ("threshold_fen" > 0),
      "consent_ceiling_fen" bigint not null check ("consent_ceiling_fen" > "threshold_fen"),
      "wage_basis" text not null,
      "source" text not null,
      "recorded_by" text not null,
      "recorded_role" text not null,
      "recorded_at" timestamptz not null default now())`);
    this.addSql(
      `create index "small_claims_threshold_province_index" on "litigation"."small_claims_threshold" ("province_code", "application_year", "recorded_at")`,
    );
  }
}
