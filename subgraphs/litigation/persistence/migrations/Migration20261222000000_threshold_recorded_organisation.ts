import { Migration } from '@mikro-orm/migrations';

/**
 * The organisation that recorded a small-claims threshold (a court's id, the admin's): a court's record may not
 * contradict a figure another party recorded (THRESHOLD_CONTRADICTS_RECORD), and `recorded_by` names only the person.
 * Null for the records made before, which count as another party's.
 */
export class Migration20261222000000_threshold_recorded_organisation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."small_claims_threshold" add column "recorded_organisation" text null`);
  }
}
