import { Migration } from '@mikro-orm/migrations';

/**
 * One referral per account while its case is pending, no longer while it is judged, settled or enforced: a judged
 * account reopened for arrears the judgment did not cover (arrears' new case) is referred again beside the judgment
 * being enforced, and a new referral claims none of the months decided (eligibility.ts ALREADY_DECIDED).
 */
export class Migration20261210000000_referral_pending_per_account extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "litigation"."referral_one_open_per_account"`);
    this.addSql(`create unique index "referral_pending_per_account" on "litigation"."referral" ("account_id")
      where "eligible" and "status" in ('SUBMITTED','IN_MEDIATION','DOCKETED','HEARING_SCHEDULED')`);
  }
}
