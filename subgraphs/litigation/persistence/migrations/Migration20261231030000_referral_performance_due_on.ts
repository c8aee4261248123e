import { Migration } from '@mikro-orm/migrations';

/**
 * The last day of the performance period (or of the last instalment) a judgment, its correction or a settlement sets,
 * as the court reports it (`performanceDueOn`): the two years to apply for enforcement count from it (Civil Procedure
 * Law art. 250). Null for every case reported without it.
 */
export class Migration20261231030000_referral_performance_due_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."referral" add column "performance_due_on" date null`);
  }
}
