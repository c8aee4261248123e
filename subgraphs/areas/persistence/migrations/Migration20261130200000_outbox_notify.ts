import { Migration } from '@mikro-orm/migrations';
import { outboxNotifyDdl } from '../../../../platform/events/outbox.entities';

/** The outbox announces each commit that wrote to it, so relays in any process publish at once instead of polling. */
export class Migration20261130200000_outbox_notify extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxNotifyDdl('areas')) this.addSql(sql);
  }
}
