import { Migration } from '@mikro-orm/migrations';

/**
 * The owner a court's grant was made for: the household's owner reference when the referral arrived. After a sale
 * the register holds the new owner in place (no history), and the court of the old owner's case read the new
 * owner's identity under that referral. Grants made before keep the owner now on record, the best the hub knows.
 */
export class Migration20261209000000_court_household_owner extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."court_household" add column "owner_reference" text null`);
    this.addSql(`update "areas"."court_household" g set "owner_reference" = h."owner_reference"
      from "areas"."household" h where h."id" = g."household_id"`);
  }
}
