import { Migration } from '@mikro-orm/migrations';

/**
 * The enforcement case number (执行案号) the enforcing court gives when enforcement starts (or with a listing of the
 * debtor): before, a number sent with ENFORCEMENT_STARTED was dropped, and the company had none to follow the
 * enforcement by. Null for the cases enforced before (their listings' numbers went out on the credit feed only).
 */
export class Migration20261221010000_referral_enforcement_case_number extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."referral" add column "enforcement_case_number" text null`);
  }
}
