import { Migration } from '@mikro-orm/migrations';

/**
 * A reminder is sent once per deadline, recipient, lead and due date: each recipient (the owner, a bureau of the
 * deadline's district) by its own leads. Before, one claim per deadline, lead and due date went to every recipient by
 * the owner's leads, so a company that turned its OVERDUE reminder off also silenced its reviewing bureau's (helper-270's
 * audit, test/deadlines-owner-leads.it.test.ts). Rows claimed before this change went to every recipient of their
 * time: their recipient is `*`, which still holds the (deadline, lead, due date) for all of them (claimReminder), so
 * none is sent twice. One event may carry the reminders of several recipients, so event_id is no longer unique.
 */
export class Migration20261229000000_reminder_recipient extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "feeds"."deadline_reminder" add column "recipient" text`);
    this.addSql(`update "feeds"."deadline_reminder" set "recipient" = '*'`);
    this.addSql(`alter table "feeds"."deadline_reminder" alter column "recipient" set not null`);
    this.addSql(`alter table "feeds"."deadline_reminder" drop constraint "deadline_reminder_pkey"`);
    this.addSql(
      `alter table "feeds"."deadline_reminder" add primary key ("deadline_key", "recipient", "lead", "due_on")`,
    );
    this.addSql(`alter table "feeds"."deadline_reminder" drop constraint if exists "deadline_reminder_event_id_key"`);
  }
}
