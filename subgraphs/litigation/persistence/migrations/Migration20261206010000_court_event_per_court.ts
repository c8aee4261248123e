import { Migration } from '@mikro-orm/migrations';

/**
 * A court's report ids are its own: the key is (court, id), not the id alone. Keyed by the id alone, one court's
 * report was refused as EVENT_ID_REUSED (and dead-lettered) when another court had used the same id, and the refusal
 * told the caller that another court had. The court is the referral's (a company's withdrawal is recorded under it).
 */
export class Migration20261206010000_court_event_per_court extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."court_event" add column "court_id" text null`);
    this.addSql(`update "litigation"."court_event" e set "court_id" = r."court_id"
      from "litigation"."referral" r where r."id" = e."referral_id"`);
    this.addSql(`alter table "litigation"."court_event" alter column "court_id" set not null,
      drop constraint "court_event_pkey", add constraint "court_event_pkey" primary key ("court_id", "id")`);
  }
}
