import { Migration } from '@mikro-orm/migrations';

/**
 * A filing event whose area the feeds subgraph has not heard of yet waits here, in the order received, until the
 * area's registration arrives (application/dispatch-webhooks.ts). Before, it was retried for a few seconds and then
 * dead-lettered, so a bureau never received a filing whenever the area consumer lagged behind the dispatcher (a
 * restart, a rebalance, a backlog after a broker outage).
 */
export class Migration20261212000000_webhook_waiting_event extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "feeds"."webhook_waiting_event" (
      "sequence" bigserial primary key,
      "event_id" text not null unique,
      "area_id" uuid not null,
      "event" jsonb not null,
      "received_at" timestamptz not null default now())`);
    this.addSql(
      `create index "webhook_waiting_event_area_idx" on "feeds"."webhook_waiting_event" ("area_id", "sequence")`,
    );
  }
}
