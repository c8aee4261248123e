import { Migration } from '@mikro-orm/migrations';
import { inboxDigestDdl } from '../../../../platform/events/outbox.entities';

/** The inbox keeps each event's digest, so an event id re-used with other content is dead-lettered. */
export class Migration20261130100000_inbox_digest extends Migration {
  override async up(): Promise<void> {
    for (const sql of inboxDigestDdl('feeds')) this.addSql(sql);
  }
}
