import { Migration } from '@mikro-orm/migrations';

/**
 * The agenda item (议题) a joint decision was taken under, when a meeting decided one matter more than once
 * (domain/joint-decision.ts checkSameDecision). Decisions recorded before have none. The index serves the look-up of
 * a meeting's decision before a new one is recorded.
 */
export class Migration20261214000000_joint_decision_agenda_item extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."joint_decision" add column "agenda_item" text null
      check ("agenda_item" is null or length("agenda_item") between 1 and 200)`);
    this.addSql(
      `create index "joint_decision_meeting_index" on "areas"."joint_decision" ("area_id", "held_on", "matter")`,
    );
  }
}
