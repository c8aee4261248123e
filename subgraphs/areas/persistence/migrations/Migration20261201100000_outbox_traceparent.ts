import { Migration } from '@mikro-orm/migrations';
import { outboxTraceparentDdl } from '../../../../platform/events/outbox.entities';

/** Each outbox row keeps the trace context of the work that recorded it, for the Kafka message's ce_traceparent. */
export class Migration20261201100000_outbox_traceparent extends Migration {
  override async up(): Promise<void> {
    for (const sql of outboxTraceparentDdl('areas')) this.addSql(sql);
  }
}
