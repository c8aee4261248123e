import { Migration } from '@mikro-orm/migrations';

/**
 * Counts and sizes of contracts that are never below zero, checked by the database: an area's total floor area and
 * households (hub.areas.area.changed, minimum 0 in the catalog; 0 until the first change), a contract's deadline
 * sequence (0 for a draft, one more with each announcement, announce-filing-deadline.ts), a filing's days late
 * (domain/filing-deadline.ts assessFiling: 0 when on time, else max(0, days after the deadline)), a record-number
 * counter's year and last number (review-filing.ts: the year of the day accepted; 1 for the first, then one more
 * each), the index of an upload's part (0 to parts - 1, upload-filing-document.ts) and a certificate's size (the
 * PDF's length). The filing document's and upload's sizes are checked already (between 1 and 20 MiB). Before, only
 * the code kept them so, and a write by hand or a fault could store a negative delay (and its credit entry) or a
 * record number of year 0. No value stored could break them, so the constraints are validated at once.
 */
export class Migration20261231010000_counts_non_negative extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contracts"."area_view"
      add constraint "area_view_total_floor_area_centi_m2_non_negative" check ("total_floor_area_centi_m2" >= 0),
      add constraint "area_view_households_non_negative" check ("households" >= 0)`);
    this.addSql(`alter table "contracts"."contract"
      add constraint "contract_deadline_sequence_non_negative" check ("deadline_sequence" >= 0)`);
    this.addSql(`alter table "contracts"."filing"
      add constraint "filing_days_late_non_negative" check ("days_late" >= 0)`);
    this.addSql(`alter table "contracts"."record_number_counter"
      add constraint "record_number_counter_year_positive" check ("year" >= 1),
      add constraint "record_number_counter_last_positive" check ("last" >= 1)`);
    this.addSql(`alter table "contracts"."filing_document_upload_part"
      add constraint "filing_document_upload_part_index_non_negative" check ("index" >= 0)`);
    this.addSql(`alter table "contracts"."filing_certificate"
      add constraint "filing_certificate_size_bytes_non_negative" check ("size_bytes" >= 0)`);
  }
}
