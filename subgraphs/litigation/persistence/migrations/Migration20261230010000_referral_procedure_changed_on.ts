import { Migration } from '@mikro-orm/migrations';

/**
 * The day a court converted a small claim to the simple or ordinary procedure (PROCEDURE_CHANGED, Civil Procedure Law
 * art. 169): before, no report could say so, and the case stayed on the overdue small claims after 2 months. Null
 * for every case converted by no report.
 */
export class Migration20261230010000_referral_procedure_changed_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."referral" add column "procedure_changed_on" date null`);
  }
}
