import { Migration } from '@mikro-orm/migrations';

/** Area facts contracts rules need: the total floor area (agreement-selection threshold) and the building classes. */
export class Migration20261122010000_area_facts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contracts"."area_view"
      add column "total_floor_area_centi_m2" bigint not null default 0,
      add column "households" int not null default 0,
      add column "building_classes" jsonb not null default '[]'`);
  }
}
