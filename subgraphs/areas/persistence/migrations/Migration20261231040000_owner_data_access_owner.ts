import { Migration } from '@mikro-orm/migrations';

/**
 * Whose data a read in full was of: the owner reference read (the owner now, or the former owner a court's referral is
 * against, persistence/former-owner.repository.ts). Before, the log said only the household, so a court reading the
 * seller looked like a read of the buyer. Nullable: the log is append-only (its trigger refuses updates), and the rows
 * written before this migration stay without it.
 */
export class Migration20261231040000_owner_data_access_owner extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."owner_data_access" add column "owner_reference" text null`);
  }
}
