import { Migration } from '@mikro-orm/migrations';

/**
 * The day the household's owner became the owner, as the areas roster carries it where the register recorded a change
 * of owner: the claim snapshot names it, and a referral leaves out the months begun before it (the former owner's).
 */
export class Migration20261222000000_household_owner_since extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "arrears"."billable_household" add column "owner_since" date null`);
  }
}
