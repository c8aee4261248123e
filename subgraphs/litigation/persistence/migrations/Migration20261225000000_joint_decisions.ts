import { Migration } from '@mikro-orm/migrations';
import { jointDecisionViewDdl } from '../../../../platform/read-models/joint-decisions';

/**
 * The owners' joint decisions of areas.governance.v1, kept by litigation: a complaint says when the owners chose the
 * plaintiff, where its regular contract names the hiring decision (domain/referral.ts). Filled from the feed as it is
 * consumed from the start by the new consumer group `litigation.governance`.
 */
export class Migration20261225000000_joint_decisions extends Migration {
  override async up(): Promise<void> {
    for (const sql of jointDecisionViewDdl('litigation')) this.addSql(sql);
  }
}
