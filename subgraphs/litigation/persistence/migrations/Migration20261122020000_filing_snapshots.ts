import { Migration } from '@mikro-orm/migrations';
import { filingSnapshotDdl } from '../../../../infra/events/filing-snapshot';

/** Contract filings as the contracts feed publishes them (see infra/events/filing-snapshot.ts). */
export class Migration20261122020000_filing_snapshots extends Migration {
  override async up(): Promise<void> {
    for (const sql of filingSnapshotDdl('litigation')) this.addSql(sql);
  }
}
