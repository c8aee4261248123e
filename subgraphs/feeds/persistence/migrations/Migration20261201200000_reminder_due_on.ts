import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21: a reminder is sent once per deadline, lead and due date. An account's limitation deadline moves to its
 * next charge's date when the first is paid or sued for; the reminders of the new date are new reminders, while a
 * repeated run for the same date still finds its key taken. Rows sent before this change keep their deadline's due date.
 */
export class Migration20261201200000_reminder_due_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "feeds"."deadline_reminder" add column "due_on" date`);
    this.addSql(
      `update "feeds"."deadline_reminder" r set "due_on" = coalesce(d."due_on", r."reminded_on") from "feeds"."deadline" d where d."deadline_key" = r."deadline_key"`,
    );
    this.addSql(`alter table "feeds"."deadline_reminder" alter column "due_on" set not null`);
    this.addSql(`alter table "feeds"."deadline_reminder" drop constraint "deadline_reminder_pkey"`);
    this.addSql(`alter table "feeds"."deadline_reminder" add primary key ("deadline_key", "lead", "due_on")`);
  }
}
