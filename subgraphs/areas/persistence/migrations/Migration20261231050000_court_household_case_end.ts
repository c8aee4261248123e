import { Migration } from '@mikro-orm/migrations';

/**
 * How far each court's case has gone, as litigation publishes it, and the first day it is over (domain/court-case-end.ts):
 * from then the grant gives the court nothing and names no former owner the register must keep. Columns only, all
 * nullable (the cancelled flag with a constant default, which PostgreSQL adds without rewriting the table): the grants
 * held before this migration run on until litigation reports their case again (README, owner data retention).
 */
export class Migration20261231050000_court_household_case_end extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."court_household"
      add column "case_status" text null,
      add column "case_ended_on" date null,
      add column "enforcement_due_on" date null,
      add column "enforcement_met_on" date null,
      add column "enforcement_cancelled" boolean not null default false,
      add column "enforcement_sequence" integer null,
      add column "case_over_from" date null`);
  }
}
