import { Migration } from '@mikro-orm/migrations';

/**
 * Each division keeps its own complaints taxonomy: a version names the division whose hotline orders it serves, and
 * the keys hold it, so two cities may use the same codes. Versions recorded before get '' (every division), which is
 * what they were: they serve each street whose division has no taxonomy of its own in force. Added last with a default,
 * so an insert naming the columns by position (the benchmarks' and tests' fixtures) still fits. Each order keeps the
 * division whose category it was received under (taxonomy_division), '' for the orders received before, as they were.
 */
export class Migration20261226000000_taxonomy_per_division extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaints"."taxonomy_category" add column "division" text not null default '',
      drop constraint "taxonomy_category_pkey", add constraint "taxonomy_category_pkey" primary key ("division", "code", "valid_from")`);
    this.addSql(`alter table "complaints"."taxonomy_item" add column "division" text not null default '',
      drop constraint "taxonomy_item_pkey",
      add constraint "taxonomy_item_pkey" primary key ("division", "category_code", "code", "valid_from")`);
    this.addSql(`alter table "complaints"."complaint_order" add column "taxonomy_division" text not null default ''`);
  }
}
