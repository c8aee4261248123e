import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15: the plaintiff's particulars (one row per company), the evidence files a company uploads for a referral
 * (whole, or in parts kept until the upload completes),
 * and the court documents generated for a package version (complaint as PDF and .docx), each with its SHA-256, its
 * size, where the bytes are stored and the evidence-chain entry recording the digest.
 */
export class Migration20261130000000_documents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "litigation"."company_profile" (
      "company_id" text primary key,
      "legal_name" text not null,
      "domicile" text not null,
      "credit_code" text not null,
      "legal_representative" text not null,
      "legal_representative_title" text not null,
      "phone" text not null,
      "agent" jsonb null,
      "service_address" text null,
      "service_recipient" text null,
      "accepts_electronic_service" boolean not null,
      "electronic_service_address" text null,
      "updated_by" text not null,
      "updated_at" timestamptz not null default now())`);
    this.addSql(`create table "litigation"."evidence_file" (
      "id" uuid primary key,
      "referral_id" uuid not null references "litigation"."referral" ("id"),
      "name" text not null,
      "type" text not null,
      "media_type" text not null check ("media_type" in ('PDF','JPEG','PNG','OFD')),
      "sha256" text not null,
      "size_bytes" int not null check ("size_bytes" > 0),
      "storage_key" text not null,
      "chain_sequence" int not null,
      "uploaded_by" text not null,
      "uploaded_at" timestamptz not null default now(),
      unique ("referral_id", "sha256"))`);
    this.addSql(`create table "litigation"."evidence_upload" (
      "id" uuid primary key,
      "referral_id" uuid not null references "litigation"."referral" ("id"),
      "company_id" text not null,
      "name" text not null,
      "type" text not null,
      "size_bytes" int not null check ("size_bytes" > 0),
      "sha256" text not null,
      "started_by" text not null,
      "started_at" timestamptz not null default now())`);
    this.addSql(`create table "litigation"."evidence_upload_part" (
      "upload_id" uuid not null references "litigation"."evidence_upload" ("id") on delete cascade,
      "index" int not null check ("index" >= 0),
      "bytes" bytea not null,
      primary key ("upload_id", "index"))`);
    this.addSql(`create table "litigation"."court_document" (
      "referral_id" uuid not null references "litigation"."referral" ("id"),
      "package_version" int not null,
      "kind" text not null check ("kind" in ('COMPLAINT_PDF','COMPLAINT_DOCX')),
      "name" text not null,
      "sha256" text not null,
      "size_bytes" int not null,
      "storage_key" text not null,
      "chain_sequence" int not null,
      "created_at" timestamptz not null default now(),
      primary key ("referral_id", "package_version", "kind"))`);
  }
}
