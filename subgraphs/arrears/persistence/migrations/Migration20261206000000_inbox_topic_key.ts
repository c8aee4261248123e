import { Migration } from '@mikro-orm/migrations';
import { inboxTopicKeyDdl } from '../../../../platform/events/outbox.entities';

/** The inbox keyed by (consumer, topic, event id): an event id is its sender's, and each sender has its own topic. */
export class Migration20261206000000_inbox_topic_key extends Migration {
  override async up(): Promise<void> {
    for (const sql of inboxTopicKeyDdl('arrears')) this.addSql(sql);
  }
}
