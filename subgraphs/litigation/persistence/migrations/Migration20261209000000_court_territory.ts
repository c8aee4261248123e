import { Migration } from '@mikro-orm/migrations';

/**
 * A court's territory: the districts whose property-fee cases it hears (Civil Procedure Law art. 24, the place of
 * performance). Courts registered before have none until an administrator sets it (setCourtTerritory); until then
 * no referral reaches them, rather than a court receiving owners' cases from anywhere in its province.
 */
export class Migration20261209000000_court_territory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."court" add column "district_codes" text[] not null default '{}'`);
  }
}
