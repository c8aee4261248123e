import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21: a referral's deadlines (the small claim's decision, the mediation window) are announced to the register
 * with a sequence that grows with each announcement, so the register keeps the latest whatever the delivery order.
 */
export class Migration20261201200000_deadline_sequence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."referral" add column "deadline_sequence" int not null default 0`);
  }
}
