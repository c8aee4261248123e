import { Migration } from '@mikro-orm/migrations';
import { BEIJING, BEIJING_MATERIALS } from '../../domain/statutes';

/**
 * A filing's documents as files (issue 21): uploaded to the contract (whole, or in parts while an upload is in
 * progress), stored as large objects with their SHA-256 and format, attached to the filing version that carries
 * them; every download logged; an accepted filing's certificate (备案证明) with its digests for public
 * verification. Beijing's settings gain their materials checklist as version 2.
 */
export class Migration20261201100000_filing_documents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "contracts"."filing_document" (
      "id" uuid primary key,
      "contract_id" uuid not null,
      "company_id" text not null,
      "filing_id" uuid,
      "name" text not null,
      "type" text not null,
      "media_type" text not null check ("media_type" in ('PDF','JPEG','PNG','OFD')),
      "sha256" text not null check ("sha256" ~ '^[0-9a-f]{64}$'),
      "size_bytes" int not null check ("size_bytes" between 1 and 20971520),
      "storage_key" text not null,
      "uploaded_at" timestamptz not null default now(),
      "uploaded_by" text not null,
      unique ("contract_id", "sha256"))`);
    this.addSql(`create index "filing_document_filing_idx" on "contracts"."filing_document" ("filing_id")`);
    this.addSql(`create table "contracts"."filing_document_upload" (
      "id" uuid primary key,
      "contract_id" uuid not null,
      "company_id" text not null,
      "name" text not null,
      "type" text not null,
      "size_bytes" int not null check ("size_bytes" between 1 and 20971520),
      "sha256" text not null,
      "started_by" text not null,
      "started_at" timestamptz not null default now())`);
    this.addSql(`create table "contracts"."filing_document_upload_part" (
      "upload_id" uuid not null references "contracts"."filing_document_upload" ("id") on delete cascade,
      "index" int not null,
      "bytes" bytea not null,
      primary key ("upload_id", "index"))`);
    this.addSql(`create table "contracts"."filing_document_download" (
      "id" bigserial primary key,
      "document_id" uuid not null,
      "contract_id" uuid not null,
      "at" timestamptz not null default now(),
      "organisation_id" text not null,
      "role" text not null,
      "subject" text not null)`);
    this.addSql(
      `create index "filing_document_download_contract_idx" on "contracts"."filing_document_download" ("contract_id", "at")`,
    );
    this.addSql(`create table "contracts"."filing_certificate" (
      "filing_id" uuid primary key,
      "record_number" text not null unique,
      "content_sha256" text not null,
      "pdf_sha256" text not null,
      "size_bytes" int not null,
      "storage_key" text not null,
      "issued_on" date not null,
      "facts" jsonb not null)`);
    const beijing = JSON.stringify({ ...BEIJING, materials: BEIJING_MATERIALS }).replace(/'/g, "''");
    this.addSql(
      `update "contracts"."city_settings" set "settings" = '${beijing}'::jsonb, "version" = "version" + 1, "changed_at" = now(), "changed_by" = 'migration'
        where "city_code" = '110000' and "changed_by" = 'migration' and "version" = 1`,
    );
    this.addSql(`insert into "contracts"."city_settings_change"
      select gen_random_uuid(), '110000', 2, '${beijing}'::jsonb, now(), 'migration',
        'The materials checklist of issue 21: the contract text required (art. 63), the owners'' decision and the signatories'' authority recommended'
      from "contracts"."city_settings" where "city_code" = '110000' and "version" = 2 and "changed_by" = 'migration'`);
  }
}
