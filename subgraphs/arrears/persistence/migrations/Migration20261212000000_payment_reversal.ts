import { Migration } from '@mikro-orm/migrations';

/**
 * A payment recorded in error is reversed, not deleted (application/reverse-payment.ts): its row, receipt number and
 * allocations stay, marked with the day, the person and the reason; what it paid is owed again. The readers that
 * count money paid (late fees' timeline, credits held) leave reversed payments out.
 */
export class Migration20261212000000_payment_reversal extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "arrears"."payment"
      add column "reversed_on" date null,
      add column "reversed_by" text null,
      add column "reversal_reason" text null,
      add constraint "payment_reversal_complete" check (("reversed_on" is null) = ("reversed_by" is null) and ("reversed_on" is null) = ("reversal_reason" is null))`);
  }
}
