import { Migration } from '@mikro-orm/migrations';

/** Parties registered for the Kafka feeds (issue 13 §2); their reach is the broker's ACLs. */
export class Migration20261130200000_feed_subscribers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "feeds"."feed_subscriber" (
      "party_id" text primary key,
      "kind" text not null check ("kind" in ('BUREAU','ENFORCEMENT_BUREAU','COURT')),
      "court_id" text null,
      "jurisdictions" jsonb not null,
      "username" text not null unique,
      "status" text not null check ("status" in ('ACTIVE','REVOKED')),
      "registered_at" timestamptz not null,
      "registered_by" text not null,
      "credential_rotated_at" timestamptz null,
      "revoked_at" timestamptz null,
      "revoked_by" text null,
      check (("kind" = 'COURT') = ("court_id" is not null)))`);
  }
}
