import { Migration } from '@mikro-orm/migrations';
import { outboxAndInboxDdl } from '../../../../platform/events/outbox.entities';

export class Migration20261122000000_initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxAndInboxDdl('contracts')) this.addSql(sql);
    this.addSql(`create table "contracts"."area_view" (
      "area_id" uuid primary key,
      "name" text not null,
      "district_code" text not null,
      "street_code" text not null,
      "registered_at" timestamptz not null,
      "synced_at" timestamptz not null)`);
  }
}
