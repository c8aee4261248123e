import { Migration } from '@mikro-orm/migrations';
import { outboxAndInboxDdl } from '../../../../platform/events/outbox.entities';

export class Migration20261130000000_initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxAndInboxDdl('feeds')) this.addSql(sql);
  }
}
