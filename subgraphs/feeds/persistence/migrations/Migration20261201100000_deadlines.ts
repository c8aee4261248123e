import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21: the deadline register (each deadline as the subgraph whose rule sets it last announced it), the
 * reminders sent (one row per deadline and lead: the unique key that makes each reminder go out once) and the
 * reminder leads, the admin's default (`*`) and each party's own.
 */
export class Migration20261201100000_deadlines extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "feeds"."deadline" (
      "deadline_key" text primary key,
      "kind" text not null,
      "subject_id" uuid not null,
      "owner_kind" text not null,
      "owner_organisation_id" text not null,
      "district_code" text,
      "legal_basis" text not null,
      "due_on" date,
      "met_on" date,
      "cancelled" boolean not null,
      "sequence" int not null,
      "source" text not null,
      "updated_at" timestamptz not null default now())`);
    this.addSql(
      `create index "deadline_owner_idx" on "feeds"."deadline" ("owner_organisation_id", "due_on") where not "cancelled"`,
    );
    this.addSql(
      `create index "deadline_open_idx" on "feeds"."deadline" ("due_on") where "met_on" is null and not "cancelled"`,
    );
    this.addSql(`create table "feeds"."deadline_reminder" (
      "deadline_key" text not null references "feeds"."deadline" ("deadline_key"),
      "lead" text not null,
      "event_id" uuid unique,
      "reminded_on" date not null,
      "sent_at" timestamptz not null default now(),
      primary key ("deadline_key", "lead"))`);
    this.addSql(`create table "feeds"."deadline_reminder_leads" (
      "organisation_id" text primary key,
      "lead_days" int[] not null,
      "overdue" boolean not null,
      "changed_by" text not null,
      "changed_at" timestamptz not null default now())`);
  }
}
