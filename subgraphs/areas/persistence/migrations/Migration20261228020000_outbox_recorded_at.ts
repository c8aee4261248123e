import { Migration } from '@mikro-orm/migrations';
import { outboxRecordedAtDdl } from '../../../../platform/events/outbox.entities';

/** When each outbox row was written, for the age of the oldest unpublished one (outboxRecordedAtDdl). */
export class Migration20261228020000_outbox_recorded_at extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxRecordedAtDdl('areas')) this.addSql(sql);
  }
}
