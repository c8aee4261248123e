import { Migration } from '@mikro-orm/migrations';

/**
 * A reviewer's queue (one district's or one street's filings of a status, oldest submission first, keyset
 * `(submitted_on, created_at, id)`) reads its page straight from one of these indexes, however deep.
 */
export class Migration20261201110000_filing_queue_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "filing_district_queue_index" on "contracts"."filing" ("district_code", "status", "submitted_on", "created_at", "id")`,
    );
    this.addSql(
      `create index "filing_street_queue_index" on "contracts"."filing" ("street_code", "status", "submitted_on", "created_at", "id")`,
    );
  }
}
