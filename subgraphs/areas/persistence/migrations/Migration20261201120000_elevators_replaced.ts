import { Migration } from '@mikro-orm/migrations';

/** The month a building's elevators were last installed or replaced, where known (seed 003: June 2023). */
export class Migration20261201120000_elevators_replaced extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "areas"."building" add column "elevators_replaced_in" text null check ("elevators_replaced_in" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table "areas"."building" drop column "elevators_replaced_in"');
  }
}
