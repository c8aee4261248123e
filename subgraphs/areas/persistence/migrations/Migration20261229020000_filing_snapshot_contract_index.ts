import { Migration } from '@mikro-orm/migrations';
import { filingSnapshotContractIndexDdl } from '../../../../platform/read-models/filing-snapshot';

/** The filing snapshot's look-ups by contract (filingSnapshotContractIndexDdl). */
export class Migration20261229020000_filing_snapshot_contract_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(filingSnapshotContractIndexDdl('areas'));
  }
}
