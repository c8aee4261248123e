import { Migration } from '@mikro-orm/migrations';
import { idempotencyKeyDdl } from '../../../../platform/db/idempotency';
import { inboxDigestDdl } from '../../../../platform/events/outbox.entities';

/**
 * Idempotency keys claimed in their own table (platform/db/idempotency.ts), the payments' keys carried over; receipt
 * numbers from a counter row updated in the payment's transaction instead of a sequence, which gapped on rollback;
 * the inbox keeps each event's digest, so an event id re-used with other content is dead-lettered.
 */
export class Migration20261130100000_idempotency_keys extends Migration {
  override async up(): Promise<void> {
    for (const sql of idempotencyKeyDdl('arrears')) this.addSql(sql);
    for (const sql of inboxDigestDdl('arrears')) this.addSql(sql);
    this.addSql(`insert into "arrears"."idempotency_key" (scope, owner_id, key, request_sha256, result, claimed_at)
      select 'payment', company_id, idempotency_key, request_sha256, to_jsonb(id::text), recorded_at from "arrears"."payment"`);
    this.addSql(`create table "arrears"."receipt_counter" (
      "only_row" boolean primary key default true check ("only_row"),
      "last_number" bigint not null)`);
    this.addSql(`insert into "arrears"."receipt_counter" (last_number)
      select case when is_called then last_value else 0 end from "arrears"."receipt_number_seq"`);
    this.addSql(`drop sequence "arrears"."receipt_number_seq"`);
  }
}
