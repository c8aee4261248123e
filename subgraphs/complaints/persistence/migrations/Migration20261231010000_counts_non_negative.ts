import { Migration } from '@mikro-orm/migrations';

/**
 * The copies of areas' counts are never below zero, checked by the database as areas checks its own: a compound's
 * property-rights units (hub.areas.compound.changed, minimum 0 in the catalog, checked >= 0 in areas) and a
 * building's households (the number of households its roster event lists). Before, only the event schema kept them
 * so, and a write by hand or a fault could store a negative count that the orders per 100 households are divided by.
 * No count stored could be negative, so the constraints are validated at once.
 */
export class Migration20261231010000_counts_non_negative extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaints"."compound_view"
      add constraint "compound_view_property_rights_units_non_negative" check ("property_rights_units" >= 0)`);
    this.addSql(`alter table "complaints"."building_view"
      add constraint "building_view_households_non_negative" check ("households" >= 0)`);
  }
}
