import { Migration } from '@mikro-orm/migrations';
import { outboxAndInboxDdl } from '../../../../platform/events/outbox.entities';

export class Migration20261122000000_initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxAndInboxDdl('arrears')) this.addSql(sql);
    this.addSql(`create table "arrears"."billing_area" (
      "area_id" uuid primary key,
      "name" text not null,
      "district_code" text not null,
      "street_code" text not null,
      "known_since" timestamptz not null)`);
  }
}
