import { Migration } from '@mikro-orm/migrations';

/**
 * The day a household's registered owner died, where the street office recorded it (domain/compound.ts
 * ownerDaysOf); null otherwise. A referral of the household is refused while it is set (a deceased owner is no
 * defendant).
 */
export class Migration20261223000000_owner_died_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."household" add column "owner_died_on" date null`);
  }
}
