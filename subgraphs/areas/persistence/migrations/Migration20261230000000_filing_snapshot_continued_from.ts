import { Migration } from '@mikro-orm/migrations';
import { filingSnapshotContinuedFromDdl } from '../../../../platform/read-models/filing-snapshot';

/** The first day of a contract's unfixed term after its own (filingSnapshotContinuedFromDdl). */
export class Migration20261230000000_filing_snapshot_continued_from extends Migration {
  override async up(): Promise<void> {
    this.addSql(filingSnapshotContinuedFromDdl('areas'));
  }
}
