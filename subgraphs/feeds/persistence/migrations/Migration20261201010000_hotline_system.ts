import { Migration } from '@mikro-orm/migrations';

/** A 12345 hotline system may be registered for the feeds: it sends its work orders on its own topic. */
export class Migration20261201010000_hotline_system extends Migration {
  override async up(): Promise<void> {
    // PostgreSQL named the column's check `<table>_<column>_check`.
    this.addSql(`alter table "feeds"."feed_subscriber" drop constraint if exists "feed_subscriber_kind_check"`);
    this.addSql(
      `alter table "feeds"."feed_subscriber" add constraint "feed_subscriber_kind_check" check ("kind" in ('BUREAU','ENFORCEMENT_BUREAU','COURT','HOTLINE_SYSTEM'))`,
    );
  }
}
