import { Migration } from '@mikro-orm/migrations';

/** An adjustment may waive a charge's late fee (LATE_FEE_WAIVER, domain/allocation.ts); its fen is the fee run up. */
export class Migration20261210010000_late_fee_waiver extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "arrears"."adjustment" drop constraint "adjustment_kind_check"`);
    this.addSql(
      `alter table "arrears"."adjustment" add constraint "adjustment_kind_check" check ("kind" in ('WAIVER','CORRECTION','LATE_FEE_WAIVER'))`,
    );
  }
}
