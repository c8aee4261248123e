import { Migration } from '@mikro-orm/migrations';

/**
 * Owners' identities (domain/owner-identity.ts), one per household, apart from the register: the ID number and the
 * phone sealed with AES-256-GCM (platform/crypto/field-cipher.ts) beside their masked forms, so a masked read never
 * decrypts. And the log of every read in full (who, when, which household, which referral or reason), which only
 * grows: updates and deletes are refused.
 */
export class Migration20261130000000_owner_identity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "areas"."owner_identity" (
      "household_id" uuid primary key references "areas"."household" ("id"),
      "legal_name" text not null,
      "id_type" text not null check ("id_type" in ('RESIDENT_ID','PASSPORT','OTHER')),
      "id_number_sealed" text not null,
      "id_number_masked" text not null,
      "phone_sealed" text null,
      "phone_masked" text null,
      "service_address" text null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null default now(),
      check (("phone_sealed" is null) = ("phone_masked" is null)))`);
    this.addSql(`create table "areas"."owner_data_access" (
      "id" bigint generated always as identity primary key,
      "household_id" uuid not null references "areas"."household" ("id"),
      "data" text not null check ("data" in ('NAME','IDENTITY')),
      "accessed_at" timestamptz not null default now(),
      "organisation_id" text not null,
      "role" text not null,
      "subject" text not null,
      "referral_id" uuid null,
      "reason" text not null)`);
    this.addSql(
      `create index "owner_data_access_household_index" on "areas"."owner_data_access" ("household_id", "accessed_at" desc)`,
    );
    this.addSql(`create function "areas"."owner_data_access_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'the owner data access log is append-only'; end $$`);
    this.addSql(`create trigger "owner_data_access_append_only" before update or delete on "areas"."owner_data_access"
      for each statement execute function "areas"."owner_data_access_append_only"()`);
  }
}
