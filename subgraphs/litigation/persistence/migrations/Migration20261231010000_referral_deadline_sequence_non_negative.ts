import { Migration } from '@mikro-orm/migrations';

/**
 * A referral's deadline sequence is never below zero, checked by the database as its amounts are: 0 until the first
 * announcement of its deadlines, one more with each (referral.repository.ts), so the register keeps the latest. Before,
 * only the code kept it so, and a write by hand or a fault could store a negative sequence that the register would
 * take as older than every announcement. No sequence stored could be negative, so the constraint is validated at once.
 */
export class Migration20261231010000_referral_deadline_sequence_non_negative extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."referral"
      add constraint "referral_deadline_sequence_non_negative" check ("deadline_sequence" >= 0)`);
  }
}
