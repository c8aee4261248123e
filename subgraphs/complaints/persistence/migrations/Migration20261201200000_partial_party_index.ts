import { Migration } from '@mikro-orm/migrations';

/**
 * Orders are found by their party only once dispatched: the index leaves out the orders no party holds yet, so a
 * backfill of received orders writes one index fewer per order (issue 18's import benchmark).
 */
export class Migration20261201200000_partial_party_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "complaints"."complaint_order_party_index"`);
    this.addSql(
      `create index "complaint_order_party_index" on "complaints"."complaint_order" ("party_organisation_id") where "party_organisation_id" is not null`,
    );
  }
}
