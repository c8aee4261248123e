import { Migration } from '@mikro-orm/migrations';
import { filingSnapshotDdl } from '../../../../platform/read-models/filing-snapshot';

/** Contract filings as the contracts feed publishes them (see platform/read-models/filing-snapshot.ts). */
export class Migration20261122020000_filing_snapshots extends Migration {
  override async up(): Promise<void> {
    for (const sql of filingSnapshotDdl('arrears')) this.addSql(sql);
  }
}
