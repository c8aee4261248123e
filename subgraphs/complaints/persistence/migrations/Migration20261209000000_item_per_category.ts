import { Migration } from '@mikro-orm/migrations';

/**
 * An item's code is its category's: item "01" of two categories from the same day were one key, and the second was
 * refused as a CONFLICT. The key is now (category, code, valid from).
 */
export class Migration20261209000000_item_per_category extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaints"."taxonomy_item" drop constraint "taxonomy_item_pkey",
      add constraint "taxonomy_item_pkey" primary key ("category_code", "code", "valid_from")`);
  }
}
