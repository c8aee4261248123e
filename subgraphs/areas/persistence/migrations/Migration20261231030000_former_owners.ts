import { Migration } from '@mikro-orm/migrations';

/**
 * The owners a household had before its current one, recorded when the street office registers a change of owner
 * (application/update-household.ts): reference, name, the days of their ownership and death, and their identity
 * sealed as the current owner's is (AES-256-GCM, platform/crypto/field-cipher.ts) but bound to this row, beside its
 * masked forms. The court of a referral against an owner who has sold since reads that owner here (domain/access.ts
 * ownerInFull). Owners replaced before this migration were not kept: the register held none of them.
 */
export class Migration20261231030000_former_owners extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "areas"."former_owner" (
      "id" uuid primary key,
      "household_id" uuid not null references "areas"."household" ("id"),
      "owner_reference" text not null,
      "owner_name" text null,
      "owner_since" date null,
      "owner_died_on" date null,
      "succeeded_on" date null,
      "legal_name" text null,
      "id_type" text null check ("id_type" in ('RESIDENT_ID','PASSPORT','OTHER','UNIFIED_SOCIAL_CREDIT_CODE')),
      "id_number_sealed" text null,
      "id_number_masked" text null,
      "phone_sealed" text null,
      "phone_masked" text null,
      "service_address" text null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null default clock_timestamp(),
      check (("legal_name" is null) = ("id_type" is null) and ("id_type" is null) = ("id_number_sealed" is null)
         and ("id_number_sealed" is null) = ("id_number_masked" is null)),
      check (("phone_sealed" is null) = ("phone_masked" is null)),
      check ("legal_name" is not null or "phone_sealed" is null))`);
    this.addSql(
      `create index "former_owner_household_index" on "areas"."former_owner" ("household_id", "recorded_at" desc)`,
    );
  }
}
