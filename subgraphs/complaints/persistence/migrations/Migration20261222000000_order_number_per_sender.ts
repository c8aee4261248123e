import { Migration } from '@mikro-orm/migrations';

/**
 * An order number is unique within its street for each sender, not for the street alone: a street office's backfill
 * (sender: the office) holding a number first made the hotline system's own order under it a duplicate, dropped for
 * good with no dead letter, so an office, itself measured by these orders, could import a backdated line under a
 * number the hotline was about to send and keep that order out of the rates, the company's record and dispatch (a
 * helper's audit). Now only the sender's own copy is a duplicate: the hotline's order stands beside the backfill's
 * row. The orders held so far were unique by street and number, so by street, number and sender too.
 */
export class Migration20261222000000_order_number_per_sender extends Migration {
  override async up(): Promise<void> {
    // Number before sender: a backfill's lookup of a number its street holds from any sender uses the same index.
    this.addSql(
      `alter table "complaints"."complaint_order" add constraint "complaint_order_street_number_sender_key" unique ("street_code", "order_number", "sender_id")`,
    );
    this.addSql(`alter table "complaints"."complaint_order" drop constraint "complaint_order_street_number_key"`);
  }
}
