import { Migration } from '@mikro-orm/migrations';

/**
 * The city's reasonable period after a demand (Civil Code art. 944 para. 2), as its settings give it
 * (contracts.city-settings.v1 demandPeriod); null where the city sets none, so the hub default applies.
 */
export class Migration20261201210000_city_demand_period extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."city_province"
      add column "demand_period_days" int null check ("demand_period_days" between 1 and 180),
      add column "demand_period_source" text null,
      add check (("demand_period_days" is null) = ("demand_period_source" is null))`);
  }
}
