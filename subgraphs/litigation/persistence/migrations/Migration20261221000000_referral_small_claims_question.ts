import { Migration } from '@mikro-orm/migrations';

/**
 * What the company stated for the procedure when it referred (both parties' consent to small claims, the art. 166
 * exclusions), so a package corrected before docketing is proposed again on its new amount: before, it kept the
 * proposal made on the amount first claimed, and a court could receive a small claim whose amount no longer was one.
 * Null for the referrals made before: a correction then reads what their stored reasons tell (questionOfReasons; a
 * consent they do not name counts as none).
 */
export class Migration20261221000000_referral_small_claims_question extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "litigation"."referral" add column "small_claims_consent" boolean null, add column "small_claims_exclusions" jsonb null`,
    );
  }
}
