import { Migration } from '@mikro-orm/migrations';

/**
 * The day a household's owner became the owner, where the register recorded a change of owner (domain/compound.ts
 * ownerDaysOf); null for an owner registered with the household, and for every owner before this column.
 */
export class Migration20261222020000_owner_since extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."household" add column "owner_since" date null`);
  }
}
