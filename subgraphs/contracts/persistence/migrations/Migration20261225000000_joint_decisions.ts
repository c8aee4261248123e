import { Migration } from '@mikro-orm/migrations';
import { jointDecisionViewDdl } from '../../../../platform/read-models/joint-decisions';

/**
 * The owners' joint decisions of areas.governance.v1, kept by contracts: a regular contract may name the one hiring
 * its provider, which is checked when the contract is filed (domain/selection.ts hiringDecisionProblems). Filled from
 * the feed as it is consumed from the start by the new consumer group `contracts.governance`.
 */
export class Migration20261225000000_joint_decisions extends Migration {
  override async up(): Promise<void> {
    for (const sql of jointDecisionViewDdl('contracts')) this.addSql(sql);
  }
}
