import { Migration } from '@mikro-orm/migrations';

/**
 * The open charges of each account with what the arrears list sums, so the list reads only what is still owed
 * (index-only), never the settled charges of an account's history.
 */
export class Migration20261201120000_open_charge_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "charge_open_index" on "arrears"."charge" ("account_id") include ("due_on", "amount_fen", "paid_fen", "waived_fen", "voluntary") where "amount_fen" > "paid_fen" + "waived_fen"`,
    );
  }
}
