import { Migration } from '@mikro-orm/migrations';

/**
 * The hotline orders the complaints subgraph publishes (complaints.orders.v1, no caller data) and the compound of
 * each building (areas' rosters, owners not kept): what a case package needs to list the complaints about the
 * service at the household's compound.
 */
export class Migration20261201100000_service_complaints extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "litigation"."building_compound" (
      "building_id" uuid primary key,
      "compound_id" uuid not null)`);
    this.addSql(`create table "litigation"."service_complaint" (
      "order_id" uuid primary key,
      "sequence" int not null,
      "order_number" text not null,
      "received_at" timestamptz not null,
      "compound_id" uuid null,
      "category_code" text not null,
      "item_code" text not null,
      "status" text not null,
      "responsible_party_kind" text null,
      "party_organisation_id" text null,
      "respond_by" timestamptz not null,
      "responded_at" timestamptz null,
      "closed_at" timestamptz null,
      "satisfaction" text null,
      "demo" boolean not null)`);
    this.addSql(
      `create index "service_complaint_compound_index" on "litigation"."service_complaint" ("compound_id", "received_at")`,
    );
  }
}
