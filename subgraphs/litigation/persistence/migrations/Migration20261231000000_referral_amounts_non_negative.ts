import { Migration } from '@mikro-orm/migrations';

/**
 * A referral's amounts are never below zero, checked by the database as arrears checks its ledger's: the amount in
 * dispute and the grand total claimed (sums of what arrears reports owed, and costs), the amount judged and the amount
 * settled (the court's reports, refused below zero by domain/referral.ts courtEventEffect). Before, only the domain
 * rules kept them so, and a write by hand or a fault could store a negative claim or award the court would receive.
 * No amount stored could be negative, so the constraints are validated at once.
 */
export class Migration20261231000000_referral_amounts_non_negative extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."referral"
      add constraint "referral_amount_in_dispute_fen_non_negative" check ("amount_in_dispute_fen" >= 0),
      add constraint "referral_grand_total_fen_non_negative" check ("grand_total_fen" >= 0),
      add constraint "referral_judged_fen_non_negative" check ("judged_fen" >= 0),
      add constraint "referral_settled_fen_non_negative" check ("settled_fen" >= 0)`);
  }
}
