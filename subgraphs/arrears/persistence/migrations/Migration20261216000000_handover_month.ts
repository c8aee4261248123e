import { Migration } from '@mikro-orm/migrations';

/**
 * A month handed over from one company to another (a contract ending or beginning within it) is billed by each for
 * the days it served (domain/billing.ts servedDaysOf): a monthly fee's `served_days` holds those days, null for the
 * whole month.
 *
 * The month's fee is one per account (an account is one company's of one household), not one per household: before,
 * the first company to bill took the household's month and the other's run billed nobody. Keyed by month and
 * account, the index is no wider than the one it replaces, and billing, which inserts in account order, writes it in
 * order. The month's run and subsidy rows are per company too, where the second company's run overwrote the first's.
 */
export class Migration20261216000000_handover_month extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "arrears"."charge" add column "served_days" smallint null
      check ("served_days" is null or ("served_days" between 1 and 30 and "kind" = 'SERVICE_FEE'))`);
    this.addSql(`drop index "arrears"."charge_service_fee_unique"`);
    this.addSql(
      `create unique index "charge_service_fee_unique" on "arrears"."charge" ("month", "account_id") where "kind" = 'SERVICE_FEE'`,
    );
    this.addSql(`alter table "arrears"."billing_run" drop constraint "billing_run_area_id_month_key",
      add constraint "billing_run_area_id_month_company_id_key" unique ("area_id", "month", "company_id")`);
    this
      .addSql(`alter table "arrears"."subsidy_charge" drop constraint "subsidy_charge_area_id_month_payer_building_class_key",
      add constraint "subsidy_charge_area_month_company_payer_class_key" unique ("area_id", "month", "company_id", "payer", "building_class")`);
  }
}
