import { Migration } from '@mikro-orm/migrations';

/**
 * A subsidy line's rate under each filing of the month's parts (`filing_rates`, by filing id; null for rows billed
 * before), so each owner's fee is subsidised as it was billed: one billed in parts over its own parts, one billed
 * under one filing (say before the renewal was known, for its 15 days) at that filing's rate for its days. Before,
 * a line billed in parts charged Σ rate × days over the whole month to every fee.
 */
export class Migration20261231060000_subsidy_filing_rates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "arrears"."subsidy_charge" add column "filing_rates" jsonb null
      check ("filing_rates" is null or jsonb_typeof("filing_rates") = 'object')`);
  }
}
