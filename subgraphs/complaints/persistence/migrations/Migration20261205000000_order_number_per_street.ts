import { Migration } from '@mikro-orm/migrations';

/**
 * An order number is unique within its street, not the city: a street office's import (its own street's lines only)
 * and a hotline system registered for a street can then neither pre-empt another street's order (one imported first
 * under that number made the hotline's genuine order a duplicate, dropped for good) nor learn from `duplicates` which
 * numbers another street holds (an authorization audit of 2026-12-04). A number the hotline re-routes to another
 * street is that street's own order.
 */
export class Migration20261205000000_order_number_per_street extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaints"."complaint_order" drop constraint "complaint_order_order_number_key"`);
    this.addSql(
      `alter table "complaints"."complaint_order" add constraint "complaint_order_street_number_key" unique ("street_code", "order_number")`,
    );
  }
}
