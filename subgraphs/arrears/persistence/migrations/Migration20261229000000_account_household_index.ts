import { Migration } from '@mikro-orm/migrations';

/**
 * The accounts of a household, of any company (account.repository.ts accountIdsOfHouseholds, read in the roster
 * consumer's inbox transaction whenever a household has a new owner): the only index with `household_id` led with
 * the company, so each roster message scanned every account (305 ms at 200,000 accounts, a schema audit of
 * 2026-12-07). On a database with millions of accounts, build it first by hand with
 * `create index concurrently if not exists account_household_index on arrears.account (household_id)`: this
 * migration then finds it and holds no lock.
 */
export class Migration20261229000000_account_household_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index if not exists "account_household_index" on "arrears"."account" ("household_id")`);
  }
}
