import { Migration } from '@mikro-orm/migrations';
import { idempotencyKeyDdl } from '../../../../platform/db/idempotency';
import { inboxDigestDdl } from '../../../../platform/events/outbox.entities';

/**
 * Idempotency keys of the subgraph's requests, claimed in their own table (platform/db/idempotency.ts); the inbox
 * keeps each event's digest, so an event id re-used with other content is dead-lettered.
 */
export class Migration20261130100000_idempotency_keys extends Migration {
  override async up(): Promise<void> {
    for (const sql of idempotencyKeyDdl('areas')) this.addSql(sql);
    for (const sql of inboxDigestDdl('areas')) this.addSql(sql);
  }
}
