import { Migration } from '@mikro-orm/migrations';

/**
 * Signed webhooks: the parties' subscriptions, the areas' districts (to route filings), one delivery row per event
 * and subscription, and every attempt with its answer.
 */
export class Migration20261130100000_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "feeds"."webhook_subscription" (
      "id" uuid primary key,
      "organisation_id" text not null,
      "role" text not null,
      "jurisdictions" text[] not null default '{}',
      "event_types" text[] not null,
      "url" text not null check (length("url") <= 2000),
      "secret" text not null,
      "status" text not null default 'ACTIVE' check ("status" in ('ACTIVE', 'PAUSED')),
      "paused_at" timestamptz,
      "paused_reason" text,
      "created_by" text not null,
      "created_at" timestamptz not null default now())`);
    this.addSql(
      `create index "webhook_subscription_organisation_idx" on "feeds"."webhook_subscription" ("organisation_id")`,
    );
    this.addSql(
      `create index "webhook_subscription_event_types_idx" on "feeds"."webhook_subscription" using gin ("event_types")`,
    );
    this.addSql(`create table "feeds"."webhook_area" (
      "area_id" uuid primary key,
      "district_code" text not null,
      "street_code" text not null,
      "registered_at" timestamptz not null)`);
    this.addSql(`create table "feeds"."webhook_delivery" (
      "id" bigserial primary key,
      "subscription_id" uuid not null references "feeds"."webhook_subscription" ("id") on delete cascade,
      "message_id" text not null unique,
      "event_id" text not null,
      "event_type" text not null,
      "event_source" text not null,
      "event_subject" text,
      "event_time" timestamptz not null,
      "aggregate_key" text not null,
      "payload" jsonb not null,
      "replay" boolean not null default false,
      "status" text not null default 'PENDING' check ("status" in ('PENDING', 'DELIVERED')),
      "attempts" int not null default 0,
      "next_attempt_at" timestamptz not null default now(),
      "first_attempt_at" timestamptz,
      "created_at" timestamptz not null default now(),
      "delivered_at" timestamptz,
      "last_status_code" int,
      "last_error" text)`);
    // The sender's claim: due rows, and for each the earlier pending rows of the same subscription and key.
    this.addSql(
      `create index "webhook_delivery_due_idx" on "feeds"."webhook_delivery" ("next_attempt_at", "id") where "status" = 'PENDING'`,
    );
    this.addSql(
      `create index "webhook_delivery_order_idx" on "feeds"."webhook_delivery" ("subscription_id", "aggregate_key", "id") where "status" = 'PENDING'`,
    );
    this.addSql(
      `create index "webhook_delivery_subscription_idx" on "feeds"."webhook_delivery" ("subscription_id", "id")`,
    );
    this.addSql(`create table "feeds"."webhook_attempt" (
      "id" bigserial primary key,
      "delivery_id" bigint not null references "feeds"."webhook_delivery" ("id") on delete cascade,
      "attempt" int not null,
      "attempted_at" timestamptz not null,
      "status_code" int,
      "latency_ms" int not null,
      "error" text,
      "response_body" text check (octet_length("response_body") <= 1024))`);
    this.addSql(`create index "webhook_attempt_delivery_idx" on "feeds"."webhook_attempt" ("delivery_id", "attempt")`);
  }
}
