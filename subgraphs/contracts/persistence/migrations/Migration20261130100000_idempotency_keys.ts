import { Migration } from '@mikro-orm/migrations';
import { idempotencyKeyDdl } from '../../../../platform/db/idempotency';
import { inboxDigestDdl } from '../../../../platform/events/outbox.entities';

/**
 * Submissions' idempotency keys claimed in their own table (platform/db/idempotency.ts), the versions' keys carried
 * over; the inbox keeps each event's digest, so an event id re-used with other content is dead-lettered.
 */
export class Migration20261130100000_idempotency_keys extends Migration {
  override async up(): Promise<void> {
    for (const sql of idempotencyKeyDdl('contracts')) this.addSql(sql);
    for (const sql of inboxDigestDdl('contracts')) this.addSql(sql);
    this.addSql(`insert into "contracts"."idempotency_key" (scope, owner_id, key, request_sha256, result)
      select 'filing', company_id, idempotency_key, request_digest, to_jsonb(filing_id::text) from "contracts"."filing_version"`);
  }
}
