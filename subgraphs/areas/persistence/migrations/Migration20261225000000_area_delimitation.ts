import { Migration } from '@mikro-orm/migrations';

/**
 * The day an area was first delimited (its first buildings assigned) and the day a building added to it later joined
 * (application/assign-buildings.ts): a joint decision counts the area's owners of the meeting day
 * (domain/joint-decision.ts unitsOnMeetingDay). Existing rows stay null: the buildings are the area as delimited, and
 * an area that already has buildings takes each building assigned from now on as added on its day.
 */
export class Migration20261225000000_area_delimitation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."area" add column "delimited_on" date null`);
    this.addSql(`alter table "areas"."building" add column "joined_area_on" date null`);
  }
}
