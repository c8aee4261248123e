import { Migration } from '@mikro-orm/migrations';

/**
 * A month one of a company's contracts ends within and its own renewal (another contract of the area, maybe at
 * another rate) begins is billed in parts (domain/billing.ts servedPartsOf, classRatesOf): a monthly fee's
 * `rate_parts` holds each part's filing, owner rate and days, null for a month of one contract, the fee being floor
 * area × Σ rate × days ÷ the month's days, rounded once; a subsidy's `rate_days` holds its Σ rate × days over the
 * parts, null likewise. Fees billed before stay as billed (at the renewal's rate for the whole month).
 */
export class Migration20261231050000_month_parts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "arrears"."charge" add column "rate_parts" jsonb null
      check ("rate_parts" is null or ("kind" = 'SERVICE_FEE' and jsonb_typeof("rate_parts") = 'array'))`);
    this.addSql(`alter table "arrears"."subsidy_charge" add column "rate_days" int null check ("rate_days" >= 0)`);
  }
}
