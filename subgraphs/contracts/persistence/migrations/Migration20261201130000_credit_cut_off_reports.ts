import { Migration } from '@mikro-orm/migrations';

/**
 * Utility cut-offs reported in the arrears subgraph (arrears.violations.v1) become the company's credit entries: one
 * per report, so a redelivered report changes nothing.
 */
export class Migration20261201130000_credit_cut_off_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contracts"."credit_entry" add column "violation_id" uuid null unique`);
  }
}
