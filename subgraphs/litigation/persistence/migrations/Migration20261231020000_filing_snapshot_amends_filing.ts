import { Migration } from '@mikro-orm/migrations';
import { filingSnapshotAmendsFilingDdl } from '../../../../platform/read-models/filing-snapshot';

/** The filing an amendment amends, which orders two versions of a contract accepted the same day (laterVersionSql). */
export class Migration20261231020000_filing_snapshot_amends_filing extends Migration {
  override async up(): Promise<void> {
    this.addSql(filingSnapshotAmendsFilingDdl('litigation'));
  }
}
