import { Migration } from '@mikro-orm/migrations';
import { outboxAndInboxDdl } from '../../../../platform/events/outbox.entities';

export class Migration20261122000000_initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxAndInboxDdl('litigation')) this.addSql(sql);
    this.addSql(`create table "litigation"."court" (
      "court_id" text primary key,
      "name" text not null,
      "province_code" text not null,
      "registered_at" timestamptz not null)`);
  }
}
