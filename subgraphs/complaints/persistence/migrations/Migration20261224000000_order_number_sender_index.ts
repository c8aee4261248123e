import { Migration } from '@mikro-orm/migrations';

/**
 * A received order looks up its sender's copies of its number in other streets (a re-route, REROUTED): by number and
 * sender, which the unique key (street, number, sender) cannot serve without its leading street. A plain (not
 * concurrent) build inside the migration's transaction: it holds writes to the orders while it runs, seconds for a
 * million orders (the complaints benchmark's size); build it concurrently by hand first on a larger table.
 */
export class Migration20261224000000_order_number_sender_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "complaint_order_number_sender_index" on "complaints"."complaint_order" ("order_number", "sender_id")`,
    );
  }
}
