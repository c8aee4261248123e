import { Migration } from '@mikro-orm/migrations';

/**
 * Owners' self-management (业主自行管理, Civil Code art. 284 para. 1), decided by a recorded joint decision of the
 * area. Like caretaking, it ends by itself at the first acceptance of a provider's filing of the area on or after the
 * start (filing_snapshot); `ended_on` holds an end the street office records.
 */
export class Migration20261201130000_self_management extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "areas"."self_management" (
      "id" uuid primary key,
      "area_id" uuid not null references "areas"."area" ("id"),
      "joint_decision_id" uuid not null references "areas"."joint_decision" ("id"),
      "starts_on" date not null,
      "ended_on" date null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null default now())`);
    this.addSql(`create index "self_management_area_index" on "areas"."self_management" ("area_id", "starts_on")`);
  }
}
