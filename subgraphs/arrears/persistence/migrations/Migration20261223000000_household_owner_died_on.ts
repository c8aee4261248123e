import { Migration } from '@mikro-orm/migrations';

/** The day the household's registered owner died, as the areas roster gives it (null: not recorded). */
export class Migration20261223000000_household_owner_died_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "arrears"."billable_household" add column "owner_died_on" date null`);
  }
}
