import { Migration } from '@mikro-orm/migrations';

/**
 * The areas of each company's contracts, drafts included (contracts.contract-areas.v1): the company reads those
 * areas' identifying facts, nothing below them.
 */
export class Migration20261201220000_contract_areas extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "areas"."contract_area" (
      "contract_id" uuid primary key,
      "company_id" text not null,
      "area_id" uuid not null,
      "received_at" timestamptz not null default now())`);
    this.addSql(`create index "contract_area_company_index" on "areas"."contract_area" ("company_id", "area_id")`);
  }
}
