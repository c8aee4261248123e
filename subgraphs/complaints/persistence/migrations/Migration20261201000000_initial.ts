import { Migration } from '@mikro-orm/migrations';
import { outboxAndInboxDdl } from '../../../../platform/events/outbox.entities';
import { filingSnapshotDdl } from '../../../../platform/read-models/filing-snapshot';

export class Migration20261201000000_initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxAndInboxDdl('complaints')) this.addSql(sql);
    for (const sql of filingSnapshotDdl('complaints')) this.addSql(sql);
    // Read models of the areas subgraph's events: compounds (name, street, governance model) and buildings (area, households).
    this.addSql(`create table "complaints"."compound_view" (
      "compound_id" uuid primary key,
      "name" text not null,
      "district_code" text not null,
      "street_code" text not null,
      "governance_model" text not null,
      "property_rights_units" int not null)`);
    this.addSql(`create index "compound_view_street_index" on "complaints"."compound_view" ("street_code")`);
    this.addSql(`create table "complaints"."building_view" (
      "building_id" uuid primary key,
      "compound_id" uuid not null,
      "area_id" uuid null,
      "households" int not null)`);
    this.addSql(`create index "building_view_compound_index" on "complaints"."building_view" ("compound_id")`);
    this.addSql(`create table "complaints"."hotline_sender" (
      "organisation_id" text primary key,
      "name" text not null,
      "jurisdictions" text[] not null,
      "registered_at" timestamptz not null)`);
    this.addSql(`create table "complaints"."taxonomy_category" (
      "code" text not null,
      "valid_from" date not null,
      "valid_to" date null,
      "name" text not null,
      "source" text not null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null,
      primary key ("code", "valid_from"))`);
    this.addSql(`create table "complaints"."taxonomy_item" (
      "code" text not null,
      "valid_from" date not null,
      "valid_to" date null,
      "category_code" text not null,
      "name" text not null,
      "source" text not null,
      "responsible" jsonb not null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null,
      primary key ("code", "valid_from"))`);
    this.addSql(`create table "complaints"."complaint_order" (
      "id" uuid primary key,
      "order_number" text not null unique,
      "sender_id" text not null,
      "received_at" timestamptz not null,
      "caller_name_masked" text null,
      "caller_phone_masked" text null,
      "caller_key" text null,
      "address_text" text not null,
      "street_code" text not null,
      "compound_id" uuid null,
      "category_code" text not null,
      "item_code" text not null,
      "text" text not null,
      "respond_by" timestamptz not null,
      "resolve_by" timestamptz not null,
      "status" text not null,
      "responsible_party_kind" text null,
      "party_organisation_id" text null,
      "responded_at" timestamptz null,
      "resolved_at" timestamptz null,
      "closed_at" timestamptz null,
      "resolved_by_caller" boolean null,
      "satisfaction" text null,
      "sequence" int not null,
      "demo" boolean not null default false)`);
    this.addSql(
      `create index "complaint_order_street_index" on "complaints"."complaint_order" ("street_code", "status")`,
    );
    this.addSql(
      `create index "complaint_order_compound_index" on "complaints"."complaint_order" ("compound_id", "received_at")`,
    );
    this.addSql(
      `create index "complaint_order_party_index" on "complaints"."complaint_order" ("party_organisation_id")`,
    );
    this.addSql(`create table "complaints"."order_transition" (
      "order_id" uuid not null references "complaints"."complaint_order" ("id"),
      "sequence" int not null,
      "step" text not null,
      "from_status" text null,
      "to_status" text not null,
      "actor_subject" text not null,
      "actor_role" text not null,
      "actor_organisation" text not null,
      "at" timestamptz not null,
      "note" text null,
      "evidence_sha256" text[] not null default '{}',
      "party_kind" text null,
      "party_organisation_id" text null,
      primary key ("order_id", "sequence"))`);
    this.addSql(`create function "complaints"."order_transition_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'order transitions are append-only'; end $$`);
    this
      .addSql(`create trigger "order_transition_append_only" before update or delete on "complaints"."order_transition"
      for each statement execute function "complaints"."order_transition_append_only"()`);
  }
}
