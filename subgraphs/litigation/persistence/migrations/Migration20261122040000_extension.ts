import { Migration } from '@mikro-orm/migrations';

/** The court president's approval of the one-month extension of a small claim (Civil Procedure Law art. 168). */
export class Migration20261122040000_extension extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."referral" add column "extension_approved_on" date null`);
  }
}
